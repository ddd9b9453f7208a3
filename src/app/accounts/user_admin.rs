//! Administration of staff accounts: create, disable, enable, change role or password.
//! Each change is audited, and the web refuses to leave the service without an active admin.

use std::collections::HashMap;

use time::PrimitiveDateTime;

use crate::auth::Role;
use crate::db::users::{User, UserSummary};
use crate::db::{audit, sessions, users, DbConnection, DbError};
use crate::domain::email::Email;

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
