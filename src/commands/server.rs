//! `ctopulse serve` and `ctopulse demo`.

use super::{load, CliError};
use crate::cli::{DemoArgs, GlobalArgs};
use crate::config::{FlagOverrides, Settings};
use crate::startup::{Application, Services};
use crate::telemetry;

/// Runs the service until SIGTERM/SIGINT.
pub fn serve(settings: Settings) -> Result<(), CliError> {
    telemetry::init(settings.log_format);
    let services =
        Services::from_settings(settings).map_err(|e| CliError::Failed(e.to_string()))?;
    run_server(services, None)
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
    let services =
        Services::from_settings(settings).map_err(|e| CliError::Failed(e.to_string()))?;
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
    run_server(services, Some(banner))
}

fn run_server(services: Services, banner: Option<String>) -> Result<(), CliError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::Failed(format!("cannot start the async runtime: {e}")))?;
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
