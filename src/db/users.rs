//! Staff accounts as stored: create, find, list, disable, change password — each change
//! audited, and disabling or resetting ends every session of the account.

use diesel::prelude::*;
use serde::Serialize;
use time::PrimitiveDateTime;

use std::collections::HashMap;

use super::column::malformed_in;
use super::schema::{audit_log, sessions, users};
use super::{audit, DbConnection, DbError};
use crate::auth::Role;
use crate::domain::email::Email;

/// One staff account as stored (the hash never leaves this crate's login code).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct User {
    pub id: String,
    pub email: String,
    pub role: Role,
    pub password_hash: String,
    pub disabled: bool,
    pub created_at: PrimitiveDateTime,
    pub password_changed_at: PrimitiveDateTime,
}

/// What `user list` shows: everything but the hash.
#[derive(Debug, Clone, Serialize)]
pub struct UserSummary {
    pub id: String,
    pub email: String,
    pub role: Role,
    pub disabled: bool,
    #[serde(with = "crate::clock::serde_timestamp")]
    pub created_at: PrimitiveDateTime,
    #[serde(with = "crate::clock::serde_timestamp")]
    pub password_changed_at: PrimitiveDateTime,
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

/// Creates an account and returns its id.
pub fn create(
    conn: &mut DbConnection,
    email: &Email,
    role: Role,
    password_hash: &str,
    actor: &str,
    now: PrimitiveDateTime,
) -> Result<String, UserError> {
    conn.write_transaction(|conn| {
        if find_by_email(conn, email.as_str())?.is_some() {
            return Err(UserError::Exists(email.as_str().to_string()));
        }
        let id = uuid::Uuid::new_v4().to_string();
        diesel::insert_into(users::table)
            .values((
                users::id.eq(&id),
                users::email.eq(email.as_str()),
                users::role.eq(role),
                users::password_hash.eq(password_hash),
                users::disabled.eq(false),
                users::created_at.eq(now),
                users::password_changed_at.eq(now),
            ))
            .execute(conn)?;
        audit::record(
            conn,
            actor,
            "user.create",
            "user",
            Some(&id),
            Some(&format!("{} as {}", email.as_str(), role)),
        )?;
        Ok(id)
    })
}

/// The account with this (case-folded) email.
pub fn find_by_email(conn: &mut DbConnection, email: &str) -> Result<Option<User>, DbError> {
    users::table
        .filter(users::email.eq(email))
        .select(User::as_select())
        .first(conn)
        .optional()
        .map_err(malformed_in("users"))
}

/// Every account, by email.
pub fn list(conn: &mut DbConnection) -> Result<Vec<UserSummary>, DbError> {
    let rows: Vec<User> = users::table
        .order(users::email)
        .select(User::as_select())
        .load(conn)
        .map_err(malformed_in("users"))?;
    Ok(rows
        .into_iter()
        .map(|u| UserSummary {
            id: u.id,
            email: u.email,
            role: u.role,
            disabled: u.disabled,
            created_at: u.created_at,
            password_changed_at: u.password_changed_at,
        })
        .collect())
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

/// Disables an account and ends all its sessions. Returns how many sessions ended.
pub fn disable(
    conn: &mut DbConnection,
    email: &Email,
    actor: &str,
    guard: AdminGuard,
) -> Result<usize, UserError> {
    conn.write_transaction(|conn| {
        let user = find_by_email(conn, email.as_str())?
            .ok_or_else(|| UserError::NotFound(email.as_str().to_string()))?;
        if guard == AdminGuard::KeepOne {
            ensure_another_admin(conn, &user)?;
        }
        diesel::update(users::table.filter(users::id.eq(&user.id)))
            .set(users::disabled.eq(true))
            .execute(conn)?;
        let ended =
            diesel::delete(sessions::table.filter(sessions::user_id.eq(&user.id))).execute(conn)?;
        audit::record(
            conn,
            actor,
            "user.disable",
            "user",
            Some(&user.id),
            Some(&format!("{}; {ended} session(s) ended", user.email)),
        )?;
        Ok(ended)
    })
}

/// Enables a disabled account again (its password is unchanged; it must sign in anew).
pub fn enable(conn: &mut DbConnection, email: &Email, actor: &str) -> Result<(), UserError> {
    conn.write_transaction(|conn| {
        let user = find_by_email(conn, email.as_str())?
            .ok_or_else(|| UserError::NotFound(email.as_str().to_string()))?;
        if !user.disabled {
            return Ok(());
        }
        diesel::update(users::table.filter(users::id.eq(&user.id)))
            .set(users::disabled.eq(false))
            .execute(conn)?;
        audit::record(
            conn,
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
    email: &Email,
    role: Role,
    actor: &str,
) -> Result<(), UserError> {
    conn.write_transaction(|conn| {
        let user = find_by_email(conn, email.as_str())?
            .ok_or_else(|| UserError::NotFound(email.as_str().to_string()))?;
        if user.role == role {
            return Ok(());
        }
        ensure_another_admin(conn, &user)?;
        diesel::update(users::table.filter(users::id.eq(&user.id)))
            .set(users::role.eq(role))
            .execute(conn)?;
        audit::record(
            conn,
            actor,
            "user.set_role",
            "user",
            Some(&user.id),
            Some(&format!("{}: {} -> {role}", user.email, user.role)),
        )?;
        Ok(())
    })
}

/// Refuses when `user` is an active admin and no other active admin exists. Call inside the
/// write transaction that changes `user`.
fn ensure_another_admin(conn: &mut DbConnection, user: &User) -> Result<(), UserError> {
    if user.role != Role::Admin || user.disabled {
        return Ok(());
    }
    // PostgreSQL: lock the active admins so two admins disabling each other at the same
    // moment cannot both pass the count below (SQLite's write transaction is already exclusive).
    if let DbConnection::Pg(pg) = conn {
        diesel::sql_query(
            "SELECT id FROM users WHERE role = 'admin' AND disabled = false FOR UPDATE",
        )
        .execute(pg)?;
    }
    let others: i64 = users::table
        .filter(users::role.eq(Role::Admin))
        .filter(users::disabled.eq(false))
        .filter(users::id.ne(&user.id))
        .count()
        .get_result(conn)?;
    if others == 0 {
        return Err(UserError::LastAdmin(user.email.clone()));
    }
    Ok(())
}

/// The account with this id.
pub fn by_id(conn: &mut DbConnection, id: &str) -> Result<Option<User>, DbError> {
    Ok(users::table
        .find(id)
        .select(User::as_select())
        .first(conn)
        .optional()?)
}

/// When each account last signed in (user id → time), from the audit log's `login` entries.
pub fn last_sign_ins(
    conn: &mut DbConnection,
) -> Result<HashMap<String, PrimitiveDateTime>, DbError> {
    let rows: Vec<(Option<String>, Option<PrimitiveDateTime>)> = audit_log::table
        .filter(audit_log::action.eq("login"))
        .group_by(audit_log::object_id)
        .select((audit_log::object_id, diesel::dsl::max(audit_log::at)))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, at)| Some((id?, at?)))
        .collect())
}

/// Sets a new password hash (re-enabling nothing) and ends all sessions of the account.
pub fn set_password(
    conn: &mut DbConnection,
    email: &Email,
    password_hash: &str,
    actor: &str,
    now: PrimitiveDateTime,
) -> Result<usize, UserError> {
    conn.write_transaction(|conn| {
        let user = find_by_email(conn, email.as_str())?
            .ok_or_else(|| UserError::NotFound(email.as_str().to_string()))?;
        diesel::update(users::table.filter(users::id.eq(&user.id)))
            .set((
                users::password_hash.eq(password_hash),
                users::password_changed_at.eq(now),
            ))
            .execute(conn)?;
        let ended =
            diesel::delete(sessions::table.filter(sessions::user_id.eq(&user.id))).execute(conn)?;
        audit::record(
            conn,
            actor,
            "user.reset_password",
            "user",
            Some(&user.id),
            Some(&format!("{}; {ended} session(s) ended", user.email)),
        )?;
        Ok(ended)
    })
}
