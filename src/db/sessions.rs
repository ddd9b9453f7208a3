//! Staff sessions as stored: only the SHA-256 of the cookie's token is kept.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::schema::{sessions, users};
use super::users::User;
use super::{DbConnection, DbError};
use crate::auth::session::SessionTimes;

/// One session row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = sessions)]
pub struct Session {
    pub token_hash: String,
    pub user_id: String,
    pub csrf_secret: String,
    pub created_at: PrimitiveDateTime,
    pub last_seen_at: PrimitiveDateTime,
    pub expires_at: PrimitiveDateTime,
}

impl Session {
    /// The times that decide whether it is still good.
    pub fn times(&self) -> SessionTimes {
        SessionTimes {
            created_at: self.created_at,
            last_seen_at: self.last_seen_at,
            expires_at: self.expires_at,
        }
    }
}

/// Stores a new session.
pub fn create(
    conn: &mut DbConnection,
    token_hash: &str,
    user_id: &str,
    csrf_secret: &str,
    times: SessionTimes,
) -> Result<(), DbError> {
    diesel::insert_into(sessions::table)
        .values((
            sessions::token_hash.eq(token_hash),
            sessions::user_id.eq(user_id),
            sessions::csrf_secret.eq(csrf_secret),
            sessions::created_at.eq(times.created_at),
            sessions::last_seen_at.eq(times.last_seen_at),
            sessions::expires_at.eq(times.expires_at),
        ))
        .execute(conn)?;
    Ok(())
}

/// The session with this token hash and its user, live or not (the caller decides).
pub fn find(conn: &mut DbConnection, token_hash: &str) -> Result<Option<(Session, User)>, DbError> {
    Ok(sessions::table
        .inner_join(users::table)
        .filter(sessions::token_hash.eq(token_hash))
        .select((Session::as_select(), User::as_select()))
        .first(conn)
        .optional()?)
}

/// Records that the session was used at `now` (idle timeout restarts).
pub fn touch(
    conn: &mut DbConnection,
    token_hash: &str,
    now: PrimitiveDateTime,
) -> Result<(), DbError> {
    diesel::update(sessions::table.filter(sessions::token_hash.eq(token_hash)))
        .set(sessions::last_seen_at.eq(now))
        .execute(conn)?;
    Ok(())
}

/// Ends one session.
pub fn delete(conn: &mut DbConnection, token_hash: &str) -> Result<usize, DbError> {
    Ok(
        diesel::delete(sessions::table.filter(sessions::token_hash.eq(token_hash)))
            .execute(conn)?,
    )
}

/// Ends every session of a user.
pub fn delete_for_user(conn: &mut DbConnection, user_id: &str) -> Result<usize, DbError> {
    Ok(diesel::delete(sessions::table.filter(sessions::user_id.eq(user_id))).execute(conn)?)
}

/// Deletes sessions past their absolute expiry or idle for longer than allowed.
pub fn prune(conn: &mut DbConnection, now: PrimitiveDateTime) -> Result<usize, DbError> {
    Ok(diesel::delete(
        sessions::table.filter(
            sessions::expires_at
                .le(now)
                .or(sessions::last_seen_at.le(now - crate::auth::session::IDLE)),
        ),
    )
    .execute(conn)?)
}
