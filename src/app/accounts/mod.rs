//! Staff account use cases: sign in, sign out, who a session cookie or API token is; the
//! administration of staff accounts (`user_admin`) and of API tokens (`token_admin`), each
//! change audited.
//!
//! An unknown email is checked against a dummy hash, so it costs the same time and gets the
//! same answer as a wrong password. Failures are counted per (account, client IP) and per
//! client IP; past the limit the caller is told to wait. A successful sign-in records
//! nothing in the failure table. A failure is stored under the account's id (or as an
//! unknown account), never as the text that was typed.

use time::PrimitiveDateTime;

use crate::auth::session::{self, SessionTimes};
use crate::auth::{password, Credential, Identity, Role};
use crate::db::throttle::{self, AttemptKind};
use crate::db::users::User;
use crate::db::{api_tokens, audit, sessions, users, DbConnection, DbError};
use crate::tokens;

mod token_admin;
mod user_admin;

pub use token_admin::*;
pub use user_admin::*;

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
        record_failure(conn, user_id, ip, &detail, now)?;
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

/// Records a failed sign-in (password or single sign-on): audited as `login.failed` under
/// the account's id when known, and counted against the client's sign-in limit.
pub(crate) fn record_failure(
    conn: &mut DbConnection,
    user_id: Option<&str>,
    client_ip: &str,
    detail: &str,
    now: PrimitiveDateTime,
) -> Result<(), DbError> {
    conn.write_transaction(|conn| {
        throttle::record(conn, AttemptKind::Login, user_id, client_ip, now)?;
        audit::record(
            conn,
            now,
            "anonymous",
            "login.failed",
            "user",
            user_id,
            Some(detail),
        )
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
