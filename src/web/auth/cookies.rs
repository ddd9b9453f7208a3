//! The session and pre-session cookies: HttpOnly, SameSite, and `__Host-` + Secure under https.

use actix_web::cookie::{time::Duration as CookieDuration, Cookie, SameSite};
use actix_web::HttpRequest;

use crate::auth::{csrf, session};

/// The session token the request carries, if any.
pub fn session_token(req: &HttpRequest, https: bool) -> Option<String> {
    req.cookie(session::cookie_name(https))
        .map(|c| c.value().to_string())
}

/// The pre-session secret behind the login form's CSRF token, if any.
pub fn login_secret(req: &HttpRequest, https: bool) -> Option<String> {
    req.cookie(csrf::login_cookie_name(https))
        .map(|c| c.value().to_string())
        .filter(|v| crate::tokens::is_well_formed(v))
}

/// Whether the request carries a staff session cookie under either name.
pub fn has_session_cookie(req: &actix_web::dev::ServiceRequest) -> bool {
    req.cookie(session::cookie_name(true)).is_some()
        || req.cookie(session::cookie_name(false)).is_some()
}

fn base(name: &'static str, value: String, https: bool) -> Cookie<'static> {
    Cookie::build(name, value)
        .path("/")
        .http_only(true)
        .secure(https)
        .same_site(SameSite::Lax)
        .finish()
}

/// The cookie that carries a new session token; it lasts at most the absolute lifetime.
pub fn session(token: String, https: bool) -> Cookie<'static> {
    let mut c = base(session::cookie_name(https), token, https);
    c.set_max_age(CookieDuration::seconds(session::ABSOLUTE.whole_seconds()));
    c
}

/// A cookie that removes the session cookie.
pub fn session_removal(https: bool) -> Cookie<'static> {
    let mut c = base(session::cookie_name(https), String::new(), https);
    c.make_removal();
    c
}

/// The pre-session cookie behind the login form's CSRF token (strict: only our own pages
/// send it back).
pub fn login(secret: String, https: bool) -> Cookie<'static> {
    let mut c = base(csrf::login_cookie_name(https), secret, https);
    c.set_same_site(SameSite::Strict);
    c.set_max_age(CookieDuration::hours(12));
    c
}

/// A page shown before sign-in whose form carries a CSRF token bound to the pre-session
/// cookie (the sign-in and first-run forms): `render` gets the browser's secret, or a fresh
/// one that the response then sets.
pub fn pre_session_page(
    req: &HttpRequest,
    https: bool,
    status: actix_web::http::StatusCode,
    render: impl FnOnce(&str) -> Result<String, askama::Error>,
) -> Result<actix_web::HttpResponse, askama::Error> {
    let (secret, fresh) = match login_secret(req, https) {
        Some(s) => (s, false),
        None => (crate::tokens::new_token(), true),
    };
    let page = render(&secret)?;
    let mut resp = actix_web::HttpResponse::build(status);
    resp.content_type("text/html; charset=utf-8");
    if fresh {
        resp.cookie(login(secret, https));
    }
    Ok(resp.body(page))
}
