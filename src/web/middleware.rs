//! Request middleware: an access log that never records a token, security headers, the
//! body limits (refusals are `error::RequestError`), and error bodies as JSON or
//! pages.

use std::time::Instant;

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::{DefaultHeaders, Next};
use actix_web::Error;

use super::error::{RequestError, Told};

/// Logs method, route pattern (never the concrete path: `/s/{token}` must not leak the
/// token), status and duration.
pub async fn access_log(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let start = Instant::now();
    let method = req.method().to_string();
    let res = next.call(req).await?;
    // Routing has run by now, so the matched pattern is known.
    let pattern = res
        .request()
        .match_pattern()
        .unwrap_or_else(|| "(unmatched)".to_string());
    tracing::info!(
        target: "access",
        %method,
        route = %pattern,
        status = res.status().as_u16(),
        us = start.elapsed().as_micros() as u64,
    );
    Ok(res)
}

/// Headers every response carries.
pub fn security_headers() -> DefaultHeaders {
    DefaultHeaders::new()
        .add((
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
             form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
        ))
        .add((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .add((header::REFERRER_POLICY, "no-referrer"))
        .add((header::X_FRAME_OPTIONS, "DENY"))
        // Pages show results and personal data: nothing is cached unless a handler says so
        // (the stylesheet does). DefaultHeaders never overrides a handler's own header.
        .add((header::CACHE_CONTROL, "no-store"))
}

/// Adds `Strict-Transport-Security` when the public URL is https.
pub async fn hsts(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let https = req
        .app_data::<actix_web::web::Data<crate::web::state::AppState>>()
        .is_some_and(|s| s.settings.is_https());
    let mut res = next.call(req).await?;
    if https {
        res.headers_mut().insert(
            header::STRICT_TRANSPORT_SECURITY,
            header::HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    Ok(res)
}

/// Whether URL-encoded text holds a NUL character, raw or as `%00`. No address or form field
/// of ours has one, and PostgreSQL cannot store or compare text that does.
pub fn carries_nul(encoded: &[u8]) -> bool {
    encoded.contains(&0) || encoded.windows(3).any(|w| w == b"%00")
}

/// Refuses an address whose path or query holds a NUL character (400), before any handler
/// takes it for an id.
pub async fn refuse_nul(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, Error> {
    let nul = req
        .uri()
        .path_and_query()
        .is_some_and(|pq| carries_nul(pq.as_str().as_bytes()));
    if nul {
        return Ok(req
            .error_response(RequestError::NulInAddress)
            .map_into_right_body());
    }
    Ok(next.call(req).await?.map_into_left_body())
}

/// Largest urlencoded form accepted.
pub const MAX_FORM_BYTES: usize = crate::web::auth::csrf_capture::MAX_FORM_BYTES;
/// Largest JSON body accepted.
pub const MAX_JSON_BYTES: usize = 256 * 1024;

/// Form body limit, with errors mapped through `RequestError`.
pub fn form_config() -> actix_web::web::FormConfig {
    actix_web::web::FormConfig::default()
        .limit(MAX_FORM_BYTES)
        .error_handler(|e, _| RequestError::from(e).into())
}

/// JSON body limit, with errors mapped through `RequestError`.
pub fn json_config() -> actix_web::web::JsonConfig {
    actix_web::web::JsonConfig::default()
        .limit(MAX_JSON_BYTES)
        .error_handler(|e, _| RequestError::from(e).into())
}

/// What the error behind `res` tells the user, when one of ours produced it.
fn told<B>(res: &ServiceResponse<B>) -> Option<Told> {
    res.response().extensions().get::<Told>().cloned()
}

/// Errors under `/api/` are JSON `{ "error": CODE, "message": … }`, whatever produced them
/// (a handler, an extractor, or actix itself for an unknown path or method).
pub async fn api_json_errors(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<actix_web::body::BoxBody>, Error> {
    let is_api = req.path().starts_with("/api/");
    let res = next.call(req).await?;
    let status = res.status();
    if !is_api || !(status.is_client_error() || status.is_server_error()) {
        return Ok(res.map_into_boxed_body());
    }
    let (code, message) = match told(&res) {
        Some(told) => (told.code.to_string(), told.message),
        None => (
            status
                .canonical_reason()
                .unwrap_or("error")
                .to_ascii_lowercase()
                .replace(' ', "_"),
            match status.as_u16() {
                404 => "no such API endpoint".to_string(),
                405 => "this endpoint does not take that method".to_string(),
                413 => "the request body is too large".to_string(),
                _ => status.canonical_reason().unwrap_or("error").to_string(),
            },
        ),
    };
    let (req, mut out) = rebuilt(res, status);
    let body = out.json(super::api_types::ErrorBody {
        error: code,
        message,
    });
    Ok(ServiceResponse::new(req, body).map_into_boxed_body())
}

/// The request of `res` and a fresh response builder with `status` and the headers a client
/// still needs from the response it replaces (when to retry, how to sign in, what methods).
fn rebuilt<B>(
    res: ServiceResponse<B>,
    status: actix_web::http::StatusCode,
) -> (actix_web::HttpRequest, actix_web::HttpResponseBuilder) {
    let keep: Vec<(header::HeaderName, header::HeaderValue)> =
        [header::RETRY_AFTER, header::WWW_AUTHENTICATE, header::ALLOW]
            .into_iter()
            .filter_map(|h| res.headers().get(&h).cloned().map(|v| (h, v)))
            .collect();
    let (req, _) = res.into_parts();
    let mut out = actix_web::HttpResponse::build(status);
    for (h, v) in keep {
        out.insert_header((h, v));
    }
    (req, out)
}

/// Errors under `/scim/` that no SCIM handler wrote (an unknown path, a wrong method, a body
/// over the limit) still reach the identity provider as a SCIM Error message (RFC 7644 §3.12).
pub async fn scim_json_errors(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<actix_web::body::BoxBody>, Error> {
    let is_scim = req.path().starts_with("/scim/");
    let res = next.call(req).await?;
    let status = res.status();
    let is_scim_body = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(super::scim::SCIM_JSON.as_bytes()));
    if !is_scim || is_scim_body || !(status.is_client_error() || status.is_server_error()) {
        return Ok(res.map_into_boxed_body());
    }
    let detail = match status.as_u16() {
        404 => "no such SCIM endpoint".to_string(),
        405 => "this SCIM endpoint does not take that method".to_string(),
        413 => "the request body is too large".to_string(),
        _ => status.canonical_reason().unwrap_or("error").to_string(),
    };
    let (req, mut out) = rebuilt(res, status);
    let body = serde_json::json!({
        "schemas": [crate::app::scim::resource::ERROR],
        "status": status.as_u16().to_string(),
        "detail": detail,
    });
    let out = out
        .content_type(super::scim::SCIM_JSON)
        .body(body.to_string());
    Ok(ServiceResponse::new(req, out).map_into_boxed_body())
}

/// Outside `/api/`, a browser (one that accepts HTML) gets an error as a readable page with a
/// way back, instead of the bare text message API clients and scripts get. Pages that render
/// their own error state (the sign-in form, the survey's localised messages) are HTML already
/// and pass through unchanged.
pub async fn html_errors(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<actix_web::body::BoxBody>, Error> {
    // SCIM clients are machines; their errors stay SCIM JSON whatever they accept.
    let wants_html = !req.path().starts_with("/api/")
        && !req.path().starts_with("/scim/")
        && req
            .headers()
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|a| a.contains("text/html"));
    let locale = crate::web::lang::Lang::of(req.request()).0;
    let res = next.call(req).await?;
    let status = res.status();
    let already_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    if !wants_html || already_html || !(status.is_client_error() || status.is_server_error()) {
        return Ok(res.map_into_boxed_body());
    }
    let (message, localized) = told(&res)
        .map(|t| (t.message, t.localized))
        .unwrap_or_default();
    let page = match super::error::html_page(status, &message, localized.as_ref(), locale) {
        Ok(page) => page,
        Err(e) => {
            tracing::error!(error = %e, "the error page failed to render");
            return Ok(res.map_into_boxed_body());
        }
    };
    // Every header stays (security headers, Retry-After, cookies…) but the body's own.
    let keep: Vec<(header::HeaderName, header::HeaderValue)> = res
        .headers()
        .iter()
        .filter(|(h, _)| **h != header::CONTENT_TYPE && **h != header::CONTENT_LENGTH)
        .map(|(h, v)| (h.clone(), v.clone()))
        .collect();
    let (req, _) = res.into_parts();
    let mut out = actix_web::HttpResponse::build(status);
    for (h, v) in keep {
        out.append_header((h, v));
    }
    let body = out.content_type("text/html; charset=utf-8").body(page);
    Ok(ServiceResponse::new(req, body).map_into_boxed_body())
}
