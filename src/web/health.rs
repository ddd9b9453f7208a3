//! Liveness and readiness probes.

use actix_web::{web, HttpResponse};
use diesel::connection::SimpleConnection;

use super::error::AppError;
use super::with_conn;
use crate::db::DbError;
use crate::web::state::AppState;

/// How long `/readyz` waits for the database before answering 503.
pub const READY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(2);

/// `GET /healthz`: the process is up.
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .body("ok\n")
}

/// `GET /readyz`: the database answers (503 otherwise).
pub async fn readyz(state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let check = with_conn(&state, |conn| {
        conn.batch_execute("SELECT 1").map_err(DbError::from)?;
        Ok(())
    });
    match tokio::time::timeout(READY_TIMEOUT, check).await {
        Ok(Ok(())) => Ok(HttpResponse::Ok()
            .content_type("text/plain; charset=utf-8")
            .body("ready\n")),
        // Not ready, whatever the cause: a probe acts on 503, and the cause is logged.
        Ok(Err(AppError::Internal(cause) | AppError::Unavailable(cause))) => {
            Err(AppError::Unavailable(cause))
        }
        Ok(Err(other)) => Err(other),
        Err(_) => Err(AppError::Unavailable(
            "the database did not answer in time".into(),
        )),
    }
}
