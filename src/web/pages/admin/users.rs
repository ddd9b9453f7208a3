//! `/admin/users`: staff accounts — list, add (the initial password shown once), disable or
//! enable, change role, reset the password. The last active admin can be neither disabled
//! nor demoted.

use crate::web::lang::Lang;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::settings_words::{self as sw, Password, Users};
use super::words::{say, say_n};
use super::{back_to, html_status, Chrome, NoticeQuery};
use crate::app::accounts::{self, AdminGuard, UserError};
use crate::auth::{password, Role};
use crate::clock;
use crate::domain::email::Email;
use crate::domain::locale::Locale;
use crate::i18n::Arg;
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
    /// "added …", when the account was made.
    pub added: String,
    pub last_sign_in: String,
    pub is_me: bool,
    /// The role menu's name for screen readers.
    pub role_of: String,
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
    /// (value, name) of each role.
    roles: Vec<(&'static str, &'static str)>,
    new_email: String,
    new_role: String,
    w: &'static Users,
}

#[derive(Template)]
#[template(path = "staff/password_once.html")]
struct PasswordPage {
    nav: crate::web::lang::Nav,
    email: String,
    csrf_token: String,
    notice: Option<String>,
    account: String,
    /// The sentence about the account, split where the account is shown in bold.
    account_line: (String, String),
    /// The advice, split where the reset command is shown as code.
    give: (String, String),
    password: String,
    created: bool,
    w: &'static Password,
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
    let locale = lang.0;
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
                    .unwrap_or_else(|| super::words::word(locale, "usr-never").to_string()),
                added: say(locale, "usr-added", &[("when", &when(u.created_at))]),
                is_me: u.id == me,
                role_of: say(locale, "usr-role-of", &[("email", &u.email)]),
                id: u.id,
                email: u.email,
                role: u.role.to_string(),
                active: !u.disabled,
            })
            .collect(),
        roles: Role::ALL
            .iter()
            .map(|r| (r.as_str(), sw::role(locale, *r)))
            .collect(),
        new_email,
        new_role,
        w: Users::of(locale),
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
    let locale = lang.0;
    let problem = match (Email::parse(&f.email), f.role.parse::<Role>()) {
        (Err(e), _) => (
            StatusCode::BAD_REQUEST,
            say(locale, "usr-error-email", &[("value", &e.0)]),
        ),
        (_, Err(e)) => (
            StatusCode::BAD_REQUEST,
            say(locale, "usr-error-role", &[("value", &e.0)]),
        ),
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
                        password_page(&who, lang, email.as_str(), role, secret, true).render()?,
                    ))
                }
                Err(e) => (
                    if matches!(e, UserError::Exists(_)) {
                        StatusCode::CONFLICT
                    } else {
                        StatusCode::BAD_REQUEST
                    },
                    sw::user_error(locale, &e)
                        .unwrap_or_else(|| format!("{}.", capitalise(&e.to_string()))),
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
    role: Role,
    password: String,
    created: bool,
) -> PasswordPage {
    let chrome = Chrome::of(who, "/admin/users", lang);
    let locale = lang.0;
    let line = if created {
        "pwd-account-created"
    } else {
        "pwd-account-reset"
    };
    PasswordPage {
        nav: chrome.nav,
        email: chrome.email,
        csrf_token: chrome.csrf_token,
        notice: None,
        account: account.to_string(),
        account_line: sw::around(locale, line, "account", &[("role", sw::role(locale, role))]),
        give: sw::around(locale, "pwd-give", "command", &[]),
        password,
        created,
        w: Password::of(locale),
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
    let locale = lang.0;
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
                accounts::disable_user(conn, now, &email, &actor, AdminGuard::KeepOne)
                    .map(|ended| Done::Notice(disabled_notice(locale, email.as_str(), ended)))
            }
            ("enable", _) => accounts::enable_user(conn, now, &email, &actor).map(|()| {
                Done::Notice(say(
                    locale,
                    "usr-notice-enabled",
                    &[("email", email.as_str())],
                ))
            }),
            ("reset-password", _) => {
                let (secret, hash) = initial_password()?;
                accounts::set_password(conn, now, &email, &hash, &actor).map(|_| Done::Password {
                    account: user.email.clone(),
                    role: user.role,
                    secret,
                })
            }
            (_, Some(role)) => accounts::set_role(conn, now, &email, role, &actor).map(|()| {
                Done::Notice(say(
                    locale,
                    "usr-notice-role",
                    &[("email", email.as_str()), ("role", sw::role(locale, role))],
                ))
            }),
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
            password_page(&who, lang, &account, role, secret, false).render()?,
        )),
        // The list again, saying why nothing changed.
        Err(PageError::User(e @ UserError::LastAdmin(_))) => Ok(html_status(
            StatusCode::CONFLICT,
            users_page(
                &state,
                &who,
                lang,
                None,
                sw::user_error(locale, &e),
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
        role: Role,
        secret: String,
    },
}

/// "… disabled; N session(s) ended."
fn disabled_notice(locale: Locale, email: &str, ended: usize) -> String {
    say_n(
        locale,
        "usr-notice-disabled",
        &[
            ("email", Arg::Text(email)),
            ("n", Arg::Count(u64::try_from(ended).unwrap_or(0))),
        ],
    )
}
