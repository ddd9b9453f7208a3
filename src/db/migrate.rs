//! Embedded per-backend migrations, applied by `ctopulse migrate` and at `serve` start.

use std::collections::BTreeSet;

use diesel::backend::Backend as DieselBackend;
use diesel::migration::{Migration, MigrationSource};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use super::{DbConnection, DbError};

const SQLITE: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// Applies every pending migration (each in its own transaction) and returns the names applied.
///
/// Refuses a database that holds migrations this build does not know: it was written by a
/// newer ctopulse, and running older code on it could corrupt it.
pub fn run(conn: &mut DbConnection) -> Result<Vec<String>, DbError> {
    match conn {
        DbConnection::Sqlite(c) => apply(c, SQLITE),
        DbConnection::Pg(c) => apply(c, POSTGRES),
    }
}

fn apply<C, DB>(conn: &mut C, source: EmbeddedMigrations) -> Result<Vec<String>, DbError>
where
    DB: DieselBackend,
    C: MigrationHarness<DB>,
    EmbeddedMigrations: MigrationSource<DB>,
{
    let known: BTreeSet<String> = MigrationSource::<DB>::migrations(&source)
        .map_err(|e| DbError::Migration(e.to_string()))?
        .into_iter()
        .map(|m: Box<dyn Migration<DB>>| m.name().version().to_string())
        .collect();
    let applied = conn
        .applied_migrations()
        .map_err(|e| DbError::Migration(e.to_string()))?;
    let unknown: Vec<String> = applied
        .iter()
        .map(|v| v.to_string())
        .filter(|v| !known.contains(v))
        .collect();
    if !unknown.is_empty() {
        return Err(DbError::NewerSchema(unknown.join(", ")));
    }
    let done = conn
        .run_pending_migrations(source)
        .map_err(|e| DbError::Migration(e.to_string()))?;
    Ok(done.iter().map(|v| v.to_string()).collect())
}
