//! The database: one connection type over SQLite and PostgreSQL, the pool, migrations.
//!
//! The backend is chosen by the URL (see `config::DatabaseUrl`). Everything else in the
//! crate talks to `DbConnection` and the one `schema`; backend-specific SQL (batch
//! inserts, upserts, `FOR UPDATE SKIP LOCKED`) matches on the variant.

pub mod actions;
pub mod answer_tables;
pub mod api_tokens;
pub mod audit;
#[macro_use]
pub mod column;
pub mod commentary;
pub mod comments;
pub mod departments;
pub mod drivers;
pub mod employees;
pub mod error;
pub mod fresh_ids;
pub mod hr;
pub mod inflection;
pub mod migrate;
pub mod oidc_logins;
pub mod outbox;
pub mod person;
pub mod pool;
pub mod retention;
pub mod rounds;
pub mod schedules;
pub mod schema;
pub mod scim_users;

/// A multi-row INSERT of `rows` into `table` on either backend: the multi-backend connection
/// cannot batch-insert, the concrete ones can. Evaluates to `QueryResult<usize>`.
/// Exported for the benchmark fixture (benches/support/bench_data.rs), which lives outside
/// the library; the calling crate needs `diesel` as a dependency.
#[macro_export]
macro_rules! insert_rows {
    ($conn:expr, $table:path, $rows:expr) => {
        match $conn {
            $crate::db::DbConnection::Pg(c) => {
                diesel::RunQueryDsl::execute(diesel::insert_into($table).values($rows), c)
            }
            $crate::db::DbConnection::Sqlite(c) => {
                diesel::RunQueryDsl::execute(diesel::insert_into($table).values($rows), c)
            }
        }
    };
}
pub use insert_rows;

/// Loads `$query` as `Vec<$row>` on the backend's own connection, for queries on a hot path:
/// through the multi-backend connection diesel rebuilds the SQL text on every run to find
/// the cached statement (~9 % of the server's CPU under survey load when the link lookup
/// went that way). Evaluates to `QueryResult<Vec<$row>>`.
macro_rules! load_native {
    ($conn:expr, $query:expr, $row:ty) => {
        match $conn {
            $crate::db::DbConnection::Pg(c) => diesel::RunQueryDsl::load::<$row>($query, c),
            $crate::db::DbConnection::Sqlite(c) => diesel::RunQueryDsl::load::<$row>($query, c),
        }
    };
}
pub(crate) use load_native;
pub mod scorecard;
pub mod seal;
pub mod sessions;
pub mod survey;
pub mod survey_sql;
pub mod survey_store;
pub mod throttle;
pub mod time_split;
pub mod users;

use diesel::connection::{AnsiTransactionManager, TransactionManager};
use diesel::pg::PgConnection;
use diesel::sqlite::SqliteConnection;
use diesel::Connection;

pub use error::DbError;
pub use pool::{connect, DbPool, PooledConn};

/// A connection to either backend.
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Pg(PgConnection),
    Sqlite(SqliteConnection),
}

/// Which backend a connection talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl DbConnection {
    /// The backend of this connection.
    pub fn backend(&self) -> Backend {
        match self {
            DbConnection::Pg(_) => Backend::Postgres,
            DbConnection::Sqlite(_) => Backend::Sqlite,
        }
    }

    /// Runs `f` in a write transaction that takes the write lock up front.
    ///
    /// On SQLite a plain (deferred) transaction that reads and then writes can fail with
    /// "database is locked" when another writer got there first; `BEGIN IMMEDIATE` queues
    /// behind `busy_timeout` instead. PostgreSQL's row locks need no special start.
    pub fn write_transaction<T, E, F>(&mut self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, E>,
        E: From<diesel::result::Error>,
    {
        match self {
            DbConnection::Pg(_) => self.transaction(f),
            DbConnection::Sqlite(inner) => {
                let _turn = pool::sqlite_writer(inner);
                AnsiTransactionManager::begin_transaction_sql(inner, "BEGIN IMMEDIATE")?;
                match f(self) {
                    Ok(value) => {
                        <DbConnection as Connection>::TransactionManager::commit_transaction(self)?;
                        Ok(value)
                    }
                    Err(e) => {
                        <DbConnection as Connection>::TransactionManager::rollback_transaction(
                            self,
                        )?;
                        Err(e)
                    }
                }
            }
        }
    }
}
