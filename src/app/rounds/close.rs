//! Closing and sealing rounds, by hand or at their close time, and rebuilding tallies.

use crate::domain::ids::RoundId;
use serde::Serialize;
use time::PrimitiveDateTime;

use super::drivers::{self, SealOptions};
use super::{get, RoundError};
use crate::db::{audit, rounds, seal, DbConnection};
use crate::domain::round::RoundStatus;

/// What sealing did.
#[derive(Debug, Clone, Serialize)]
pub struct SealReport {
    pub round_id: RoundId,
    pub responses: usize,
    pub links_deleted: usize,
    pub emails_cancelled: usize,
    /// How long each step took, e.g. `links=0.120s rewrite=4.310s …` (for the operator, not the API).
    #[serde(skip)]
    pub steps: String,
}

/// Closes an open round at `now` and seals it (DESIGN "Anonymity" 5), in one transaction:
/// pending emails cancelled, links deleted, responses rewritten in random order under fresh
/// ids, tallies written. The caller scrubs afterwards ([`seal::scrub`] or
/// [`seal::scrub_soon`]) so no old row version stays on disk.
pub fn close_and_seal(
    conn: &mut DbConnection,
    id: RoundId,
    now: PrimitiveDateTime,
    actor: &str,
) -> Result<SealReport, RoundError> {
    close_and_seal_with(conn, id, now, actor, SealOptions::default())
}

/// [`close_and_seal`] with the settings' seal options.
pub fn close_and_seal_with(
    conn: &mut DbConnection,
    id: RoundId,
    now: PrimitiveDateTime,
    actor: &str,
    options: SealOptions,
) -> Result<SealReport, RoundError> {
    let round = get(conn, id)?;
    let template = round.template()?;
    let id = round.id;
    seal::with_secure_delete(conn, |conn| {
        conn.write_transaction(|conn| {
            crate::db::answer_tables::one_change_at_a_time(conn)?;
            let round = get(conn, id)?;
            if round.status != RoundStatus::Open {
                return Err(RoundError::WrongStatus {
                    id,
                    status: round.status,
                    action: "close",
                    needed: "open",
                });
            }
            if rounds::mark_ended(conn, id, rounds::Ending::Closed, now)? == 0 {
                return Err(RoundError::WrongStatus {
                    id,
                    status: RoundStatus::Closed,
                    action: "close",
                    needed: "open",
                });
            }
            seal::plan_for_one_round(conn)?;
            let mut steps = StepTimes::start();
            rounds::forget_reminder_times(conn, id)?;
            let emails_cancelled = seal::cancel_pending_emails(conn, id)?;
            let links_deleted = seal::delete_links(conn, id)?;
            steps.lap("links");
            let (responses, sealed) =
                seal::shuffle_responses(conn, id, &mut |step| steps.lap(step))?;
            let rows = seal::round_rows(conn, id, sealed)?;
            seal::write_tallies(conn, &rows, &template)?;
            steps.lap("tallies");
            drivers::compute(conn, &rows, id, &template, options)?;
            steps.lap("drivers");
            // Last: on PostgreSQL the swap of the round's answers table locks `answers` (so
            // every submission) until the commit.
            seal::finish_round_rows(conn, rows)?;
            steps.lap("swap");
            let steps = steps.to_string();
            tracing::info!(round = %id, responses, steps = %steps, "round sealed");
            rounds::mark_ended(conn, id, rounds::Ending::Sealed, now)?;
            let detail = format!("responses={responses} links_deleted={links_deleted} emails_cancelled={emails_cancelled}");
            audit::record(conn, now, actor, "round.close", "round", Some(&id.to_string()), Some(&detail))?;
            Ok(SealReport {
                round_id: id,
                responses,
                links_deleted,
                emails_cancelled,
                steps,
            })
        })
    })
}

/// How long each step of a seal took, for the log line that says a round was sealed: at
/// 100,000 respondents an operator wants to know which one to look at.
struct StepTimes {
    last: std::time::Instant,
    laps: Vec<(&'static str, std::time::Duration)>,
}

impl StepTimes {
    fn start() -> Self {
        Self {
            last: std::time::Instant::now(),
            laps: Vec::new(),
        }
    }

    fn lap(&mut self, step: &'static str) {
        let now = std::time::Instant::now();
        self.laps.push((step, now - self.last));
        self.last = now;
    }
}

impl std::fmt::Display for StepTimes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, (step, took)) in self.laps.iter().enumerate() {
            let sep = if i == 0 { "" } else { " " };
            write!(f, "{sep}{step}={:.3}s", took.as_secs_f64())?;
        }
        Ok(())
    }
}

/// The actor the audit log names for rounds closed by their close time.
pub const AUTO_CLOSE_ACTOR: &str = "system:auto-close";

/// Seals every open round whose close time is at or before `now`, then scrubs what is pending. A round
/// that fails is logged and left open for the next pass. Returns the ids sealed.
pub fn close_due(
    conn: &mut DbConnection,
    now: PrimitiveDateTime,
    options: SealOptions,
) -> Result<Vec<RoundId>, RoundError> {
    let due = rounds::due_to_close(conn, now)?;
    let mut closed = Vec::new();
    for id in due {
        match close_and_seal_with(conn, id, now, AUTO_CLOSE_ACTOR, options) {
            Ok(_) => closed.push(id),
            // Another instance sealed it first.
            Err(RoundError::WrongStatus { .. }) => {}
            Err(e) => tracing::warn!(round = %id, error = %e, "auto-close failed; will retry"),
        }
    }
    // Already off any request's path: scrub here, also for an earlier seal whose scrub had to
    // wait (nothing runs when no round is pending).
    if let Err(e) = seal::scrub(conn) {
        tracing::warn!(error = %e, "post-seal scrub failed; old row versions stay until the next scrub");
    }
    Ok(closed)
}

/// Rebuilds the tallies of a closed round from its (already sealed) responses. Returns the
/// round's id.
pub fn retally(
    conn: &mut DbConnection,
    now: PrimitiveDateTime,
    id: RoundId,
    actor: &str,
    options: SealOptions,
) -> Result<RoundId, RoundError> {
    let round = get(conn, id)?;
    if !round.status.results_visible() {
        return Err(RoundError::NotClosed {
            id: round.id,
            status: round.status,
        });
    }
    let template = round.template()?;
    conn.write_transaction(|c| {
        // Retention may have purged the answers a retally would read (the tallies stay).
        if let Some(p) = crate::app::retention::purged(c, round.id)? {
            return Err(RoundError::Invalid(p.to_string()));
        }
        seal::plan_for_one_round(c)?;
        let rows = seal::round_rows(c, round.id, None)?;
        seal::write_tallies(c, &rows, &template)?;
        drivers::compute(c, &rows, round.id, &template, options)?;
        seal::finish_round_rows(c, rows)?;
        Ok::<(), RoundError>(())
    })?;
    audit::record(
        conn,
        now,
        actor,
        "round.retally",
        "round",
        Some(&round.id.to_string()),
        None,
    )?;
    Ok(round.id)
}
