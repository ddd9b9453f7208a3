//! What each CLI command does. Commands that create something print its id alone on
//! stdout; messages go to stderr.

mod config_cmd;
mod department;
mod health_probe;
mod init;
mod licenses;
mod person;
mod retention;
mod roster;
mod round;
mod schedule;
mod scorecard;
mod server;
mod template;
mod time_split;
mod token;
mod user;

use std::process::ExitCode;

use crate::cli::{Cli, Command};
use crate::config::{ConfigError, FlagOverrides, Settings};
use crate::db::{self, DbError, DbPool};

/// A command failure and the exit code it maps to.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// A bad setting: exit code 2.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// A bad argument or input file: exit code 2.
    #[error("{0}")]
    Usage(String),
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("{0}")]
    Failed(String),
}

impl CliError {
    fn exit_code(&self) -> u8 {
        match self {
            CliError::Config(_) | CliError::Usage(_) => 2,
            CliError::Db(_) | CliError::Failed(_) => 1,
        }
    }
}

/// Runs a parsed command line and returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    match dispatch(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(e.exit_code())
        }
    }
}

fn dispatch(cli: Cli) -> Result<(), CliError> {
    let mut flags = FlagOverrides {
        database_url: cli.global.database_url.clone(),
        ..Default::default()
    };
    match cli.command {
        Command::Serve(args) => {
            flags.bind = args.bind;
            flags.public_url = args.public_url;
            server::serve(load(&cli.global, &flags)?)
        }
        Command::Demo(args) => server::demo(&cli.global, flags, args),
        Command::Init(args) => {
            flags.public_url = args.public_url.clone();
            init::run(args, &load(&cli.global, &flags)?)
        }
        Command::Migrate => {
            let settings = load(&cli.global, &flags)?;
            let pool = db::connect(&settings.database.url)?;
            let mut conn = db::pool::checkout(&pool)?;
            let applied = crate::app::setup::prepare(&mut conn, &settings.weights)?;
            if applied.is_empty() {
                eprintln!("database {} is up to date", settings.database.url.masked());
            } else {
                eprintln!(
                    "applied {} migration(s) to {}: {}",
                    applied.len(),
                    settings.database.url.masked(),
                    applied.join(", ")
                );
            }
            Ok(())
        }
        Command::Config(cmd) => config_cmd::run(cmd, load(&cli.global, &flags)?),
        Command::Department(cmd) => department::run(cmd, &load(&cli.global, &flags)?),
        Command::User(cmd) => user::run(cmd, &load(&cli.global, &flags)?),
        Command::Token(cmd) => token::run(cmd, &load(&cli.global, &flags)?),
        Command::Template(cmd) => template::run(cmd, &load(&cli.global, &flags)?),
        Command::Roster(cmd) => roster::run(cmd, &load(&cli.global, &flags)?),
        Command::Round(cmd) => round::run(cmd, &load(&cli.global, &flags)?),
        Command::Retention(cmd) => retention::run(cmd, &load(&cli.global, &flags)?),
        Command::Send => round::send(&load(&cli.global, &flags)?),
        Command::Hr(cmd) => scorecard::hr(cmd, &load(&cli.global, &flags)?),
        Command::Inflection(cmd) => scorecard::inflection(cmd, &load(&cli.global, &flags)?),
        Command::Commentary(cmd) => scorecard::commentary(cmd, &load(&cli.global, &flags)?),
        Command::Schedule(cmd) => schedule::run(cmd, &load(&cli.global, &flags)?),
        Command::Time(cmd) => time_split::run(cmd, &load(&cli.global, &flags)?),
        Command::Backup { file } => backup(&file, &load(&cli.global, &flags)?),
        Command::Report {
            quarter,
            format,
            lang,
            out,
        } => scorecard::report(quarter, &format, &lang, out, &load(&cli.global, &flags)?),
        Command::Export {
            quarter,
            format,
            out,
        } => scorecard::export(quarter, &format, out, &load(&cli.global, &flags)?),
        Command::Licenses => licenses::print(),
    }
}

fn load(global: &crate::cli::GlobalArgs, flags: &FlagOverrides) -> Result<Settings, CliError> {
    let env = |k: &str| std::env::var(k).ok();
    Ok(Settings::load(global.config.as_deref(), &env, flags)?)
}

/// Opens the database and applies pending migrations (every command that touches data).
fn open(settings: &Settings) -> Result<DbPool, CliError> {
    Ok(crate::startup::prepare_database(settings)?)
}

/// `backup FILE`: SQLite's `VACUUM INTO` writes a consistent, compact copy without stopping
/// the service; PostgreSQL has pg_dump for that.
fn backup(file: &std::path::Path, settings: &Settings) -> Result<(), CliError> {
    if let crate::config::DatabaseUrl::Postgres(_) = settings.database.url {
        return Err(CliError::Usage(
            "for PostgreSQL use pg_dump: `pg_dump --format=custom --file ctopulse.dump \"$CTOPULSE_DATABASE_URL\"`, restore with `pg_restore --dbname URL ctopulse.dump`".into(),
        ));
    }
    if file.exists() {
        return Err(CliError::Usage(format!(
            "{} already exists; choose a new file",
            file.display()
        )));
    }
    let target = file
        .to_str()
        .ok_or_else(|| CliError::Usage("the backup path is not valid UTF-8".into()))?;
    let pool = open(settings)?;
    let mut conn = db::pool::checkout(&pool)?;
    crate::app::setup::backup_sqlite(&mut conn, target)
        .map_err(|e| CliError::Failed(format!("backup to {} failed: {e}", file.display())))?;
    let size = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    eprintln!(
        "backup written to {} ({size} bytes); restore by pointing CTOPULSE_DATABASE_URL at it",
        file.display()
    );
    Ok(())
}

/// Parses a quarter argument.
fn quarter(s: &str) -> Result<crate::domain::quarter::Quarter, CliError> {
    s.parse()
        .map_err(|e: crate::domain::quarter::InvalidQuarter| CliError::Usage(e.to_string()))
}

/// Writes bytes to `out`, or standard output.
fn write_out(out: Option<&std::path::Path>, bytes: &[u8]) -> Result<(), CliError> {
    use std::io::Write;
    match out {
        Some(p) => std::fs::write(p, bytes)
            .map_err(|e| CliError::Failed(format!("cannot write {}: {e}", p.display()))),
        None => std::io::stdout()
            .write_all(bytes)
            .map_err(|e| CliError::Failed(e.to_string())),
    }
}

/// Prints a value as pretty JSON on stdout.
fn print_json<T: serde::Serialize>(value: &T) -> Result<(), CliError> {
    let text = serde_json::to_string_pretty(value).map_err(|e| CliError::Failed(e.to_string()))?;
    println!("{text}");
    Ok(())
}

/// The actor recorded in the audit log for CLI actions.
/// `text` padded to `columns` terminal columns: Hangul takes two columns a character, so
/// padding by characters would push the next column right.
fn pad(text: &str, columns: usize) -> String {
    let width = unicode_width::UnicodeWidthStr::width(text);
    format!("{text}{}", " ".repeat(columns.saturating_sub(width)))
}

fn cli_actor() -> String {
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("LOGNAME"))
        .unwrap_or_else(|_| "unknown".into());
    format!("cli:{user}")
}
