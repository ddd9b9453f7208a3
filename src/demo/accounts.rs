//! The demo's staff sign-ins: one admin, the CTO and a board member, with random passwords
//! printed once (change them with `ctopulse user reset-password EMAIL`).

use time::PrimitiveDateTime;

use super::company::DOMAIN;
use super::DemoError;
use crate::app::accounts;
use crate::auth::{password, Role};
use crate::db::DbConnection;
use crate::domain::email::Email;

/// Creates the three accounts and returns one printable line each.
pub fn create(conn: &mut DbConnection, now: PrimitiveDateTime) -> Result<Vec<String>, DemoError> {
    let mut lines = Vec::new();
    for (local, role) in [
        ("admin", Role::Admin),
        ("cto", Role::Cto),
        ("board", Role::Board),
    ] {
        let email = Email::parse(&format!("{local}@{DOMAIN}"))
            .map_err(|e| DemoError::Failed(e.to_string()))?;
        let secret = password::generate();
        password::check_new(&secret).map_err(|e| DemoError::Failed(e.to_string()))?;
        let hash = password::hash(&secret).map_err(|e| DemoError::Failed(e.to_string()))?;
        accounts::create_user(conn, &email, role, &hash, "demo", now)
            .map_err(|e| DemoError::Failed(e.to_string()))?;
        lines.push(format!(
            "{:<6} {:<28} password {secret}",
            role.as_str(),
            email.as_str()
        ));
    }
    Ok(lines)
}
