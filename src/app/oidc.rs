//! Staff sign-in through the company's identity provider: starting a sign-in, taking its
//! callback once, and turning a verified person into a session.
//!
//! An account is found by the verified email. Without one, an account is created when the
//! person's groups grant a role (`oidc.roles`); an existing account takes the role its
//! groups grant (audited), keeping its own when none is mapped, and never demoting the last
//! active admin. Every refusal is audited and counted against the sign-in rate limit.

use std::collections::BTreeMap;

use time::PrimitiveDateTime;

use super::accounts::{open_session, record_failure};
use crate::auth::{oidc, password, Role};
use crate::db::oidc_logins::{self, PendingLogin};
use crate::db::throttle::{self, AttemptKind};
use crate::db::{audit, users, DbConnection, DbError};
use crate::domain::email::Email;
use crate::oidc::Person;
use crate::tokens;

/// A sign-in that has started: the browser's cookie secret and the state for the provider.
pub struct Started {
    pub browser_secret: String,
    pub state: String,
}

/// Why a callback signs nobody in. The message is what the sign-in page says.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("This sign-in has expired or was already used. Please sign in again.")]
    Expired,
    #[error("This sign-in was started in another browser. Please sign in again.")]
    WrongBrowser,
    #[error("The identity provider did not sign you in ({0}).")]
    ProviderSaidNo(String),
    #[error("The identity provider could not be reached. Please try again later.")]
    ProviderDown,
    #[error("The identity provider's answer could not be verified.")]
    Unverified(String),
    #[error("Your identity provider has not verified your email address.")]
    EmailUnverified,
    #[error("Your account does not have access to ctopulse. Ask an admin to add you.")]
    NoAccess,
    #[error("Your account is disabled. Ask an admin.")]
    Disabled,
}

impl Refusal {
    /// The audit entry's detail: the kind of refusal, never a token or a claim's value.
    fn detail(&self) -> String {
        match self {
            Refusal::Expired => "expired or replayed state".into(),
            Refusal::WrongBrowser => "state from another browser".into(),
            Refusal::ProviderSaidNo(code) => format!("provider error {code}"),
            Refusal::ProviderDown => "provider unreachable".into(),
            Refusal::Unverified(why) => format!("unverified answer: {why}"),
            Refusal::EmailUnverified => "email not verified".into(),
            Refusal::NoAccess => "no account and no mapped group".into(),
            Refusal::Disabled => "account disabled".into(),
        }
    }
}

/// How a callback ended.
pub enum Finished {
    Refused(Refusal),
    SignedIn { token: String, role: Role },
}

/// Starts a sign-in at `now`, forgetting ones older than [`oidc::MAX_AGE`].
pub fn start(conn: &mut DbConnection, now: PrimitiveDateTime) -> Result<Started, DbError> {
    let started = Started {
        browser_secret: tokens::new_token(),
        state: tokens::new_token(),
    };
    let pending = PendingLogin {
        state_hash: tokens::hash(&started.state),
        browser_hash: tokens::hash(&started.browser_secret),
        started_at: now,
    };
    oidc_logins::start(conn, &pending, now - oidc::MAX_AGE)?;
    Ok(started)
}

/// Seconds this client must wait before another sign-in, if it failed too often.
pub fn throttled(
    conn: &mut DbConnection,
    client_ip: &str,
    now: PrimitiveDateTime,
) -> Result<Option<i64>, DbError> {
    throttle::retry_after(conn, AttemptKind::Login, None, client_ip, now)
}

/// Takes the started sign-in `state` names, once: it must exist, be this browser's and be
/// younger than [`oidc::MAX_AGE`].
pub fn take(
    conn: &mut DbConnection,
    browser_secret: Option<&str>,
    state: &str,
    now: PrimitiveDateTime,
) -> Result<Result<(), Refusal>, DbError> {
    if !tokens::is_well_formed(state) {
        return Ok(Err(Refusal::Expired));
    }
    let Some(pending) = oidc_logins::take(conn, &tokens::hash(state))? else {
        return Ok(Err(Refusal::Expired));
    };
    let same_browser = browser_secret
        .is_some_and(|b| tokens::constant_time_eq(&tokens::hash(b), &pending.browser_hash));
    if !same_browser {
        return Ok(Err(Refusal::WrongBrowser));
    }
    if now - pending.started_at > oidc::MAX_AGE {
        return Ok(Err(Refusal::Expired));
    }
    Ok(Ok(()))
}

/// Records a refused callback: audited, and counted against the client's sign-in limit.
pub fn refuse(
    conn: &mut DbConnection,
    refusal: &Refusal,
    client_ip: &str,
    now: PrimitiveDateTime,
) -> Result<(), DbError> {
    let detail = format!("single sign-on from {client_ip}: {}", refusal.detail());
    record_failure(conn, None, client_ip, &detail, now)
}

/// Signs in the person the provider vouched for, or says why not (and records the refusal).
pub fn finish(
    conn: &mut DbConnection,
    person: &Person,
    roles: &BTreeMap<String, Role>,
    client_ip: &str,
    previous_session: Option<&str>,
    now: PrimitiveDateTime,
) -> Result<Finished, DbError> {
    let outcome = conn.write_transaction(|conn| {
        let email = match person.email.as_deref().map(Email::parse) {
            Some(Ok(e)) if person.email_verified => e,
            _ => return Ok(Err(Refusal::EmailUnverified)),
        };
        let granted = oidc::granted_role(&person.groups, roles);
        let user = match (users::find_by_email(conn, email.as_str())?, granted) {
            (Some(u), _) if u.disabled => return Ok(Err(Refusal::Disabled)),
            (Some(u), Some(role)) if u.role != role => change_role(conn, u, role, now)?,
            (Some(u), _) => u,
            (None, Some(role)) => create(conn, &email, role, person, now)?,
            (None, None) => return Ok(Err(Refusal::NoAccess)),
        };
        let detail = format!("single sign-on from {client_ip}");
        let token = open_session(conn, &user, previous_session, &detail, now)?;
        Ok::<_, DbError>(Ok((token, user.role)))
    })?;
    match outcome {
        Ok((token, role)) => Ok(Finished::SignedIn { token, role }),
        Err(refusal) => {
            refuse(conn, &refusal, client_ip, now)?;
            Ok(Finished::Refused(refusal))
        }
    }
}

fn create(
    conn: &mut DbConnection,
    email: &Email,
    role: Role,
    person: &Person,
    now: PrimitiveDateTime,
) -> Result<users::User, DbError> {
    let id = users::insert(conn, email.as_str(), role, password::NO_PASSWORD, now)?;
    let name = person
        .name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string);
    if let Some(name) = &name {
        users::set_name(conn, &id, name)?;
    }
    let detail = format!("{} as {role} (single sign-on)", email.as_str());
    audit::record(
        conn,
        now,
        "oidc",
        "user.create",
        "user",
        Some(&id),
        Some(&detail),
    )?;
    Ok(users::User {
        id,
        email: email.as_str().to_string(),
        role,
        password_hash: password::NO_PASSWORD.to_string(),
        disabled: false,
        created_at: now,
        password_changed_at: now,
        name,
    })
}

/// The provider's groups decide the role, except that the last active admin keeps it.
fn change_role(
    conn: &mut DbConnection,
    user: users::User,
    role: Role,
    now: PrimitiveDateTime,
) -> Result<users::User, DbError> {
    if user.role == Role::Admin && users::other_active_admins(conn, &user.id)? == 0 {
        return Ok(user);
    }
    users::update_role(conn, &user.id, role)?;
    let detail = format!(
        "{}: {} -> {role} (single sign-on groups)",
        user.email, user.role
    );
    audit::record(
        conn,
        now,
        "oidc",
        "user.set_role",
        "user",
        Some(&user.id),
        Some(&detail),
    )?;
    Ok(users::User { role, ..user })
}
