//! The audit log: who did what to which object, and when. Never survey content.

use diesel::prelude::*;
use serde::Serialize;

use super::schema::audit_log;
use super::{DbConnection, DbError};

/// One audit entry as read back.
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = audit_log)]
pub struct AuditEntry {
    pub id: String,
    #[serde(with = "crate::clock::serde_timestamp")]
    pub at: time::PrimitiveDateTime,
    pub actor: String,
    pub action: String,
    pub object_type: String,
    pub object_id: Option<String>,
    pub detail: Option<String>,
}

/// An entry to write with [`record_many`].
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = audit_log)]
pub struct NewAuditEntry {
    pub id: String,
    pub at: time::PrimitiveDateTime,
    pub actor: String,
    pub action: String,
    pub object_type: String,
    pub object_id: Option<String>,
    pub detail: Option<String>,
}

impl NewAuditEntry {
    /// An entry stamped `at`. Same rule for `detail` as [`record`].
    pub fn stamped(
        at: time::PrimitiveDateTime,
        actor: &str,
        action: &str,
        object_type: &str,
        object_id: Option<&str>,
        detail: Option<String>,
    ) -> NewAuditEntry {
        NewAuditEntry {
            id: uuid::Uuid::new_v4().to_string(),
            at,
            actor: actor.to_string(),
            action: action.to_string(),
            object_type: object_type.to_string(),
            object_id: object_id.map(str::to_string),
            detail,
        }
    }
}

/// Records many actions in multi-row inserts (a 10,000-person roster import audits each row).
pub fn record_many(conn: &mut DbConnection, entries: &[NewAuditEntry]) -> Result<(), DbError> {
    // 7 columns × 1,000 rows stays under both backends' bind limits.
    for chunk in entries.chunks(1000) {
        super::insert_rows!(conn, audit_log::table, chunk)?;
    }
    Ok(())
}

/// Records one action at `at`. `detail` must never hold survey answers, comments or tokens.
pub fn record(
    conn: &mut DbConnection,
    at: time::PrimitiveDateTime,
    actor: &str,
    action: &str,
    object_type: &str,
    object_id: Option<&str>,
    detail: Option<&str>,
) -> Result<(), DbError> {
    let entry = NewAuditEntry::stamped(
        at,
        actor,
        action,
        object_type,
        object_id,
        detail.map(str::to_string),
    );
    diesel::insert_into(audit_log::table)
        .values(&entry)
        .execute(conn)?;
    Ok(())
}

/// The newest entries first.
pub fn recent(conn: &mut DbConnection, limit: i64) -> Result<Vec<AuditEntry>, DbError> {
    Ok(audit_log::table
        .order((audit_log::at.desc(), audit_log::id))
        .limit(limit)
        .select(AuditEntry::as_select())
        .load(conn)?)
}
