//! Liveness and readiness probes.

use actix_web::{web, HttpResponse};
use diesel::connection::SimpleConnection;

use super::error::{responds, Kind, WebError};
use super::with_conn;
use crate::db::DbError;
use crate::web::state::AppState;

/// How long `/readyz` waits for the database before answering 503.
pub const READY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(2);

/// Why the service is not ready. Whatever the cause, a probe acts on 503; the cause is logged.
#[derive(Debug, thiserror::Error)]
pub enum NotReady {
    #[error("the database does not answer")]
    Db(#[from] DbError),
    #[error("no blocking thread for the readiness check")]
    Blocking(#[from] actix_web::error::BlockingError),
    #[error("the database did not answer in time")]
    Timeout,
}

impl WebError for NotReady {
    fn kind(&self) -> Kind {
        Kind::Unavailable
    }
}

responds!(NotReady);

/// `GET /healthz`: the process is up.
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .body("ok\n")
}

/// `GET /readyz`: the database answers (503 otherwise).
pub async fn readyz(state: web::Data<AppState>) -> Result<HttpResponse, NotReady> {
    let check = with_conn::<NotReady, _>(&state, |conn| {
        conn.batch_execute("SELECT 1").map_err(DbError::from)?;
        Ok(())
    });
    tokio::time::timeout(READY_TIMEOUT, check)
        .await
        .map_err(|_| NotReady::Timeout)??;
    Ok(HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .body("ready\n"))
}
