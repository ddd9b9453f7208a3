//! `GET/POST /login` and `POST /logout` (the rules are `app::accounts`'). Past 10 failures
//! a minute the answer is 429 with Retry-After; every rejection gets the same words.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::{cookies, AnyStaff, AuthError, Require};
use crate::app::accounts::{self, SignIn};
use crate::auth::{csrf, password, Credential, Identity};
use crate::clock;
use crate::domain::email::Email;
use crate::web::client_ip::client_ip;
use crate::web::lang::words;
use crate::web::lang::Lang;
use crate::web::state::AppState;
use crate::web::with_conn;

/// The sign-in page.
#[derive(Template)]
#[template(path = "auth/login.html")]
struct LoginPage<'a> {
    lang: &'static str,
    w: &'static words::SignIn,
    csrf_token: &'a str,
    email: &'a str,
    error: Option<&'a str>,
    /// The identity provider's name when single sign-on is on.
    sso: Option<&'a str>,
    /// Whether the password form is shown.
    passwords: bool,
    /// The provider's logout page, offered right after a sign-out.
    provider_logout: Option<&'a str>,
}

/// `GET /login`'s query: `signed_out` after a sign-out.
#[derive(Debug, Default, Deserialize)]
pub struct LoginQuery {
    #[serde(default)]
    signed_out: Option<String>,
}

/// The sign-in form's fields (missing ones read as empty and are refused below).
#[derive(Debug, Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    csrf_token: String,
}

/// `GET /login`: the form, or the caller's home page if already signed in.
pub async fn login_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    who: Option<Identity>,
    query: web::Query<LoginQuery>,
) -> Result<HttpResponse, AuthError> {
    if let Some(who) = who {
        return Ok(see_other(who.role.home_path()));
    }
    let provider_logout = match (&state.oidc, query.signed_out.is_some()) {
        (Some(p), true) => {
            let after = format!("{}/login", state.settings.server.public_url);
            p.end_session_url(&after).await.map(|u| u.to_string())
        }
        _ => None,
    };
    let page = Page {
        status: StatusCode::OK,
        email: "",
        error: None,
        provider_logout: provider_logout.as_deref(),
    };
    render(&req, &state, page)
}

/// `POST /login`.
pub async fn login_submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    form: web::Form<LoginForm>,
) -> Result<HttpResponse, AuthError> {
    let https = state.settings.is_https();
    let w = words::sign_in(Lang::of(&req).0);
    if !state.settings.oidc.passwords_allowed() {
        return form_page(
            &req,
            &state,
            StatusCode::FORBIDDEN,
            "",
            Some(w.passwords_off),
        );
    }
    let form = form.into_inner();
    let typed_email = form.email.trim();
    // Typed text is shown again only when it is an email address: anything else may be a
    // password typed into the wrong field, and the page would put it on the screen.
    let shown_email = if Email::parse(typed_email).is_ok() {
        typed_email
    } else {
        ""
    };
    let csrf_ok = cookies::login_secret(&req, https)
        .is_some_and(|s| csrf::matches(&csrf::login_form_token(&s), &form.csrf_token));
    if !csrf_ok {
        return form_page(
            &req,
            &state,
            StatusCode::FORBIDDEN,
            shown_email,
            Some(w.expired),
        );
    }
    if typed_email.is_empty() || form.password.is_empty() {
        return form_page(
            &req,
            &state,
            StatusCode::BAD_REQUEST,
            shown_email,
            Some(w.empty),
        );
    }
    if typed_email.chars().any(char::is_control) {
        return form_page(&req, &state, StatusCode::BAD_REQUEST, "", Some(w.not_email));
    }
    if typed_email.len() > 254 || form.password.len() > password::MAX_BYTES {
        return form_page(
            &req,
            &state,
            StatusCode::BAD_REQUEST,
            shown_email,
            Some(w.too_long),
        );
    }
    let account = Email::parse(typed_email)
        .map(|e| e.as_str().to_string())
        .unwrap_or_else(|_| typed_email.to_lowercase());
    let attempt = accounts::Attempt {
        account,
        password: form.password,
        client_ip: client_ip(&req, &state.settings.server.trusted_proxies),
        previous_session: cookies::session_token(&req, https),
    };
    let now = clock::now();
    let outcome = with_conn::<AuthError, _>(&state, move |conn| {
        Ok(accounts::sign_in(conn, &attempt, now)?)
    })
    .await?;
    match outcome {
        SignIn::Throttled { retry_after } => Err(AuthError::Throttled { retry_after }),
        SignIn::Rejected => form_page(
            &req,
            &state,
            StatusCode::UNAUTHORIZED,
            shown_email,
            Some(w.rejected),
        ),
        SignIn::SignedIn { token, role } => Ok(HttpResponse::SeeOther()
            .insert_header((header::LOCATION, role.home_path()))
            .cookie(cookies::session(token, https))
            .finish()),
    }
}

/// `POST /logout`: ends every session of the signed-in user.
pub async fn logout(
    state: web::Data<AppState>,
    who: Require<AnyStaff>,
) -> Result<HttpResponse, AuthError> {
    let Some(user_id) = who.user_id.clone() else {
        return Err(AuthError::TokenSignOut);
    };
    if !matches!(who.credential, Credential::Session { .. }) {
        return Err(AuthError::NoSession);
    }
    let actor = who.actor.clone();
    with_conn::<AuthError, _>(&state, move |conn| {
        Ok(accounts::sign_out(conn, clock::now(), &user_id, &actor)?)
    })
    .await?;
    // With single sign-on, the sign-in page then offers the provider's own sign-out.
    let to = if state.oidc.is_some() {
        "/login?signed_out=1"
    } else {
        "/login"
    };
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, to))
        .cookie(cookies::session_removal(state.settings.is_https()))
        .finish())
}

fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location))
        .finish()
}

/// What the sign-in page shows besides its form.
pub(super) struct Page<'a> {
    pub status: StatusCode,
    pub email: &'a str,
    pub error: Option<&'a str>,
    pub provider_logout: Option<&'a str>,
}

/// Renders the form with `status`, reusing the pre-session cookie or setting a new one.
pub(super) fn form_page(
    req: &HttpRequest,
    state: &AppState,
    status: StatusCode,
    email: &str,
    error: Option<&str>,
) -> Result<HttpResponse, AuthError> {
    let page = Page {
        status,
        email,
        error,
        provider_logout: None,
    };
    render(req, state, page)
}

fn render(req: &HttpRequest, state: &AppState, page: Page<'_>) -> Result<HttpResponse, AuthError> {
    let https = state.settings.is_https();
    let sso = state.oidc.as_ref().map(|p| p.display_name());
    let passwords = state.settings.oidc.passwords_allowed();
    let lang = Lang::of(req).0;
    Ok(cookies::pre_session_page(
        req,
        https,
        page.status,
        |secret| {
            LoginPage {
                lang: lang.code(),
                w: words::sign_in(lang),
                csrf_token: &csrf::login_form_token(secret),
                email: page.email,
                error: page.error,
                sso,
                passwords,
                provider_logout: page.provider_logout,
            }
            .render()
        },
    )?)
}
