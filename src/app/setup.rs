//! Keeping the database ready: schema, default departments, housekeeping and backups. Startup and CLI commands call these, never `db` directly.

use std::collections::BTreeMap;

use time::PrimitiveDateTime;

use crate::db::{self, DbConnection, DbError};
use crate::domain::department::Department;

/// Applies pending migrations and makes sure every department has a weight row. Returns the
/// names of the migrations applied (empty when the schema was current).
pub fn prepare(
    conn: &mut DbConnection,
    weights: &BTreeMap<Department, f64>,
) -> Result<Vec<String>, DbError> {
    let applied = db::migrate::run(conn)?;
    db::departments::ensure_defaults(conn, weights)?;
    Ok(applied)
}

/// Forgets failed sign-in attempts older than the throttle looks back. Returns how many.
pub fn prune_attempts(conn: &mut DbConnection, now: PrimitiveDateTime) -> Result<usize, DbError> {
    db::throttle::prune(conn, now)
}

/// Writes a consistent copy of a SQLite database to `target` while the service runs.
pub fn backup_sqlite(conn: &mut DbConnection, target: &str) -> Result<(), DbError> {
    db::pool::vacuum_into(conn, target)
}

/// How much mail waits in the outbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutboxBacklog {
    /// Messages not yet sent, failed or cancelled.
    pub pending: i64,
    /// When the earliest of them is due.
    pub next_due: Option<PrimitiveDateTime>,
}

/// The outbox's backlog, for `send` to report after a drain.
pub fn outbox_backlog(conn: &mut DbConnection) -> Result<OutboxBacklog, DbError> {
    let (pending, next_due) = db::outbox::pending(conn)?;
    Ok(OutboxBacklog { pending, next_due })
}
