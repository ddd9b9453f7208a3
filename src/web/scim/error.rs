//! SCIM errors as HTTP: the status and headers come from the one mapping in `web::error`
//! (`Kind`), the body is a SCIM Error message (RFC 7644 §3.12) in `application/scim+json`.

use actix_web::error::BlockingError;
use actix_web::HttpResponse;
use serde_json::json;

use super::SCIM_JSON;
use crate::app::scim::resource::{ScimType, ERROR};
use crate::app::scim::ScimError;
use crate::db::DbError;
use crate::web::error::{public_message, response_head, Kind, WebError};

/// Why a SCIM request was not served.
#[derive(Debug, thiserror::Error)]
pub enum ScimHttpError {
    /// No bearer token, or one that is unknown or revoked.
    #[error("send an API token with the scim scope as Authorization: Bearer")]
    Unauthenticated,
    /// A valid token without the scim scope.
    #[error("this API token does not carry the scim scope (create one with `ctopulse token create --role admin --scope scim`)")]
    WrongScope,
    /// The body is not JSON.
    #[error("the body is not valid JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("no such SCIM resource type or schema: {0}")]
    NoSuchResource(String),
    #[error("{0}")]
    App(#[from] ScimError),
    #[error("application state is not registered")]
    NoState,
    #[error("the roster store failed")]
    Db(#[from] DbError),
    #[error("no blocking thread for the SCIM request")]
    Blocking(#[from] BlockingError),
}

impl ScimHttpError {
    /// The `scimType` keyword, for 400 and 409 answers.
    fn scim_type(&self) -> Option<ScimType> {
        match self {
            ScimHttpError::Json(_) => Some(ScimType::InvalidSyntax),
            ScimHttpError::App(ScimError::Invalid(e)) => Some(e.scim_type),
            ScimHttpError::App(ScimError::Duplicate { .. }) => Some(ScimType::Uniqueness),
            _ => None,
        }
    }
}

impl WebError for ScimHttpError {
    fn kind(&self) -> Kind {
        match self {
            ScimHttpError::Unauthenticated => Kind::SignInRequired { redirect: false },
            ScimHttpError::WrongScope => Kind::Forbidden,
            ScimHttpError::Json(_) => Kind::BadRequest,
            ScimHttpError::NoSuchResource(_) => Kind::NotFound,
            ScimHttpError::App(e) => match e {
                ScimError::Invalid(_) => Kind::BadRequest,
                ScimError::NotFound(_) => Kind::NotFound,
                ScimError::Duplicate { .. } => Kind::Conflict,
                ScimError::Db(e) => e.kind(),
            },
            ScimHttpError::NoState => Kind::Internal,
            ScimHttpError::Db(e) => e.kind(),
            ScimHttpError::Blocking(e) => e.kind(),
        }
    }
}

impl actix_web::ResponseError for ScimHttpError {
    fn status_code(&self) -> actix_web::http::StatusCode {
        self.kind().status()
    }

    fn error_response(&self) -> HttpResponse {
        let status = self.kind().status();
        let mut body = json!({
            "schemas": [ERROR],
            "status": status.as_u16().to_string(),
            "detail": public_message(self),
        });
        if let Some(t) = self.scim_type() {
            body["scimType"] = json!(t.as_str());
        }
        response_head(self)
            .content_type(SCIM_JSON)
            .body(body.to_string())
    }
}
