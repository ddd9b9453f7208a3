//! Reads the `csrf_token` field of a cookie-authenticated form post before the handler
//! runs, so the `Identity` extractor can check it whatever form type the handler parses.
//! The body is buffered (within the form size limit) and handed on unchanged.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::CONTENT_TYPE;
use actix_web::http::Method;
use actix_web::middleware::Next;
use actix_web::web::Bytes;
use actix_web::{Error, HttpMessage};

use super::cookies;
use crate::auth::csrf;

/// The `csrf_token` field found in a form body.
#[derive(Debug, Clone)]
pub struct CapturedCsrf(pub String);

/// Largest form body read for its CSRF field (the same as the form limit).
pub const MAX_FORM_BYTES: usize = 64 * 1024;

/// Middleware: captures the CSRF field of unsafe urlencoded requests that carry a session cookie.
pub async fn capture(
    mut req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let is_form = req
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if is_form
        && has_form_body(req.method())
        && !req.headers().contains_key(csrf::HEADER)
        && cookies::has_session_cookie(&req)
    {
        let body = read_body(&mut req).await?;
        let token = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&body)
            .ok()
            .and_then(|pairs| pairs.into_iter().find(|(k, _)| k == csrf::FIELD))
            .map(|(_, v)| v);
        if let Some(t) = token {
            req.extensions_mut().insert(CapturedCsrf(t));
        }
        req.set_payload(actix_web::dev::Payload::from(body));
    }
    next.call(req).await
}

/// Methods whose body is a message the server reads to its end. Not CONNECT: its "body" is
/// a tunnel that stays open, so waiting for its end would hold the request forever.
fn has_form_body(m: &Method) -> bool {
    matches!(
        *m,
        Method::POST | Method::PUT | Method::PATCH | Method::DELETE
    )
}

async fn read_body(req: &mut ServiceRequest) -> Result<Bytes, Error> {
    // The `Bytes` extractor honours the app's `PayloadConfig` limit.
    let body = req.extract::<Bytes>().await?;
    if body.len() > MAX_FORM_BYTES {
        return Err(
            crate::web::error::AppError::PayloadTooLarge("the form is too large".into()).into(),
        );
    }
    Ok(body)
}
