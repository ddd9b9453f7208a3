//! `ctopulse user add | list | disable | reset-password`.

use std::io::{BufRead, IsTerminal};

use super::{cli_actor, open, CliError};
use crate::app::accounts::{self, AdminGuard, UserError};
use crate::auth::{password, Role};
use crate::cli::UserCommand;
use crate::clock;
use crate::config::Settings;
use crate::db;
use crate::domain::email::Email;

/// Runs a `user` subcommand.
pub fn run(cmd: UserCommand, settings: &Settings) -> Result<(), CliError> {
    match cmd {
        UserCommand::Add { email, role } => {
            let email = parse_email(&email)?;
            let role: Role = role
                .parse()
                .map_err(|e: crate::auth::roles::UnknownRole| CliError::Usage(e.to_string()))?;
            let hash = new_password_hash("ctopulse user add EMAIL --role ROLE")?;
            let pool = open(settings)?;
            let mut conn = db::pool::checkout(&pool)?;
            let id =
                accounts::create_user(&mut conn, &email, role, &hash, &cli_actor(), clock::now())
                    .map_err(user_error)?;
            eprintln!("created {role} account {}", email.as_str());
            println!("{id}");
            Ok(())
        }
        UserCommand::List { json } => {
            let pool = open(settings)?;
            let mut conn = db::pool::checkout(&pool)?;
            let rows = accounts::list_users(&mut conn)?;
            if json {
                let text = serde_json::to_string_pretty(&rows)
                    .map_err(|e| CliError::Failed(e.to_string()))?;
                println!("{text}");
            } else {
                let widest = rows
                    .iter()
                    .filter_map(|u| u.name.as_deref())
                    .map(unicode_width::UnicodeWidthStr::width)
                    .fold(4, usize::max);
                println!(
                    "{:<36} {:<6} {:<9} {} EMAIL",
                    "ID",
                    "ROLE",
                    "STATUS",
                    super::pad("NAME", widest)
                );
                for u in rows {
                    let status = if u.disabled { "disabled" } else { "active" };
                    let name = super::pad(u.name.as_deref().unwrap_or("-"), widest);
                    println!(
                        "{:<36} {:<6} {:<9} {name} {}",
                        u.id, u.role, status, u.email
                    );
                }
            }
            Ok(())
        }
        UserCommand::Disable { email } => {
            let email = parse_email(&email)?;
            let pool = open(settings)?;
            let mut conn = db::pool::checkout(&pool)?;
            let ended = accounts::disable_user(
                &mut conn,
                clock::now(),
                &email,
                &cli_actor(),
                AdminGuard::Off,
            )
            .map_err(user_error)?;
            eprintln!("disabled {}; {ended} session(s) ended", email.as_str());
            Ok(())
        }
        UserCommand::ResetPassword { email } => {
            let email = parse_email(&email)?;
            let pool = open(settings)?;
            let mut conn = db::pool::checkout(&pool)?;
            if accounts::user_by_email(&mut conn, &email)?.is_none() {
                return Err(CliError::Usage(format!(
                    "no user with email {}",
                    email.as_str()
                )));
            }
            let hash = new_password_hash("ctopulse user reset-password EMAIL")?;
            let ended =
                accounts::set_password(&mut conn, clock::now(), &email, &hash, &cli_actor())
                    .map_err(user_error)?;
            eprintln!(
                "password of {} changed; {ended} session(s) ended",
                email.as_str()
            );
            Ok(())
        }
    }
}

fn parse_email(s: &str) -> Result<Email, CliError> {
    Email::parse(s).map_err(|e| CliError::Usage(e.to_string()))
}

fn user_error(e: UserError) -> CliError {
    match e {
        UserError::Db(db) => CliError::Db(db),
        other => CliError::Usage(other.to_string()),
    }
}

/// Reads a new password (terminal without echo, asked twice; or the first line of standard
/// input), checks the rules and hashes it. `command` is the command line shown in the hint
/// when standard input holds nothing.
pub(super) fn new_password_hash(command: &str) -> Result<String, CliError> {
    let password = read_new_password(command)?;
    password::check_new(&password).map_err(|e| CliError::Usage(e.to_string()))?;
    password::hash(&password).map_err(|e| CliError::Failed(e.to_string()))
}

fn read_new_password(command: &str) -> Result<String, CliError> {
    let io = |e: std::io::Error| CliError::Failed(format!("cannot read the password: {e}"));
    if std::io::stdin().is_terminal() {
        let first =
            rpassword::prompt_password("New password (at least 12 characters): ").map_err(io)?;
        let second = rpassword::prompt_password("Repeat the password: ").map_err(io)?;
        if first != second {
            return Err(CliError::Usage("the two passwords differ".into()));
        }
        Ok(first)
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line).map_err(io)?;
        let password = line.trim_end_matches(['\r', '\n']).to_string();
        if password.is_empty() {
            return Err(CliError::Usage(format!(
                "no password on standard input: pipe it in, e.g. printf '%s\\n' \"$PASSWORD\" | {command}"
            )));
        }
        Ok(password)
    }
}
