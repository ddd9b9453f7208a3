//! `ctopulse token create | revoke | list`.

use super::{cli_actor, open, CliError};
use crate::auth::Role;
use crate::cli::TokenCommand;
use crate::clock;
use crate::config::Settings;
use crate::db::{self, api_tokens::TokenError};
use crate::tokens;

/// Most characters in a token's name.
const MAX_NAME_CHARS: usize = 100;

/// Runs a `token` subcommand.
pub fn run(cmd: TokenCommand, settings: &Settings) -> Result<(), CliError> {
    match cmd {
        TokenCommand::Create { role, name } => {
            let role: Role = role
                .parse()
                .map_err(|e: crate::auth::roles::UnknownRole| CliError::Usage(e.to_string()))?;
            let name = name.trim();
            if name.is_empty()
                || name.chars().count() > MAX_NAME_CHARS
                || name.chars().any(char::is_control)
            {
                return Err(CliError::Usage(format!(
                    "the token name must be 1–{MAX_NAME_CHARS} printable characters"
                )));
            }
            let pool = open(settings)?;
            let mut conn = db::pool::checkout(&pool)?;
            let token = tokens::new_token();
            let id = db::api_tokens::create(
                &mut conn,
                name,
                role,
                &tokens::hash(&token),
                &cli_actor(),
                clock::now(),
            )?;
            eprintln!("created {role} API token {id} ({name}); it is shown once, store it now");
            println!("{token}");
            Ok(())
        }
        TokenCommand::Revoke { id } => {
            let pool = open(settings)?;
            let mut conn = db::pool::checkout(&pool)?;
            db::api_tokens::revoke(&mut conn, id.trim(), &cli_actor(), clock::now()).map_err(
                |e| match e {
                    TokenError::Db(db) => CliError::Db(db),
                    other => CliError::Usage(other.to_string()),
                },
            )?;
            eprintln!("revoked API token {id}");
            Ok(())
        }
        TokenCommand::List { json } => {
            let pool = open(settings)?;
            let mut conn = db::pool::checkout(&pool)?;
            let rows = db::api_tokens::list(&mut conn)?;
            if json {
                #[derive(serde::Serialize)]
                struct Row<'a> {
                    #[serde(flatten)]
                    token: &'a db::api_tokens::ApiToken,
                    revoked: bool,
                }
                let rows: Vec<Row> = rows
                    .iter()
                    .map(|t| Row {
                        token: t,
                        revoked: t.revoked_at.is_some(),
                    })
                    .collect();
                let text = serde_json::to_string_pretty(&rows)
                    .map_err(|e| CliError::Failed(e.to_string()))?;
                println!("{text}");
            } else {
                println!("{:<36} {:<6} {:<8} NAME", "ID", "ROLE", "STATUS");
                for t in rows {
                    let status = if t.revoked_at.is_some() {
                        "revoked"
                    } else {
                        "active"
                    };
                    println!("{:<36} {:<6} {:<8} {}", t.id, t.role, status, t.name);
                }
            }
            Ok(())
        }
    }
}
