//! Sign-ins through the identity provider awaiting their callback: only hashes and a time.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::schema::oidc_logins;
use super::{DbConnection, DbError};

/// A started sign-in, as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = oidc_logins)]
pub struct PendingLogin {
    pub state_hash: String,
    pub browser_hash: String,
    pub started_at: PrimitiveDateTime,
}

/// Stores a started sign-in and drops those started before `stale_before`.
pub fn start(
    conn: &mut DbConnection,
    pending: &PendingLogin,
    stale_before: PrimitiveDateTime,
) -> Result<(), DbError> {
    conn.write_transaction(|conn| {
        diesel::delete(oidc_logins::table.filter(oidc_logins::started_at.lt(stale_before)))
            .execute(conn)?;
        diesel::insert_into(oidc_logins::table)
            .values((
                oidc_logins::state_hash.eq(&pending.state_hash),
                oidc_logins::browser_hash.eq(&pending.browser_hash),
                oidc_logins::started_at.eq(pending.started_at),
            ))
            .execute(conn)?;
        Ok(())
    })
}

/// Removes and returns the sign-in with this state, if it is still there: a second callback
/// with the same state finds nothing.
pub fn take(conn: &mut DbConnection, state_hash: &str) -> Result<Option<PendingLogin>, DbError> {
    conn.write_transaction(|conn| {
        let found = oidc_logins::table
            .find(state_hash)
            .select(PendingLogin::as_select())
            .first(conn)
            .optional()?;
        // Only the caller whose delete removed the row gets it: of two callbacks racing
        // with the same state, the second deletes nothing.
        let removed = diesel::delete(oidc_logins::table.find(state_hash)).execute(conn)?;
        Ok(found.filter(|_| removed == 1))
    })
}
