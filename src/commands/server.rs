//! `ctopulse serve` and `ctopulse demo`.

use std::sync::Arc;

use super::{load, CliError};
use crate::cli::{DemoArgs, GlobalArgs};
use crate::clock;
use crate::config::{FlagOverrides, Settings, DEFAULT_COMPANY_NAME, DEFAULT_MAIL_FROM};
use crate::demo::{self, SeedReport, Seeded};
use crate::startup::{Application, Services};
use crate::telemetry;

/// Runs the service until SIGTERM/SIGINT.
pub fn serve(settings: Settings) -> Result<(), CliError> {
    telemetry::init(settings.log_format);
    let runtime = runtime()?;
    let services = prepare(&runtime, settings)?;
    run_server(runtime, services, None)
}

fn runtime() -> Result<tokio::runtime::Runtime, CliError> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::Failed(format!("cannot start the async runtime: {e}")))
}

/// Opens the database and builds the mailer inside the runtime: lettre's SMTP pool spawns
/// its reaper task when it is built, which panics outside a Tokio runtime.
fn prepare(runtime: &tokio::runtime::Runtime, settings: Settings) -> Result<Services, CliError> {
    let _inside = runtime.enter();
    Services::from_settings(settings).map_err(|e| CliError::Failed(e.to_string()))
}

/// Runs the product on its embedded default: a SQLite file and the file mail transport,
/// seeded with the demo company the first time.
pub fn demo(global: &GlobalArgs, mut flags: FlagOverrides, args: DemoArgs) -> Result<(), CliError> {
    if flags.database_url.is_none() {
        flags.database_url = Some(format!("sqlite://{}", args.db.display()));
    }
    flags.mail_transport = Some("file".into());
    flags.bind = args.bind;
    let mut settings = load(global, &flags)?;
    if settings.company_name == DEFAULT_COMPANY_NAME {
        // The demo's people work at Northwind; its emails should say so.
        settings.company_name = demo::company::COMPANY.into();
    }
    if settings.mail.from == DEFAULT_MAIL_FROM {
        // The demo's mail comes from Northwind's people team, so its Message-IDs name
        // Northwind's domain, not localhost.
        settings.mail.from = demo::company::SENDER.into();
    }
    telemetry::init(settings.log_format);
    let runtime = runtime()?;
    let services = prepare(&runtime, settings)?;
    runtime.block_on(async move {
        let settings = &services.settings;
        eprintln!("database: {}", settings.database.url.masked());
        if args.employees > demo::SQLITE_COMFORTABLE_EMPLOYEES
            && matches!(settings.database.url, crate::config::DatabaseUrl::Sqlite(_))
        {
            eprintln!(
                "warning: {} employees on SQLite is slow to seed and to seal; PostgreSQL is recommended above {} (--database-url postgres://…)",
                args.employees,
                demo::SQLITE_COMFORTABLE_EMPLOYEES
            );
        }
        let bar = demo::progress_bar();
        let outcome = demo::seed(
            &services.pool,
            Arc::new(settings.clone()),
            services.mailer.clone(),
            &services.templates,
            clock::now(),
            args.employees,
            &bar,
        )
        .await
        .map_err(|e| CliError::Failed(format!("seeding the demo failed: {e}")))?;
        match &outcome {
            Seeded::Fresh(report) => eprintln!("{}", seed_summary(report, settings)),
            Seeded::AlreadyThere => {
                bar.finish_and_clear();
                eprintln!("the demo company is already in this database; nothing was added");
                eprintln!("(its sign-ins were printed on the first run; reset one with `ctopulse --database-url FILE user reset-password EMAIL`)");
            }
        }
        if args.seed_only {
            return Ok(());
        }
        let banner = format!(
            "ctopulse demo is running at {url}\n  \
             sign in: {url}/login   dashboard (CTO): {url}/dashboard   board: {url}/board   \
             admin: {url}/admin\n  \
             API: {url}/api/v1/openapi.json   health: {url}/healthz\n  \
             survey invitations are .eml files in {mail}: open one and follow its link to \
             answer as that employee\n  stop with Ctrl-C",
            url = settings.server.public_url,
            mail = settings.mail.dir.display()
        );
        serve_until_stopped(services, Some(banner)).await
    })
}

/// What a fresh seed wrote, for the terminal.
fn seed_summary(r: &SeedReport, settings: &Settings) -> String {
    let mut lines = vec![
        format!(
            "seeded {} employees and {} board members in {:.1} s",
            r.employees,
            r.board_members,
            r.elapsed.as_secs_f64()
        ),
        format!(
            "  {} sealed rounds over {}–{} with {} answers",
            r.sealed_rounds,
            r.quarters.first().map(String::as_str).unwrap_or(""),
            r.quarters.last().map(String::as_str).unwrap_or(""),
            r.historical_answers
        ),
        format!(
            "  {} internal-CSAT round {} is open: {} invited, {} emailed to {}, {} answered",
            r.current.quarter,
            r.current.round_id,
            r.current.invited,
            r.current.emailed,
            settings.mail.dir.display(),
            r.current.answered
        ),
    ];
    if !r.sign_ins.is_empty() {
        lines.push("demo sign-ins (shown only now; change one with `ctopulse --database-url FILE user reset-password EMAIL`):".into());
        lines.extend(r.sign_ins.iter().map(|l| format!("  {l}")));
    }
    lines.join("\n")
}

fn run_server(
    runtime: tokio::runtime::Runtime,
    services: Services,
    banner: Option<String>,
) -> Result<(), CliError> {
    runtime.block_on(serve_until_stopped(services, banner))
}

async fn serve_until_stopped(services: Services, banner: Option<String>) -> Result<(), CliError> {
    let bind = services.settings.server.bind;
    let app = Application::build_with(services).map_err(|e| CliError::Failed(e.to_string()))?;
    match banner {
        Some(b) => eprintln!("{b}"),
        None => tracing::info!(%bind, port = app.port(), "ctopulse is listening"),
    }
    app.run_until_stopped()
        .await
        .map_err(|e| CliError::Failed(format!("server stopped: {e}")))
}
