//! `GET /login/oidc` (off to the identity provider) and `GET /login/oidc/callback` (back
//! from it). The rules are `app::oidc`'s; the provider protocol is `oidc`'s. A refused
//! callback shows the sign-in page with what went wrong (400; 502 when the provider itself
//! failed), is audited and counts against the sign-in rate limit; it never starts a session.

use actix_web::cookie::{time::Duration as CookieDuration, Cookie, SameSite};
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::login::form_page;
use super::{cookies, AuthError};
use crate::app::oidc::{self as sign_on, Finished, Refusal};
use crate::auth::oidc;
use crate::clock;
use crate::web::client_ip::client_ip;
use crate::web::state::AppState;
use crate::web::with_conn;

/// The short-lived cookie that ties a callback to the browser that started the sign-in.
/// Lax, not Strict: the callback is a top-level navigation from the provider's site.
fn cookie_name(https: bool) -> &'static str {
    if https {
        "__Secure-ctopulse-oidc"
    } else {
        "ctopulse-oidc"
    }
}

const COOKIE_PATH: &str = "/login/oidc";

fn browser_cookie(value: String, https: bool) -> Cookie<'static> {
    let mut c = Cookie::build(cookie_name(https), value)
        .path(COOKIE_PATH)
        .http_only(true)
        .secure(https)
        .same_site(SameSite::Lax)
        .finish();
    c.set_max_age(CookieDuration::seconds(oidc::MAX_AGE.whole_seconds()));
    c
}

fn browser_cookie_removal(https: bool) -> Cookie<'static> {
    let mut c = browser_cookie(String::new(), https);
    c.make_removal();
    c
}

/// The callback's query as the provider sends it.
#[derive(Debug, Default, Deserialize)]
pub struct Callback {
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    state: Option<String>,
    #[serde(default)]
    error: Option<String>,
}

/// `GET /login/oidc`: starts a sign-in and sends the browser to the provider.
pub async fn start(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AuthError> {
    let Some(provider) = state.oidc.clone() else {
        return Err(AuthError::SsoOff);
    };
    let https = state.settings.is_https();
    let now = clock::now();
    let ip = client_ip(&req, &state.settings.server.trusted_proxies);
    // A client past the sign-in limit starts nothing (each start stores a row).
    let started = with_conn::<AuthError, _>(&state, move |conn| {
        if let Some(retry_after) = sign_on::throttled(conn, &ip, now)? {
            return Err(AuthError::Throttled { retry_after });
        }
        Ok(sign_on::start(conn, now)?)
    })
    .await?;
    let nonce = oidc::nonce(&started.browser_secret, &started.state);
    let verifier = oidc::pkce_verifier(&started.browser_secret, &started.state);
    match provider
        .authorize_url(&started.state, &nonce, &verifier)
        .await
    {
        Ok(url) => Ok(HttpResponse::SeeOther()
            .insert_header((header::LOCATION, url.to_string()))
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .cookie(browser_cookie(started.browser_secret, https))
            .finish()),
        Err(e) => {
            tracing::warn!(error = %e, "single sign-on could not start");
            refused(&req, &state, Refusal::ProviderDown).await
        }
    }
}

/// `GET /login/oidc/callback`: checks the state, exchanges the code, verifies the ID token
/// and signs the person in.
pub async fn callback(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<Callback>,
) -> Result<HttpResponse, AuthError> {
    let Some(provider) = state.oidc.clone() else {
        return Err(AuthError::SsoOff);
    };
    let https = state.settings.is_https();
    let ip = client_ip(&req, &state.settings.server.trusted_proxies);
    let browser = req
        .cookie(cookie_name(https))
        .map(|c| c.value().to_string())
        .filter(|v| crate::tokens::is_well_formed(v));
    let query = query.into_inner();
    let now = clock::now();
    let given_state = query.state.clone().unwrap_or_default();
    let (ip2, browser2) = (ip.clone(), browser.clone());
    let taken = with_conn::<AuthError, _>(&state, move |conn| {
        if let Some(retry_after) = sign_on::throttled(conn, &ip2, now)? {
            return Ok(Err(Err(retry_after)));
        }
        Ok(sign_on::take(conn, browser2.as_deref(), &given_state, now)?.map_err(Ok))
    })
    .await?;
    match taken {
        Err(Err(retry_after)) => return Err(AuthError::Throttled { retry_after }),
        Err(Ok(refusal)) => return refused(&req, &state, refusal).await,
        Ok(()) => {}
    }
    let Some(browser) = browser else {
        return refused(&req, &state, Refusal::WrongBrowser).await;
    };
    if let Some(code) = query.error.as_deref() {
        return refused(&req, &state, Refusal::ProviderSaidNo(error_code(code))).await;
    }
    let Some(code) = query.code.filter(|c| !c.is_empty() && c.len() <= 2048) else {
        return refused(&req, &state, Refusal::Unverified("no code".into())).await;
    };
    let given_state = query.state.unwrap_or_default();
    let nonce = oidc::nonce(&browser, &given_state);
    let verifier = oidc::pkce_verifier(&browser, &given_state);
    let person = match provider.sign_in(&code, &nonce, &verifier).await {
        Ok(p) => p,
        Err(e) if e.is_provider_fault() => {
            tracing::warn!(error = %e, "single sign-on: the provider failed");
            return refused(&req, &state, Refusal::ProviderDown).await;
        }
        Err(e) => return refused(&req, &state, Refusal::Unverified(e.to_string())).await,
    };
    let roles = provider.settings().roles.clone();
    let previous = cookies::session_token(&req, https);
    let finished = with_conn::<AuthError, _>(&state, move |conn| {
        Ok(sign_on::finish(
            conn,
            &person,
            &roles,
            &ip,
            previous.as_deref(),
            now,
        )?)
    })
    .await?;
    match finished {
        Finished::Refused(refusal) => page(&req, &state, &refusal),
        Finished::SignedIn { token, role } => Ok(HttpResponse::SeeOther()
            .insert_header((header::LOCATION, role.home_path()))
            .cookie(cookies::session(token, https))
            .cookie(browser_cookie_removal(https))
            .finish()),
    }
}

/// A provider's error code as shown and audited: its word characters only, briefly.
fn error_code(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .take(40)
        .collect()
}

/// Records a refusal (audit and rate limit) and shows it.
async fn refused(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    refusal: Refusal,
) -> Result<HttpResponse, AuthError> {
    let ip = client_ip(req, &state.settings.server.trusted_proxies);
    let now = clock::now();
    let recorded = refusal.clone();
    with_conn::<AuthError, _>(state, move |conn| {
        Ok(sign_on::refuse(conn, &recorded, &ip, now)?)
    })
    .await?;
    page(req, state, &refusal)
}

fn page(req: &HttpRequest, state: &AppState, refusal: &Refusal) -> Result<HttpResponse, AuthError> {
    let status = match refusal {
        Refusal::ProviderDown => StatusCode::BAD_GATEWAY,
        Refusal::NoAccess | Refusal::Disabled => StatusCode::FORBIDDEN,
        _ => StatusCode::BAD_REQUEST,
    };
    // The browser's sign-in cookie stays: a forged callback must not end a sign-in that
    // this browser has under way, and the cookie expires on its own within minutes.
    form_page(req, state, status, "", Some(&refusal.to_string()))
}

#[cfg(test)]
mod tests {
    use super::error_code;

    #[test]
    fn a_provider_error_code_is_shown_as_word_characters_only() {
        assert_eq!(error_code("access_denied"), "access_denied");
        assert_eq!(error_code("<script>x</script>"), "scriptxscript");
        assert_eq!(error_code(&"a".repeat(100)).len(), 40);
    }
}
