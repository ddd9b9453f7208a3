//! Staff accounts: password rules and hashing, session lifetimes, CSRF tokens and roles.
//!
//! Pure rules only — no HTTP, no SQL. The database side lives in `db::users`,
//! `db::sessions` and `db::api_tokens`; the request side (extractors, login pages) in
//! `web::auth`.

pub mod csrf;
pub mod oidc;
pub mod password;
pub mod roles;
pub mod session;

pub use roles::{Credential, Identity, Role, RoleSet};
