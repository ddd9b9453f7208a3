//! Seed-only shortcuts for rounds that happened in the past. A historical round's emails were
//! "sent" long ago, so instead of rendering and writing thousands of messages nobody will
//! read, their outbox rows are marked sent and each respondent gets a link hash directly —
//! the state the outbox worker would have left. Everything else goes through the normal
//! `db` functions. Never used outside the demo.

use crate::domain::ids::RoundId;
use diesel::prelude::*;
use time::PrimitiveDateTime;

use crate::db::schema::{answers, invitation_links, invitations, outbox, responses};
use crate::db::{DbConnection, DbError};
use crate::domain::survey_form::AnswerValue;
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

/// One historical respondent's answers, to be stored by [`store_answered`].
pub struct Answered {
    pub invitation_id: String,
    pub reporting_group: String,
    pub answers: Vec<AnswerValue>,
}

/// Rows per multi-row INSERT: 1,000 answers × 6 columns stays under SQLite's 32,766 bound
/// parameters and PostgreSQL's 65,535.
const ROWS_PER_INSERT: usize = 1000;

/// Stores the answers of respondents to a round that is sealed right after, as their
/// submissions would have, but in batches: one statement per 500 invitations and per 1,000
/// rows instead of a transaction per person, which took hours at 100,000 employees. No link
/// is needed (the seal would delete it). As with a live submission, the invitations' flags
/// and the responses are written in separate transactions.
pub fn store_answered(
    conn: &mut DbConnection,
    round_id: RoundId,
    batch: &[Answered],
) -> Result<(), DbError> {
    if batch.is_empty() {
        return Ok(());
    }
    conn.write_transaction(|conn| {
        let ids: Vec<&str> = batch.iter().map(|a| a.invitation_id.as_str()).collect();
        for chunk in ids.chunks(500) {
            diesel::update(
                invitations::table
                    .filter(invitations::round_id.eq(round_id))
                    .filter(invitations::id.eq_any(chunk)),
            )
            .set(invitations::responded.eq(true))
            .execute(conn)?;
        }
        Ok::<_, DbError>(())
    })?;
    // Only historical rounds come here, and each is sealed right after, which rewrites its
    // responses under fresh ids. Ascending ids append to the answers' index instead of
    // landing at random places in every earlier round's: most of a 100,000-employee seed.
    let response_ids = crate::db::fresh_ids::ascending(batch.len());
    let round = round_id.to_string();
    let response_rows: Vec<_> = batch
        .iter()
        .zip(&response_ids)
        .map(|(a, id)| {
            (
                responses::id.eq(id.as_str()),
                responses::round_id.eq(round.as_str()),
                responses::reporting_group.eq(a.reporting_group.as_str()),
            )
        })
        .collect();
    let answer_rows: Vec<_> = batch
        .iter()
        .zip(&response_ids)
        .flat_map(|(a, id)| {
            let round = round.as_str();
            a.answers.iter().map(move |v| {
                (
                    answers::response_id.eq(id.as_str()),
                    answers::question_key.eq(v.question_key.as_str()),
                    answers::value.eq(v.value),
                    answers::not_applicable.eq(v.not_applicable),
                    answers::text.eq(v.text.as_deref()),
                    answers::round_id.eq(round),
                )
            })
        })
        .collect();
    conn.write_transaction(|conn| {
        for chunk in response_rows.chunks(ROWS_PER_INSERT) {
            crate::db::insert_rows!(conn, responses::table, chunk)?;
        }
        for chunk in answer_rows.chunks(ROWS_PER_INSERT) {
            crate::db::insert_rows!(conn, answers::table, chunk)?;
        }
        Ok::<_, DbError>(())
    })
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
