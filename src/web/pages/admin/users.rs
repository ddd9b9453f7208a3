//! `/admin/users`: staff accounts — list, add (the initial password shown once), disable or
//! enable, change role, reset the password. The last active admin can be neither disabled
//! nor demoted.

use crate::web::lang::Lang;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::{back_to, html_status, Chrome, NoticeQuery};
use crate::app::accounts::{self, AdminGuard, UserError};
use crate::auth::{password, Role};
use crate::clock;
use crate::domain::email::Email;
use crate::web::auth::{AdminOnly, Require};
use crate::web::pages::{html, parse_form, PageError};
use crate::web::state::AppState;
use crate::web::with_conn;

/// One account as listed.
pub struct UserRow {
    pub id: String,
    pub email: String,
    pub role: String,
    pub active: bool,
    pub created: String,
    pub last_sign_in: String,
    pub is_me: bool,
}

#[derive(Template)]
#[template(path = "staff/users.html")]
struct UsersPage {
    nav: crate::web::lang::Nav,
    email: String,
    csrf_token: String,
    notice: Option<String>,
    error: Option<String>,
    users: Vec<UserRow>,
    roles: Vec<&'static str>,
    new_email: String,
    new_role: String,
}

#[derive(Template)]
#[template(path = "staff/password_once.html")]
struct PasswordPage {
    nav: crate::web::lang::Nav,
    email: String,
    csrf_token: String,
    notice: Option<String>,
    account: String,
    account_role: String,
    password: String,
    created: bool,
}

/// The page, optionally with an error and the add form's values kept.
async fn users_page(
    state: &AppState,
    who: &crate::auth::Identity,
    lang: Lang,
    notice: Option<String>,
    error: Option<String>,
    new_email: String,
    new_role: String,
) -> Result<String, PageError> {
    let (list, last) = with_conn::<PageError, _>(state, |conn| {
        Ok((accounts::list_users(conn)?, accounts::last_sign_ins(conn)?))
    })
    .await?;
    let when = crate::web::pages::words::utc_minute;
    let me = who.user_id.clone().unwrap_or_default();
    let chrome = Chrome::of(who, "/admin/users", lang);
    Ok(UsersPage {
        nav: chrome.nav,
        email: chrome.email,
        csrf_token: chrome.csrf_token,
        notice,
        error,
        users: list
            .into_iter()
            .map(|u| UserRow {
                last_sign_in: last
                    .get(&u.id)
                    .map(|t| when(*t))
                    .unwrap_or_else(|| "never".into()),
                created: when(u.created_at),
                is_me: u.id == me,
                id: u.id,
                email: u.email,
                role: u.role.to_string(),
                active: !u.disabled,
            })
            .collect(),
        roles: Role::ALL.iter().map(|r| r.as_str()).collect(),
        new_email,
        new_role,
    }
    .render()?)
}

/// `GET /admin/users`.
pub async fn page(
    who: Require<AdminOnly>,
    lang: Lang,
    q: web::Query<NoticeQuery>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, PageError> {
    Ok(html(
        users_page(
            &state,
            &who,
            lang,
            q.notice.clone(),
            None,
            String::new(),
            "cto".into(),
        )
        .await?,
    ))
}

/// The add-user form.
#[derive(Deserialize)]
struct AddForm {
    email: String,
    role: String,
}

/// A fresh initial password and its hash (the plaintext is shown once and never stored).
fn initial_password() -> Result<(String, String), PageError> {
    let secret = password::generate();
    let hash = password::hash(&secret)?;
    Ok((secret, hash))
}

/// `POST /admin/users`: creates the account and shows its initial password once.
pub async fn add(
    who: Require<AdminOnly>,
    lang: Lang,
    body: web::Bytes,
    state: web::Data<AppState>,
) -> Result<HttpResponse, PageError> {
    let f: AddForm = parse_form(&body)?;
    let problem = match (Email::parse(&f.email), f.role.parse::<Role>()) {
        (Err(e), _) => (StatusCode::BAD_REQUEST, format!("Email: {e}.")),
        (_, Err(e)) => (StatusCode::BAD_REQUEST, format!("Role: {e}.")),
        (Ok(email), Ok(role)) => {
            let actor = who.actor.clone();
            let e = email.clone();
            let created = with_conn::<PageError, _>(&state, move |conn| {
                // Hashing takes tens of milliseconds: here, off the async executor.
                let (secret, hash) = initial_password()?;
                match accounts::create_user(conn, &e, role, &hash, &actor, clock::now()) {
                    Ok(_) => Ok(Ok(secret)),
                    Err(UserError::Db(d)) => Err(d.into()),
                    Err(other) => Ok(Err(other)),
                }
            })
            .await?;
            match created {
                Ok(secret) => {
                    return Ok(html(
                        password_page(&who, lang, email.as_str(), role.as_str(), secret, true)
                            .render()?,
                    ))
                }
                Err(e @ UserError::Exists(_)) => (
                    StatusCode::CONFLICT,
                    format!("{}. Nothing was changed.", capitalise(&e.to_string())),
                ),
                Err(e) => (
                    StatusCode::BAD_REQUEST,
                    format!("{}.", capitalise(&e.to_string())),
                ),
            }
        }
    };
    let (status, message) = problem;
    Ok(html_status(
        status,
        users_page(&state, &who, lang, None, Some(message), f.email, f.role).await?,
    ))
}

fn password_page(
    who: &crate::auth::Identity,
    lang: Lang,
    account: &str,
    role: &str,
    password: String,
    created: bool,
) -> PasswordPage {
    let chrome = Chrome::of(who, "/admin/users", lang);
    PasswordPage {
        nav: chrome.nav,
        email: chrome.email,
        csrf_token: chrome.csrf_token,
        notice: None,
        account: account.to_string(),
        account_role: role.to_string(),
        password,
        created,
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The change-role form (the other actions carry only the CSRF token).
#[derive(Deserialize)]
struct RoleForm {
    role: Option<String>,
}

/// `POST /admin/users/{id}/{action}`: `disable`, `enable`, `role` (field `role`) or
/// `reset-password` (a new password, shown once; every session of the account ends).
pub async fn action(
    who: Require<AdminOnly>,
    lang: Lang,
    path: web::Path<(String, String)>,
    body: web::Bytes,
    state: web::Data<AppState>,
) -> Result<HttpResponse, PageError> {
    let (id, action) = path.into_inner();
    let form: RoleForm = parse_form(&body)?;
    let new_role = match action.as_str() {
        "role" => Some(form.role.as_deref().unwrap_or("").parse::<Role>()?),
        "disable" | "enable" | "reset-password" => None,
        other => return Err(PageError::NoUserAction(other.to_string())),
    };
    let actor = who.actor.clone();
    let outcome = with_conn::<PageError, _>(&state, move |conn| {
        let user = accounts::user_by_id(conn, &id)?.ok_or(PageError::NoUser)?;
        let email = Email::parse(&user.email).map_err(|source| PageError::StoredEmail {
            id: user.id.clone(),
            source,
        })?;
        let now = clock::now();
        let result = match (action.as_str(), new_role) {
            ("disable", _) => {
                accounts::disable_user(conn, now, &email, &actor, AdminGuard::KeepOne).map(
                    |ended| Done::Notice(format!("{email} disabled; {ended} session(s) ended.")),
                )
            }
            ("enable", _) => accounts::enable_user(conn, now, &email, &actor)
                .map(|()| Done::Notice(format!("{email} can sign in again."))),
            ("reset-password", _) => {
                let (secret, hash) = initial_password()?;
                accounts::set_password(conn, now, &email, &hash, &actor).map(|_| Done::Password {
                    account: user.email.clone(),
                    role: user.role.to_string(),
                    secret,
                })
            }
            (_, Some(role)) => accounts::set_role(conn, now, &email, role, &actor)
                .map(|()| Done::Notice(format!("{email} is now {role}."))),
            (other, None) => return Err(PageError::NoUserAction(other.to_string())),
        };
        Ok(result?)
    })
    .await;
    match outcome {
        Ok(Done::Notice(n)) => Ok(back_to("/admin/users", &n)),
        Ok(Done::Password {
            account,
            role,
            secret,
        }) => Ok(html(
            password_page(&who, lang, &account, &role, secret, false).render()?,
        )),
        // The list again, saying why nothing changed.
        Err(PageError::User(e @ UserError::LastAdmin(_))) => Ok(html_status(
            StatusCode::CONFLICT,
            users_page(
                &state,
                &who,
                lang,
                None,
                Some(format!(
                    "{}. Nothing was changed.",
                    capitalise(&e.to_string())
                )),
                String::new(),
                "cto".into(),
            )
            .await?,
        )),
        Err(e) => Err(e),
    }
}

/// What a user action did.
enum Done {
    Notice(String),
    Password {
        account: String,
        role: String,
        secret: String,
    },
}
