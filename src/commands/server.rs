//! `ctopulse serve` and `ctopulse demo`.

use super::{load, CliError};
use crate::cli::{DemoArgs, GlobalArgs};
use crate::config::{FlagOverrides, Settings};
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

/// Runs the product on its embedded default: a SQLite file and the file mail transport.
pub fn demo(global: &GlobalArgs, mut flags: FlagOverrides, args: DemoArgs) -> Result<(), CliError> {
    if flags.database_url.is_none() {
        flags.database_url = Some(format!("sqlite://{}", args.db.display()));
    }
    flags.mail_transport = Some("file".into());
    flags.bind = args.bind;
    let settings = load(global, &flags)?;
    telemetry::init(settings.log_format);
    let runtime = runtime()?;
    let services = prepare(&runtime, settings)?;
    let settings = &services.settings;
    eprintln!("database: {}", settings.database_url.masked());
    if args.seed_only {
        eprintln!("demo database ready");
        return Ok(());
    }
    let banner = format!(
        "ctopulse demo is running at {url}\n  health: {url}/healthz   readiness: {url}/readyz\n  mail is written to {mail}\n  stop with Ctrl-C",
        url = settings.public_url,
        mail = settings.mail.dir.display()
    );
    run_server(runtime, services, Some(banner))
}

fn run_server(
    runtime: tokio::runtime::Runtime,
    services: Services,
    banner: Option<String>,
) -> Result<(), CliError> {
    runtime.block_on(async move {
        let bind = services.settings.bind;
        let app = Application::build_with(services).map_err(|e| CliError::Failed(e.to_string()))?;
        match banner {
            Some(b) => eprintln!("{b}"),
            None => tracing::info!(%bind, port = app.port(), "ctopulse is listening"),
        }
        app.run_until_stopped()
            .await
            .map_err(|e| CliError::Failed(format!("server stopped: {e}")))
    })
}
