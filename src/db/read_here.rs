//! SQLite: short reads run on the request's own thread, on a read-only connection that
//! thread keeps. Opening a survey link reads one row in tens of microseconds; handing that
//! to the blocking pool and back (`web::with_conn`) cost two task switches, more CPU than
//! the read. In WAL mode a reader never waits for the writer, so the request thread does
//! not stall behind submissions. PostgreSQL's reads are round trips: they stay on the
//! blocking pool.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::PathBuf;

use diesel::connection::SimpleConnection;

use super::pool::Manager;
use super::{DbConnection, DbError};
use crate::config::DatabaseUrl;

/// Settings of a request thread's reader: it can never write (writes hold the process's
/// write turn, on the blocking pool), and it gives up after 50 ms on a lock SQLite rarely
/// makes a reader wait for (WAL recovery) instead of holding the thread for `busy_timeout`.
const READER_PRAGMAS: &str = "PRAGMA query_only = ON; PRAGMA busy_timeout = 50;";

thread_local! {
    /// This thread's readers, one per database file.
    static READERS: RefCell<HashMap<PathBuf, DbConnection>> = RefCell::default();
}

/// Runs `read` on this thread's reader of the SQLite database at `url`; `None` on PostgreSQL,
/// where the caller reads through the blocking pool. A reader that fails is dropped, so the
/// next read opens a fresh one.
pub fn read_here<T>(
    url: &DatabaseUrl,
    read: impl FnOnce(&mut DbConnection) -> Result<T, DbError>,
) -> Option<Result<T, DbError>> {
    let DatabaseUrl::Sqlite(path) = url else {
        return None;
    };
    let outcome = READERS.with(|readers| {
        let mut readers = readers.try_borrow_mut().ok()?;
        let conn = match readers.entry(path.to_path_buf()) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => match open(&Manager::new(url)) {
                Ok(c) => e.insert(c),
                Err(err) => return Some(Err(err)),
            },
        };
        Some(read(conn))
    })?;
    if outcome.is_err() {
        READERS.with(|r| r.try_borrow_mut().map(|mut r| r.remove(path)).ok());
    }
    Some(outcome)
}

fn open(manager: &Manager) -> Result<DbConnection, DbError> {
    let mut conn = manager.open()?;
    conn.batch_execute(READER_PRAGMAS)?;
    Ok(conn)
}

#[cfg(test)]
mod tests {
    use super::*;
    use diesel::sql_types::BigInt;
    use diesel::RunQueryDsl;

    #[derive(diesel::QueryableByName)]
    struct N {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }

    fn count(conn: &mut DbConnection) -> Result<i64, DbError> {
        let rows: Vec<N> = diesel::sql_query("SELECT count(*) AS n FROM t").load(conn)?;
        Ok(rows.first().map_or(0, |r| r.n))
    }

    #[test]
    fn a_reader_sees_each_commit_and_never_writes() {
        let dir = tempfile::tempdir().unwrap();
        let url = DatabaseUrl::Sqlite(dir.path().join("r.db"));
        let mut writer = Manager::new(&url).open().unwrap();
        writer
            .batch_execute("PRAGMA journal_mode = WAL; CREATE TABLE t (x INTEGER);")
            .unwrap();
        assert_eq!(read_here(&url, count).unwrap().unwrap(), 0);
        writer.batch_execute("INSERT INTO t VALUES (1)").unwrap();
        // The same kept connection, opened before the insert, sees it.
        assert_eq!(read_here(&url, count).unwrap().unwrap(), 1);
        let write = read_here(&url, |c| Ok(c.batch_execute("INSERT INTO t VALUES (2)")?));
        let err = write.unwrap().unwrap_err().to_string();
        assert!(
            err.contains("readonly") || err.contains("read-only"),
            "{err}"
        );
        assert_eq!(read_here(&url, count).unwrap().unwrap(), 1);
    }

    #[test]
    fn postgres_reads_go_through_the_pool() {
        let url = DatabaseUrl::Postgres(crate::secret::Secret::new(
            "postgres://nobody@127.0.0.1:1/none",
        ));
        assert!(read_here(&url, |_| Ok(())).is_none());
    }
}
