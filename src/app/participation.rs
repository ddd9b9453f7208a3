//! Participation of the open rounds as each role may see it. Admins get exact, live counts:
//! they send the reminders. The CTO and the board get the counts taken at the start of the
//! hour, with small groups withheld (the rules are `domain::participation`'s).
//!
//! Why hourly counts are taken by the server and kept in memory: counts as of a past moment
//! cannot be worked out later (nothing records when an invitation was answered, on purpose),
//! and counts taken when a reader first asks within an hour would let the reader choose the
//! moment (ask at 9:59, then at 10:00). So the background worker takes them within seconds of
//! each full hour and readers only ever see those. They are not written to the database: a
//! history of hourly counts per group would be the very answer-time record the schema avoids.
//! Several servers each take their own at the same full hour; a restarted server shows none
//! until the next full hour rather than take counts at the moment it started.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use time::{Duration, PrimitiveDateTime};

use crate::auth::Role;
use crate::db::rounds::{GroupProgress, Round, RoundProgress};
use crate::db::DbConnection;
use crate::domain::ids::RoundId;
use crate::domain::participation::{hour_start, reader_view, Withheld};
use crate::domain::round::RoundStatus;

use super::rounds::{self, RoundError};

/// The counts of every open round taken at the start of the current hour (one per server).
#[derive(Default)]
pub struct HourlyCounts {
    taken: Mutex<Option<Taken>>,
    /// Invitations per reporting group of each open round, read once: they are fixed at
    /// launch, and counting them for every dashboard read a large company's whole round.
    invited: Mutex<HashMap<RoundId, Arc<Invited>>>,
}

/// A round's invitations per reporting group, in group order.
type Invited = Vec<(String, i64)>;

struct Taken {
    at: PrimitiveDateTime,
    rounds: HashMap<RoundId, RoundProgress>,
}

impl HourlyCounts {
    /// Takes the counts of every open round, as of the start of `now`'s hour, unless that
    /// hour's are taken already. Returns whether it took them. The background worker calls it
    /// every few seconds; the first call of an hour takes them.
    pub fn take_if_due(
        &self,
        conn: &mut DbConnection,
        now: PrimitiveDateTime,
    ) -> Result<bool, RoundError> {
        if !self.is_due(now) {
            return Ok(false);
        }
        let hour = hour_start(now);
        // Counts only: the bounced addresses are for admins, who read them live.
        let rounds = rounds::open_progress(conn)?
            .into_iter()
            .map(|(r, mut p)| {
                p.undeliverable.clear();
                (r.id, p)
            })
            .collect::<HashMap<_, _>>();
        // Closed rounds' invitation counts are no longer asked for.
        if let Ok(mut invited) = self.invited.lock() {
            invited.retain(|id, _| rounds.contains_key(id));
        }
        if let Ok(mut taken) = self.taken.lock() {
            *taken = Some(Taken { at: hour, rounds });
        }
        Ok(true)
    }

    /// Marks `now`'s hour as passed without taking counts: a server that starts mid-hour
    /// takes its first at the next full hour, so a restart cannot add a moment of its own.
    pub fn skip_current_hour(&self, now: PrimitiveDateTime) {
        if let Ok(mut taken) = self.taken.lock() {
            *taken = Some(Taken {
                at: hour_start(now),
                rounds: HashMap::new(),
            });
        }
    }

    /// Whether the counts of `now`'s hour are still to be taken.
    pub fn is_due(&self, now: PrimitiveDateTime) -> bool {
        self.taken_at().is_none_or(|at| at < hour_start(now))
    }

    /// The start of the last hour taken (or skipped).
    fn taken_at(&self) -> Option<PrimitiveDateTime> {
        self.taken.lock().ok()?.as_ref().map(|t| t.at)
    }

    /// Round `id`'s invitations per group: counted on first use, then kept.
    fn invited(&self, conn: &mut DbConnection, id: RoundId) -> Result<Arc<Invited>, RoundError> {
        if let Some(known) = self.invited.lock().ok().and_then(|m| m.get(&id).cloned()) {
            return Ok(known);
        }
        let counted = Arc::new(crate::db::rounds::invited_by_group(conn, id)?);
        if let Ok(mut m) = self.invited.lock() {
            m.insert(id, Arc::clone(&counted));
        }
        Ok(counted)
    }

    fn of_round(&self, id: RoundId) -> Option<(PrimitiveDateTime, RoundProgress)> {
        let taken = self.taken.lock().ok()?;
        let t = taken.as_ref()?;
        t.rounds.get(&id).map(|p| (t.at, p.clone()))
    }
}

/// One row of a round's participation as a role sees it.
#[derive(Debug, Clone)]
pub struct SeenGroup {
    /// The reporting group's key, or `all` for the overall row.
    pub group: String,
    /// Invitations (fixed at launch, so never withheld).
    pub invited: i64,
    /// The counts, or why they are withheld from this role.
    pub counts: Result<GroupProgress, Withheld>,
}

/// An open round's participation as a role sees it.
#[derive(Debug, Clone)]
pub struct SeenRound {
    pub round: Round,
    /// When the counts were taken: now for admins, the start of the hour for the others
    /// (`None` while no hourly count has been taken).
    pub as_of: Option<PrimitiveDateTime>,
    pub overall: SeenGroup,
    pub groups: Vec<SeenGroup>,
    /// Emails still waiting in the outbox, as of `as_of`.
    pub emails_pending: Option<i64>,
}

/// The open rounds' participation as `role` may see it at `now`. `strict` is the strict
/// mode's setting (per-group progress for admins only).
pub fn open_rounds(
    conn: &mut DbConnection,
    role: Role,
    hourly: &HourlyCounts,
    strict: bool,
    now: PrimitiveDateTime,
) -> Result<Vec<SeenRound>, RoundError> {
    if role == Role::Admin {
        return Ok(rounds::open_progress(conn)?
            .into_iter()
            .map(|(round, p)| exact(round, p, now))
            .collect());
    }
    // Readers see only the hourly counts, so nothing live is read but the invitations per
    // group, which launch fixed.
    crate::db::rounds::with_status(conn, RoundStatus::Open)?
        .into_iter()
        .map(|round| {
            let invited = hourly.invited(conn, round.id)?;
            let taken = hourly.of_round(round.id);
            Ok(for_readers(round, &invited, taken, strict, now))
        })
        .collect()
}

fn exact(round: Round, p: RoundProgress, now: PrimitiveDateTime) -> SeenRound {
    let shown = |g: GroupProgress| SeenGroup {
        group: g.group.clone(),
        invited: g.invited,
        counts: Ok(g),
    };
    SeenRound {
        round,
        as_of: Some(now),
        overall: shown(p.overall),
        groups: p.groups.into_iter().map(shown).collect(),
        emails_pending: Some(p.emails_pending),
    }
}

/// What the CTO and the board see: which rows are withheld is decided from the invitation
/// counts (fixed at launch); the counts shown come from the hourly ones.
fn for_readers(
    round: Round,
    invited: &[(String, i64)],
    taken: Option<(PrimitiveDateTime, RoundProgress)>,
    strict: bool,
    now: PrimitiveDateTime,
) -> SeenRound {
    let k = u32::try_from(round.k).unwrap_or(u32::MAX);
    let sizes: Vec<u64> = invited
        .iter()
        .map(|(_, n)| u64::try_from(*n).unwrap_or(0))
        .collect();
    let view = reader_view(&sizes, k, strict);
    let not_yet = Withheld::NotYetCounted {
        next: hour_start(now) + Duration::hours(1),
    };
    let row = |group: &str, n: i64, withheld: Option<Withheld>, at_hour: Option<&GroupProgress>| {
        let counts = match (withheld, at_hour) {
            (Some(w), _) => Err(w),
            (None, Some(h)) => Ok(h.clone()),
            (None, None) => Err(not_yet),
        };
        SeenGroup {
            group: group.to_string(),
            invited: n,
            counts,
        }
    };
    let hourly = taken.as_ref().map(|(_, p)| p);
    let groups = invited
        .iter()
        .zip(&view.groups)
        .map(|((group, n), w)| {
            let at_hour = hourly.and_then(|p| p.groups.iter().find(|h| &h.group == group));
            row(group, *n, *w, at_hour)
        })
        .collect();
    let everyone = invited.iter().map(|(_, n)| n).sum();
    SeenRound {
        overall: row("all", everyone, view.overall, hourly.map(|p| &p.overall)),
        groups,
        emails_pending: hourly.map(|p| p.emails_pending),
        as_of: taken.map(|(at, _)| at),
        round,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn a_server_started_mid_hour_takes_its_first_counts_at_the_next_full_hour() {
        let counts = HourlyCounts::default();
        assert!(counts.is_due(datetime!(2026-12-03 09:37)));
        counts.skip_current_hour(datetime!(2026-12-03 09:37));
        assert!(!counts.is_due(datetime!(2026-12-03 09:59:59)));
        assert!(counts.is_due(datetime!(2026-12-03 10:00)));
        assert!(counts.of_round(RoundId::random()).is_none());
    }
}
