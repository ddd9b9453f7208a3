//! The connection pool: a small manager that picks the backend by URL.
//!
//! diesel's derived multi-connection `establish` tries every backend and reports only
//! "invalid connection url" after r2d2's 30 s wait; this manager shows the real error fast.

use std::cell::Cell;
use std::path::Path;
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::r2d2::{ManageConnection, Pool, PooledConnection};
use diesel::sqlite::SqliteConnection;
use diesel::Connection;

use super::{DbConnection, DbError};
use crate::config::DatabaseUrl;

/// The shared pool.
pub type DbPool = Pool<Manager>;
/// A connection checked out of the pool.
pub type PooledConn = PooledConnection<Manager>;

/// Opens connections for one database URL.
#[derive(Debug)]
pub struct Manager {
    url: DatabaseUrl,
}

/// Per-connection SQLite settings: wait up to 10 s for the write lock, enforce foreign keys,
/// and fsync on every commit so an acknowledged answer survives power loss.
pub const SQLITE_PRAGMAS: &str =
    "PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;";

impl Manager {
    fn open(&self) -> Result<DbConnection, DbError> {
        match &self.url {
            DatabaseUrl::Postgres(url) => {
                let url = with_connect_timeout(url.expose());
                PgConnection::establish(&url)
                    .map(DbConnection::Pg)
                    .map_err(|e| DbError::Connect {
                        url: self.url.masked(),
                        reason: e.to_string().trim().to_string(),
                    })
            }
            DatabaseUrl::Sqlite(path) => {
                let text = path.to_string_lossy();
                let mut conn =
                    SqliteConnection::establish(&text).map_err(|e| DbError::Connect {
                        url: self.url.masked(),
                        reason: sqlite_open_reason(path, &e.to_string()),
                    })?;
                conn.batch_execute(SQLITE_PRAGMAS)
                    .map_err(|e| DbError::Connect {
                        url: self.url.masked(),
                        reason: sqlite_open_reason(path, &e.to_string()),
                    })?;
                Ok(DbConnection::Sqlite(conn))
            }
        }
    }
}

impl ManageConnection for Manager {
    type Connection = DbConnection;
    type Error = DbError;

    fn connect(&self) -> Result<DbConnection, DbError> {
        self.open()
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), DbError> {
        conn.batch_execute("SELECT 1").map_err(DbError::from)
    }

    fn has_broken(&self, conn: &mut DbConnection) -> bool {
        use diesel::connection::TransactionManager;
        <DbConnection as Connection>::TransactionManager::is_broken_transaction_manager(conn)
    }
}

/// Adds `connect_timeout=5` unless the URL sets one, so an unreachable server fails fast.
fn with_connect_timeout(url: &str) -> String {
    if url.contains("connect_timeout=") {
        url.to_string()
    } else if url.contains('?') {
        format!("{url}&connect_timeout=5")
    } else {
        format!("{url}?connect_timeout=5")
    }
}

fn sqlite_open_reason(path: &Path, raw: &str) -> String {
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !parent.is_dir() {
        return format!("the folder {} does not exist", parent.display());
    }
    if path.is_dir() {
        return format!("{} is a folder, not a database file", path.display());
    }
    format!("{raw} (is {} writable?)", path.display())
}

/// Opens the database named by `url`, checks it answers, and returns a pool.
///
/// SQLite's WAL mode is set once here, on one connection, before the pool exists:
/// setting it from every new connection races at start-up ("database is locked").
pub fn connect(url: &DatabaseUrl) -> Result<DbPool, DbError> {
    let manager = Manager { url: url.clone() };
    let mut first = manager.open()?;
    let (size, check) = match first.backend() {
        super::Backend::Sqlite => {
            enable_wal(&mut first, url)?;
            (8, false)
        }
        super::Backend::Postgres => (16, true),
    };
    drop(first);
    Ok(build(manager, size, check))
}

fn build(manager: Manager, size: u32, check: bool) -> DbPool {
    Pool::builder()
        .max_size(size)
        // No background connects: a short CLI command could exit while a pool thread is mid
        // TLS handshake with PostgreSQL, and OpenSSL's exit-time clean-up then crashes it.
        .min_idle(Some(0))
        .connection_timeout(CHECKOUT_WAIT)
        .test_on_check_out(check)
        .build_unchecked(manager)
}

/// How long a request waits for a connection when the pool is busy.
const CHECKOUT_WAIT: Duration = Duration::from_secs(5);
/// How long it waits when the pool holds no connection at all: the database is unreachable
/// (every connection broke and reconnecting fails), so answer "unavailable" at once rather
/// than hold every request for `CHECKOUT_WAIT`. Long enough for one local reconnect.
const DOWN_WAIT: Duration = Duration::from_millis(1000);

fn enable_wal(conn: &mut DbConnection, url: &DatabaseUrl) -> Result<(), DbError> {
    use diesel::sql_types::Text;
    use diesel::RunQueryDsl;

    #[derive(diesel::QueryableByName)]
    struct Mode {
        #[diesel(sql_type = Text)]
        journal_mode: String,
    }
    let mode: Vec<Mode> = diesel::sql_query("PRAGMA journal_mode = WAL")
        .load(conn)
        .map_err(|e| DbError::Connect {
            url: url.masked(),
            reason: format!("cannot switch to WAL: {e} (is the file writable?)"),
        })?;
    match mode.first() {
        Some(m) if m.journal_mode.eq_ignore_ascii_case("wal") => Ok(()),
        other => Err(DbError::Connect {
            url: url.masked(),
            reason: format!(
                "SQLite refused WAL mode (journal_mode is {:?})",
                other.map(|m| m.journal_mode.as_str())
            ),
        }),
    }
}

/// One SQLite write transaction at a time in this process. SQLite's busy handler sleeps 1, 2,
/// 5, 10… ms between attempts at a taken write lock, so writers racing for it sit idle while
/// it is free (two writer threads committed fewer transactions a second than one); waiting
/// on a mutex hands the lock over at once. Process-wide, not per database: a process serves
/// one database. Writers in other processes still queue through `busy_timeout`.
static SQLITE_WRITER: Mutex<()> = Mutex::new(());

thread_local! {
    /// Whether this thread holds `SQLITE_WRITER` (a nested write transaction must not wait
    /// for itself).
    static HOLDING_WRITER: Cell<bool> = const { Cell::new(false) };
}

/// Held for the length of a SQLite write transaction.
pub struct WriterGuard(Option<MutexGuard<'static, ()>>);

impl Drop for WriterGuard {
    fn drop(&mut self) {
        if self.0.is_some() {
            HOLDING_WRITER.with(|h| h.set(false));
        }
    }
}

/// Waits for this process's SQLite write turn (at once when this thread already has it).
pub fn sqlite_writer() -> WriterGuard {
    if HOLDING_WRITER.with(Cell::get) {
        return WriterGuard(None);
    }
    // A panic while holding it leaves no state behind worth refusing to write over.
    let guard = SQLITE_WRITER.lock().unwrap_or_else(|p| p.into_inner());
    HOLDING_WRITER.with(|h| h.set(true));
    WriterGuard(Some(guard))
}

/// Checks a connection out of the pool, mapping a timeout to "unavailable". Fails fast
/// while the database is unreachable (the pool has no connection left).
pub fn checkout(pool: &DbPool) -> Result<PooledConn, DbError> {
    let wait = if pool.state().connections == 0 {
        DOWN_WAIT
    } else {
        CHECKOUT_WAIT
    };
    pool.get_timeout(wait)
        .map_err(|e| DbError::Unavailable(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connect_timeout_is_added_once() {
        assert_eq!(
            with_connect_timeout("postgres://h/db"),
            "postgres://h/db?connect_timeout=5"
        );
        assert_eq!(
            with_connect_timeout("postgres://h/db?sslmode=disable"),
            "postgres://h/db?sslmode=disable&connect_timeout=5"
        );
        assert_eq!(
            with_connect_timeout("postgres://h/db?connect_timeout=2"),
            "postgres://h/db?connect_timeout=2"
        );
    }

    /// Found by scripts/faults (db-outage-postgres): with PostgreSQL unreachable every
    /// request used to wait the full 5 s checkout before its 503.
    #[test]
    fn checkout_fails_fast_when_the_database_is_unreachable() {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .unwrap_or(1);
        let url =
            DatabaseUrl::parse(&format!("postgres://postgres@127.0.0.1:{port}/x")).expect("url");
        let pool = build(Manager { url }, 4, true);
        for _ in 0..3 {
            let t0 = std::time::Instant::now();
            assert!(checkout(&pool).is_err());
            assert!(
                t0.elapsed() < Duration::from_secs(2),
                "checkout took {:?}",
                t0.elapsed()
            );
        }
    }

    #[test]
    fn missing_folder_is_named() {
        let url = DatabaseUrl::Sqlite("/nonexistent-dir-ctopulse/x.db".into());
        let e = connect(&url)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains("does not exist"), "{e}");
    }
}
