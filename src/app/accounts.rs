//! Staff account use cases: sign in, sign out, who a session cookie or API token is, and
//! the administration of staff accounts (each change audited).
//!
//! An unknown email is checked against a dummy hash, so it costs the same time and gets the
//! same answer as a wrong password. Failures are counted per (account, client IP) and per
//! client IP; past the limit the caller is told to wait. A successful sign-in records
//! nothing in the failure table. A failure is stored under the account's id (or as an
//! unknown account), never as the text that was typed.

use std::collections::HashMap;

use time::PrimitiveDateTime;

use crate::auth::roles::TokenScope;
use crate::auth::session::{self, SessionTimes};
use crate::auth::{password, Credential, Identity, Role};
pub use crate::db::api_tokens::ApiToken;
use crate::db::throttle::{self, AttemptKind};
use crate::db::users::{User, UserSummary};
use crate::db::{api_tokens, audit, sessions, users, DbConnection, DbError};
use crate::domain::email::Email;
use crate::tokens;

/// One sign-in attempt.
pub struct Attempt {
    /// The account as typed (case-folded when it is an email).
    pub account: String,
    pub password: String,
    pub client_ip: String,
    /// The session cookie the browser still carried, ended on success.
    pub previous_session: Option<String>,
}

/// How a sign-in attempt ended.
pub enum SignIn {
    /// Too many failures: try again after this many seconds.
    Throttled { retry_after: i64 },
    /// Unknown account, wrong password or disabled account (one answer for all three).
    Rejected,
    /// A new session: its token (for the cookie only; stored hashed) and the role.
    SignedIn { token: String, role: Role },
}

/// Checks an attempt and, when it succeeds, starts a session at `now`. Runs argon2, so call
/// it off the async workers.
pub fn sign_in(
    conn: &mut DbConnection,
    attempt: &Attempt,
    now: PrimitiveDateTime,
) -> Result<SignIn, DbError> {
    let ip = attempt.client_ip.as_str();
    let user = users::find_by_email(conn, &attempt.account)?;
    // Failures are counted and audited under the account's id, never the typed text: a
    // password typed into the email field must not be stored. An unknown account is limited
    // by the per-IP count alone, which includes every per-(account, IP) count anyway.
    let user_id = user.as_ref().map(|u| u.id.as_str());
    if let Some(retry_after) = throttle::retry_after(conn, AttemptKind::Login, user_id, ip, now)? {
        return Ok(SignIn::Throttled { retry_after });
    }
    // One argon2 check whatever happens, so timing tells nothing about the account.
    let matched = match &user {
        Some(u) => password::verify(&attempt.password, &u.password_hash),
        None => password::verify_unknown_user(&attempt.password),
    };
    let Some(user) = user.as_ref().filter(|u| matched && !u.disabled) else {
        let detail = match user_id {
            Some(id) => format!("account {id} from {ip}"),
            None => format!("unknown account from {ip}"),
        };
        conn.write_transaction(|conn| {
            throttle::record(conn, AttemptKind::Login, user_id, ip, now)?;
            audit::record(
                conn,
                now,
                "anonymous",
                "login.failed",
                "user",
                user_id,
                Some(&detail),
            )
        })?;
        return Ok(SignIn::Rejected);
    };
    let detail = format!("from {ip}");
    let token = conn.write_transaction(|conn| {
        open_session(
            conn,
            user,
            attempt.previous_session.as_deref(),
            &detail,
            now,
        )
    })?;
    Ok(SignIn::SignedIn {
        token,
        role: user.role,
    })
}

/// Starts a session for `user` (ending the browser's previous one) and audits the sign-in
/// with `detail`; returns the cookie's token. Call inside a write transaction.
pub(crate) fn open_session(
    conn: &mut DbConnection,
    user: &User,
    previous_session: Option<&str>,
    detail: &str,
    now: PrimitiveDateTime,
) -> Result<String, DbError> {
    let token = tokens::new_token();
    let csrf_secret = tokens::new_token();
    if let Some(old) = previous_session {
        sessions::delete(conn, &tokens::hash(old))?;
    }
    let times = SessionTimes::starting(now);
    sessions::create(conn, &tokens::hash(&token), &user.id, &csrf_secret, times)?;
    audit::record(
        conn,
        now,
        &user.email,
        "login",
        "user",
        Some(&user.id),
        Some(detail),
    )?;
    Ok(token)
}

/// Ends every session of a user, audited; returns how many were ended.
pub fn sign_out(
    conn: &mut DbConnection,
    now: PrimitiveDateTime,
    user_id: &str,
    actor: &str,
) -> Result<usize, DbError> {
    conn.write_transaction(|conn| {
        let ended = sessions::delete_for_user(conn, user_id)?;
        let detail = format!("{ended} session(s) ended");
        audit::record(
            conn,
            now,
            actor,
            "logout",
            "user",
            Some(user_id),
            Some(&detail),
        )?;
        Ok(ended)
    })
}

/// Who a session cookie's token belongs to, touching a live session; an expired one is
/// deleted. `None` for an unknown, expired or disabled one.
pub fn session_identity(
    conn: &mut DbConnection,
    token: &str,
    now: PrimitiveDateTime,
) -> Result<Option<Identity>, DbError> {
    if !tokens::is_well_formed(token) {
        return Ok(None);
    }
    let hash = tokens::hash(token);
    let Some((s, user)) = sessions::find(conn, &hash)? else {
        return Ok(None);
    };
    let times = s.times();
    if !times.is_live(now) {
        sessions::delete(conn, &hash)?;
        return Ok(None);
    }
    if user.disabled {
        return Ok(None);
    }
    if times.needs_touch(now) {
        sessions::touch(conn, &hash, now)?;
    }
    Ok(Some(Identity {
        user_id: Some(user.id),
        actor: user.email,
        role: user.role,
        credential: Credential::Session {
            token_hash: hash,
            csrf_secret: crate::secret::Secret::new(s.csrf_secret),
        },
    }))
}

/// Who an unrevoked API token is, noting its use (at most once per touch interval).
pub fn token_identity(
    conn: &mut DbConnection,
    token: &str,
    now: PrimitiveDateTime,
) -> Result<Option<Identity>, DbError> {
    let Some(t) = api_tokens::find_active(conn, &tokens::hash(token))? else {
        return Ok(None);
    };
    if t.last_used_at
        .is_none_or(|at| now - at >= session::TOUCH_EVERY)
    {
        api_tokens::touch(conn, &t.id, now)?;
    }
    Ok(Some(Identity {
        user_id: None,
        actor: format!("token:{}", t.name),
        role: t.role,
        credential: Credential::ApiToken {
            id: t.id,
            scope: t.scope,
        },
    }))
}

/// Why an account change was refused.
#[derive(Debug, thiserror::Error)]
pub enum UserError {
    #[error("a user with email {0} already exists")]
    Exists(String),
    #[error("no user with email {0}")]
    NotFound(String),
    #[error("{0} is the last active admin; make another account admin first")]
    LastAdmin(String),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for UserError {
    fn from(e: diesel::result::Error) -> Self {
        UserError::Db(e.into())
    }
}

/// Whether a change may leave the service without an active admin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdminGuard {
    /// Refuse it: from the web, an admin must not lock every admin out.
    KeepOne,
    /// Allow it: whoever runs the CLI can always add an admin again, and an emergency
    /// disable of a compromised sole admin must be one step.
    Off,
}

/// Every account, by email.
pub fn list_users(conn: &mut DbConnection) -> Result<Vec<UserSummary>, DbError> {
    users::list(conn)
}

/// When each account last signed in (user id → time).
pub fn last_sign_ins(
    conn: &mut DbConnection,
) -> Result<HashMap<String, PrimitiveDateTime>, DbError> {
    users::last_sign_ins(conn)
}

/// The account with this email.
pub fn user_by_email(conn: &mut DbConnection, email: &Email) -> Result<Option<User>, DbError> {
    users::find_by_email(conn, email.as_str())
}

/// The account with this id.
pub fn user_by_id(conn: &mut DbConnection, id: &str) -> Result<Option<User>, DbError> {
    users::by_id(conn, id)
}

/// Creates an account at `now` (password already hashed) and returns its id.
pub fn create_user(
    conn: &mut DbConnection,
    email: &Email,
    role: Role,
    password_hash: &str,
    actor: &str,
    now: PrimitiveDateTime,
) -> Result<String, UserError> {
    conn.write_transaction(|conn| {
        if users::find_by_email(conn, email.as_str())?.is_some() {
            return Err(UserError::Exists(email.as_str().to_string()));
        }
        let id = users::insert(conn, email.as_str(), role, password_hash, now)?;
        let detail = format!("{} as {}", email.as_str(), role);
        audit::record(
            conn,
            now,
            actor,
            "user.create",
            "user",
            Some(&id),
            Some(&detail),
        )?;
        Ok(id)
    })
}

/// Disables an account and ends all its sessions. Returns how many sessions ended.
pub fn disable_user(
    conn: &mut DbConnection,
    now: PrimitiveDateTime,
    email: &Email,
    actor: &str,
    guard: AdminGuard,
) -> Result<usize, UserError> {
    conn.write_transaction(|conn| {
        let user = existing(conn, email)?;
        if guard == AdminGuard::KeepOne {
            ensure_another_admin(conn, &user)?;
        }
        users::set_disabled(conn, &user.id, true)?;
        let ended = sessions::delete_for_user(conn, &user.id)?;
        let detail = format!("{}; {ended} session(s) ended", user.email);
        audit::record(
            conn,
            now,
            actor,
            "user.disable",
            "user",
            Some(&user.id),
            Some(&detail),
        )?;
        Ok(ended)
    })
}

/// Enables a disabled account again (its password is unchanged; it must sign in anew).
pub fn enable_user(
    conn: &mut DbConnection,
    now: PrimitiveDateTime,
    email: &Email,
    actor: &str,
) -> Result<(), UserError> {
    conn.write_transaction(|conn| {
        let user = existing(conn, email)?;
        if !user.disabled {
            return Ok(());
        }
        users::set_disabled(conn, &user.id, false)?;
        audit::record(
            conn,
            now,
            actor,
            "user.enable",
            "user",
            Some(&user.id),
            Some(&user.email),
        )?;
        Ok(())
    })
}

/// Changes an account's role; the last active admin cannot be demoted. The new role applies
/// to the account's next request (sessions read the role from the account each time).
pub fn set_role(
    conn: &mut DbConnection,
    now: PrimitiveDateTime,
    email: &Email,
    role: Role,
    actor: &str,
) -> Result<(), UserError> {
    conn.write_transaction(|conn| {
        let user = existing(conn, email)?;
        if user.role == role {
            return Ok(());
        }
        ensure_another_admin(conn, &user)?;
        users::update_role(conn, &user.id, role)?;
        let detail = format!("{}: {} -> {role}", user.email, user.role);
        audit::record(
            conn,
            now,
            actor,
            "user.set_role",
            "user",
            Some(&user.id),
            Some(&detail),
        )?;
        Ok(())
    })
}

/// Sets a new password hash at `now` (re-enabling nothing) and ends all sessions of the
/// account. Returns how many sessions ended.
pub fn set_password(
    conn: &mut DbConnection,
    now: PrimitiveDateTime,
    email: &Email,
    password_hash: &str,
    actor: &str,
) -> Result<usize, UserError> {
    conn.write_transaction(|conn| {
        let user = existing(conn, email)?;
        users::update_password(conn, &user.id, password_hash, now)?;
        let ended = sessions::delete_for_user(conn, &user.id)?;
        let detail = format!("{}; {ended} session(s) ended", user.email);
        audit::record(
            conn,
            now,
            actor,
            "user.reset_password",
            "user",
            Some(&user.id),
            Some(&detail),
        )?;
        Ok(ended)
    })
}

fn existing(conn: &mut DbConnection, email: &Email) -> Result<User, UserError> {
    users::find_by_email(conn, email.as_str())?
        .ok_or_else(|| UserError::NotFound(email.as_str().to_string()))
}

/// Refuses when `user` is an active admin and no other active admin exists. Call inside the
/// write transaction that changes `user`.
fn ensure_another_admin(conn: &mut DbConnection, user: &User) -> Result<(), UserError> {
    if user.role != Role::Admin || user.disabled {
        return Ok(());
    }
    if users::other_active_admins(conn, &user.id)? == 0 {
        return Err(UserError::LastAdmin(user.email.clone()));
    }
    Ok(())
}

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
