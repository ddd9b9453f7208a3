//! The first admin of a new install, made by `ctopulse init` or the `/setup` page. Either
//! works only while no admin account exists; afterwards admins are added by admins.

use time::PrimitiveDateTime;

use crate::auth::Role;
use crate::db::{audit, users, DbConnection, DbError};
use crate::domain::email::Email;

/// Most characters in a staff member's name.
pub const MAX_NAME_CHARS: usize = 100;

/// Why the first admin was not created.
#[derive(Debug, thiserror::Error)]
pub enum FirstAdminError {
    #[error("an admin account already exists; add staff with `ctopulse user add EMAIL --role admin` (or the admin pages)")]
    AdminExists,
    #[error("a user with email {0} already exists; add the admin with `ctopulse user add EMAIL --role admin`")]
    EmailTaken(String),
    #[error("the name must be 1–{MAX_NAME_CHARS} printable characters")]
    InvalidName,
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for FirstAdminError {
    fn from(e: diesel::result::Error) -> Self {
        FirstAdminError::Db(e.into())
    }
}

/// A staff member's name, trimmed, when it is 1 to [`MAX_NAME_CHARS`] printable characters.
pub fn staff_name(name: &str) -> Result<&str, FirstAdminError> {
    let name = name.trim();
    if name.is_empty()
        || name.chars().count() > MAX_NAME_CHARS
        || name.chars().any(char::is_control)
    {
        return Err(FirstAdminError::InvalidName);
    }
    Ok(name)
}

/// Whether any admin account exists (a disabled one too: it can be enabled again).
pub fn admin_exists(conn: &mut DbConnection) -> Result<bool, DbError> {
    Ok(users::count_admins(conn)? > 0)
}

/// Creates the first admin at `now` (password already hashed), audited as `how` (e.g.
/// `init` or `setup page from 10.0.0.7`), and returns its id. The check that no admin
/// exists and the insert run in one write transaction that holds the accounts table, so
/// two set-ups racing each other make one admin, not two.
pub fn create(
    conn: &mut DbConnection,
    email: &Email,
    name: &str,
    password_hash: &str,
    actor: &str,
    how: &str,
    now: PrimitiveDateTime,
) -> Result<String, FirstAdminError> {
    let name = staff_name(name)?;
    conn.write_transaction(|conn| {
        users::lock_for_writing(conn)?;
        if admin_exists(conn)? {
            return Err(FirstAdminError::AdminExists);
        }
        if users::find_by_email(conn, email.as_str())?.is_some() {
            return Err(FirstAdminError::EmailTaken(email.as_str().to_string()));
        }
        let id = users::insert(conn, email.as_str(), Role::Admin, password_hash, now)?;
        users::set_name(conn, &id, name)?;
        let detail = format!("{} as first admin, by {how}", email.as_str());
        audit::record(
            conn,
            now,
            actor,
            "user.create_first_admin",
            "user",
            Some(&id),
            Some(&detail),
        )?;
        Ok(id)
    })
}

/// Counts one use of the `/setup` form from `client_ip` at `now`, limited like sign-in
/// failures. Returns the seconds to wait when the limit is reached (nothing is counted
/// then); every attempt counts, since each costs an argon2 hash.
pub fn note_setup_attempt(
    conn: &mut DbConnection,
    client_ip: &str,
    now: PrimitiveDateTime,
) -> Result<Option<i64>, DbError> {
    use crate::db::throttle::{self, AttemptKind};
    conn.write_transaction(|conn| {
        if let Some(wait) = throttle::retry_after(conn, AttemptKind::Setup, None, client_ip, now)? {
            return Ok(Some(wait));
        }
        throttle::record(conn, AttemptKind::Setup, None, client_ip, now)?;
        Ok(None)
    })
}
