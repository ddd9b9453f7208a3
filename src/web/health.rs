//! Liveness and readiness probes.

use actix_web::{web, HttpResponse};
use diesel::connection::SimpleConnection;

use super::error::AppError;
use crate::db::{self, DbError};
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
    let pool = state.pool.clone();
    let check = web::block(move || -> Result<(), DbError> {
        let mut conn = db::pool::checkout(&pool)?;
        conn.batch_execute("SELECT 1")?;
        Ok(())
    });
    match tokio::time::timeout(READY_TIMEOUT, check).await {
        Ok(Ok(Ok(()))) => Ok(HttpResponse::Ok()
            .content_type("text/plain; charset=utf-8")
            .body("ready\n")),
        Ok(Ok(Err(e))) => Err(AppError::Unavailable(e.to_string())),
        Ok(Err(_)) => Err(AppError::Unavailable("the worker pool is gone".into())),
        Err(_) => Err(AppError::Unavailable(
            "the database did not answer in time".into(),
        )),
    }
}
