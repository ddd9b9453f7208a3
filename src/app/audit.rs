//! The audit log as read by admins: who did what to which object, and when.

use crate::db::audit::{self, AuditEntry};
use crate::db::{DbConnection, DbError};

/// The `limit` most recent audit entries, newest first.
pub fn recent_activity(conn: &mut DbConnection, limit: i64) -> Result<Vec<AuditEntry>, DbError> {
    audit::recent(conn, limit)
}
