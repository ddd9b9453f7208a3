//! `GET/POST /login` and `POST /logout`.
//!
//! An unknown email is checked against a dummy hash, so it costs the same time and gets the
//! same message as a wrong password. Failures are counted in the database per (account,
//! client IP) and per client IP; past 10 a minute the answer is 429 with Retry-After.
//! A successful sign-in is never slowed: it records nothing in the failure table.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::{cookies, AnyStaff, Require};
use crate::auth::session::SessionTimes;
use crate::auth::{csrf, password, Credential, Identity, Role};
use crate::clock;
use crate::db::throttle::{self, AttemptKind};
use crate::db::{self, audit, sessions, users, DbError};
use crate::domain::email::Email;
use crate::tokens;
use crate::web::client_ip::client_ip;
use crate::web::error::AppError;
use crate::web::state::AppState;

/// The sign-in page.
#[derive(Template)]
#[template(path = "auth/login.html")]
struct LoginPage<'a> {
    csrf_token: &'a str,
    email: &'a str,
    error: Option<&'a str>,
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

/// The same words for an unknown email, a wrong password and a disabled account.
pub const REJECTED: &str = "Email or password is incorrect.";

/// `GET /login`: the form, or the caller's home page if already signed in.
pub async fn login_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    who: Option<Identity>,
) -> Result<HttpResponse, AppError> {
    if let Some(who) = who {
        return Ok(see_other(who.role.home_path()));
    }
    form_page(&req, &state, StatusCode::OK, "", None)
}

/// `POST /login`.
pub async fn login_submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    form: web::Form<LoginForm>,
) -> Result<HttpResponse, AppError> {
    let https = state.settings.is_https();
    let form = form.into_inner();
    let typed_email = form.email.trim();
    let shown_email = if typed_email.len() <= 254 && !typed_email.chars().any(char::is_control) {
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
            Some("This sign-in form has expired. Please sign in again."),
        );
    }
    if typed_email.is_empty() || form.password.is_empty() {
        return form_page(
            &req,
            &state,
            StatusCode::BAD_REQUEST,
            shown_email,
            Some("Enter your email and your password."),
        );
    }
    if typed_email.chars().any(char::is_control) {
        return form_page(
            &req,
            &state,
            StatusCode::BAD_REQUEST,
            "",
            Some("That is not an email address."),
        );
    }
    if typed_email.len() > 254 || form.password.len() > password::MAX_BYTES {
        return form_page(
            &req,
            &state,
            StatusCode::BAD_REQUEST,
            shown_email,
            Some("That email or password is too long."),
        );
    }
    let account = Email::parse(typed_email)
        .map(|e| e.as_str().to_string())
        .unwrap_or_else(|_| typed_email.to_lowercase());
    let attempt = Attempt {
        account,
        password: form.password,
        client_ip: client_ip(&req, &state.settings.trusted_proxies),
        previous_session: cookies::session_token(&req, https),
    };
    let pool = state.pool.clone();
    let outcome = web::block(move || attempt.run(&pool)).await??;
    match outcome {
        Outcome::Throttled { retry_after } => Err(AppError::TooManyRequests { retry_after }),
        Outcome::Rejected => form_page(
            &req,
            &state,
            StatusCode::UNAUTHORIZED,
            shown_email,
            Some(REJECTED),
        ),
        Outcome::SignedIn { token, role } => Ok(HttpResponse::SeeOther()
            .insert_header((header::LOCATION, role.home_path()))
            .cookie(cookies::session(token, https))
            .finish()),
    }
}

/// `POST /logout`: ends every session of the signed-in user.
pub async fn logout(
    state: web::Data<AppState>,
    who: Require<AnyStaff>,
) -> Result<HttpResponse, AppError> {
    let Some(user_id) = who.user_id.clone() else {
        return Err(AppError::BadRequest(
            "API tokens do not sign out; revoke them with `ctopulse token revoke`".into(),
        ));
    };
    if !matches!(who.credential, Credential::Session { .. }) {
        return Err(AppError::BadRequest("no session to end".into()));
    }
    let pool = state.pool.clone();
    let actor = who.actor.clone();
    web::block(move || -> Result<(), DbError> {
        let mut conn = db::pool::checkout(&pool)?;
        conn.write_transaction(|conn| {
            let ended = sessions::delete_for_user(conn, &user_id)?;
            audit::record(
                conn,
                &actor,
                "logout",
                "user",
                Some(&user_id),
                Some(&format!("{ended} session(s) ended")),
            )
        })
    })
    .await??;
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, "/login"))
        .cookie(cookies::session_removal(state.settings.is_https()))
        .finish())
}

fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location))
        .finish()
}

/// Renders the form with `status`, reusing the pre-session cookie or setting a new one.
fn form_page(
    req: &HttpRequest,
    state: &AppState,
    status: StatusCode,
    email: &str,
    error: Option<&str>,
) -> Result<HttpResponse, AppError> {
    let https = state.settings.is_https();
    let (secret, fresh) = match cookies::login_secret(req, https) {
        Some(s) => (s, false),
        None => (tokens::new_token(), true),
    };
    let page = LoginPage {
        csrf_token: &csrf::login_form_token(&secret),
        email,
        error,
    }
    .render()?;
    let mut resp = HttpResponse::build(status);
    resp.content_type("text/html; charset=utf-8");
    if fresh {
        resp.cookie(cookies::login(secret, https));
    }
    Ok(resp.body(page))
}

/// One sign-in attempt, run on the blocking pool (argon2 and the database).
struct Attempt {
    account: String,
    password: String,
    client_ip: String,
    previous_session: Option<String>,
}

enum Outcome {
    Throttled { retry_after: i64 },
    Rejected,
    SignedIn { token: String, role: Role },
}

impl Attempt {
    fn run(self, pool: &db::DbPool) -> Result<Outcome, DbError> {
        let mut conn = db::pool::checkout(pool)?;
        let now = clock::now();
        if let Some(retry_after) = throttle::retry_after(
            &mut conn,
            AttemptKind::Login,
            Some(&self.account),
            &self.client_ip,
            now,
        )? {
            return Ok(Outcome::Throttled { retry_after });
        }
        let user = users::find_by_email(&mut conn, &self.account)?;
        // One argon2 check whatever happens, so timing tells nothing about the account.
        let matched = match &user {
            Some(u) => password::verify(&self.password, &u.password_hash),
            None => password::verify_unknown_user(&self.password),
        };
        let signed_in = user
            .as_ref()
            .filter(|u| matched && !u.disabled)
            .map(|u| (u, u.role));
        let Some((user, role)) = signed_in else {
            let user_id = user.as_ref().map(|u| u.id.as_str());
            conn.write_transaction(|conn| {
                throttle::record(
                    conn,
                    AttemptKind::Login,
                    Some(&self.account),
                    &self.client_ip,
                    now,
                )?;
                audit::record(
                    conn,
                    "anonymous",
                    "login.failed",
                    "user",
                    user_id,
                    Some(&format!(
                        "account {:?} from {}",
                        self.account, self.client_ip
                    )),
                )
            })?;
            return Ok(Outcome::Rejected);
        };
        let token = tokens::new_token();
        let csrf_secret = tokens::new_token();
        conn.write_transaction(|conn| {
            if let Some(old) = &self.previous_session {
                sessions::delete(conn, &tokens::hash(old))?;
            }
            sessions::create(
                conn,
                &tokens::hash(&token),
                &user.id,
                &csrf_secret,
                SessionTimes::starting(now),
            )?;
            audit::record(
                conn,
                &user.email,
                "login",
                "user",
                Some(&user.id),
                Some(&format!("from {}", self.client_ip)),
            )
        })?;
        Ok(Outcome::SignedIn { token, role })
    }
}
