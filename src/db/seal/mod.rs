//! The storage side of sealing a round (DESIGN "Anonymity" 5): deleting its links, rewriting
//! its responses in random order under fresh ids, writing its sufficient statistics as
//! tallies, and scrubbing what the old rows leave on disk. `app::rounds::close_and_seal`
//! runs these, in this order, in one transaction. A sealed round never changes again.

use crate::domain::ids::RoundId;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use rand::seq::SliceRandom;

use super::schema::{
    group_tallies, index_tallies, invitation_links, invitations, outbox, responses,
    sealed_comments, tallies,
};
use super::{DbConnection, DbError};
use crate::domain::question::Role;
use crate::domain::template::Template;

mod scrub;

pub use scrub::{rewrite_storage, scrub, scrub_soon, scrub_within, SNAPSHOT_WAIT};

/// Index tally kinds: pairs of (productivity, happiness) sums for measure B, alignment for A.
pub const INDEX_CULTURE: &str = "productivity_happiness";
/// See [`INDEX_CULTURE`].
pub const INDEX_ALIGNMENT: &str = "alignment";

/// Runs `seal` (the sealing transaction) with SQLite's `secure_delete` on, so freed pages
/// are overwritten and deleted rows (old ids, old order) leave nothing on disk.
pub fn with_secure_delete<T, E>(
    conn: &mut DbConnection,
    seal: impl FnOnce(&mut DbConnection) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<DbError>,
{
    if let DbConnection::Sqlite(c) = conn {
        c.batch_execute("PRAGMA secure_delete = ON")
            .map_err(DbError::from)?;
    }
    let outcome = seal(conn);
    if let DbConnection::Sqlite(c) = conn {
        // The connection goes back to the pool; other writes need not pay for zeroing.
        if let Err(e) = c.batch_execute("PRAGMA secure_delete = OFF") {
            tracing::warn!(error = %e, "could not turn secure_delete off after the seal");
        }
    }
    outcome
}

/// Cancels the round's emails still waiting; returns how many.
pub fn cancel_pending_emails(conn: &mut DbConnection, round_id: RoundId) -> Result<usize, DbError> {
    Ok(diesel::update(
        outbox::table
            .filter(outbox::round_id.eq(round_id))
            .filter(outbox::status.eq("pending")),
    )
    .set((
        outbox::status.eq("cancelled"),
        outbox::claim_owner.eq(None::<String>),
    ))
    .execute(conn)?)
}

/// Deletes the round's invitation links; returns how many.
pub fn delete_links(conn: &mut DbConnection, round_id: RoundId) -> Result<usize, DbError> {
    Ok(
        diesel::delete(invitation_links::table.filter(invitation_links::round_id.eq(round_id)))
            .execute(conn)?,
    )
}

/// Gives the rounds' invitations one transaction id, this statement's: PostgreSQL stamps every
/// row version with the transaction that wrote it (`xmin`), so the flips of `responded` would
/// otherwise keep the order in which people answered. [`scrub`] runs it before it rewrites
/// the table in the order of the invitations' random ids; until then the old row versions of
/// the answers (which the same scrub removes) tell more than these stamps. SQLite updates rows
/// in place and stamps nothing, so it has nothing to do here.
pub fn restamp_invitations(
    conn: &mut DbConnection,
    round_ids: &[RoundId],
) -> Result<usize, DbError> {
    if let DbConnection::Sqlite(_) = conn {
        return Ok(0);
    }
    Ok(
        diesel::update(invitations::table.filter(invitations::round_id.eq_any(round_ids)))
            .set(invitations::responded.eq(invitations::responded))
            .execute(conn)?,
    )
}

/// Ids we generate are UUIDs; anything else never reaches inlined SQL.
fn is_uuid(s: &str) -> bool {
    s.len() == 36 && s.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
}

/// A stored id that is not one of ours: refused before it reaches inlined SQL.
fn not_a_uuid(table: &'static str, column: &str, value: &str) -> DbError {
    DbError::Malformed {
        table,
        column: column.into(),
        value: value.into(),
        reason: "not a UUID".into(),
    }
}

/// The round's rows under their fresh ids, as the seal's rewrite left them in a temporary
/// table: what [`write_tallies`] reads instead of joining the round's responses to every
/// round's answers a second time (at 100,000 respondents, seconds of the seal).
#[derive(Debug)]
pub struct SealedRows(());

/// Rewrites the round's responses (and their answers) under fresh random ids, inserted in a
/// random order, so neither ids nor storage order link an answer to its invitation. Returns
/// how many responses moved and, when any did, the rows the tallies are to be read from.
/// `lap` is told as each of its statements ends, for the seal's step times.
pub fn shuffle_responses(
    conn: &mut DbConnection,
    round_id: RoundId,
    lap: &mut dyn FnMut(&'static str),
) -> Result<(usize, Option<SealedRows>), DbError> {
    let mut ids: Vec<String> = responses::table
        .filter(responses::round_id.eq(round_id))
        .select(responses::id)
        .load(conn)?;
    if ids.is_empty() {
        // No answer to keep; on PostgreSQL its table may still hold versions of answers a
        // failed store wrote and rolled back, which the scrub no longer rewrites.
        super::answer_tables::clear_round(conn, round_id)?;
        return Ok((0, None));
    }
    ids.shuffle(&mut rand::rng());
    if let Some(bad) = ids.iter().find(|i| !is_uuid(i)) {
        return Err(not_a_uuid("responses", "id", bad));
    }
    let (create, on_commit) = temp_table(conn);
    conn.batch_execute(&format!(
        "{create} seal_map (old_id TEXT NOT NULL, new_id TEXT NOT NULL, ord INTEGER NOT NULL){on_commit}"
    ))
    .map_err(DbError::from)?;
    // The i-th of the shuffled old ids gets the i-th of fresh ascending ids, and rows go in
    // in that order: a uniformly random order with no link to the old one. The fresh ids are
    // time-ordered (UUIDv7 of the seal's moment, random in their low bits), so every sealed
    // round's rows land at the end of each index and of the table instead of at a million
    // random places of an index holding every round's answers: at 100,000 respondents those
    // random inserts were most of the seal.
    let new_ids = super::fresh_ids::ascending(ids.len());
    for (chunk_no, (chunk, fresh)) in ids.chunks(500).zip(new_ids.chunks(500)).enumerate() {
        let values: Vec<String> = chunk
            .iter()
            .zip(fresh)
            .enumerate()
            .map(|(i, (old, new))| format!("('{old}', '{new}', {})", chunk_no * 500 + i))
            .collect();
        conn.batch_execute(&format!(
            "INSERT INTO seal_map (old_id, new_id, ord) VALUES {}",
            values.join(",")
        ))
        .map_err(DbError::from)?;
    }
    lap("map");
    // The round's answers are read once, by key, into a temporary table under the fresh ids
    // and in the new order; the answers table and the tallies are written from it. It holds
    // only what the sealed tables hold (no old id) and goes before the transaction ends.
    // (Deleting the old answers in the same statement, `DELETE … RETURNING` on PostgreSQL,
    // measured no faster at 100,000 respondents: the seal's time is the rows written, not
    // the probes.)
    // The round's answers are one table of their own on PostgreSQL: hashing the map and
    // scanning that table beats a probe per response (at 100,000 respondents, 3.5 s → 1.7 s).
    hash_joins(conn, true)?;
    conn.batch_execute(&format!(
        "{create} seal_rows{on_commit} AS \
         SELECT m.new_id AS id, m.ord, r.round_id, r.reporting_group, a.question_key, a.value, a.not_applicable, a.text \
         FROM seal_map m JOIN responses r ON r.id = m.old_id JOIN answers a ON a.response_id = m.old_id AND a.round_id = '{round_id}' \
         WHERE r.round_id = '{round_id}' ORDER BY m.ord, a.question_key"
    ))
    .map_err(DbError::from)?;
    hash_joins(conn, false)?;
    lap("read");
    // New responses before their answers, old answers before their responses: the order a
    // reference from answers to responses needs (PostgreSQL checks none, see the
    // `answers_unreferenced` migration), and the counts must balance.
    let run = |conn: &mut DbConnection, sql: &str| diesel::sql_query(sql).execute(conn);
    let responses_in = run(
        conn,
        "INSERT INTO responses (id, round_id, reporting_group) \
         SELECT m.new_id, r.round_id, r.reporting_group FROM seal_map m JOIN responses r ON r.id = m.old_id ORDER BY m.ord",
    )?;
    lap("responses");
    // A scan of a temporary table returns its rows in the order they went in (PostgreSQL
    // synchronises only scans of shared tables); were it ever otherwise, the order would
    // still be the random one, only the appends less tidy.
    let (answers_in, answers_out) = super::answer_tables::rewrite_round(conn, round_id)?;
    lap("answers");
    let responses_out = run(
        conn,
        "DELETE FROM responses WHERE id IN (SELECT old_id FROM seal_map)",
    )?;
    lap("delete");
    balanced("the seal's answer rewrite", answers_in, answers_out)?;
    balanced("the seal's response rewrite", responses_in, responses_out)?;
    balanced("the seal's response rewrite", ids.len(), responses_in)?;
    conn.batch_execute("DROP TABLE seal_map")
        .map_err(DbError::from)?;
    Ok((ids.len(), Some(SealedRows(()))))
}

/// How a seal's temporary table is created on this backend, and the suffix that drops it with
/// the transaction on PostgreSQL (SQLite's are dropped by the seal itself).
fn temp_table(conn: &DbConnection) -> (&'static str, &'static str) {
    match conn {
        DbConnection::Pg(_) => ("CREATE TEMPORARY TABLE", " ON COMMIT DROP"),
        DbConnection::Sqlite(_) => ("CREATE TEMP TABLE", ""),
    }
}

/// Refuses a rewrite that did not move exactly what it removed.
fn balanced(what: &'static str, inserted: usize, deleted: usize) -> Result<(), DbError> {
    if inserted == deleted {
        Ok(())
    } else {
        Err(DbError::Unbalanced {
            what,
            inserted,
            deleted,
        })
    }
}

/// Plans the seal's queries as probes of the round's rows by key. PostgreSQL keeps no
/// statistics of response ids (see the `scrub_pending` migration) and knows nothing of the
/// fresh temporary map, so it would hash every round's answers (a sequential scan of the
/// whole table per statement: seconds each at 100,000 employees) to join one round's.
/// The memory is for the sort of a round's answers into their new order (about 230 MB at
/// 100,000 respondents), which otherwise spills to disk. `SET LOCAL`: it ends with the
/// seal's transaction.
pub fn plan_for_one_round(conn: &mut DbConnection) -> Result<(), DbError> {
    if let DbConnection::Pg(_) = conn {
        conn.batch_execute(
            "SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off; \
             SET LOCAL work_mem = '512MB'; SET LOCAL jit = off",
        )
        .map_err(DbError::from)?;
    }
    Ok(())
}

/// Lets PostgreSQL hash joins for the seal's next statements, or stops it again (see
/// [`plan_for_one_round`]); SQLite plans nested loops only.
fn hash_joins(conn: &mut DbConnection, on: bool) -> Result<(), DbError> {
    if let DbConnection::Pg(_) = conn {
        let value = if on { "on" } else { "off" };
        conn.batch_execute(&format!("SET LOCAL enable_hashjoin = {value}"))
            .map_err(DbError::from)?;
    }
    Ok(())
}

/// Question keys are validated by the template loader (`[a-z][a-z0-9_-]*`), so they can be
/// inlined as SQL string literals; this check keeps that promise local.
pub(crate) fn sql_key_list(keys: &[&str]) -> Option<String> {
    if keys.is_empty()
        || !keys.iter().all(|k| {
            k.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        })
    {
        return None;
    }
    Some(
        keys.iter()
            .map(|k| format!("'{k}'"))
            .collect::<Vec<_>>()
            .join(","),
    )
}

/// The round's rows under their sealed ids (response, group, key, value, not-applicable,
/// text) in the temporary table `round_rows`, which the tallies and the key drivers read
/// instead of joining the round's responses to its answers once each (at 100,000
/// respondents, seconds of the seal). It holds only what the sealed tables hold. Made by
/// [`round_rows`], ended by [`finish_round_rows`].
#[derive(Debug)]
pub struct RoundRows {
    round: RoundId,
    /// Made from a seal's rewrite: its answers table is swapped in when the rows end.
    sealed: bool,
}

/// Makes the round's [`RoundRows`]. `sealed`: the rows the seal's rewrite left
/// ([`shuffle_responses`]); without them (a retally, or a round nobody answered) they are
/// read from the tables.
pub fn round_rows(
    conn: &mut DbConnection,
    round: RoundId,
    sealed: Option<SealedRows>,
) -> Result<RoundRows, DbError> {
    let sql = match sealed {
        Some(SealedRows(())) => "ALTER TABLE seal_rows RENAME TO round_rows".to_string(),
        None => {
            let (create, on_commit) = temp_table(conn);
            // The round's responses first (MATERIALIZED), then their answers by key: with no
            // statistics of response ids the planner could otherwise drive the join from every
            // round's answers. A `RoundId` is a UUID by type: safe to inline.
            format!(
                "{create} round_rows{on_commit} AS \
                 WITH r AS MATERIALIZED (SELECT id, round_id, reporting_group FROM responses WHERE round_id = '{round}') \
                 SELECT r.id, r.round_id, r.reporting_group, a.question_key, a.value, a.not_applicable, a.text \
                 FROM r JOIN answers a ON a.response_id = r.id AND a.round_id = '{round}'"
            )
        }
    };
    conn.batch_execute(&sql).map_err(DbError::from)?;
    Ok(RoundRows {
        round,
        sealed: sealed.is_some(),
    })
}

/// Ends the round's [`RoundRows`]: a seal's rewritten answers table takes the round's old
/// one's place (PostgreSQL; the statement that locks `answers` until the commit, so the
/// seal's last), and the temporary table goes.
pub fn finish_round_rows(conn: &mut DbConnection, rows: RoundRows) -> Result<(), DbError> {
    if rows.sealed {
        super::answer_tables::swap_in_rewritten(conn, rows.round)?;
    }
    conn.batch_execute("DROP TABLE round_rows")
        .map_err(DbError::from)
}

/// Materialises the round's sufficient statistics with GROUP BY queries over its
/// [`RoundRows`] (no answers are loaded into memory), and a copy of its comments. Replaces
/// any the round already had.
pub fn write_tallies(
    conn: &mut DbConnection,
    rows: &RoundRows,
    template: &Template,
) -> Result<(), DbError> {
    // A `RoundId` is a UUID by type: safe to inline below.
    let id = rows.round;
    diesel::delete(tallies::table.filter(tallies::round_id.eq(id))).execute(conn)?;
    diesel::delete(index_tallies::table.filter(index_tallies::round_id.eq(id))).execute(conn)?;
    diesel::delete(group_tallies::table.filter(group_tallies::round_id.eq(id))).execute(conn)?;
    diesel::delete(sealed_comments::table.filter(sealed_comments::round_id.eq(id)))
        .execute(conn)?;
    super::scorecard::renew_tallies_stamp(conn, id)?;
    let mut sql = String::new();
    sql.push_str(
        "INSERT INTO tallies (round_id, reporting_group, question_key, value, not_applicable, count) \
         SELECT a.round_id, a.reporting_group, a.question_key, COALESCE(a.value, -1), a.not_applicable, COUNT(*) \
         FROM round_rows a WHERE (a.value IS NOT NULL OR a.not_applicable) \
         GROUP BY a.round_id, a.reporting_group, a.question_key, COALESCE(a.value, -1), a.not_applicable;"
    );
    // Comments copied in the order of the fresh random response ids, so the scorecard reads a
    // round's comments by key (probing every response's answers costs ~50 ms per 10,000).
    sql.push_str(
        "INSERT INTO sealed_comments (round_id, position, reporting_group, question_key, text) \
         SELECT a.round_id, ROW_NUMBER() OVER (ORDER BY a.id, a.question_key), a.reporting_group, a.question_key, a.text \
         FROM round_rows a WHERE a.text IS NOT NULL;"
    );
    // Delivered = answered, or sent and not bounced, as `rounds::progress` counts (one
    // cancelled unsent at the seal reached nobody); every reporting group of the round gets
    // a row, even one nobody answered in.
    sql.push_str(&format!(
        "INSERT INTO group_tallies (round_id, reporting_group, delivered, responses) \
         SELECT i.round_id, i.reporting_group, \
                SUM(CASE WHEN i.responded OR (NOT i.undeliverable AND i.emails_sent > 0) THEN 1 ELSE 0 END), \
                (SELECT COUNT(*) FROM responses r WHERE r.round_id = i.round_id AND r.reporting_group = i.reporting_group) \
         FROM invitations i WHERE i.round_id = '{id}' GROUP BY i.round_id, i.reporting_group;"
    ));
    let keys = |role: Role| {
        template
            .questions_with_role(role)
            .map(|q| q.key())
            .collect::<Vec<_>>()
    };
    let indices = [
        (
            INDEX_CULTURE,
            keys(Role::Productivity),
            keys(Role::Happiness),
        ),
        (INDEX_ALIGNMENT, keys(Role::Alignment), Vec::new()),
    ];
    for (kind, a_keys, b_keys) in indices {
        let Some(a_list) = sql_key_list(&a_keys) else {
            continue;
        };
        let b_cond = sql_key_list(&b_keys)
            .map(|l| format!("a.question_key IN ({l}) AND a.value IS NOT NULL"))
            .unwrap_or_else(|| "1 = 0".into());
        let a_cond = format!("a.question_key IN ({a_list}) AND a.value IS NOT NULL");
        sql.push_str(&format!(
            "INSERT INTO index_tallies (round_id, reporting_group, index_kind, a_sum, a_count, b_sum, b_count, count) \
             SELECT '{id}', grp, '{kind}', a_sum, a_count, b_sum, b_count, COUNT(*) FROM ( \
               SELECT a.id, a.reporting_group AS grp, \
                 SUM(CASE WHEN {a_cond} THEN a.value ELSE 0 END) AS a_sum, \
                 SUM(CASE WHEN {a_cond} THEN 1 ELSE 0 END) AS a_count, \
                 SUM(CASE WHEN {b_cond} THEN a.value ELSE 0 END) AS b_sum, \
                 SUM(CASE WHEN {b_cond} THEN 1 ELSE 0 END) AS b_count \
               FROM round_rows a GROUP BY a.id, a.reporting_group) t \
             GROUP BY grp, a_sum, a_count, b_sum, b_count;"
        ));
    }
    conn.batch_execute(&sql).map_err(DbError::from)?;
    Ok(())
}
