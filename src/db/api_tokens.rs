//! API tokens for automation: stored as SHA-256, shown once at creation, revocable.

use diesel::prelude::*;
use serde::Serialize;
use time::PrimitiveDateTime;

use super::schema::api_tokens;
use super::{audit, DbConnection, DbError};
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
}

/// Why a token change was refused.
#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    #[error("no API token with id {0}")]
    NotFound(String),
    #[error("API token {0} is already revoked")]
    AlreadyRevoked(String),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for TokenError {
    fn from(e: diesel::result::Error) -> Self {
        TokenError::Db(e.into())
    }
}

/// Stores a new token's hash and returns its id.
pub fn create(
    conn: &mut DbConnection,
    name: &str,
    role: Role,
    token_hash: &str,
    actor: &str,
    now: PrimitiveDateTime,
) -> Result<String, DbError> {
    conn.write_transaction(|conn| {
        let id = uuid::Uuid::new_v4().to_string();
        diesel::insert_into(api_tokens::table)
            .values((
                api_tokens::id.eq(&id),
                api_tokens::name.eq(name),
                api_tokens::role.eq(role),
                api_tokens::token_hash.eq(token_hash),
                api_tokens::created_at.eq(now),
            ))
            .execute(conn)?;
        audit::record(
            conn,
            actor,
            "token.create",
            "api_token",
            Some(&id),
            Some(&format!("{name} as {role}")),
        )?;
        Ok(id)
    })
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

/// Revokes a token; it stops working at once.
pub fn revoke(
    conn: &mut DbConnection,
    id: &str,
    actor: &str,
    now: PrimitiveDateTime,
) -> Result<(), TokenError> {
    conn.write_transaction(|conn| {
        let token: ApiToken = api_tokens::table
            .filter(api_tokens::id.eq(id))
            .select(ApiToken::as_select())
            .first(conn)
            .optional()?
            .ok_or_else(|| TokenError::NotFound(id.to_string()))?;
        if token.revoked_at.is_some() {
            return Err(TokenError::AlreadyRevoked(id.to_string()));
        }
        diesel::update(api_tokens::table.filter(api_tokens::id.eq(id)))
            .set(api_tokens::revoked_at.eq(now))
            .execute(conn)?;
        audit::record(
            conn,
            actor,
            "token.revoke",
            "api_token",
            Some(id),
            Some(&token.name),
        )?;
        Ok(())
    })
}
