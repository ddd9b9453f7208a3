//! The scrub after a seal: rewriting storage so deleted rows leave no bytes in the database's
//! files (DESIGN "Anonymity" 5).

use crate::domain::ids::RoundId;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;

use crate::db::schema::rounds;
use crate::db::{DbConnection, DbError};

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
///   files and drop the old ones; invitations are first restamped
///   ([`super::restamp_invitations`]) and then rewritten in the order of their random ids, so
///   neither storage order nor transaction ids keep the order of answering. PostgreSQL's own
///   WAL keeps the old rows until the server recycles its segments: a setting of the server,
///   see docs/anonymity.md.
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
    // Before the rewrite's snapshot wait, so the versions it replaces are already old then.
    super::restamp_invitations(conn, &pending)?;
    rewrite_storage(
        conn,
        &[
            "VACUUM FULL answers_default, responses, invitation_links, sealed_comments",
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
pub fn scrub_soon(pool: &crate::db::DbPool) -> Option<std::thread::JoinHandle<()>> {
    let pool = pool.clone();
    let work = move || {
        let outcome = crate::db::pool::checkout(&pool).and_then(|mut conn| scrub(&mut conn));
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
