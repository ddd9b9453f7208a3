//! The one place where an error becomes an HTTP response.
//!
//! Each area has its own error enum (`api::ApiError`, `pages::PageError`,
//! `auth::AuthError`, `survey::SurveyPageError`, `RequestError` (`error/request.rs`),
//! `health::NotReady`) whose variants name what failed and keep the cause. An area's enum
//! says which [`Kind`] of failure it is ([`WebError`]); [`respond`] (or [`response_head`],
//! for an area that writes its own body) turns that into the status, the headers and the
//! public message, and logs the cause chain once for a fault on our side. The user gets a
//! clear message that names what is wrong, never internals.

mod kinds;
mod request;

pub use kinds::FLUENT_KEYS;
pub use request::RequestError;
#[cfg(test)]
mod tests;

use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, HttpResponseBuilder};

use crate::domain::locale::Locale;
use crate::web::lang::words::{errors, ErrorWords};

/// What kind of failure an error is: everything its response depends on but the words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    BadRequest,
    NotFound,
    /// No valid session or API token; pages redirect to the sign-in form, the rest get 401.
    SignInRequired {
        redirect: bool,
    },
    /// Signed in, but not allowed here (wrong role, missing or wrong CSRF token).
    Forbidden,
    /// Too many failed attempts from this client; they may try again after `retry_after` s.
    TooMany {
        retry_after: i64,
    },
    TooLarge,
    Conflict,
    /// Well-formed, but what it asks does not fit the data (an action's link that its round
    /// lacks, a due quarter before the round's).
    Unprocessable,
    /// A passing condition (database down or busy); the cause is logged, not shown.
    Unavailable,
    /// A fault on our side; the cause is logged, not shown.
    Internal,
}

/// How long a client waits before retrying after a 503.
const UNAVAILABLE_RETRY_AFTER: &str = "5";

impl Kind {
    /// The response status.
    pub fn status(self) -> StatusCode {
        match self {
            Kind::BadRequest => StatusCode::BAD_REQUEST,
            Kind::NotFound => StatusCode::NOT_FOUND,
            Kind::SignInRequired { redirect: true } => StatusCode::SEE_OTHER,
            Kind::SignInRequired { redirect: false } => StatusCode::UNAUTHORIZED,
            Kind::Forbidden => StatusCode::FORBIDDEN,
            Kind::TooMany { .. } => StatusCode::TOO_MANY_REQUESTS,
            Kind::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Kind::Conflict => StatusCode::CONFLICT,
            Kind::Unprocessable => StatusCode::UNPROCESSABLE_ENTITY,
            Kind::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            Kind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// A short machine-readable code for JSON errors.
    pub fn code(self) -> &'static str {
        match self {
            Kind::BadRequest => "bad_request",
            Kind::NotFound => "not_found",
            Kind::SignInRequired { .. } => "unauthenticated",
            Kind::Forbidden => "forbidden",
            Kind::TooMany { .. } => "too_many_requests",
            Kind::TooLarge => "payload_too_large",
            Kind::Conflict => "conflict",
            Kind::Unprocessable => "unprocessable",
            Kind::Unavailable => "unavailable",
            Kind::Internal => "internal",
        }
    }

    /// The header that tells the client what to do next, if any.
    pub fn header(self) -> Option<(HeaderName, HeaderValue)> {
        let value = match self {
            Kind::Unavailable => HeaderValue::from_static(UNAVAILABLE_RETRY_AFTER),
            Kind::TooMany { retry_after } => HeaderValue::from(retry_after),
            Kind::SignInRequired { redirect: true } => {
                return Some((header::LOCATION, HeaderValue::from_static("/login")))
            }
            Kind::SignInRequired { redirect: false } => {
                return Some((
                    header::WWW_AUTHENTICATE,
                    HeaderValue::from_static("Bearer realm=\"ctopulse\""),
                ))
            }
            _ => return None,
        };
        Some((header::RETRY_AFTER, value))
    }

    /// Whether the fault is ours, so the cause goes to the log and not to the user.
    fn is_ours(self) -> bool {
        matches!(self, Kind::Unavailable | Kind::Internal)
    }
}

/// An error a handler can fail with, and the kind of failure it is. Implemented by each
/// area's enum, and (in `kinds`) by the application errors those enums wrap, so an
/// application error is classified once whichever area meets it.
pub trait WebError: std::error::Error + 'static {
    /// The kind of failure this is.
    fn kind(&self) -> Kind;

    /// The same words in Fluent, for an error page in the reader's language; `None` keeps
    /// the English message (which the API answers in any case).
    fn localized(&self) -> Option<Localized> {
        None
    }
}

/// An error's message as a Fluent key and its variables, said in the page's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Localized {
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Localized {
    /// A message with no variables.
    pub fn plain(key: &'static str) -> Localized {
        Localized {
            key,
            args: Vec::new(),
        }
    }

    /// The message in `locale`.
    pub fn say(&self, locale: Locale) -> String {
        let args: Vec<(&str, &str)> = self.args.iter().map(|(n, v)| (*n, v.as_str())).collect();
        crate::i18n::format(locale, self.key, &args)
    }
}

/// What an error response says, kept on the response so the middleware that rewrites
/// error bodies (`middleware::api_json_errors`, `html_errors`) can read it whatever the
/// error's type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Told {
    /// `Kind::code`.
    pub code: &'static str,
    /// What the user is told.
    pub message: String,
    /// The same, for a page in the reader's language.
    pub localized: Option<Localized>,
}

/// What the user is told: the error's own words, but for a fault on our side, whose cause
/// stays in the log.
pub fn public_message(e: &impl WebError) -> String {
    match e.kind() {
        Kind::Internal => "Something went wrong on our side. Please try again later.".to_string(),
        Kind::Unavailable => {
            "The service is temporarily unavailable. Please try again in a minute.".to_string()
        }
        _ => e.to_string(),
    }
}

/// The response to `e` but its body: status, header, and what it tells (`Told`). Logs the
/// cause chain of a fault on our side — the one place it is logged.
pub fn response_head(e: &impl WebError) -> HttpResponseBuilder {
    let kind = e.kind();
    if kind.is_ours() {
        let chain = crate::telemetry::chain(e);
        match kind {
            Kind::Internal => tracing::error!(error = %chain, "internal error"),
            _ => tracing::warn!(error = %chain, "unavailable"),
        }
    }
    let mut resp = HttpResponse::build(kind.status());
    if let Some(h) = kind.header() {
        resp.insert_header(h);
    }
    resp.extensions_mut().insert(Told {
        code: kind.code(),
        message: public_message(e),
        localized: if kind.is_ours() { None } else { e.localized() },
    });
    resp
}

/// The response to `e`: its public message as plain text (the middleware turns it into
/// JSON under `/api/` and into a page for a browser).
pub fn respond(e: &impl WebError) -> HttpResponse {
    let message = public_message(e);
    response_head(e)
        .content_type("text/plain; charset=utf-8")
        .body(format!("{message}\n"))
}

/// Implements actix's `ResponseError` for an area's error enum by way of `respond`.
macro_rules! responds {
    ($area:ty) => {
        impl actix_web::ResponseError for $area {
            fn status_code(&self) -> actix_web::http::StatusCode {
                $crate::web::error::WebError::kind(self).status()
            }

            fn error_response(&self) -> actix_web::HttpResponse {
                $crate::web::error::respond(self)
            }
        }
    };
}
pub(crate) use responds;

/// An error as a page for people in a browser (see `middleware::html_errors`).
#[derive(askama::Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    lang: &'static str,
    w: &'static ErrorWords,
    title: &'a str,
    message: &'a str,
    status: u16,
}

/// The error page for `status` in `locale`, saying `localized` or else `message` (or the
/// status's own words when it is empty, or is the fault on our side that every language says
/// in its own words).
pub fn html_page(
    status: StatusCode,
    message: &str,
    localized: Option<&Localized>,
    locale: Locale,
) -> Result<String, askama::Error> {
    use askama::Template;
    let w = errors(locale);
    let [title, default] = w.for_status(status.as_u16());
    let message = message.trim();
    // The generic words in English are said in the reader's language instead.
    let english = errors(Locale::En).for_status(status.as_u16())[1];
    let generic = message.is_empty() || message == english || status.is_server_error();
    let said = localized.filter(|_| !generic).map(|l| l.say(locale));
    ErrorPage {
        lang: locale.code(),
        w,
        title,
        message: match &said {
            Some(said) => said,
            None if generic => default,
            None => message,
        },
        status: status.as_u16(),
    }
    .render()
}
