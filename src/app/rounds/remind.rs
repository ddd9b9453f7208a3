//! Reminder waves: a reminder to everyone who has not answered and was not reminded within
//! the cooldown, a fresh invitation to those whose address bounced, and a record of the wave
//! (when, who or what triggered it, how many), whatever triggered it.

use std::collections::HashSet;

use serde::Serialize;
use time::{Duration, PrimitiveDateTime};

use super::{get, RoundError};
use crate::db::rounds::{self, NewOutboxRow, Unanswered};
use crate::db::schedules::{self, WaveRow};
use crate::db::{audit, DbConnection};
use crate::domain::ids::RoundId;
use crate::domain::reminders::{decide, Decision, Trigger, WaveCounts};

/// What a reminder wave queued (or, for a preview, would queue).
pub type RemindReport = WaveCounts;

/// How a wave is run: the cooldown (`[reminders] cooldown_hours`) and what triggered it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReminderRules {
    pub cooldown: Duration,
    pub trigger: Trigger,
}

/// A wave as the round page shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Wave {
    pub queued_at: PrimitiveDateTime,
    pub trigger: Trigger,
    pub actor: String,
    pub counts: WaveCounts,
}

fn decisions<'a>(
    pending: &'a [Unanswered],
    queued: &'a HashSet<String>,
    now: PrimitiveDateTime,
    cooldown: Duration,
) -> impl Iterator<Item = (&'a Unanswered, Decision)> + 'a {
    pending.iter().map(move |p| {
        let facts = crate::domain::reminders::Unanswered {
            bounced: p.bounced,
            queued: queued.contains(&p.invitation_id),
            last_reminded_at: p.last_reminded_at,
        };
        (p, decide(facts, now, cooldown))
    })
}

fn open_round(
    conn: &mut DbConnection,
    id: RoundId,
    now: PrimitiveDateTime,
) -> Result<(), RoundError> {
    let round = get(conn, id)?;
    if round.accepts_answers(now) {
        Ok(())
    } else {
        Err(RoundError::WrongStatus {
            id: round.id,
            status: round.status,
            action: "remind",
            needed: "open",
        })
    }
}

/// What a wave at `now` would queue, without queuing anything: the Remind button asks the
/// admin to confirm this.
pub fn preview_reminders(
    conn: &mut DbConnection,
    id: RoundId,
    now: PrimitiveDateTime,
    cooldown: Duration,
) -> Result<RemindReport, RoundError> {
    let id = get(conn, id)?.id;
    open_round(conn, id, now)?;
    let pending = rounds::unanswered(conn, id)?;
    let queued = rounds::queued_invitations(conn, id)?;
    Ok(WaveCounts::of(
        decisions(&pending, &queued, now, cooldown).map(|(_, d)| d),
    ))
}

/// Runs a wave at `now` in one transaction: queues the reminders and re-invitations, starts
/// each reminded person's cooldown, and records the wave.
pub fn remind(
    conn: &mut DbConnection,
    id: RoundId,
    now: PrimitiveDateTime,
    actor: &str,
    rules: ReminderRules,
) -> Result<RemindReport, RoundError> {
    let id = get(conn, id)?.id;
    conn.write_transaction(|conn| {
        // On PostgreSQL, lock the round first: a second wave started meanwhile waits here and
        // then reads the first one's cooldown stamps, so nobody is reminded twice by a
        // double-click or two instances.
        rounds::lock_round(conn, id)?;
        open_round(conn, id, now)?;
        let pending = rounds::unanswered(conn, id)?;
        let queued = rounds::queued_invitations(conn, id)?;
        let mut rows = Vec::new();
        let mut stamped = Vec::new();
        let mut reset = Vec::new();
        let mut all = Vec::new();
        for (p, d) in decisions(&pending, &queued, now, rules.cooldown) {
            all.push(d);
            let kind = match d {
                Decision::Remind => "reminder",
                Decision::Reinvite => {
                    reset.push(p.invitation_id.clone());
                    "reinvite"
                }
                Decision::HeldBack | Decision::AlreadyQueued => continue,
            };
            stamped.push(p.invitation_id.clone());
            rows.push(NewOutboxRow::for_invitation(
                kind,
                &p.email,
                id,
                &p.invitation_id,
                p.locale,
                now,
            ));
        }
        let report = WaveCounts::of(all);
        rounds::clear_bounced(conn, &reset)?;
        rounds::mark_reminded(conn, &stamped, now)?;
        rounds::insert_outbox(conn, &rows)?;
        schedules::insert_wave(
            conn,
            &WaveRow {
                id: uuid::Uuid::new_v4().to_string(),
                round_id: id,
                queued_at: now,
                trigger: rules.trigger.to_string(),
                actor: actor.to_string(),
                reminders: report.reminders as i32,
                reinvites: report.reinvites as i32,
                held_back: report.held_back as i32,
            },
        )?;
        let detail = format!(
            "reminders={} reinvites={} held_back={} trigger={}",
            report.reminders, report.reinvites, report.held_back, rules.trigger
        );
        audit::record(
            conn,
            now,
            actor,
            "round.remind",
            "round",
            Some(&id.to_string()),
            Some(&detail),
        )?;
        Ok(report)
    })
}

/// A round's reminder waves, oldest first.
pub fn reminder_waves(conn: &mut DbConnection, id: RoundId) -> Result<Vec<Wave>, RoundError> {
    schedules::waves(conn, id)?
        .into_iter()
        .map(|w| {
            Ok(Wave {
                queued_at: w.queued_at,
                trigger: w.trigger.parse().map_err(RoundError::Invalid)?,
                actor: w.actor,
                counts: WaveCounts {
                    reminders: w.reminders.max(0) as usize,
                    reinvites: w.reinvites.max(0) as usize,
                    held_back: w.held_back.max(0) as usize,
                },
            })
        })
        .collect()
}
