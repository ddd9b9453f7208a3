//! API tokens: create (shown once, stored hashed), list, revoke; each change audited.

use time::PrimitiveDateTime;

use crate::auth::roles::TokenScope;
use crate::auth::Role;
pub use crate::db::api_tokens::ApiToken;
use crate::db::{api_tokens, audit, DbConnection, DbError};
use crate::tokens;

/// Most characters in an API token's name.
pub const MAX_TOKEN_NAME_CHARS: usize = 100;

/// Why a token change was refused.
#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    #[error("the token name must be 1–{MAX_TOKEN_NAME_CHARS} printable characters")]
    InvalidName,
    #[error("no API token with id {0}")]
    NotFound(String),
    #[error("API token {0} is already revoked")]
    AlreadyRevoked(String),
    #[error("a scim token changes the roster, so it needs --role admin")]
    ScimNeedsAdmin,
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for TokenError {
    fn from(e: diesel::result::Error) -> Self {
        TokenError::Db(e.into())
    }
}

/// A token just created: its id and the token itself (shown once, stored hashed).
pub struct NewToken {
    pub id: String,
    pub token: String,
}

/// Every API token, newest first.
pub fn list_tokens(conn: &mut DbConnection) -> Result<Vec<ApiToken>, DbError> {
    api_tokens::list(conn)
}

/// A token's name, trimmed, when it is 1 to [`MAX_TOKEN_NAME_CHARS`] printable characters.
pub fn token_name(name: &str) -> Result<&str, TokenError> {
    let name = name.trim();
    if name.is_empty()
        || name.chars().count() > MAX_TOKEN_NAME_CHARS
        || name.chars().any(char::is_control)
    {
        return Err(TokenError::InvalidName);
    }
    Ok(name)
}

/// Creates an API token for the JSON API named `name` (trimmed) at `now`, audited.
pub fn create_token(
    conn: &mut DbConnection,
    name: &str,
    role: Role,
    actor: &str,
    now: PrimitiveDateTime,
) -> Result<NewToken, TokenError> {
    create_scoped_token(conn, name, role, TokenScope::Api, actor, now)
}

/// Creates an API token named `name` (trimmed) for `scope` at `now`, audited. A SCIM token
/// changes the roster, which is the admin's, so it must carry the admin role.
pub fn create_scoped_token(
    conn: &mut DbConnection,
    name: &str,
    role: Role,
    scope: TokenScope,
    actor: &str,
    now: PrimitiveDateTime,
) -> Result<NewToken, TokenError> {
    let name = token_name(name)?;
    if scope == TokenScope::Scim && role != Role::Admin {
        return Err(TokenError::ScimNeedsAdmin);
    }
    let token = tokens::new_token();
    let id = conn.write_transaction(|conn| {
        let id = api_tokens::insert(conn, name, role, scope, &tokens::hash(&token), now)?;
        let detail = format!("{name} as {role}, scope {scope}");
        audit::record(
            conn,
            now,
            actor,
            "token.create",
            "api_token",
            Some(&id),
            Some(&detail),
        )?;
        Ok::<_, TokenError>(id)
    })?;
    Ok(NewToken { id, token })
}

/// Revokes a token at `now`, audited; it stops working at once.
pub fn revoke_token(
    conn: &mut DbConnection,
    id: &str,
    actor: &str,
    now: PrimitiveDateTime,
) -> Result<(), TokenError> {
    conn.write_transaction(|conn| {
        let token =
            api_tokens::by_id(conn, id)?.ok_or_else(|| TokenError::NotFound(id.to_string()))?;
        if token.revoked_at.is_some() {
            return Err(TokenError::AlreadyRevoked(id.to_string()));
        }
        api_tokens::mark_revoked(conn, id, now)?;
        audit::record(
            conn,
            now,
            actor,
            "token.revoke",
            "api_token",
            Some(id),
            Some(&token.name),
        )?;
        Ok(())
    })
}
