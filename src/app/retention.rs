//! Retention: sealed rounds keep their raw answers and comments for
//! `retention.raw_answers_quarters` quarters (the rule is `domain::retention`), then lose them;
//! their tallies stay forever, so every quarter's scorecard and report still work. Run once a
//! day by `serve` and on demand by `ctopulse retention purge`.

use serde::Serialize;
use time::PrimitiveDateTime;

use crate::db::retention::{self as stored, RawCounts};
use crate::db::{audit, seal, DbConnection, DbError};
use crate::domain::ids::RoundId;
use crate::domain::quarter::Quarter;
use crate::domain::retention;

/// The actor the audit log names for the daily purge inside `serve`.
pub const DAILY_ACTOR: &str = "system:retention";

/// What the purge goes by: the retention setting and the calendar the quarters follow.
#[derive(Debug, Clone, Copy)]
pub struct Policy<'a> {
    /// Quarters a sealed round keeps its raw answers (≥ 1).
    pub keep_quarters: u32,
    /// The zone whose date says which quarter it is (the settings' `timezone`).
    pub timezone: &'a str,
    pub fiscal_year_start_month: u8,
}

/// One round purged (or, in a dry run, due).
#[derive(Debug, Clone, Serialize)]
pub struct PurgedRound {
    pub round_id: RoundId,
    pub quarter: Quarter,
    #[serde(flatten)]
    pub removed: RawCounts,
}

/// What a purge did, or would do.
#[derive(Debug, Clone, Serialize)]
pub struct PurgeReport {
    pub dry_run: bool,
    pub current_quarter: Quarter,
    pub keep_quarters: u32,
    /// Rounds of this quarter and older are purged.
    pub newest_purged_quarter: Quarter,
    pub rounds: Vec<PurgedRound>,
    /// Sums over `rounds`.
    pub total: RawCounts,
}

/// Purges the raw answers of every sealed round due at `now` (or, with `dry_run`, counts
/// them and changes nothing). Each round goes in its own transaction with SQLite's
/// `secure_delete` on, is audited with counts only and marked for the seal's storage scrub,
/// which runs afterwards: the deleted rows leave no copy in pages, free space, the WAL or
/// (PostgreSQL) dead row versions.
pub fn purge(
    conn: &mut DbConnection,
    policy: &Policy<'_>,
    now: PrimitiveDateTime,
    dry_run: bool,
    actor: &str,
) -> Result<PurgeReport, DbError> {
    let current = retention::current_quarter(now, policy.timezone, policy.fiscal_year_start_month);
    let keep = policy.keep_quarters.max(1);
    let due: Vec<_> = stored::unpurged_sealed(conn)?
        .into_iter()
        .filter(|r| retention::is_due(r.quarter, current, keep))
        .collect();
    let mut report = PurgeReport {
        dry_run,
        current_quarter: current,
        keep_quarters: keep,
        newest_purged_quarter: retention::newest_purged(current, keep),
        rounds: Vec::new(),
        total: RawCounts::default(),
    };
    for round in due {
        let removed = if dry_run {
            stored::raw_counts(conn, round.id)?
        } else {
            seal::with_secure_delete(conn, |conn| {
                conn.write_transaction(|conn| {
                    purge_one(conn, round.id, round.quarter, keep, now, actor)
                })
            })?
        };
        report.total.responses += removed.responses;
        report.total.answers += removed.answers;
        report.total.comments += removed.comments;
        report.rounds.push(PurgedRound {
            round_id: round.id,
            quarter: round.quarter,
            removed,
        });
    }
    let deleted = report.total != RawCounts::default();
    if !dry_run && deleted {
        // Outside the transactions: VACUUM cannot run inside one. A failure leaves residue
        // only until the next scrub (the rounds stay marked; the server scrubs at start).
        if let Err(e) = seal::scrub(conn) {
            tracing::warn!(error = %e, "scrub after the retention purge failed");
        }
    }
    Ok(report)
}

fn purge_one(
    conn: &mut DbConnection,
    id: RoundId,
    quarter: Quarter,
    keep: u32,
    now: PrimitiveDateTime,
    actor: &str,
) -> Result<RawCounts, DbError> {
    // Another instance's daily pass may have got here first (its marker's primary key
    // would refuse a second one anyway): nothing left to do.
    if stored::purged_at(conn, id)?.is_some() {
        return Ok(RawCounts::default());
    }
    let counts = stored::raw_counts(conn, id)?;
    stored::purge(conn, id, counts, now)?;
    let detail = format!(
        "raw answers purged after {keep} quarter(s) (quarter {quarter}): responses={} answers={} comments={}; tallies kept",
        counts.responses, counts.answers, counts.comments
    );
    audit::record(
        conn,
        now,
        actor,
        "retention.purge",
        "round",
        Some(&id.to_string()),
        Some(&detail),
    )?;
    Ok(counts)
}

/// A round whose raw answers retention has purged: work that needs them (rebuilding its
/// tallies) is refused, and the tallies sealed before the purge are final.
#[derive(Debug, Clone, thiserror::Error)]
#[error("round {id}'s raw answers were purged on {on} (retention); its tallies are final and cannot be rebuilt")]
pub struct Purged {
    pub id: RoundId,
    pub on: time::Date,
}

/// Whether the round's raw answers were purged, and when.
pub fn purged(conn: &mut DbConnection, id: RoundId) -> Result<Option<Purged>, DbError> {
    Ok(stored::purged_at(conn, id)?.map(|at| Purged { id, on: at.date() }))
}
