//! `GET/POST /setup`: the first-run page that creates the first admin of a new install.
//! It exists only while no admin account does: afterwards both answer 404. The form is
//! protected like the sign-in form (a double-submit token from the pre-session cookie, its
//! own purpose) and limited like it (every POST counts, 10 a minute per client IP).

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::cookies;
use crate::app::first_admin::{self, FirstAdminError};
use crate::auth::{csrf, password};
use crate::clock;
use crate::db::DbError;
use crate::domain::email::Email;
use crate::web::client_ip::client_ip;
use crate::web::error::{responds, Kind, WebError};
use crate::web::lang::words::{self, Setup};
use crate::web::lang::Lang;
use crate::web::state::AppState;
use crate::web::{blocking, with_conn};

/// Why the setup page answered with an error.
#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    /// An admin exists: the page is gone for good.
    #[error("not found")]
    Closed,
    #[error("too many attempts; try again in {retry_after} seconds")]
    Throttled { retry_after: i64 },
    #[error("the setup page could not be rendered")]
    Page(#[from] askama::Error),
    #[error("the account store failed")]
    Store(#[from] DbError),
    #[error("no blocking thread for the setup")]
    Blocking(#[from] actix_web::error::BlockingError),
    #[error("the password could not be hashed")]
    Hash(#[from] password::HashError),
}

impl WebError for SetupError {
    fn kind(&self) -> Kind {
        match self {
            SetupError::Closed => Kind::NotFound,
            SetupError::Throttled { retry_after } => Kind::TooMany {
                retry_after: *retry_after,
            },
            SetupError::Page(e) => e.kind(),
            SetupError::Store(e) => e.kind(),
            SetupError::Blocking(e) => e.kind(),
            SetupError::Hash(_) => Kind::Internal,
        }
    }
}

responds!(SetupError);

/// The first-run form.
#[derive(Template)]
#[template(path = "auth/setup.html")]
struct SetupPage<'a> {
    lang: &'static str,
    w: &'static Setup,
    /// The command-line hint, split around the command.
    cli: (&'static str, &'static str),
    csrf_token: &'a str,
    email: &'a str,
    name: &'a str,
    error: Option<&'a str>,
}

/// The form's fields (missing ones read as empty and are refused below). Passwords are
/// never shown again or logged.
#[derive(Deserialize)]
pub struct SetupForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_repeat: String,
    #[serde(default)]
    csrf_token: String,
}

/// `GET /setup`: the form while no admin exists, else 404.
pub async fn setup_form(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, SetupError> {
    ensure_open(&state).await?;
    form_page(&req, &state, StatusCode::OK, "", "", None)
}

/// `POST /setup`: creates the first admin, then sends the browser to sign in.
pub async fn setup_submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    form: web::Form<SetupForm>,
) -> Result<HttpResponse, SetupError> {
    ensure_open(&state).await?;
    let form = form.into_inner();
    let https = state.settings.is_https();
    let typed_email = form.email.trim();
    // Typed text is shown again only when it is an email address (it may be a password).
    let shown_email = if Email::parse(typed_email).is_ok() {
        typed_email
    } else {
        ""
    };
    let shown_name = first_admin::staff_name(&form.name).unwrap_or("");
    let w = words::setup(Lang::of(&req).0);
    let page = |status: StatusCode, error: &str| {
        form_page(&req, &state, status, shown_email, shown_name, Some(error))
    };
    let csrf_ok = cookies::login_secret(&req, https)
        .is_some_and(|s| csrf::matches(&csrf::setup_form_token(&s), &form.csrf_token));
    if !csrf_ok {
        return page(StatusCode::FORBIDDEN, w.expired);
    }
    let ip = client_ip(&req, &state.settings.server.trusted_proxies);
    let now = clock::now();
    let wait = with_conn::<SetupError, _>(&state, move |conn| {
        Ok(first_admin::note_setup_attempt(conn, &ip, now)?)
    })
    .await?;
    if let Some(retry_after) = wait {
        return Err(SetupError::Throttled { retry_after });
    }
    let Ok(email) = Email::parse(typed_email) else {
        return page(StatusCode::BAD_REQUEST, w.bad_email);
    };
    let Ok(name) = first_admin::staff_name(&form.name).map(str::to_string) else {
        return page(StatusCode::BAD_REQUEST, w.bad_name);
    };
    if form.password != form.password_repeat {
        return page(StatusCode::BAD_REQUEST, w.differ);
    }
    if let Err(rejected) = password::check_new(&form.password) {
        let message = rejected.to_string();
        return page(StatusCode::BAD_REQUEST, &message);
    }
    let secret = form.password;
    let hash = blocking::<SetupError, _>(move || Ok(password::hash(&secret)?)).await?;
    let how = format!(
        "the /setup page from {}",
        client_ip(&req, &state.settings.server.trusted_proxies)
    );
    let created = with_conn::<SetupError, _>(&state, move |conn| {
        match first_admin::create(conn, &email, &name, &hash, "setup-page", &how, clock::now()) {
            Ok(_) => Ok(Ok(())),
            Err(FirstAdminError::Db(e)) => Err(SetupError::Store(e)),
            Err(other) => Ok(Err(other)),
        }
    })
    .await?;
    match created {
        Ok(()) => Ok(HttpResponse::SeeOther()
            .insert_header((header::LOCATION, "/login"))
            .finish()),
        // Another request made the first admin meanwhile: the page is gone.
        Err(FirstAdminError::AdminExists) => Err(SetupError::Closed),
        Err(other) => page(StatusCode::BAD_REQUEST, &other.to_string()),
    }
}

/// 404 once any admin exists.
async fn ensure_open(state: &AppState) -> Result<(), SetupError> {
    let exists =
        with_conn::<SetupError, _>(state, |conn| Ok(first_admin::admin_exists(conn)?)).await?;
    if exists {
        return Err(SetupError::Closed);
    }
    Ok(())
}

/// Renders the form with `status`, reusing the pre-session cookie or setting a new one.
fn form_page(
    req: &HttpRequest,
    state: &AppState,
    status: StatusCode,
    email: &str,
    name: &str,
    error: Option<&str>,
) -> Result<HttpResponse, SetupError> {
    let https = state.settings.is_https();
    let lang = Lang::of(req).0;
    let w = words::setup(lang);
    Ok(cookies::pre_session_page(req, https, status, |secret| {
        SetupPage {
            lang: lang.code(),
            w,
            cli: words::around(w.cli, "{command}"),
            csrf_token: &csrf::setup_form_token(secret),
            email,
            name,
            error,
        }
        .render()
    })?)
}
