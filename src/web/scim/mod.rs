//! `/scim/v2`: SCIM 2.0 roster provisioning for identity providers (RFC 7643/7644). Callers
//! present an API token with the `scim` scope; every other credential is refused.
//! The use cases are `app::scim`'s; this area reads requests and writes SCIM JSON.

pub mod error;
pub mod schema;
pub mod users;

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::StatusCode;
use actix_web::{web, FromRequest, HttpRequest, HttpResponse};
use serde_json::Value;

use super::with_conn;
use crate::app::accounts;
use crate::auth::roles::TokenScope;
use crate::auth::{Credential, Identity};
use crate::clock;
use crate::tokens;
use crate::web::state::AppState;
use error::ScimHttpError;

/// The SCIM media type (RFC 7644 §3.1).
pub const SCIM_JSON: &str = "application/scim+json";

/// A caller holding an unrevoked API token with the `scim` scope.
pub struct ScimCaller {
    /// What the audit log records (`token:NAME`).
    pub actor: String,
}

impl FromRequest for ScimCaller {
    type Error = ScimHttpError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ScimHttpError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let state = state(&req)?;
            // Session cookies are not SCIM credentials: an identity provider has none, and a
            // browser's must not be able to change the roster by a cross-site request.
            let token = bearer_token(&req).ok_or(ScimHttpError::Unauthenticated)?;
            if !tokens::is_well_formed(&token) {
                return Err(ScimHttpError::Unauthenticated);
            }
            let now = clock::now();
            let who = with_conn::<ScimHttpError, _>(&state, move |conn| {
                Ok(accounts::token_identity(conn, &token, now)?)
            })
            .await?;
            match who {
                Some(Identity {
                    actor,
                    credential:
                        Credential::ApiToken {
                            scope: TokenScope::Scim,
                            ..
                        },
                    ..
                }) => Ok(ScimCaller { actor }),
                Some(_) => Err(ScimHttpError::WrongScope),
                None => Err(ScimHttpError::Unauthenticated),
            }
        })
    }
}

fn bearer_token(req: &HttpRequest) -> Option<String> {
    let value = req
        .headers()
        .get(actix_web::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_string())
}

fn state(req: &HttpRequest) -> Result<web::Data<AppState>, ScimHttpError> {
    req.app_data::<web::Data<AppState>>()
        .cloned()
        .ok_or(ScimHttpError::NoState)
}

/// A SCIM JSON response.
pub fn scim_json(status: StatusCode, body: &Value) -> HttpResponse {
    HttpResponse::build(status)
        .content_type(SCIM_JSON)
        .body(body.to_string())
}

/// The base URL of the SCIM endpoints, for `meta.location`: the configured public URL, else
/// the one the request came in on.
pub fn base_url(req: &HttpRequest, state: &AppState) -> String {
    let public = state.settings.server.public_url.trim_end_matches('/');
    if public.is_empty() {
        let info = req.connection_info();
        format!("{}://{}/scim/v2", info.scheme(), info.host())
    } else {
        format!("{public}/scim/v2")
    }
}
