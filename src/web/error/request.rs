//! Requests refused at the edge, before any handler: an address or a body that cannot be read.

use actix_web::error::{JsonPayloadError, UrlencodedError};

use super::{responds, Kind, WebError};

/// A request refused at the edge, before any handler: an address or body that cannot be
/// read.
#[derive(Debug, thiserror::Error)]
pub enum RequestError {
    #[error("the address contains a NUL character")]
    NulInAddress,
    #[error("the form is too large")]
    FormTooLarge,
    #[error("expected a form (application/x-www-form-urlencoded)")]
    NotAForm,
    #[error("the form could not be read: {0}")]
    Form(#[source] UrlencodedError),
    #[error("the JSON body is too large")]
    JsonTooLarge,
    #[error("the JSON body could not be read: {0}")]
    Json(#[source] JsonPayloadError),
}

impl From<UrlencodedError> for RequestError {
    fn from(e: UrlencodedError) -> Self {
        match e {
            UrlencodedError::Overflow { .. } => RequestError::FormTooLarge,
            UrlencodedError::ContentType => RequestError::NotAForm,
            other => RequestError::Form(other),
        }
    }
}

impl From<JsonPayloadError> for RequestError {
    fn from(e: JsonPayloadError) -> Self {
        match e {
            JsonPayloadError::Overflow { .. } | JsonPayloadError::OverflowKnownLength { .. } => {
                RequestError::JsonTooLarge
            }
            other => RequestError::Json(other),
        }
    }
}

impl WebError for RequestError {
    fn kind(&self) -> Kind {
        match self {
            RequestError::FormTooLarge | RequestError::JsonTooLarge => Kind::TooLarge,
            _ => Kind::BadRequest,
        }
    }
}

responds!(RequestError);
