//! The storage side of sealing a round (DESIGN "Anonymity" 5): deleting its links, rewriting
//! its responses in random order under fresh ids, writing its sufficient statistics as
//! tallies, and scrubbing what the old rows leave on disk. `app::rounds::close_and_seal`
//! runs these, in this order, in one transaction. A sealed round never changes again.

use crate::domain::ids::RoundId;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use rand::seq::SliceRandom;

use super::rounds::Round;
use super::schema::{
    group_tallies, index_tallies, invitation_links, invitations, outbox, responses, rounds,
    sealed_comments, tallies,
};
use super::{DbConnection, DbError};
use crate::domain::question::Role;
use crate::domain::template::Template;

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

/// Gives the round's invitations one transaction id, the seal's: PostgreSQL stamps every row
/// version with the transaction that wrote it (`xmin`), so the flips of `responded` would
/// otherwise keep the order in which people answered. Runs inside the seal's transaction;
/// [`scrub`] then rewrites the table in the order of the invitations' random ids. SQLite
/// updates rows in place and stamps nothing, so it has nothing to do here.
pub fn restamp_invitations(conn: &mut DbConnection, round_id: RoundId) -> Result<usize, DbError> {
    if let DbConnection::Sqlite(_) = conn {
        return Ok(0);
    }
    Ok(
        diesel::update(invitations::table.filter(invitations::round_id.eq(round_id)))
            .set(invitations::responded.eq(invitations::responded))
            .execute(conn)?,
    )
}

/// Removes what sealed rounds leave in storage (DESIGN "Anonymity" 5), for every round whose
/// seal marked it: afterwards no byte of the database's files holds a pre-seal response id,
/// link-token hash or answer row version. Returns how many rounds it scrubbed (0: none was
/// pending and nothing ran).
///
/// - SQLite: deleted cells are zeroed only where `secure_delete` was on when they were
///   freed, and copies left by page splits while the round was open sit in unused space of
///   live pages; `VACUUM` (with `secure_delete`, so its fresh pages start zeroed) rebuilds
///   every page from the live rows, and the TRUNCATE checkpoint writes them back and empties
///   the WAL.
/// - PostgreSQL: `VACUUM FULL` / `CLUSTER` write the survey tables and their indexes to new
///   files and drop the old ones; invitations are rewritten in the order of their random ids,
///   so neither storage order nor (after [`restamp_invitations`]) transaction ids keep the
///   order of answering. PostgreSQL's own WAL keeps the old rows until the server recycles
///   its segments: a setting of the server, see docs/anonymity.md.
///
/// Outside the seal's transaction (neither can run inside one) and, for callers that answer
/// a person, on a thread of its own ([`scrub_soon`]); the server runs it again at start, so a
/// stop in between leaves the old bytes only until then.
pub fn scrub(conn: &mut DbConnection) -> Result<usize, DbError> {
    scrub_within(conn, SNAPSHOT_WAIT)
}

/// [`scrub`], waiting at most `patience` for older transactions on PostgreSQL.
pub fn scrub_within(
    conn: &mut DbConnection,
    patience: std::time::Duration,
) -> Result<usize, DbError> {
    // One scrub at a time in this process: the auto-close pass, a retention purge and an
    // admin's close may each ask at once, and a second rewrite of the same tables would only
    // repeat the first. The next one then finds nothing pending.
    static SCRUBBING: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _one = SCRUBBING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let pending: Vec<RoundId> = rounds::table
        .filter(rounds::scrub_pending.eq(true))
        .select(rounds::id)
        .load(conn)?;
    if pending.is_empty() {
        return Ok(0);
    }
    forget_sampled_ids(conn)?;
    rewrite_storage(
        conn,
        &[
            "VACUUM FULL answers, responses, invitation_links, sealed_comments",
            "CLUSTER invitations USING invitations_pkey",
        ],
        patience,
    )?;
    // Only the rounds seen pending: one sealed meanwhile waits for the next scrub.
    diesel::update(rounds::table.filter(rounds::id.eq_any(&pending)))
        .set(rounds::scrub_pending.eq(false))
        .execute(conn)?;
    Ok(pending.len())
}

/// Rewrites storage so rows deleted before it leave no bytes in the database's files: the
/// one mechanism behind [`scrub`] and a person's erasure. SQLite: `VACUUM` with
/// `secure_delete` (every page rebuilt from the live rows, fresh pages zeroed), then a
/// TRUNCATE checkpoint that writes the pages back and empties the WAL. PostgreSQL: once no
/// older transaction can still see the deleted rows ([`wait_for_older_snapshots`]), the
/// given rewrites (`VACUUM FULL` / `CLUSTER` of the tables concerned), then a `CHECKPOINT`
/// if the role may ask for one.
pub fn rewrite_storage(
    conn: &mut DbConnection,
    pg_rewrites: &[&str],
    patience: std::time::Duration,
) -> Result<(), DbError> {
    // One statement per call: PostgreSQL runs a multi-statement string as one transaction
    // block, where neither VACUUM nor CLUSTER may run.
    let statements: &[&str] = match conn {
        DbConnection::Pg(_) => {
            wait_for_older_snapshots(conn, patience)?;
            pg_rewrites
        }
        DbConnection::Sqlite(_) => &[
            "PRAGMA secure_delete = ON",
            "VACUUM",
            "PRAGMA secure_delete = OFF",
            "PRAGMA wal_checkpoint(TRUNCATE)",
        ],
    };
    for sql in statements {
        conn.batch_execute(sql).map_err(DbError::from)?;
    }
    if let DbConnection::Pg(_) = conn {
        // Writes the rewritten files out and lets the server recycle WAL holding the old rows
        // sooner; needs a privilege ctopulse's role may lack, so it is only asked for.
        if let Err(e) = conn.batch_execute("CHECKPOINT") {
            tracing::debug!(error = %e, "no checkpoint after rewriting storage");
        }
    }
    Ok(())
}

/// How long a rewrite waits for transactions older than itself before it gives up (and
/// leaves the round pending for the next pass: the auto-close loop, or the next start).
pub const SNAPSHOT_WAIT: std::time::Duration = std::time::Duration::from_secs(120);

/// PostgreSQL's `VACUUM FULL` / `CLUSTER` copy a deleted row into the new files while any
/// transaction of the database (or a replication slot) might still see it, so the scrub first
/// waits until every snapshot is younger than a transaction id taken now, after the seal
/// committed. A report query, a `pg_dump` or an idle-in-transaction session older than that
/// makes it wait; past its patience ([`SNAPSHOT_WAIT`] for [`scrub`]) it returns [`DbError::OlderSnapshotsOpen`] naming
/// them, and the round stays pending. A transaction of another database that holds an older
/// transaction id holds the horizon back too (seen: VACUUM FULL kept the sealed rows while
/// one sat idle in transaction), so those are waited for as well. SQLite's VACUUM needs no such wait: it
/// takes the write lock and rebuilds from the committed rows.
fn wait_for_older_snapshots(
    conn: &mut DbConnection,
    patience: std::time::Duration,
) -> Result<(), DbError> {
    let DbConnection::Pg(_) = conn else {
        return Ok(());
    };
    #[derive(QueryableByName)]
    struct Now {
        #[diesel(sql_type = diesel::sql_types::Text)]
        xid: String,
    }
    #[derive(QueryableByName)]
    struct Holder {
        #[diesel(sql_type = diesel::sql_types::Text)]
        who: String,
    }
    // The low 32 bits of a fresh transaction id: comparable with `backend_xmin` by age.
    let now: Now =
        diesel::sql_query("SELECT (txid_current() % 4294967296)::text AS xid").get_result(conn)?;
    if now.xid.is_empty() || !now.xid.bytes().all(|b| b.is_ascii_digit()) {
        // Inlined below: only digits may get there.
        return Err(DbError::Malformed {
            table: "pg_catalog",
            column: "txid_current()".into(),
            value: now.xid,
            reason: "not a transaction id".into(),
        });
    }
    let xid = now.xid;
    let query = format!(
        "SELECT 'pid ' || pid::text || ' (' || COALESCE(NULLIF(state, ''), backend_type) || ')' AS who \
         FROM pg_stat_activity \
         WHERE pid <> pg_backend_pid() \
           AND (((datname = current_database() OR datname IS NULL) \
                 AND backend_xmin IS NOT NULL AND age(backend_xmin) >= age('{xid}'::xid)) \
             OR (backend_xid IS NOT NULL AND age(backend_xid) >= age('{xid}'::xid))) \
         UNION ALL \
         SELECT 'replication slot ' || slot_name::text FROM pg_replication_slots \
         WHERE (database = current_database() OR database IS NULL) \
           AND xmin IS NOT NULL AND age(xmin) >= age('{xid}'::xid)"
    );
    let started = std::time::Instant::now();
    loop {
        let holders: Vec<Holder> = diesel::sql_query(&query).load(conn)?;
        if holders.is_empty() {
            return Ok(());
        }
        if started.elapsed() >= patience {
            let names: Vec<String> = holders.into_iter().map(|h| h.who).collect();
            return Err(DbError::OlderSnapshotsOpen(names.join(", ")));
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

/// Removes the index samples an `ANALYZE` of SQLite (built with STAT4) keeps of the survey
/// tables: actual keys, so response ids and link-token hashes of the rounds being scrubbed.
/// Only counts (`sqlite_stat1`) stay. PostgreSQL's migrations keep statistics of those
/// columns off instead.
fn forget_sampled_ids(conn: &mut DbConnection) -> Result<(), DbError> {
    if let DbConnection::Sqlite(_) = conn {
        #[derive(QueryableByName)]
        struct Found {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        let stat4 = diesel::sql_query(
            "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat4'",
        )
        .get_result::<Found>(conn)?;
        if stat4.n > 0 {
            conn.batch_execute(&format!(
                "DELETE FROM sqlite_stat4 WHERE tbl IN ('{}')",
                SEALED_TABLES.join("', '")
            ))
            .map_err(DbError::from)?;
        }
    }
    Ok(())
}

/// The tables a seal rewrites or deletes from.
const SEALED_TABLES: [&str; 5] = [
    "answers",
    "invitation_links",
    "invitations",
    "responses",
    "sealed_comments",
];

/// [`scrub`] on a pooled connection in a thread of its own, so the admin who closed the round
/// is not kept waiting. A failure is logged; the auto-close pass scrubs again within 30 s and at start, so a
/// crash in between leaves old row versions only until the next start. `None`: no thread could
/// be started, so it ran here.
pub fn scrub_soon(pool: &super::DbPool) -> Option<std::thread::JoinHandle<()>> {
    let pool = pool.clone();
    let work = move || {
        let outcome = super::pool::checkout(&pool).and_then(|mut conn| scrub(&mut conn));
        if let Err(e) = outcome {
            tracing::warn!(error = %e, "post-seal scrub failed; old row versions stay until the next scrub");
        }
    };
    std::thread::Builder::new()
        .name("seal-scrub".into())
        .spawn(work.clone())
        .map_err(|e| {
            tracing::warn!(error = %e, "no thread for the post-seal scrub; running it here");
            work();
        })
        .ok()
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

/// Rewrites the round's responses (and their answers) under fresh random ids, inserted in a
/// random order, so neither ids nor storage order link an answer to its invitation.
pub fn shuffle_responses(conn: &mut DbConnection, round_id: RoundId) -> Result<usize, DbError> {
    let mut ids: Vec<String> = responses::table
        .filter(responses::round_id.eq(round_id))
        .select(responses::id)
        .load(conn)?;
    if ids.is_empty() {
        return Ok(0);
    }
    ids.shuffle(&mut rand::rng());
    if let Some(bad) = ids.iter().find(|i| !is_uuid(i)) {
        return Err(not_a_uuid("responses", "id", bad));
    }
    let create = match conn {
        DbConnection::Pg(_) => "CREATE TEMPORARY TABLE seal_map (old_id TEXT NOT NULL, new_id TEXT NOT NULL, ord INTEGER NOT NULL) ON COMMIT DROP",
        DbConnection::Sqlite(_) => "CREATE TEMP TABLE seal_map (old_id TEXT NOT NULL, new_id TEXT NOT NULL, ord INTEGER NOT NULL)",
    };
    conn.batch_execute(create).map_err(DbError::from)?;
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
    // New responses before their answers, old answers before their responses: the order a
    // reference from answers to responses needs (PostgreSQL checks none, see the
    // `answers_unreferenced` migration), and the counts must balance.
    let run = |conn: &mut DbConnection, sql: &str| diesel::sql_query(sql).execute(conn);
    let responses_in = run(
        conn,
        "INSERT INTO responses (id, round_id, reporting_group) \
         SELECT m.new_id, r.round_id, r.reporting_group FROM seal_map m JOIN responses r ON r.id = m.old_id ORDER BY m.ord",
    )?;
    let answers_in = run(
        conn,
        "INSERT INTO answers (response_id, question_key, value, not_applicable, text) \
         SELECT m.new_id, a.question_key, a.value, a.not_applicable, a.text FROM seal_map m JOIN answers a ON a.response_id = m.old_id ORDER BY m.ord, a.question_key",
    )?;
    let answers_out = run(
        conn,
        "DELETE FROM answers WHERE response_id IN (SELECT old_id FROM seal_map)",
    )?;
    let responses_out = run(
        conn,
        "DELETE FROM responses WHERE id IN (SELECT old_id FROM seal_map)",
    )?;
    balanced("the seal's answer rewrite", answers_in, answers_out)?;
    balanced("the seal's response rewrite", responses_in, responses_out)?;
    balanced("the seal's response rewrite", ids.len(), responses_in)?;
    if let DbConnection::Sqlite(_) = conn {
        conn.batch_execute("DROP TABLE seal_map")
            .map_err(DbError::from)?;
    }
    Ok(ids.len())
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
/// `SET LOCAL`: it ends with the seal's transaction.
pub fn plan_for_one_round(conn: &mut DbConnection) -> Result<(), DbError> {
    if let DbConnection::Pg(_) = conn {
        conn.batch_execute(
            "SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off; \
             SET LOCAL work_mem = '128MB'; SET LOCAL jit = off",
        )
        .map_err(DbError::from)?;
    }
    Ok(())
}

/// Question keys are validated by the template loader (`[a-z][a-z0-9_-]*`), so they can be
/// inlined as SQL string literals; this check keeps that promise local.
fn sql_key_list(keys: &[&str]) -> Option<String> {
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

/// Materialises the round's sufficient statistics with GROUP BY queries (no answers are
/// loaded into memory), and a copy of its comments. Replaces any the round already had.
pub fn write_tallies(
    conn: &mut DbConnection,
    round: &Round,
    template: &Template,
) -> Result<(), DbError> {
    // A `RoundId` is a UUID by type: safe to inline below.
    let id = round.id;
    diesel::delete(tallies::table.filter(tallies::round_id.eq(id))).execute(conn)?;
    diesel::delete(index_tallies::table.filter(index_tallies::round_id.eq(id))).execute(conn)?;
    diesel::delete(group_tallies::table.filter(group_tallies::round_id.eq(id))).execute(conn)?;
    diesel::delete(sealed_comments::table.filter(sealed_comments::round_id.eq(id)))
        .execute(conn)?;
    // One pass over the round's rows into a temporary table, which every tally below reads:
    // each would otherwise join the round's responses to every round's answers again (five
    // passes; at 100,000 respondents most of the seal after the rewrite). It holds only what
    // the sealed tables hold, under the fresh ids, and is dropped before the transaction ends.
    let temp = match conn {
        DbConnection::Pg(_) => "TEMPORARY TABLE",
        DbConnection::Sqlite(_) => "TEMP TABLE",
    };
    // The round's responses first (MATERIALIZED), then their answers by key: with no
    // statistics of response ids the planner could otherwise drive the join from every
    // round's answers.
    let mut sql = format!(
        "CREATE {temp} round_rows AS \
         WITH r AS MATERIALIZED (SELECT id, round_id, reporting_group FROM responses WHERE round_id = '{id}') \
         SELECT r.id, r.round_id, r.reporting_group, a.question_key, a.value, a.not_applicable, a.text \
         FROM r JOIN answers a ON a.response_id = r.id;"
    );
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
    sql.push_str("DROP TABLE round_rows;");
    conn.batch_execute(&sql).map_err(DbError::from)?;
    Ok(())
}
