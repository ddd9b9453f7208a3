//! `Application::build(settings)` binds the listener and returns the server; `main` and the
//! tests both use it (tests bind port 0 and bring their own mailer).

use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

use actix_web::dev::Server;
use actix_web::{App, HttpServer};
use tokio::sync::watch;

use crate::clock;
use crate::config::Settings;
use crate::db::{self, DbError, DbPool};
use crate::domain::template::{self, TemplateSet};
use crate::mail::outbox::OutboxWorker;
use crate::mail::{Mailer, MailerError};
use crate::web;
pub use crate::web::state::AppState;

/// Why the service could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("cannot listen on {addr}: {reason}")]
    Bind { addr: String, reason: String },
    #[error(transparent)]
    Mail(#[from] MailerError),
    #[error("survey templates: {0}")]
    Templates(String),
}

/// Everything the service is built from.
pub struct Services {
    pub settings: Settings,
    pub pool: DbPool,
    pub mailer: Mailer,
    pub templates: TemplateSet,
    /// Run the outbox worker and the auto-closer (tests drive them by hand instead).
    pub background: bool,
}

impl Services {
    /// Prepares the database, templates and mailer the settings name.
    pub fn from_settings(settings: Settings) -> Result<Services, StartupError> {
        let templates = load_templates(&settings)?;
        let pool = prepare_database(&settings)?;
        let mailer = Mailer::from_settings(&settings.mail)?;
        Ok(Services {
            settings,
            pool,
            mailer,
            templates,
            background: true,
        })
    }
}

/// The application every worker serves: state, middleware and the one route table. Public
/// so in-process benchmarks drive exactly what the server runs.
pub fn app(
    data: actix_web::web::Data<AppState>,
) -> App<
    impl actix_web::dev::ServiceFactory<
        actix_web::dev::ServiceRequest,
        Config = (),
        Response = actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    App::new()
        .app_data(data)
        .wrap(actix_web::middleware::from_fn(
            web::auth::csrf_capture::capture,
        ))
        .wrap(actix_web::middleware::from_fn(web::middleware::refuse_nul))
        .app_data(actix_web::web::PayloadConfig::new(
            web::survey::MAX_FORM_BYTES,
        ))
        .wrap(actix_web::middleware::from_fn(
            web::middleware::api_json_errors,
        ))
        .wrap(actix_web::middleware::from_fn(
            web::middleware::scim_json_errors,
        ))
        .wrap(actix_web::middleware::from_fn(web::middleware::html_errors))
        // Outside the error rewriters, which build fresh responses: every answer,
        // error or not, leaves with the security headers.
        .wrap(actix_web::middleware::from_fn(web::middleware::hsts))
        .wrap(web::middleware::security_headers())
        .wrap(actix_web::middleware::from_fn(web::middleware::access_log))
        .configure(web::routes)
}

/// A bound, not yet running, service.
pub struct Application {
    port: u16,
    server: Server,
    state: AppState,
    background: bool,
}

impl Application {
    /// Connects to the database, applies migrations, seeds departments and binds the listener.
    pub fn build(settings: Settings) -> Result<Application, StartupError> {
        Self::build_with(Services::from_settings(settings)?)
    }

    /// Binds the listener over prepared services.
    pub fn build_with(services: Services) -> Result<Application, StartupError> {
        let settings = services.settings;
        let listener = TcpListener::bind(settings.server.bind).map_err(|e| StartupError::Bind {
            addr: settings.server.bind.to_string(),
            reason: e.to_string(),
        })?;
        let port = listener.local_addr().map(|a| a.port()).unwrap_or(0);
        let grace = settings.server.shutdown_grace_seconds;
        let state = AppState::new(
            services.pool,
            Arc::new(settings),
            Arc::new(services.templates),
            services.mailer,
        );
        let data = actix_web::web::Data::new(state.clone());
        // Database work runs on each worker's blocking threads (`web::block`). Left at
        // actix's default (256 per worker here), 32 respondents kept ~32 threads waking and
        // queueing for a few SQLite connections, and the kernel's scheduling and futex wake-ups
        // were a third of the server's CPU time; as many threads as connections suffice.
        let workers = std::thread::available_parallelism().map_or(1, usize::from);
        let blocking = (state.pool.max_size() as usize).div_ceil(workers).max(2);
        let server = HttpServer::new(move || app(data.clone()))
            .workers(workers)
            .worker_max_blocking_threads(blocking)
            .shutdown_timeout(grace)
            .listen(listener)
            .map_err(|e| StartupError::Bind {
                addr: format!("port {port}"),
                reason: e.to_string(),
            })?
            .run();
        Ok(Application {
            port,
            server,
            state,
            background: services.background,
        })
    }

    /// The port actually bound (useful when binding port 0).
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The shared state (tests reach the mailer and pool through it).
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Runs until SIGTERM/SIGINT: in-flight requests get the configured grace period, the
    /// outbox worker stops claiming and releases its claims.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let (stop_tx, stop_rx) = watch::channel(false);
        let mut tasks = Vec::new();
        if self.background {
            let worker = OutboxWorker::new(
                self.state.pool.clone(),
                self.state.mailer.clone(),
                self.state.settings.clone(),
            )
            .with_recaps(crate::app::actions::recap::outbox_source(
                &self.state.settings,
                self.state.recaps.clone(),
            ));
            tasks.push(tokio::spawn(worker.run(stop_rx.clone())));
            // Its first pass, at once, also finishes a post-seal scrub a stop cut short.
            tasks.push(tokio::spawn(auto_close(
                self.state.pool.clone(),
                crate::app::rounds::SealOptions {
                    driver_min_respondents: self.state.settings.drivers.min_respondents,
                },
                self.state.recent_links.clone(),
                stop_rx.clone(),
            )));
            tasks.push(tokio::spawn(scheduler(
                self.state.pool.clone(),
                self.state.settings.clone(),
                self.state.templates.clone(),
                stop_rx.clone(),
            )));
            tasks.push(tokio::spawn(retention_daily(
                self.state.pool.clone(),
                self.state.settings.clone(),
                stop_rx.clone(),
            )));
            tasks.push(tokio::spawn(hourly_counts(
                self.state.pool.clone(),
                self.state.hourly_counts.clone(),
                stop_rx.clone(),
            )));
            // Stop background work as soon as a signal arrives, not after HTTP has drained.
            let tx = stop_tx.clone();
            tokio::spawn(async move {
                shutdown_signal().await;
                let _ = tx.send(true);
            });
        }
        let grace = Duration::from_secs(self.state.settings.server.shutdown_grace_seconds);
        let result = self.server.await;
        let _ = stop_tx.send(true);
        for t in tasks {
            let _ = tokio::time::timeout(grace, t).await;
        }
        result
    }
}

async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = term.recv() => {}
                _ = tokio::signal::ctrl_c() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

/// Closes and seals every open round whose close time has passed, every 30 seconds.
async fn auto_close(
    pool: DbPool,
    options: crate::app::rounds::SealOptions,
    recent_links: Arc<web::survey::recent::RecentLinks>,
    mut stop: watch::Receiver<bool>,
) {
    loop {
        let p = pool.clone();
        match tokio::task::spawn_blocking(move || close_due_rounds(&p, clock::now(), options)).await
        {
            Ok(Ok(ids)) => {
                for id in ids {
                    recent_links.forget_round(id);
                    tracing::info!(round = %id, "round closed at the end of its close date and sealed");
                }
            }
            Ok(Err(e)) => tracing::warn!(error = %e, "auto-close pass failed"),
            Err(e) => tracing::warn!(error = %e, "auto-close task failed"),
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(30)) => {}
            _ = stop.changed() => {}
        }
        if *stop.borrow() {
            return;
        }
    }
}

/// Takes the schedules' due steps (launches, reminders) once a minute. Every instance runs
/// it; each step is claimed in the database, so it happens once (`app::schedules`).
async fn scheduler(
    pool: DbPool,
    settings: Arc<Settings>,
    templates: Arc<crate::domain::template::TemplateSet>,
    mut stop: watch::Receiver<bool>,
) {
    let owner = format!("instance:{}", uuid::Uuid::new_v4());
    loop {
        let (p, s, t, o) = (
            pool.clone(),
            settings.clone(),
            templates.clone(),
            owner.clone(),
        );
        let pass = tokio::task::spawn_blocking(move || {
            let mut conn = crate::db::pool::checkout(&p)?;
            crate::app::schedules::run_due(&mut conn, &t, &s, clock::now(), &o)
        })
        .await;
        match pass {
            Ok(Ok(done)) => {
                for d in done {
                    tracing::info!(survey = %d.survey, quarter = %d.quarter, step = %d.step, outcome = %d.outcome, "scheduled step taken");
                }
            }
            Ok(Err(e)) => tracing::warn!(error = %e, "scheduler pass failed; will retry"),
            Err(e) => tracing::warn!(error = %e, "scheduler task failed"),
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(60)) => {}
            _ = stop.changed() => {}
        }
        if *stop.borrow() {
            return;
        }
    }
}

/// Purges the raw answers retention says are due (`app::retention`) at start and then once
/// a day, like the auto-closer: a blocking pass, then a sleep that a stop cuts short. Several
/// instances may each run it; a round already purged is skipped.
async fn retention_daily(pool: DbPool, settings: Arc<Settings>, mut stop: watch::Receiver<bool>) {
    loop {
        let (p, s) = (pool.clone(), settings.clone());
        let pass = tokio::task::spawn_blocking(move || purge_due(&p, &s, clock::now())).await;
        match pass {
            Ok(Ok(report)) if !report.rounds.is_empty() => tracing::info!(
                rounds = report.rounds.len(),
                responses = report.total.responses,
                answers = report.total.answers,
                comments = report.total.comments,
                kept_quarters = report.keep_quarters,
                "retention purge: raw answers of old sealed rounds removed, tallies kept"
            ),
            Ok(Ok(_)) => tracing::debug!("retention purge: nothing due"),
            Ok(Err(e)) => tracing::warn!(error = %e, "retention purge failed; will retry tomorrow"),
            Err(e) => tracing::warn!(error = %e, "retention purge task failed"),
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(24 * 60 * 60)) => {}
            _ = stop.changed() => {}
        }
        if *stop.borrow() {
            return;
        }
    }
}

/// Takes the open rounds' participation for the CTO and the board within seconds of each
/// full hour (see `app::participation`).
async fn hourly_counts(
    pool: DbPool,
    counts: Arc<crate::app::participation::HourlyCounts>,
    mut stop: watch::Receiver<bool>,
) {
    counts.skip_current_hour(clock::now());
    loop {
        let (p, c) = (pool.clone(), counts.clone());
        let pass = tokio::task::spawn_blocking(move || {
            let now = clock::now();
            if !c.is_due(now) {
                return Ok(false);
            }
            let mut conn = db::pool::checkout(&p)?;
            c.take_if_due(&mut conn, now)
        });
        match pass.await {
            Ok(Ok(_)) => {}
            Ok(Err(e)) => tracing::warn!(error = %e, "hourly participation counts not taken"),
            Err(e) => tracing::warn!(error = %e, "hourly participation task failed"),
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(5)) => {}
            _ = stop.changed() => {}
        }
        if *stop.borrow() {
            return;
        }
    }
}

/// One retention pass at `now` with the settings' policy.
pub fn purge_due(
    pool: &DbPool,
    settings: &Settings,
    now: time::PrimitiveDateTime,
) -> Result<crate::app::retention::PurgeReport, DbError> {
    let mut conn = db::pool::checkout(pool)?;
    let policy = crate::app::retention::Policy {
        keep_quarters: settings.retention.raw_answers_quarters,
        timezone: &settings.timezone,
        fiscal_year_start_month: settings.fiscal_year_start_month,
    };
    let actor = crate::app::retention::DAILY_ACTOR;
    crate::app::retention::purge(&mut conn, &policy, now, false, actor)
}

/// One auto-close pass: seals every open round whose close time is at or before `now`, and
/// prunes old failed-attempt records. Returns the ids sealed.
pub fn close_due_rounds(
    pool: &DbPool,
    now: time::PrimitiveDateTime,
    options: crate::app::rounds::SealOptions,
) -> Result<Vec<crate::domain::ids::RoundId>, crate::app::rounds::RoundError> {
    let mut conn = db::pool::checkout(pool)?;
    let closed = crate::app::rounds::close_due(&mut conn, now, options)?;
    crate::app::setup::prune_attempts(&mut conn, now)?;
    Ok(closed)
}

/// Opens the database, applies pending migrations and makes sure departments exist.
pub fn prepare_database(settings: &Settings) -> Result<DbPool, DbError> {
    let pool = db::connect(&settings.database.url)?;
    let mut conn = db::pool::checkout(&pool)?;
    crate::app::setup::prepare(&mut conn, &settings.weights)?;
    Ok(pool)
}

/// The survey templates: the folder the settings name, or the shipped ones.
pub fn load_templates(settings: &Settings) -> Result<TemplateSet, StartupError> {
    match &settings.templates_dir {
        Some(dir) => template::load_dir(dir).map_err(|e| StartupError::Templates(e.to_string())),
        None => TemplateSet::shipped().map_err(|e| StartupError::Templates(e.to_string())),
    }
}
