//! Everything stored about one person, found by their email, and deleting it: the queries
//! behind `roster export-person` and `roster erase` (`app::person` decides and audits).
//! Responses and answers are never here: nothing links them to a person.

use diesel::prelude::*;
use diesel::sql_types::{Nullable, Text};
use serde::Serialize;
use time::PrimitiveDateTime;

use super::audit::AuditEntry;
use super::column::malformed_in;
use super::schema::{
    audit_log, commentaries, inflection_assessments, invitation_links, invitations, login_failures,
    outbox, rounds, sessions, users,
};
use super::{DbConnection, DbError};
use crate::domain::ids::RoundId;
use crate::domain::quarter::Quarter;
use crate::domain::round::RoundStatus;

diesel::define_sql_function! {
    /// SQL `LOWER`, the same on both backends for the ASCII of email addresses.
    fn lower(x: Nullable<Text>) -> Nullable<Text>;
}

/// One invitation of the person, with its round.
#[derive(Debug, Clone, Queryable, Serialize)]
pub struct PersonInvitation {
    #[serde(skip)]
    pub id: String,
    pub round_id: RoundId,
    pub template: String,
    pub quarter: Quarter,
    pub round_status: RoundStatus,
    pub reporting_group: String,
    pub responded: bool,
    pub undeliverable: bool,
    pub undeliverable_reason: Option<String>,
    pub emails_sent: i32,
}

/// The person's invitations, oldest quarter first.
pub fn invitations_of(
    conn: &mut DbConnection,
    employee_id: &str,
) -> Result<Vec<PersonInvitation>, DbError> {
    invitations::table
        .inner_join(rounds::table)
        .filter(invitations::employee_id.eq(employee_id))
        .order((rounds::quarter, rounds::template_key))
        .select((
            invitations::id,
            rounds::id,
            rounds::template_key,
            rounds::quarter,
            rounds::status,
            invitations::reporting_group,
            invitations::responded,
            invitations::undeliverable,
            invitations::undeliverable_reason,
            invitations::emails_sent,
        ))
        .load(conn)
        .map_err(malformed_in("rounds"))
}

/// One email queued or sent to the person (the body is never stored).
#[derive(Debug, Clone, Queryable)]
pub struct PersonEmail {
    pub id: String,
    pub kind: String,
    pub round_id: Option<String>,
    pub status: String,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub created_at: PrimitiveDateTime,
    pub sent_at: Option<PrimitiveDateTime>,
}

/// Outbox rows addressed to `email` or belonging to one of `invitation_ids`.
pub fn emails_of(
    conn: &mut DbConnection,
    email: &str,
    invitation_ids: &[String],
) -> Result<Vec<PersonEmail>, DbError> {
    Ok(outbox::table
        .filter(
            lower(outbox::recipient.nullable())
                .eq(email)
                .or(outbox::invitation_id.eq_any(invitation_ids)),
        )
        .order((outbox::created_at, outbox::id))
        .select((
            outbox::id,
            outbox::kind,
            outbox::round_id,
            outbox::status,
            outbox::attempts,
            outbox::last_error,
            outbox::created_at,
            outbox::sent_at,
        ))
        .load(conn)?)
}

/// `%text%` for LIKE with `!` as the escape character (emails may hold `_` and `%`).
fn containing(text: &str) -> String {
    let mut p = String::from("%");
    for c in text.chars() {
        if matches!(c, '!' | '%' | '_') {
            p.push('!');
        }
        p.push(c);
    }
    p.push('%');
    p
}

/// Audit entries whose actor, object or detail mentions `email` (any case), oldest first.
pub fn audit_mentions(conn: &mut DbConnection, email: &str) -> Result<Vec<AuditEntry>, DbError> {
    let pattern = containing(email);
    let rows: Vec<AuditEntry> = audit_log::table
        .filter(
            lower(audit_log::actor.nullable())
                .like(&pattern)
                .escape('!')
                .or(lower(audit_log::object_id).like(&pattern).escape('!'))
                .or(lower(audit_log::detail).like(&pattern).escape('!')),
        )
        .order((audit_log::at, audit_log::id))
        .select(AuditEntry::as_select())
        .load(conn)?;
    Ok(rows)
}

/// Rewrites one audit entry's actor, object and detail.
pub fn rewrite_audit(
    conn: &mut DbConnection,
    id: &str,
    actor: &str,
    object_id: Option<&str>,
    detail: Option<&str>,
) -> Result<(), DbError> {
    diesel::update(audit_log::table.find(id))
        .set((
            audit_log::actor.eq(actor),
            audit_log::object_id.eq(object_id),
            audit_log::detail.eq(detail),
        ))
        .execute(conn)?;
    Ok(())
}

/// What deleting the person's invitations removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Deleted {
    pub invitations: usize,
    pub invitation_links: usize,
    pub emails: usize,
}

/// Deletes the outbox rows `email_ids`, then the invitations `ids` and their links.
pub fn delete_invitations(
    conn: &mut DbConnection,
    ids: &[String],
    email_ids: &[String],
) -> Result<Deleted, DbError> {
    let mut d = Deleted::default();
    for chunk in email_ids.chunks(500) {
        d.emails += diesel::delete(outbox::table.filter(outbox::id.eq_any(chunk))).execute(conn)?;
    }
    for chunk in ids.chunks(500) {
        d.invitation_links += diesel::delete(
            invitation_links::table.filter(invitation_links::invitation_id.eq_any(chunk)),
        )
        .execute(conn)?;
        d.invitations += diesel::delete(invitations::table.filter(invitations::id.eq_any(chunk)))
            .execute(conn)?;
    }
    Ok(d)
}

/// Deletes the roster entry.
pub fn delete_employee(conn: &mut DbConnection, id: &str) -> Result<usize, DbError> {
    use super::schema::employees;
    Ok(diesel::delete(employees::table.find(id)).execute(conn)?)
}

/// Failed sign-ins recorded for the account `email` (any case).
pub fn login_failures_of(conn: &mut DbConnection, email: &str) -> Result<i64, DbError> {
    Ok(login_failures::table
        .filter(lower(login_failures::account).eq(email))
        .count()
        .get_result(conn)?)
}

/// Sessions of the staff account `user_id`.
pub fn sessions_of(conn: &mut DbConnection, user_id: &str) -> Result<i64, DbError> {
    Ok(sessions::table
        .filter(sessions::user_id.eq(user_id))
        .count()
        .get_result(conn)?)
}

/// Inflection assessments and commentaries that name `email` as who proposed, reviewed or
/// wrote them.
pub fn attributions_of(conn: &mut DbConnection, email: &str) -> Result<i64, DbError> {
    use inflection_assessments as ia;
    let proposed: i64 = ia::table
        .filter(lower(ia::proposed_by).eq(email))
        .count()
        .get_result(conn)?;
    let reviewed: i64 = ia::table
        .filter(lower(ia::reviewed_by).eq(email))
        .count()
        .get_result(conn)?;
    let written: i64 = commentaries::table
        .filter(lower(commentaries::author).eq(email))
        .count()
        .get_result(conn)?;
    Ok(proposed + reviewed + written)
}

/// Replaces `email` as proposer, reviewer or author with `with`; returns how many fields.
pub fn rewrite_attributions(
    conn: &mut DbConnection,
    email: &str,
    with: &str,
) -> Result<usize, DbError> {
    use inflection_assessments as ia;
    let mut n = diesel::update(ia::table.filter(lower(ia::proposed_by).eq(email)))
        .set(ia::proposed_by.eq(with))
        .execute(conn)?;
    n += diesel::update(ia::table.filter(lower(ia::reviewed_by).eq(email)))
        .set(ia::reviewed_by.eq(with))
        .execute(conn)?;
    n += diesel::update(commentaries::table.filter(lower(commentaries::author).eq(email)))
        .set(commentaries::author.eq(with))
        .execute(conn)?;
    Ok(n)
}

/// Deletes the staff account `user_id` with its sessions and the failed sign-ins recorded
/// for `email`. Returns (sessions, failed sign-ins) deleted.
pub fn delete_staff_account(
    conn: &mut DbConnection,
    user_id: &str,
    email: &str,
) -> Result<(usize, usize), DbError> {
    let s = diesel::delete(sessions::table.filter(sessions::user_id.eq(user_id))).execute(conn)?;
    let f = diesel::delete(login_failures::table.filter(lower(login_failures::account).eq(email)))
        .execute(conn)?;
    diesel::delete(users::table.find(user_id)).execute(conn)?;
    Ok((s, f))
}

/// Removes what deleting a person leaves in storage, after the erase's transaction, with the
/// seal's mechanism (`seal::rewrite_storage`). SQLite: `secure_delete` zeroed the deleted
/// rows, but earlier updates of the same rows (an outbox row is claimed, sent, …) left stale
/// copies in unused space of live pages, which only its `VACUUM` rebuilds away. PostgreSQL:
/// `VACUUM FULL` writes the tables erase deleted from to new files (a plain VACUUM leaves the
/// dead rows' bytes in free space); it locks each table briefly, which a rare admin command
/// can afford.
pub fn scrub(conn: &mut DbConnection) -> Result<(), DbError> {
    super::seal::rewrite_storage(
        conn,
        &[
            "VACUUM FULL employees, invitations, invitation_links, outbox, audit_log, users, \
           sessions, login_failures, inflection_assessments, commentaries",
        ],
        super::seal::SNAPSHOT_WAIT,
    )
}
