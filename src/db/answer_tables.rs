//! Where a round's answers are stored. On PostgreSQL `answers` is partitioned by round: each
//! round has a table of its own (see the `answers_by_round` migration), so sealing a round
//! writes its answers into a fresh table and drops the old one (files unlinked, no row left
//! behind for a scrub), and a purge truncates it. SQLite keeps one table; these are plain row
//! writes there.

use diesel::connection::SimpleConnection;
use diesel::prelude::*;

use super::schema::{answers, responses};
use super::{DbConnection, DbError};
use crate::domain::ids::RoundId;

/// The table holding `round`'s answers on PostgreSQL. A `RoundId` is a UUID by type, so the
/// name is hex digits after a fixed prefix: safe to inline. The migration's
/// `ctopulse_answers_partition` spells it the same way.
fn table_of(round: RoundId) -> String {
    format!("answers_{}", round.to_string().replace('-', ""))
}

/// Serialises the changes of `answers`' tables on PostgreSQL until the transaction ends: a
/// seal's swap and a round's new table each need `answers` itself exclusively, and two seals
/// that both read answers before asking for it would deadlock. Call it first in the
/// transaction, before anything reads answers.
pub fn one_change_at_a_time(conn: &mut DbConnection) -> Result<(), DbError> {
    if let DbConnection::Pg(_) = conn {
        // A constant key of ctopulse's own: 'ctopulse' as 8 bytes, read as a 64-bit integer.
        conn.batch_execute("SELECT pg_advisory_xact_lock(7166475435850363749)")
            .map_err(DbError::from)?;
    }
    Ok(())
}

/// Makes `round`'s answers table on PostgreSQL if it is missing (a round created before
/// partitioning, or by hand). Called when a round is created; answers of a round without
/// one land in the default partition, which the seal empties of them.
pub fn make_for_round(conn: &mut DbConnection, round: RoundId) -> Result<(), DbError> {
    if let DbConnection::Pg(_) = conn {
        one_change_at_a_time(conn)?;
        conn.batch_execute(&format!("SELECT ctopulse_answers_partition('{round}')"))
            .map_err(DbError::from)?;
    }
    Ok(())
}

/// Drops `round`'s answers table on PostgreSQL, for a round being deleted (a benchmark's
/// scratch round; the product keeps every round). Its answers must be gone already.
pub fn drop_for_round(conn: &mut DbConnection, round: RoundId) -> Result<(), DbError> {
    if let DbConnection::Pg(_) = conn {
        conn.batch_execute(&format!("DROP TABLE IF EXISTS {}", table_of(round)))
            .map_err(DbError::from)?;
    }
    Ok(())
}

/// Deletes every answer of `round`; returns how many there were. PostgreSQL truncates the
/// round's table (new empty files, the old ones unlinked at commit: nothing of them is left
/// for a scrub) and deletes the round's rows from the default partition, if any.
pub fn clear_round(conn: &mut DbConnection, round: RoundId) -> Result<usize, DbError> {
    let held = rows(count_round(conn, round)?);
    if let DbConnection::Pg(_) = conn {
        if has_table(conn, round)? {
            conn.batch_execute(&format!("TRUNCATE {}", table_of(round)))
                .map_err(DbError::from)?;
        }
    }
    match conn {
        DbConnection::Pg(_) => {
            diesel::delete(answers::table.filter(answers::round_id.eq(round))).execute(conn)?;
            Ok(held)
        }
        DbConnection::Sqlite(_) => Ok(diesel::delete(
            answers::table.filter(answers::response_id.eq_any(of_round(round))),
        )
        .execute(conn)?),
    }
}

/// How many answers `round` holds.
pub fn count_round(conn: &mut DbConnection, round: RoundId) -> Result<i64, DbError> {
    Ok(match conn {
        DbConnection::Pg(_) => answers::table
            .filter(answers::round_id.eq(round))
            .count()
            .get_result(conn)?,
        // SQLite has no index on the round: through the round's responses and the key.
        DbConnection::Sqlite(_) => answers::table
            .filter(answers::response_id.eq_any(of_round(round)))
            .count()
            .get_result(conn)?,
    })
}

/// The ids of `round`'s responses.
fn of_round(
    round: RoundId,
) -> diesel::dsl::Select<
    diesel::dsl::Filter<responses::table, diesel::dsl::Eq<responses::round_id, RoundId>>,
    responses::id,
> {
    responses::table
        .filter(responses::round_id.eq(round))
        .select(responses::id)
}

/// A count as a row count (a count is never negative).
fn rows(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}

/// Whether `round` has its own answers table (PostgreSQL).
fn has_table(conn: &mut DbConnection, round: RoundId) -> Result<bool, DbError> {
    #[derive(QueryableByName)]
    struct Found {
        #[diesel(sql_type = diesel::sql_types::Bool)]
        found: bool,
    }
    let found: Found = diesel::sql_query(format!(
        "SELECT to_regclass('{}') IS NOT NULL AS found",
        table_of(round)
    ))
    .get_result(conn)?;
    Ok(found.found)
}

/// How long the seal's swap waits for other sessions reading answers (a `pg_dump`, a long
/// report) before it gives up: while it waits, every submission queues behind it.
pub const SWAP_LOCK_WAIT_SECONDS: u64 = 5;

/// The seal's rewrite of `round`'s answers from its temporary `seal_rows` (fresh ids, new
/// order): returns (rows written, rows to be removed), which the seal checks balance.
///
/// - SQLite: the rows go into `answers` and the old ones (`seal_map.old_id`) are deleted.
/// - PostgreSQL: the rows go into a new table beside the round's, in their order, and its key
///   is built once. Nothing else changes yet: [`swap_in_rewritten`] puts it in the round's
///   place as the seal's last step, because dropping a partition locks `answers` (and every
///   submission to any round) until the seal commits.
pub fn rewrite_round(conn: &mut DbConnection, round: RoundId) -> Result<(usize, usize), DbError> {
    let run = |conn: &mut DbConnection, sql: &str| diesel::sql_query(sql).execute(conn);
    let copy = "SELECT id, question_key, value, not_applicable, text, round_id FROM seal_rows";
    if let DbConnection::Sqlite(_) = conn {
        let written = run(
            conn,
            &format!("INSERT INTO answers (response_id, question_key, value, not_applicable, text, round_id) {copy}"),
        )?;
        let removed = run(
            conn,
            "DELETE FROM answers WHERE response_id IN (SELECT old_id FROM seal_map)",
        )?;
        return Ok((written, removed));
    }
    // Built beside the round's table; the CHECK lets ATTACH skip scanning it for its bound.
    conn.batch_execute(&format!(
        "CREATE TABLE answers_sealing (LIKE answers INCLUDING DEFAULTS, \
           CONSTRAINT answers_sealing_round CHECK (round_id = '{round}')); \
         ALTER TABLE answers_sealing ALTER COLUMN response_id SET STATISTICS 0"
    ))
    .map_err(DbError::from)?;
    let written = run(
        conn,
        &format!("INSERT INTO answers_sealing (response_id, question_key, value, not_applicable, text, round_id) {copy}"),
    )?;
    let removed = rows(count_round(conn, round)?);
    conn.batch_execute(
        "ALTER TABLE answers_sealing ADD CONSTRAINT answers_sealing_pkey \
           PRIMARY KEY (response_id, question_key, round_id)",
    )
    .map_err(DbError::from)?;
    Ok((written, removed))
}

/// PostgreSQL: replaces `round`'s answers table by the one [`rewrite_round`] built, and
/// removes the round's rows from the default partition. The old table is dropped (its files
/// unlinked at commit). From here to the commit `answers` is locked exclusively, so this is
/// the seal's last statement; it waits at most [`SWAP_LOCK_WAIT_SECONDS`] for readers of
/// answers and then fails with [`DbError::AnswersInUse`], which undoes the seal. SQLite has
/// nothing to swap.
pub fn swap_in_rewritten(conn: &mut DbConnection, round: RoundId) -> Result<(), DbError> {
    if let DbConnection::Sqlite(_) = conn {
        return Ok(());
    }
    let table = table_of(round);
    let wait = SWAP_LOCK_WAIT_SECONDS;
    conn.batch_execute(&format!(
        "SET LOCAL lock_timeout = '{wait}s'; \
         DELETE FROM answers_default WHERE round_id = '{round}'; \
         DROP TABLE IF EXISTS {table}; \
         ALTER TABLE answers_sealing RENAME TO {table}; \
         ALTER TABLE {table} RENAME CONSTRAINT answers_sealing_pkey TO {table}_pkey; \
         ALTER TABLE answers ATTACH PARTITION {table} FOR VALUES IN ('{round}'); \
         ALTER TABLE {table} DROP CONSTRAINT answers_sealing_round; \
         SET LOCAL lock_timeout = 0"
    ))
    .map_err(|e| match e {
        diesel::result::Error::DatabaseError(_, ref info)
            if info.message().contains("lock timeout") =>
        {
            DbError::AnswersInUse(wait)
        }
        other => DbError::from(other),
    })
}
