//! Database errors, typed so callers can tell "try later" from "this is a bug".

use super::column::malformed_part;

/// What went wrong talking to the database.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// The database could not be opened or reached.
    #[error("cannot connect to the database {url}: {reason}")]
    Connect { url: String, reason: String },
    /// No connection became free in time (the database is down or overloaded).
    #[error("the database is unavailable: {0}")]
    Unavailable(String),
    /// The database is full (SQLite: the disk or page limit).
    #[error("the database is full: {0}")]
    Full(String),
    /// The schema was written by a newer ctopulse than this one.
    #[error("the database was migrated by a newer ctopulse (unknown migrations: {0}); upgrade ctopulse before using this database")]
    NewerSchema(String),
    /// A migration failed; it was rolled back.
    #[error("migration failed and was rolled back: {0}")]
    Migration(String),
    /// A stored value does not parse as the type its column holds (never skipped).
    #[error("malformed stored value in {table}.{column}: {value:?} ({reason})")]
    Malformed {
        /// The table read (`?` where the query did not say).
        table: &'static str,
        /// The column (by what it holds where the query did not name it).
        column: String,
        value: String,
        reason: String,
    },
    /// A rewrite that must move every row of a set moved a different number than it
    /// removed; its transaction is rolled back rather than committed short.
    #[error("{what}: {inserted} rows written but {deleted} removed; nothing was changed")]
    Unbalanced {
        what: &'static str,
        inserted: usize,
        deleted: usize,
    },
    /// A transaction that held this write alongside others (SQLite's group commit of survey
    /// submissions) did not commit; nothing of it was stored, and a retry may succeed.
    #[error("the write was not committed: {0}")]
    NotCommitted(String),
    /// A query failed.
    #[error("database error: {0}")]
    Query(#[source] diesel::result::Error),
    /// The post-seal scrub cannot rewrite storage yet: transactions that may still see the
    /// pre-seal rows are open, and a rewrite now would copy those rows into the new files.
    #[error("the storage scrub waits for {0} to end; it runs again later")]
    OlderSnapshotsOpen(String),
    /// The seal's swap of a round's answers table (PostgreSQL) waited this many seconds for
    /// other sessions reading answers and gave up; the seal was undone.
    #[error("other sessions were reading the answers (a backup or a long report?) and the seal waited {0} s for them; nothing was changed, seal again when they have ended")]
    AnswersInUse(u64),
}

impl DbError {
    /// Whether a later retry may succeed (maps to 503 rather than 500).
    pub fn is_transient(&self) -> bool {
        match self {
            DbError::Connect { .. }
            | DbError::Unavailable(_)
            | DbError::Full(_)
            | DbError::OlderSnapshotsOpen(_)
            | DbError::NotCommitted(_) => true,
            DbError::Query(e) => is_transient_query_error(e),
            DbError::NewerSchema(_)
            | DbError::Migration(_)
            | DbError::Malformed { .. }
            | DbError::Unbalanced { .. }
            | DbError::AnswersInUse(_) => false,
        }
    }
}

impl From<diesel::result::Error> for DbError {
    fn from(e: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        match &e {
            Error::DatabaseError(DatabaseErrorKind::ClosedConnection, info) => {
                DbError::Unavailable(info.message().to_string())
            }
            Error::DatabaseError(_, info)
                if info.message().contains("database or disk is full")
                    || info.message().contains("No space left")
                    || info.message().contains("could not extend file") =>
            {
                DbError::Full(info.message().to_string())
            }
            Error::DeserializationError(ref inner) if malformed_part(inner.as_ref()).is_some() => {
                super::column::malformed_in("?")(e)
            }
            _ => DbError::Query(e),
        }
    }
}

fn is_transient_query_error(e: &diesel::result::Error) -> bool {
    use diesel::result::{DatabaseErrorKind, Error};
    match e {
        Error::DatabaseError(kind, info) => {
            matches!(
                kind,
                DatabaseErrorKind::SerializationFailure | DatabaseErrorKind::ClosedConnection
            ) || info.message().contains("database is locked")
                || info.message().contains("server closed the connection")
                || info.message().contains("terminating connection")
        }
        _ => false,
    }
}
