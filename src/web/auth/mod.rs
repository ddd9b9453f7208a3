//! Who is calling: the `Identity` and `Require<RoleSet>` extractors handlers take as
//! arguments, the sign-in pages, and the CSRF field capture.
//!
//! A handler states the roles it admits in its signature:
//!
//! ```ignore
//! async fn audit_page(who: Require<AdminOnly>) -> Result<HttpResponse, PageError> { … }
//! ```
//!
//! Extraction fails with 303 to `/login` (page GETs) or 401 (everything else) when there is
//! no live session or API token, and with 403 for a role outside the set, or for a
//! cookie-authenticated write without the session's CSRF token (`AuthError`).

pub mod cookies;
pub mod csrf_capture;
pub mod login;
pub mod oidc;
pub mod setup;

use std::future::Future;
use std::marker::PhantomData;
use std::ops::Deref;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::Method;
use actix_web::{web, FromRequest, HttpMessage, HttpRequest};

use super::error::{responds, Kind, WebError};
use super::with_conn;
use crate::app::accounts;
use crate::auth::roles::TokenScope;
pub use crate::auth::roles::{
    ActionEditors, AdminOnly, AnyStaff, BoardOnly, CalendarKeepers, CtoOnly, ResultReaders,
};
use crate::auth::{csrf, Credential, Identity, RoleSet};
use crate::clock;
use crate::db::DbError;
use crate::tokens;
use crate::web::state::AppState;

/// Why a caller could not be let in, signed in or signed out.
#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    /// No live session or API token.
    #[error("sign in to continue")]
    SignInRequired { redirect: bool },
    #[error("Your account does not have access to this page.")]
    WrongRole,
    /// A cookie-authenticated write without the session's CSRF token.
    #[error("The form's security token is missing or wrong. Reload the page and try again.")]
    Csrf,
    /// Too many failed sign-ins from this client.
    #[error("too many failed attempts; try again in {retry_after} seconds")]
    Throttled { retry_after: i64 },
    #[error("API tokens do not sign out; revoke them with `ctopulse token revoke`")]
    TokenSignOut,
    #[error("no session to end")]
    NoSession,
    /// Single sign-on is not configured.
    #[error("single sign-on is not configured")]
    SsoOff,
    #[error("application state is not registered")]
    NoState,
    #[error("the sign-in page could not be rendered")]
    Page(#[from] askama::Error),
    #[error("the session and account store failed")]
    Store(#[from] DbError),
    #[error("no blocking thread for the sign-in check")]
    Blocking(#[from] actix_web::error::BlockingError),
}

impl WebError for AuthError {
    fn kind(&self) -> Kind {
        match self {
            AuthError::SignInRequired { redirect } => Kind::SignInRequired {
                redirect: *redirect,
            },
            AuthError::WrongRole | AuthError::Csrf => Kind::Forbidden,
            AuthError::Throttled { retry_after } => Kind::TooMany {
                retry_after: *retry_after,
            },
            AuthError::TokenSignOut | AuthError::NoSession => Kind::BadRequest,
            AuthError::SsoOff => Kind::NotFound,
            AuthError::NoState => Kind::Internal,
            AuthError::Page(e) => e.kind(),
            AuthError::Store(e) => e.kind(),
            AuthError::Blocking(e) => e.kind(),
        }
    }
}

responds!(AuthError);

/// The caller, who must hold one of `P`'s roles. Derefs to the `Identity`.
pub struct Require<P: RoleSet> {
    pub who: Identity,
    _roles: PhantomData<P>,
}

impl<P: RoleSet> Deref for Require<P> {
    type Target = Identity;
    fn deref(&self) -> &Identity {
        &self.who
    }
}

impl<P: RoleSet + 'static> FromRequest for Require<P> {
    type Error = AuthError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AuthError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let who = authenticate(&req).await?;
            if !who.is_any_of(P::ROLES) {
                return Err(AuthError::WrongRole);
            }
            Ok(Require {
                who,
                _roles: PhantomData,
            })
        })
    }
}

impl FromRequest for Identity {
    type Error = AuthError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AuthError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move { authenticate(&req).await })
    }
}

/// Methods that change nothing, so need no CSRF token.
pub fn is_safe_method(m: &Method) -> bool {
    matches!(*m, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// API paths accept bearer tokens and answer 401 rather than redirecting.
fn is_api(req: &HttpRequest) -> bool {
    req.path().starts_with("/api/")
}

/// The bearer token of an API request, if it sent one.
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

/// The CSRF token a write carried: the header, or the form field captured by
/// `csrf_capture::capture`.
fn presented_csrf(req: &HttpRequest) -> String {
    if let Some(v) = req
        .headers()
        .get(csrf::HEADER)
        .and_then(|v| v.to_str().ok())
    {
        return v.to_string();
    }
    req.extensions()
        .get::<csrf_capture::CapturedCsrf>()
        .map(|c| c.0.clone())
        .unwrap_or_default()
}

fn state(req: &HttpRequest) -> Result<web::Data<AppState>, AuthError> {
    req.app_data::<web::Data<AppState>>()
        .cloned()
        .ok_or(AuthError::NoState)
}

/// Resolves the caller once per request (cached in the request's extensions).
async fn authenticate(req: &HttpRequest) -> Result<Identity, AuthError> {
    if let Some(who) = req.extensions().get::<Identity>().cloned() {
        return Ok(who);
    }
    let state = state(req)?;
    let redirect = matches!(*req.method(), Method::GET | Method::HEAD) && !is_api(req);
    let unauthenticated = AuthError::SignInRequired { redirect };

    let bearer = if is_api(req) { bearer_token(req) } else { None };
    let who = if let Some(token) = bearer {
        if !tokens::is_well_formed(&token) {
            return Err(unauthenticated);
        }
        let now = clock::now();
        let who = with_conn::<AuthError, _>(&state, move |conn| {
            Ok(accounts::token_identity(conn, &token, now)?)
        })
        .await?;
        // A provisioning token opens /scim/v2 only.
        if let Some(Identity {
            credential: Credential::ApiToken { scope, .. },
            ..
        }) = &who
        {
            if *scope != TokenScope::Api {
                return Err(AuthError::WrongRole);
            }
        }
        who
    } else {
        let Some(token) = cookies::session_token(req, state.settings.is_https()) else {
            return Err(unauthenticated);
        };
        let now = clock::now();
        let who = with_conn::<AuthError, _>(&state, move |conn| {
            Ok(accounts::session_identity(conn, &token, now)?)
        })
        .await?;
        if let Some(Identity {
            credential: Credential::Session { csrf_secret, .. },
            ..
        }) = &who
        {
            if !is_safe_method(req.method())
                && !csrf::matches(
                    &csrf::session_form_token(csrf_secret.expose()),
                    &presented_csrf(req),
                )
            {
                return Err(AuthError::Csrf);
            }
        }
        who
    };
    let who = who.ok_or(unauthenticated)?;
    req.extensions_mut().insert(who.clone());
    Ok(who)
}
