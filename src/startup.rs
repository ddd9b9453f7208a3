//! `Application::build(settings)` binds the listener and returns the server; `main` and the
//! tests both use it (tests bind port 0).

use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

use actix_web::dev::Server;
use actix_web::{App, HttpServer};

use crate::config::Settings;
use crate::db::{self, DbError, DbPool};
use crate::web;

/// What every request handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub pool: DbPool,
    pub settings: Arc<Settings>,
}

/// Why the service could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("cannot listen on {addr}: {reason}")]
    Bind { addr: String, reason: String },
}

/// A bound, not yet running, service.
pub struct Application {
    port: u16,
    server: Server,
}

impl Application {
    /// Connects to the database, applies migrations, seeds departments and binds the listener.
    pub fn build(settings: Settings) -> Result<Application, StartupError> {
        let pool = prepare_database(&settings)?;
        Self::build_with_pool(settings, pool)
    }

    /// Binds the listener over an already prepared pool.
    pub fn build_with_pool(settings: Settings, pool: DbPool) -> Result<Application, StartupError> {
        let listener = TcpListener::bind(settings.bind).map_err(|e| StartupError::Bind {
            addr: settings.bind.to_string(),
            reason: e.to_string(),
        })?;
        let port = listener.local_addr().map(|a| a.port()).unwrap_or(0);
        let grace = settings.shutdown_grace_seconds;
        let state = AppState {
            pool,
            settings: Arc::new(settings),
        };
        let data = actix_web::web::Data::new(state);
        let server = HttpServer::new(move || {
            App::new()
                .app_data(data.clone())
                .wrap(actix_web::middleware::from_fn(
                    web::auth::csrf_capture::capture,
                ))
                .wrap(actix_web::middleware::from_fn(web::middleware::hsts))
                .wrap(web::middleware::security_headers())
                .wrap(actix_web::middleware::from_fn(web::middleware::access_log))
                .configure(web::routes)
        })
        .shutdown_timeout(grace)
        .listen(listener)
        .map_err(|e| StartupError::Bind {
            addr: format!("port {port}"),
            reason: e.to_string(),
        })?
        .run();
        Ok(Application { port, server })
    }

    /// The port actually bound (useful when binding port 0).
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Runs until SIGTERM/SIGINT; in-flight requests get the configured grace period.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }
}

/// Opens the database, applies pending migrations and makes sure departments exist.
pub fn prepare_database(settings: &Settings) -> Result<DbPool, DbError> {
    let pool = db::connect(&settings.database_url)?;
    let mut conn = db::pool::checkout(&pool)?;
    db::migrate::run(&mut conn)?;
    db::departments::ensure_defaults(&mut conn, &settings.weights)?;
    Ok(pool)
}

/// How long `/readyz` waits for the database before answering 503.
pub const READY_TIMEOUT: Duration = Duration::from_secs(2);
