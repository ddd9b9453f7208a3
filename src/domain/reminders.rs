//! Who a reminder wave reaches: people who have not answered, with nothing already waiting
//! in the outbox for them, and not reminded within the cooldown — whatever triggered the wave
//! (the schedule, the CLI or the admin's button). Pure: facts and `now` in, decisions out.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;
use time::{Duration, PrimitiveDateTime};

/// What started a reminder wave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Trigger {
    Schedule,
    Cli,
    Admin,
}

impl fmt::Display for Trigger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Trigger::Schedule => "schedule",
            Trigger::Cli => "cli",
            Trigger::Admin => "admin",
        })
    }
}

impl FromStr for Trigger {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "schedule" => Ok(Trigger::Schedule),
            "cli" => Ok(Trigger::Cli),
            "admin" => Ok(Trigger::Admin),
            other => Err(format!("unknown reminder trigger {other:?}")),
        }
    }
}

/// One unanswered invitation, as a wave sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unanswered {
    /// The last invitation bounced (the address has since been fixed, or not).
    pub bounced: bool,
    /// A message for it is still waiting in the outbox.
    pub queued: bool,
    pub last_reminded_at: Option<PrimitiveDateTime>,
}

/// What a wave does for one invitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Remind,
    /// A fresh invitation: the last one never arrived, so this is not a second reminder.
    Reinvite,
    /// Reminded less than the cooldown ago.
    HeldBack,
    /// A message is already waiting.
    AlreadyQueued,
}

/// Decides one invitation's part in a wave at `now`.
pub fn decide(u: Unanswered, now: PrimitiveDateTime, cooldown: Duration) -> Decision {
    if u.queued {
        Decision::AlreadyQueued
    } else if u.bounced {
        Decision::Reinvite
    } else if u.last_reminded_at.is_some_and(|last| now < last + cooldown) {
        Decision::HeldBack
    } else {
        Decision::Remind
    }
}

/// What a wave queues (or would queue).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct WaveCounts {
    /// Reminders to people who have not answered.
    pub reminders: usize,
    /// Fresh invitations to people whose address bounced (after it was fixed in the roster).
    pub reinvites: usize,
    /// People not reminded because they were reminded within the cooldown.
    pub held_back: usize,
}

impl WaveCounts {
    /// Counts the decisions.
    pub fn of(decisions: impl IntoIterator<Item = Decision>) -> WaveCounts {
        decisions
            .into_iter()
            .fold(WaveCounts::default(), |mut c, d| {
                match d {
                    Decision::Remind => c.reminders += 1,
                    Decision::Reinvite => c.reinvites += 1,
                    Decision::HeldBack => c.held_back += 1,
                    Decision::AlreadyQueued => {}
                }
                c
            })
    }

    /// Messages the wave sends.
    pub fn messages(&self) -> usize {
        self.reminders + self.reinvites
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    const DAY: Duration = Duration::hours(24);

    fn u(bounced: bool, queued: bool, last: Option<PrimitiveDateTime>) -> Unanswered {
        Unanswered {
            bounced,
            queued,
            last_reminded_at: last,
        }
    }

    #[test]
    fn the_cooldown_holds_back_a_second_reminder_until_it_has_passed() {
        let last = datetime!(2026-10-05 09:00);
        // 6 s later (the same wave run twice): held back.
        let again = datetime!(2026-10-05 09:00:06);
        assert_eq!(
            decide(u(false, false, Some(last)), again, DAY),
            Decision::HeldBack
        );
        // 23 h 59 min later: still held back; exactly 24 h later: reminded.
        assert_eq!(
            decide(
                u(false, false, Some(last)),
                datetime!(2026-10-06 08:59),
                DAY
            ),
            Decision::HeldBack
        );
        assert_eq!(
            decide(
                u(false, false, Some(last)),
                datetime!(2026-10-06 09:00),
                DAY
            ),
            Decision::Remind
        );
        assert_eq!(decide(u(false, false, None), again, DAY), Decision::Remind);
    }

    #[test]
    fn a_queued_message_wins_and_a_bounce_is_reinvited_despite_the_cooldown() {
        let now = datetime!(2026-10-05 09:00);
        assert_eq!(
            decide(u(true, true, None), now, DAY),
            Decision::AlreadyQueued
        );
        assert_eq!(
            decide(u(true, false, Some(now)), now, DAY),
            Decision::Reinvite
        );
    }

    #[test]
    fn counts_add_up() {
        let c = WaveCounts::of([
            Decision::Remind,
            Decision::Remind,
            Decision::Reinvite,
            Decision::HeldBack,
            Decision::AlreadyQueued,
        ]);
        // 2 reminders + 1 re-invitation = 3 messages; 1 held back; the queued one is not counted.
        assert_eq!(
            c,
            WaveCounts {
                reminders: 2,
                reinvites: 1,
                held_back: 1
            }
        );
        assert_eq!(c.messages(), 3);
    }

    proptest::proptest! {
        /// Nobody is reminded twice within the cooldown: after a reminder at `last`, any wave
        /// before `last + cooldown` holds them back, any at or after reminds them.
        #[test]
        fn never_two_reminders_within_the_cooldown(
            gap_minutes in 0i64..(7 * 24 * 60),
            cooldown_hours in 1i64..=336,
        ) {
            let last = datetime!(2026-10-05 09:00);
            let now = last + Duration::minutes(gap_minutes);
            let cooldown = Duration::hours(cooldown_hours);
            let d = decide(u(false, false, Some(last)), now, cooldown);
            proptest::prop_assert_eq!(d == Decision::Remind, now - last >= cooldown);
        }
    }
}
