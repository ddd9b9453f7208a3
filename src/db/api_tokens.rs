//! API tokens for automation as stored (only the SHA-256): queries only; `app::accounts`
//! creates and revokes them, audited.

use diesel::prelude::*;
use serde::Serialize;
use time::PrimitiveDateTime;

use super::schema::api_tokens;
use super::{DbConnection, DbError};
use crate::auth::roles::TokenScope;
use crate::auth::Role;

/// One API token as stored (never the token itself).
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = api_tokens)]
pub struct ApiToken {
    pub id: String,
    pub name: String,
    pub role: Role,
    #[serde(skip)]
    pub token_hash: String,
    #[serde(with = "crate::clock::serde_timestamp")]
    pub created_at: PrimitiveDateTime,
    #[serde(skip)]
    pub last_used_at: Option<PrimitiveDateTime>,
    #[serde(skip)]
    pub revoked_at: Option<PrimitiveDateTime>,
    pub scope: TokenScope,
}

/// Stores a new token's hash, created at `now`, and returns its id.
pub fn insert(
    conn: &mut DbConnection,
    name: &str,
    role: Role,
    scope: TokenScope,
    token_hash: &str,
    now: PrimitiveDateTime,
) -> Result<String, DbError> {
    let id = uuid::Uuid::new_v4().to_string();
    diesel::insert_into(api_tokens::table)
        .values((
            api_tokens::id.eq(&id),
            api_tokens::name.eq(name),
            api_tokens::role.eq(role),
            api_tokens::scope.eq(scope),
            api_tokens::token_hash.eq(token_hash),
            api_tokens::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(id)
}

/// The token with this id, revoked or not.
pub fn by_id(conn: &mut DbConnection, id: &str) -> Result<Option<ApiToken>, DbError> {
    Ok(api_tokens::table
        .filter(api_tokens::id.eq(id))
        .select(ApiToken::as_select())
        .first(conn)
        .optional()?)
}

/// Marks a token revoked at `now`; it stops working at once.
pub fn mark_revoked(
    conn: &mut DbConnection,
    id: &str,
    now: PrimitiveDateTime,
) -> Result<(), DbError> {
    diesel::update(api_tokens::table.filter(api_tokens::id.eq(id)))
        .set(api_tokens::revoked_at.eq(now))
        .execute(conn)?;
    Ok(())
}

/// The unrevoked token with this hash.
pub fn find_active(conn: &mut DbConnection, token_hash: &str) -> Result<Option<ApiToken>, DbError> {
    Ok(api_tokens::table
        .filter(api_tokens::token_hash.eq(token_hash))
        .filter(api_tokens::revoked_at.is_null())
        .select(ApiToken::as_select())
        .first(conn)
        .optional()?)
}

/// Records a use (the caller rate-limits how often).
pub fn touch(conn: &mut DbConnection, id: &str, now: PrimitiveDateTime) -> Result<(), DbError> {
    diesel::update(api_tokens::table.filter(api_tokens::id.eq(id)))
        .set(api_tokens::last_used_at.eq(now))
        .execute(conn)?;
    Ok(())
}

/// Every token, newest first.
pub fn list(conn: &mut DbConnection) -> Result<Vec<ApiToken>, DbError> {
    Ok(api_tokens::table
        .order(api_tokens::created_at.desc())
        .select(ApiToken::as_select())
        .load(conn)?)
}
