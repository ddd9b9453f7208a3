//! The files the pages load from our own origin (the Content-Security-Policy refuses inline
//! script and style), compiled into the binary.

use actix_web::http::header;
use actix_web::HttpResponse;

/// One embedded file, cacheable for an hour.
fn asset(content_type: &'static str, body: &'static str) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(body)
}

/// `GET /static/app.css`: the survey's stylesheet.
pub async fn survey_css() -> HttpResponse {
    asset(
        "text/css; charset=utf-8",
        include_str!("../../static/app.css"),
    )
}

/// `GET /static/staff.css`: the staff pages' stylesheet.
pub async fn staff_css() -> HttpResponse {
    asset(
        "text/css; charset=utf-8",
        include_str!("../../static/staff.css"),
    )
}

/// `GET /static/error-focus.js`: moves the focus to the error summary after a failed submit.
pub async fn error_focus() -> HttpResponse {
    asset(
        "text/javascript; charset=utf-8",
        include_str!("../../static/error-focus.js"),
    )
}
