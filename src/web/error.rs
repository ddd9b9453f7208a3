//! The one place where errors become HTTP statuses. The cause goes to the log; the user
//! gets a clear message that names what is wrong, never internals.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};

use crate::db::DbError;

/// Everything a handler can fail with.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    NotFound(String),
    /// No valid session or API token; pages redirect to the sign-in form, the rest get 401.
    #[error("sign in to continue")]
    SignInRequired { redirect: bool },
    /// Signed in, but not allowed here (wrong role, missing or wrong CSRF token).
    #[error("{0}")]
    Forbidden(String),
    /// Too many failed attempts from this client.
    #[error("too many failed attempts; try again in {retry_after} seconds")]
    TooManyRequests { retry_after: i64 },
    #[error("{0}")]
    PayloadTooLarge(String),
    #[error("{0}")]
    Conflict(String),
    /// A passing condition (database down or busy); the cause is logged, not shown.
    #[error("the service is temporarily unavailable")]
    Unavailable(#[source] Cause),
    /// A fault on our side; the cause is logged, not shown.
    #[error("internal error")]
    Internal(#[source] Cause),
}

/// The cause of an internal or availability error, kept whole for the log.
pub type Cause = Box<dyn std::error::Error + Send + Sync + 'static>;

impl From<DbError> for AppError {
    fn from(e: DbError) -> Self {
        if e.is_transient() {
            AppError::Unavailable(e.into())
        } else {
            AppError::Internal(e.into())
        }
    }
}

impl From<actix_web::error::BlockingError> for AppError {
    fn from(e: actix_web::error::BlockingError) -> Self {
        AppError::Internal(e.into())
    }
}

impl From<actix_web::error::UrlencodedError> for AppError {
    fn from(e: actix_web::error::UrlencodedError) -> Self {
        use actix_web::error::UrlencodedError;
        match e {
            UrlencodedError::Overflow { .. } => {
                AppError::PayloadTooLarge("the form is too large".into())
            }
            UrlencodedError::ContentType => {
                AppError::BadRequest("expected a form (application/x-www-form-urlencoded)".into())
            }
            other => AppError::BadRequest(format!("the form could not be read: {other}")),
        }
    }
}

impl From<actix_web::error::JsonPayloadError> for AppError {
    fn from(e: actix_web::error::JsonPayloadError) -> Self {
        use actix_web::error::JsonPayloadError;
        match e {
            JsonPayloadError::Overflow { .. } | JsonPayloadError::OverflowKnownLength { .. } => {
                AppError::PayloadTooLarge("the JSON body is too large".into())
            }
            other => AppError::BadRequest(format!("the JSON body could not be read: {other}")),
        }
    }
}

impl From<askama::Error> for AppError {
    fn from(e: askama::Error) -> Self {
        AppError::Internal(e.into())
    }
}

impl AppError {
    /// A short machine-readable code for JSON errors.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::BadRequest(_) => "bad_request",
            AppError::NotFound(_) => "not_found",
            AppError::SignInRequired { .. } => "unauthenticated",
            AppError::Forbidden(_) => "forbidden",
            AppError::TooManyRequests { .. } => "too_many_requests",
            AppError::PayloadTooLarge(_) => "payload_too_large",
            AppError::Conflict(_) => "conflict",
            AppError::Unavailable(_) => "unavailable",
            AppError::Internal(_) => "internal",
        }
    }
}

impl AppError {
    /// What the user is told: the cause of internal and availability errors stays in the log.
    pub fn public_message(&self) -> String {
        match self {
            AppError::Internal(_) => {
                "Something went wrong on our side. Please try again later.".to_string()
            }
            AppError::Unavailable(_) => {
                "The service is temporarily unavailable. Please try again in a minute.".to_string()
            }
            other => other.to_string(),
        }
    }
}

impl From<crate::app::inflection::InflectionError> for AppError {
    fn from(e: crate::app::inflection::InflectionError) -> Self {
        use crate::app::inflection::InflectionError as E;
        match e {
            E::UnknownPoint(_) | E::NoAssessment { .. } => AppError::NotFound(e.to_string()),
            E::Invalid(_) => AppError::BadRequest(e.to_string()),
            E::Db(d) => d.into(),
        }
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::SignInRequired { redirect: true } => StatusCode::SEE_OTHER,
            AppError::SignInRequired { redirect: false } => StatusCode::UNAUTHORIZED,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            AppError::Internal(_) => {
                tracing::error!(error = %crate::telemetry::chain(self), "internal error")
            }
            AppError::Unavailable(_) => {
                tracing::warn!(error = %crate::telemetry::chain(self), "unavailable")
            }
            _ => {}
        }
        let message = self.public_message();
        let mut resp = HttpResponse::build(self.status_code());
        match self {
            AppError::Unavailable(_) => {
                resp.insert_header(("Retry-After", "5"));
            }
            AppError::TooManyRequests { retry_after } => {
                resp.insert_header(("Retry-After", retry_after.to_string()));
            }
            AppError::SignInRequired { redirect: true } => {
                resp.insert_header((actix_web::http::header::LOCATION, "/login"));
            }
            AppError::SignInRequired { redirect: false } => {
                resp.insert_header((
                    actix_web::http::header::WWW_AUTHENTICATE,
                    "Bearer realm=\"ctopulse\"",
                ));
            }
            _ => {}
        }
        resp.content_type("text/plain; charset=utf-8")
            .body(format!("{message}\n"))
    }
}

/// An error as a page for people in a browser (see `middleware::html_errors`).
#[derive(askama::Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    title: &'a str,
    message: &'a str,
    status: u16,
}

/// The error page for `status`, saying `message` (or a plain default when it is empty).
pub fn html_page(status: StatusCode, message: &str) -> Result<String, askama::Error> {
    use askama::Template;
    let (title, default) = match status.as_u16() {
        400 => (
            "That request could not be used",
            "The request was not valid.",
        ),
        401 => ("Sign in to continue", "This page is for signed-in staff."),
        403 => (
            "No access",
            "Your account does not have access to this page.",
        ),
        404 => ("Page not found", "There is no page at this address."),
        405 => (
            "Not possible here",
            "This page does not take that kind of request.",
        ),
        409 => (
            "Not possible right now",
            "This conflicts with the current state.",
        ),
        413 => ("Too large", "What was sent is too large."),
        429 => ("Too many attempts", "Wait a little, then try again."),
        503 => ("Temporarily unavailable", "Please try again in a minute."),
        _ if status.is_server_error() => (
            "Something went wrong",
            "Something went wrong on our side. Please try again later.",
        ),
        _ => ("That did not work", "The request could not be completed."),
    };
    let message = message.trim();
    ErrorPage {
        title,
        message: if message.is_empty() { default } else { message },
        status: status.as_u16(),
    }
    .render()
}

impl From<crate::app::scorecard::ScorecardError> for AppError {
    fn from(e: crate::app::scorecard::ScorecardError) -> Self {
        use crate::app::scorecard::ScorecardError as E;
        match e {
            E::NoClosedRound(_) | E::NothingClosed | E::NoResults(_) => {
                AppError::NotFound(e.to_string())
            }
            E::RoundOpen { .. } => AppError::Conflict(e.to_string()),
            E::Round(r) => r.into(),
            E::Db(d) => d.into(),
            E::Engine(_) | E::Template { .. } => AppError::Internal(e.into()),
        }
    }
}

impl From<crate::app::rounds::RoundError> for AppError {
    fn from(e: crate::app::rounds::RoundError) -> Self {
        use crate::app::rounds::RoundError as E;
        match e {
            E::NotFound(_) => AppError::NotFound(e.to_string()),
            E::Exists { .. } | E::WrongStatus { .. } | E::NotClosed { .. } | E::TemplateGone(_) => {
                AppError::Conflict(e.to_string())
            }
            E::ClosePassed(_) | E::NoInvitees(_) | E::Invalid(_) => {
                AppError::BadRequest(e.to_string())
            }
            E::Db(d) => d.into(),
            E::StoredTemplate(_) => AppError::Internal(e.into()),
        }
    }
}
