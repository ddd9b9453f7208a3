//! `GET /static/error-focus.js`: the pages' only script, served from our origin because the
//! Content-Security-Policy refuses inline script.

use actix_web::http::header;
use actix_web::HttpResponse;

/// `GET /static/error-focus.js`: moves the focus to the error summary after a failed submit.
pub async fn error_focus() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/javascript; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(include_str!("../../static/error-focus.js"))
}
