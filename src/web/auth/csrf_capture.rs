//! Reads the `csrf_token` field of a cookie-authenticated form post before the handler
//! runs, so the `Identity` extractor can check it whatever form type the handler parses.
//! A urlencoded body is buffered (within the form size limit) and handed on unchanged; of a
//! multipart upload only the first few KiB are read ahead — our upload forms put
//! `csrf_token` first, and browsers send fields in document order — and handed on in front
//! of the rest of the stream, so a large file is never buffered here.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::error::PayloadError;
use actix_web::http::header::{HeaderMap, CONTENT_TYPE};
use actix_web::http::Method;
use actix_web::middleware::Next;
use actix_web::web::{Bytes, BytesMut};
use actix_web::{Error, HttpMessage};
use futures_util::{stream, StreamExt};

use super::cookies;
use crate::auth::csrf;

/// The `csrf_token` field found in a form body.
#[derive(Debug, Clone)]
pub struct CapturedCsrf(pub String);

/// Largest form body read for its CSRF field (the same as the form limit).
pub const MAX_FORM_BYTES: usize = 64 * 1024;

/// How much of a multipart body is read ahead to find its leading `csrf_token` field.
const MULTIPART_PEEK_BYTES: usize = 8 * 1024;

/// Middleware: captures the CSRF field of unsafe form posts (urlencoded or multipart) that
/// carry a session cookie.
pub async fn capture(
    mut req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let content_type = req
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let is_form = content_type.starts_with("application/x-www-form-urlencoded");
    let is_multipart = content_type.starts_with("multipart/form-data");
    let wants_capture = has_form_body(req.method())
        && !req.headers().contains_key(csrf::HEADER)
        && cookies::has_session_cookie(&req);
    if is_multipart && wants_capture {
        if let Some(t) = peek_multipart_csrf(&mut req).await? {
            req.extensions_mut().insert(CapturedCsrf(t));
        }
    }
    if is_form && wants_capture {
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
        return Err(crate::web::error::RequestError::FormTooLarge.into());
    }
    Ok(body)
}

/// Reads the start of a multipart body for its first field, `csrf_token`, then puts the body
/// back together: the bytes read ahead, followed by the rest of the stream.
async fn peek_multipart_csrf(req: &mut ServiceRequest) -> Result<Option<String>, Error> {
    let mut payload = req.take_payload();
    let mut head = BytesMut::new();
    let mut ended = false;
    while head.len() < MULTIPART_PEEK_BYTES {
        match payload.next().await {
            Some(chunk) => head.extend_from_slice(&chunk?),
            None => {
                ended = true;
                break;
            }
        }
    }
    let head = head.freeze();
    let token = first_field_csrf(req.headers(), head.clone()).await;
    let front = stream::once(async move { Ok::<Bytes, PayloadError>(head) });
    let body: std::pin::Pin<Box<dyn futures_util::Stream<Item = Result<Bytes, PayloadError>>>> =
        if ended {
            Box::pin(front)
        } else {
            Box::pin(front.chain(payload))
        };
    req.set_payload(actix_web::dev::Payload::from(body));
    Ok(token)
}

/// The value of the first field when it is `csrf_token` and lies wholly within `head`.
async fn first_field_csrf(headers: &HeaderMap, head: Bytes) -> Option<String> {
    let mut parts = actix_multipart::Multipart::new(
        headers,
        stream::once(async move { Ok::<Bytes, PayloadError>(head) }),
    );
    let mut field = parts.next().await?.ok()?;
    if field.name() != Some(csrf::FIELD) {
        return None;
    }
    let mut value = Vec::new();
    while let Some(chunk) = field.next().await {
        value.extend_from_slice(&chunk.ok()?);
        if value.len() > 256 {
            return None;
        }
    }
    String::from_utf8(value).ok()
}
