//! Staff accounts as stored: queries only (`app::accounts` administers them, audited).

use diesel::prelude::*;
use serde::Serialize;
use time::PrimitiveDateTime;

use std::collections::HashMap;

use super::column::malformed_in;
use super::schema::{audit_log, users};
use super::{DbConnection, DbError};
use crate::auth::Role;

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
    /// Display name, where one was given (`init`, `/setup`).
    pub name: Option<String>,
}

/// What `user list` shows: everything but the hash.
#[derive(Debug, Clone, Serialize)]
pub struct UserSummary {
    pub id: String,
    pub email: String,
    pub name: Option<String>,
    pub role: Role,
    pub disabled: bool,
    #[serde(with = "crate::clock::serde_timestamp")]
    pub created_at: PrimitiveDateTime,
    #[serde(with = "crate::clock::serde_timestamp")]
    pub password_changed_at: PrimitiveDateTime,
}

/// Stores a new account and returns its id (the caller checks the email is free).
pub fn insert(
    conn: &mut DbConnection,
    email: &str,
    role: Role,
    password_hash: &str,
    now: PrimitiveDateTime,
) -> Result<String, DbError> {
    let id = uuid::Uuid::new_v4().to_string();
    diesel::insert_into(users::table)
        .values((
            users::id.eq(&id),
            users::email.eq(email),
            users::role.eq(role),
            users::password_hash.eq(password_hash),
            users::disabled.eq(false),
            users::created_at.eq(now),
            users::password_changed_at.eq(now),
        ))
        .execute(conn)?;
    Ok(id)
}

/// Stores an account's display name.
pub fn set_name(conn: &mut DbConnection, id: &str, name: &str) -> Result<(), DbError> {
    diesel::update(users::table.filter(users::id.eq(id)))
        .set(users::name.eq(Some(name)))
        .execute(conn)?;
    Ok(())
}

/// How many admin accounts exist, disabled ones included.
pub fn count_admins(conn: &mut DbConnection) -> Result<i64, DbError> {
    Ok(users::table
        .filter(users::role.eq(Role::Admin))
        .count()
        .get_result(conn)?)
}

/// Holds the accounts table against other writers until the transaction ends, so a check
/// of the accounts and the insert it allows cannot interleave with another's. SQLite's
/// write transaction already takes the one write lock up front; PostgreSQL needs the lock.
pub fn lock_for_writing(conn: &mut DbConnection) -> Result<(), DbError> {
    use diesel::connection::SimpleConnection;
    if let DbConnection::Pg(_) = conn {
        conn.batch_execute("LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE")?;
    }
    Ok(())
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
            name: u.name,
            role: u.role,
            disabled: u.disabled,
            created_at: u.created_at,
            password_changed_at: u.password_changed_at,
        })
        .collect())
}

/// Marks an account disabled or enabled (its sessions are the caller's to end).
pub fn set_disabled(conn: &mut DbConnection, id: &str, disabled: bool) -> Result<(), DbError> {
    diesel::update(users::table.filter(users::id.eq(id)))
        .set(users::disabled.eq(disabled))
        .execute(conn)?;
    Ok(())
}

/// Stores an account's new role.
pub fn update_role(conn: &mut DbConnection, id: &str, role: Role) -> Result<(), DbError> {
    diesel::update(users::table.filter(users::id.eq(id)))
        .set(users::role.eq(role))
        .execute(conn)?;
    Ok(())
}

/// Stores a new password hash, changed at `now`.
pub fn update_password(
    conn: &mut DbConnection,
    id: &str,
    password_hash: &str,
    now: PrimitiveDateTime,
) -> Result<(), DbError> {
    diesel::update(users::table.filter(users::id.eq(id)))
        .set((
            users::password_hash.eq(password_hash),
            users::password_changed_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// How many active admins there are besides account `id`. Call inside a write transaction:
/// on PostgreSQL the active admins are locked until it ends, so two admins disabling each
/// other at the same moment cannot both see one other (SQLite's write transaction is
/// already exclusive).
pub fn other_active_admins(conn: &mut DbConnection, id: &str) -> Result<i64, DbError> {
    if let DbConnection::Pg(pg) = conn {
        diesel::sql_query(
            "SELECT id FROM users WHERE role = 'admin' AND disabled = false FOR UPDATE",
        )
        .execute(pg)?;
    }
    Ok(users::table
        .filter(users::role.eq(Role::Admin))
        .filter(users::disabled.eq(false))
        .filter(users::id.ne(id))
        .count()
        .get_result(conn)?)
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
