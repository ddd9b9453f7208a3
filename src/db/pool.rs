//! The connection pool: a small manager that picks the backend by URL.
//!
//! diesel's derived multi-connection `establish` tries every backend and reports only
//! "invalid connection url" after r2d2's 30 s wait; this manager shows the real error fast.

use std::cell::Cell;
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::time::{Duration, Instant};

use diesel::connection::{Instrumentation, InstrumentationEvent, SimpleConnection};
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
const SQLITE_PRAGMAS: &str =
    "PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;";

impl Manager {
    fn open(&self) -> Result<DbConnection, DbError> {
        match &self.url {
            DatabaseUrl::Postgres(url) => {
                let url = with_connect_timeout(url.expose());
                let mut conn = PgConnection::establish(&url).map_err(|e| DbError::Connect {
                    url: self.url.masked(),
                    reason: e.to_string().trim().to_string(),
                })?;
                conn.set_instrumentation(Liveness::default());
                Ok(DbConnection::Pg(conn))
            }
            DatabaseUrl::Sqlite(path) => {
                let text = path.to_string_lossy();
                let mut conn =
                    SqliteConnection::establish(&text).map_err(|e| DbError::Connect {
                        url: self.url.masked(),
                        reason: sqlite_open_reason(path, &e.to_string()),
                    })?;
                prepare_sqlite(&mut conn, &text).map_err(|e| DbError::Connect {
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
            || liveness(conn).is_some_and(|l| l.closed)
    }
}

/// Watches a PostgreSQL connection's queries for a sign that the connection itself is gone
/// (server restarted, connection reset), so the pool drops it when it comes back instead of
/// handing it out again: connections in use are not tested at checkout (see `checkout`).
#[derive(Debug, Default)]
struct Liveness {
    closed: bool,
}

impl Instrumentation for Liveness {
    fn on_connection_event(&mut self, event: InstrumentationEvent<'_>) {
        use diesel::result::{DatabaseErrorKind, Error};
        if let InstrumentationEvent::FinishQuery {
            error: Some(Error::DatabaseError(DatabaseErrorKind::ClosedConnection, _)),
            ..
        } = event
        {
            self.closed = true;
        }
    }
}

fn liveness(conn: &mut DbConnection) -> Option<&mut Liveness> {
    match conn {
        DbConnection::Pg(c) => c.instrumentation().downcast_mut::<Liveness>(),
        DbConnection::Sqlite(_) => None,
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
    let size = match first.backend() {
        super::Backend::Sqlite => {
            enable_wal(&mut first, url)?;
            // Submissions waiting for the write turn are stored in one transaction (group
            // commit), so more connections make larger groups: at 32 respondents 16 gave
            // a higher share of the ceiling than 8 or 32 (BENCHMARKS.md).
            16
        }
        super::Backend::Postgres => 16,
    };
    drop(first);
    Ok(build(manager, size))
}

fn build(manager: Manager, size: u32) -> DbPool {
    Pool::builder()
        .max_size(size)
        // No background connects: a short CLI command could exit while a pool thread is mid
        // TLS handshake with PostgreSQL, and OpenSSL's exit-time clean-up then crashes it.
        .min_idle(Some(0))
        .connection_timeout(CHECKOUT_WAIT)
        // `checkout` tests connections that sat idle; r2d2's test would run on every one.
        .test_on_check_out(false)
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

diesel::define_sql_function! {
    /// The database file a SQLite connection was opened on (registered per connection).
    fn ctopulse_database() -> diesel::sql_types::Text;
}

/// Applies the service's per-connection SQLite settings to `conn`, opened on `path`.
pub fn prepare_sqlite(conn: &mut SqliteConnection, path: &str) -> diesel::QueryResult<()> {
    conn.batch_execute(SQLITE_PRAGMAS)?;
    let key = path.to_string();
    ctopulse_database_utils::register_impl(conn, move || key.clone())
}

/// One write transaction at a time per SQLite database in this process. SQLite's busy
/// handler sleeps 1, 2, 5, 10… ms between attempts at a taken write lock, so writers racing
/// for it sit idle while it is free (two writer threads committed fewer transactions a second
/// than one); a turn handed over by a condition variable wakes the next writer at once.
/// Writers in other processes still queue through `busy_timeout`.
type Turn = Arc<(Mutex<bool>, Condvar)>;

fn turns() -> &'static Mutex<HashMap<String, Turn>> {
    static TURNS: OnceLock<Mutex<HashMap<String, Turn>>> = OnceLock::new();
    TURNS.get_or_init(Mutex::default)
}

thread_local! {
    /// Whether this thread holds a turn (a nested write transaction must not wait for itself).
    static HOLDING: Cell<bool> = const { Cell::new(false) };
}

/// Held for the length of a SQLite write transaction.
pub struct WriterTurn(Option<Turn>);

impl Drop for WriterTurn {
    fn drop(&mut self) {
        if let Some(turn) = self.0.take() {
            HOLDING.with(|h| h.set(false));
            let (taken, freed) = &*turn;
            *taken.lock().unwrap_or_else(|p| p.into_inner()) = false;
            // Every waiter: one takes the turn, and those a group commit already served
            // (`sqlite_writer_unless`) leave without it.
            freed.notify_all();
        }
    }
}

/// Waits for this process's write turn on `conn`'s database (at once when this thread
/// already holds one). Connections not opened through `prepare_sqlite` share one turn.
pub fn sqlite_writer(conn: &mut SqliteConnection) -> WriterTurn {
    if HOLDING.with(Cell::get) {
        return WriterTurn(None);
    }
    sqlite_writer_unless(&database_key(conn), &|| false).unwrap_or(WriterTurn(None))
}

/// [`sqlite_writer`] on the database `database` ([`database_key`]), or `None` as soon as `done` says the wait is over without the turn (a
/// group commit stored this thread's write: its outcome is ready while others still write).
/// `done` is asked while the turn is taken, each time it is handed on.
pub fn sqlite_writer_unless(database: &str, done: &dyn Fn() -> bool) -> Option<WriterTurn> {
    if HOLDING.with(Cell::get) {
        return Some(WriterTurn(None));
    }
    let turn = turns()
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .entry(database.to_string())
        .or_default()
        .clone();
    {
        // A panic while holding a lock leaves nothing behind worth refusing to write over.
        let (taken, freed) = &*turn;
        let mut taken = taken.lock().unwrap_or_else(|p| p.into_inner());
        while *taken {
            if done() {
                return None;
            }
            taken = freed.wait(taken).unwrap_or_else(|p| p.into_inner());
        }
        *taken = true;
    }
    HOLDING.with(|h| h.set(true));
    Some(WriterTurn(Some(turn)))
}

/// The database file `conn` was opened on (through `prepare_sqlite`; empty otherwise): what
/// writers of one database in this process share.
pub fn database_key(conn: &mut SqliteConnection) -> String {
    use diesel::RunQueryDsl;
    diesel::select(ctopulse_database())
        .get_result::<String>(conn)
        .unwrap_or_default()
}

/// When a connection was last handed out (kept with it in the pool).
struct HandedOut(Instant);

/// A PostgreSQL connection handed out less than this long ago is handed out again untested.
/// Testing every checkout (`SELECT 1`) was a quarter of the round trips of a survey
/// submission; a connection that sat idle is the one a server restart, proxy or
/// `idle_session_timeout` may have dropped unseen. One that dies while busy shows it by a
/// failing query, and `Liveness` has the pool drop it.
const TRUSTED_FOR: Duration = Duration::from_secs(1);

/// Checks a connection out of the pool, mapping a timeout to "unavailable". Fails fast
/// while the database is unreachable (the pool has no connection left). A PostgreSQL
/// connection idle for `TRUSTED_FOR` or more is tested first; a dead one is dropped and
/// another taken, like r2d2's own test does.
pub fn checkout(pool: &DbPool) -> Result<PooledConn, DbError> {
    let started = Instant::now();
    loop {
        let wait = if pool.state().connections == 0 {
            DOWN_WAIT
        } else {
            CHECKOUT_WAIT
        };
        let mut conn = pool
            .get_timeout(wait.saturating_sub(started.elapsed()))
            .map_err(|e| DbError::Unavailable(e.to_string()))?;
        let now = Instant::now();
        let extensions = PooledConnection::extensions_mut(&mut conn);
        let trusted = match extensions.get_mut::<HandedOut>() {
            Some(last) => now.duration_since(std::mem::replace(&mut last.0, now)) < TRUSTED_FOR,
            None => {
                extensions.insert(HandedOut(now));
                false
            }
        };
        let tests = matches!(*conn, DbConnection::Pg(_));
        if !tests || trusted || conn.batch_execute("SELECT 1").is_ok() {
            return Ok(conn);
        }
        if let Some(l) = liveness(&mut conn) {
            l.closed = true; // whatever the test's error was, do not hand this one out again
        }
    }
}
/// SQLite's `VACUUM INTO`: a consistent, compact copy of the database at `target`, written
/// while others keep using it.
pub fn vacuum_into(conn: &mut DbConnection, target: &str) -> Result<(), DbError> {
    conn.batch_execute(&format!("VACUUM INTO '{}'", target.replace('\'', "''")))?;
    Ok(())
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
        let pool = build(Manager { url }, 4);
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

    /// Writers on one database take turns (the second waits until the first is done);
    /// writers on another database do not wait for them.
    #[test]
    fn sqlite_writers_take_turns_per_database() {
        let dir = tempfile::tempdir().expect("temp dir");
        let open = |name: &str| {
            let path = dir.path().join(name).to_string_lossy().to_string();
            let mut c = SqliteConnection::establish(&path).expect("open");
            prepare_sqlite(&mut c, &path).expect("prepare");
            c
        };
        let (mut a1, mut a2, mut b) = (open("a.db"), open("a.db"), open("b.db"));
        let held = sqlite_writer(&mut a1);
        std::thread::scope(|s| {
            s.spawn(|| drop(sqlite_writer(&mut b)))
                .join()
                .expect("another database's writer");
            let (tx, rx) = std::sync::mpsc::channel();
            let same = s.spawn(move || {
                let _turn = sqlite_writer(&mut a2);
                let _ = tx.send(());
            });
            assert!(
                rx.recv_timeout(Duration::from_millis(300)).is_err(),
                "a second writer on the same database did not wait for its turn"
            );
            drop(held);
            assert!(
                rx.recv_timeout(Duration::from_secs(5)).is_ok(),
                "the second writer never got its turn"
            );
            same.join().expect("same database's writer");
        });
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
