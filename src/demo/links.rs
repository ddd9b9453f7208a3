//! Seed-only shortcuts for rounds that happened in the past. A historical round's emails were
//! "sent" long ago, so instead of rendering and writing thousands of messages nobody will
//! read, their outbox rows are marked sent and each respondent gets a link hash directly —
//! the state the outbox worker would have left. Everything else goes through the normal
//! `db` functions. Never used outside the demo.

use crate::domain::ids::RoundId;
use diesel::prelude::*;
use time::PrimitiveDateTime;

use crate::db::schema::{invitation_links, invitations, outbox};
use crate::db::{DbConnection, DbError};
use crate::tokens;

/// Marks every pending message of a round sent at `at`, and its invitations emailed once.
pub fn mark_sent(
    conn: &mut DbConnection,
    round_id: RoundId,
    at: PrimitiveDateTime,
) -> Result<usize, DbError> {
    conn.write_transaction(|conn| {
        let n = diesel::update(
            outbox::table
                .filter(outbox::round_id.eq(round_id))
                .filter(outbox::status.eq("pending")),
        )
        .set((
            outbox::status.eq("sent"),
            outbox::sent_at.eq(Some(at)),
            outbox::attempts.eq(1),
        ))
        .execute(conn)?;
        diesel::update(invitations::table.filter(invitations::round_id.eq(round_id)))
            .set(invitations::emails_sent.eq(1))
            .execute(conn)?;
        Ok(n)
    })
}

/// Gives each invitation a fresh link, as an email would carry; returns the token hashes in
/// the order of `invitation_ids`.
pub fn add_links(
    conn: &mut DbConnection,
    round_id: RoundId,
    invitation_ids: &[String],
) -> Result<Vec<String>, DbError> {
    let hashes: Vec<String> = invitation_ids
        .iter()
        .map(|_| tokens::hash(&tokens::new_token()))
        .collect();
    let rows: Vec<_> = invitation_ids
        .iter()
        .zip(&hashes)
        .map(|(inv, h)| {
            (
                invitation_links::token_hash.eq(h.clone()),
                invitation_links::invitation_id.eq(inv.clone()),
                invitation_links::round_id.eq(round_id.to_string()),
            )
        })
        .collect();
    conn.write_transaction(|conn| {
        for chunk in rows.chunks(500) {
            crate::db::insert_rows!(conn, invitation_links::table, chunk)?;
        }
        Ok::<_, DbError>(())
    })?;
    Ok(hashes)
}

/// One invitation of a round, with what the story needs about the invitee.
#[derive(Debug, Clone)]
pub struct Invitee {
    pub invitation_id: String,
    pub group: String,
    pub department: String,
    pub locale: String,
}

/// The round's invitations, ordered by the invitee's address so draws are repeatable.
pub fn invitees(conn: &mut DbConnection, round_id: RoundId) -> Result<Vec<Invitee>, DbError> {
    use crate::db::schema::employees;
    let rows: Vec<(String, String, String, String)> = invitations::table
        .inner_join(employees::table)
        .filter(invitations::round_id.eq(round_id))
        .order(employees::email)
        .select((
            invitations::id,
            invitations::reporting_group,
            employees::department,
            employees::locale,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(invitation_id, group, department, locale)| Invitee {
            invitation_id,
            group,
            department,
            locale,
        })
        .collect())
}

/// Trades durability of the last few commits for speed while seeding: thousands of small
/// answer transactions would otherwise each wait for an fsync (about 5 ms here). A crash
/// mid-seed loses nothing that matters — the seed's marker is written last, so an
/// unfinished demo is detected and refused. `on = false` restores the service's setting.
pub fn fast_commits(conn: &mut DbConnection, on: bool) -> Result<(), DbError> {
    use diesel::connection::SimpleConnection;
    let sql = match (&*conn, on) {
        (DbConnection::Sqlite(_), true) => "PRAGMA synchronous = NORMAL",
        (DbConnection::Sqlite(_), false) => "PRAGMA synchronous = FULL",
        (DbConnection::Pg(_), true) => "SET synchronous_commit = off",
        (DbConnection::Pg(_), false) => "RESET synchronous_commit",
    };
    conn.batch_execute(sql)?;
    Ok(())
}

/// Runs `f` with fast commits on `conn`, restoring the normal setting afterwards (also when
/// `f` fails, as the connection goes back to the pool).
pub fn with_fast_commits<T, E: From<DbError>>(
    conn: &mut DbConnection,
    f: impl FnOnce(&mut DbConnection) -> Result<T, E>,
) -> Result<T, E> {
    fast_commits(conn, true)?;
    let out = f(conn);
    fast_commits(conn, false)?;
    out
}
