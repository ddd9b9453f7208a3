//! `/api/v1`: JSON for automation (bearer API tokens) and for the pages' own scripts
//! (session cookie + `X-CSRF-Token` on writes).

use actix_web::HttpResponse;
use serde::Serialize;

use super::auth::{AnyStaff, Require};
use crate::auth::{Credential, Role};

#[derive(Serialize)]
struct Me<'a> {
    actor: &'a str,
    role: Role,
    via: &'static str,
}

/// `GET /api/v1/me`: who the credential belongs to.
pub async fn me(who: Require<AnyStaff>) -> HttpResponse {
    HttpResponse::Ok().json(Me {
        actor: &who.actor,
        role: who.role,
        via: match who.credential {
            Credential::Session { .. } => "session",
            Credential::ApiToken { .. } => "token",
        },
    })
}
