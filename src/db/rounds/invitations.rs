//! Invitations of a round and the emails queued for them.

use crate::domain::ids::RoundId;
use std::collections::HashSet;

use diesel::prelude::*;
use time::PrimitiveDateTime;

use crate::db::column::malformed_in;
use crate::db::schema::{employees, invitations, outbox};
use crate::db::{DbConnection, DbError};
use crate::domain::department::Membership;
use crate::domain::locale::Locale;

/// Rows per multi-row INSERT: well under SQLite's 32,766 and PostgreSQL's 65,535 binds.
const BATCH: usize = 1000;

/// An invitation to insert.
#[derive(Insertable)]
#[diesel(table_name = invitations)]
pub struct NewInvitation {
    pub id: String,
    pub round_id: RoundId,
    pub employee_id: String,
    pub reporting_group: String,
    pub responded: bool,
    pub undeliverable: bool,
    pub emails_sent: i32,
}

/// A queued email.
#[derive(Insertable)]
#[diesel(table_name = outbox)]
pub struct NewOutboxRow {
    pub id: String,
    pub kind: String,
    pub recipient: String,
    pub round_id: Option<String>,
    pub invitation_id: Option<String>,
    pub locale: String,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: PrimitiveDateTime,
    pub created_at: PrimitiveDateTime,
}

impl NewOutboxRow {
    /// A message for an invitation, due at `now`.
    pub fn for_invitation(
        kind: &str,
        recipient: &str,
        round_id: RoundId,
        invitation_id: &str,
        locale: Locale,
        now: PrimitiveDateTime,
    ) -> Self {
        NewOutboxRow {
            id: uuid::Uuid::new_v4().to_string(),
            kind: kind.into(),
            recipient: recipient.into(),
            round_id: Some(round_id.into()),
            invitation_id: Some(invitation_id.into()),
            locale: locale.code().into(),
            status: "pending".into(),
            attempts: 0,
            next_attempt_at: now,
            created_at: now,
        }
    }
}

/// `n` fresh ids in ascending order ([`crate::db::fresh_ids::ascending`]): rows inserted in
/// key order append to every index instead of inserting at random places.
pub fn sorted_ids(n: usize) -> std::vec::IntoIter<String> {
    crate::db::fresh_ids::ascending(n).into_iter()
}

/// Inserts invitations, in batches.
pub fn insert_invitations(conn: &mut DbConnection, rows: &[NewInvitation]) -> Result<(), DbError> {
    for chunk in rows.chunks(BATCH) {
        crate::db::insert_rows!(conn, invitations::table, chunk)?;
    }
    Ok(())
}

/// Queues emails, in batches.
pub fn insert_outbox(conn: &mut DbConnection, rows: &[NewOutboxRow]) -> Result<(), DbError> {
    for chunk in rows.chunks(BATCH) {
        crate::db::insert_rows!(conn, outbox::table, chunk)?;
    }
    Ok(())
}

/// An active employee, as a launch sees them.
#[derive(Debug, Clone, Queryable)]
pub struct Person {
    pub id: String,
    pub email: String,
    pub department: Membership,
    pub locale: Locale,
    pub is_engineer: bool,
    pub is_executive: bool,
}

/// Every active employee (in no particular order).
pub fn active_people(conn: &mut DbConnection) -> Result<Vec<Person>, DbError> {
    employees::table
        .filter(employees::active.eq(true))
        .select((
            employees::id,
            employees::email,
            employees::department,
            employees::locale,
            employees::is_engineer,
            employees::is_executive,
        ))
        .load(conn)
        .map_err(malformed_in("employees"))
}

/// Refreshes PostgreSQL's statistics of `table` (rows this transaction wrote included).
/// Foreign-key checks and the outbox worker's queries are planned from them; right after a
/// roster import or a launch they still describe the old, smaller table, and the checks of
/// a 100,000-invitation launch and the worker's batch lookups ran as sequential scans.
pub fn analyze(conn: &mut DbConnection, table: &str) -> Result<(), DbError> {
    use diesel::connection::SimpleConnection;
    if let DbConnection::Pg(c) = conn {
        c.batch_execute(&format!("ANALYZE {table}"))?;
    }
    Ok(())
}

/// An invitation not answered yet, of someone still on the roster.
#[derive(Debug, Clone, Queryable)]
pub struct Unanswered {
    pub invitation_id: String,
    pub bounced: bool,
    pub email: String,
    pub locale: Locale,
    pub last_reminded_at: Option<PrimitiveDateTime>,
}

/// The round's unanswered invitations of active employees.
pub fn unanswered(conn: &mut DbConnection, round_id: RoundId) -> Result<Vec<Unanswered>, DbError> {
    invitations::table
        .inner_join(employees::table)
        .filter(invitations::round_id.eq(round_id))
        .filter(invitations::responded.eq(false))
        .filter(employees::active.eq(true))
        .select((
            invitations::id,
            invitations::undeliverable,
            employees::email,
            employees::locale,
            invitations::last_reminded_at,
        ))
        .load(conn)
        .map_err(malformed_in("employees"))
}

/// Notes that these invitations were reminded (or re-invited) at `at`: the reminder cooldown
/// starts there.
pub fn mark_reminded(
    conn: &mut DbConnection,
    ids: &[String],
    at: PrimitiveDateTime,
) -> Result<(), DbError> {
    for chunk in ids.chunks(BATCH) {
        diesel::update(invitations::table.filter(invitations::id.eq_any(chunk)))
            .set(invitations::last_reminded_at.eq(Some(at)))
            .execute(conn)?;
    }
    Ok(())
}

/// Forgets when a round's invitations were reminded: at seal, no timing of a person outlives
/// the round (the waves keep their counts). Only rows that hold a time are written: on
/// PostgreSQL every updated row gets a new version, and at 100,000 invitations rewriting
/// those that were never reminded was over a second of the seal.
pub fn forget_reminder_times(conn: &mut DbConnection, round_id: RoundId) -> Result<(), DbError> {
    diesel::update(
        invitations::table
            .filter(invitations::round_id.eq(round_id))
            .filter(invitations::last_reminded_at.is_not_null()),
    )
    .set(invitations::last_reminded_at.eq(None::<PrimitiveDateTime>))
    .execute(conn)?;
    Ok(())
}

/// Invitations of the round with a message still waiting in the outbox.
pub fn queued_invitations(
    conn: &mut DbConnection,
    round_id: RoundId,
) -> Result<HashSet<String>, DbError> {
    Ok(outbox::table
        .filter(outbox::round_id.eq(round_id))
        .filter(outbox::status.eq("pending"))
        .select(outbox::invitation_id)
        .load::<Option<String>>(conn)?
        .into_iter()
        .flatten()
        .collect())
}

/// Clears the bounce of invitations about to be sent again.
pub fn clear_bounced(conn: &mut DbConnection, ids: &[String]) -> Result<(), DbError> {
    for chunk in ids.chunks(BATCH) {
        diesel::update(invitations::table.filter(invitations::id.eq_any(chunk)))
            .set((
                invitations::undeliverable.eq(false),
                invitations::undeliverable_reason.eq(None::<String>),
            ))
            .execute(conn)?;
    }
    Ok(())
}
