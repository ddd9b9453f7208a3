//! `ctopulse token create | revoke | list`.

use super::{cli_actor, open, CliError};
use crate::app::accounts::{self, NewToken, TokenError};
use crate::auth::roles::TokenScope;
use crate::auth::Role;
use crate::cli::TokenCommand;
use crate::clock;
use crate::config::Settings;
use crate::db;

/// Runs a `token` subcommand.
pub fn run(cmd: TokenCommand, settings: &Settings) -> Result<(), CliError> {
    match cmd {
        TokenCommand::Create { role, name, scope } => {
            let role: Role = role
                .parse()
                .map_err(|e: crate::auth::roles::UnknownRole| CliError::Usage(e.to_string()))?;
            let scope: TokenScope = scope
                .parse()
                .map_err(|e: crate::auth::roles::UnknownScope| CliError::Usage(e.to_string()))?;
            if scope == TokenScope::Scim && role != Role::Admin {
                return Err(token_error(TokenError::ScimNeedsAdmin));
            }
            // Checked before the database is opened, so a typo costs nothing.
            let name = accounts::token_name(&name).map_err(token_error)?;
            let pool = open(settings)?;
            let mut conn = db::pool::checkout(&pool)?;
            let NewToken { id, token } = accounts::create_scoped_token(
                &mut conn,
                name,
                role,
                scope,
                &cli_actor(),
                clock::now(),
            )
            .map_err(token_error)?;
            eprintln!("created {role} {scope} token {id} ({name}); it is shown once, store it now");
            println!("{token}");
            Ok(())
        }
        TokenCommand::Revoke { id } => {
            let pool = open(settings)?;
            let mut conn = db::pool::checkout(&pool)?;
            accounts::revoke_token(&mut conn, id.trim(), &cli_actor(), clock::now())
                .map_err(token_error)?;
            eprintln!("revoked API token {id}");
            Ok(())
        }
        TokenCommand::List { json } => {
            let pool = open(settings)?;
            let mut conn = db::pool::checkout(&pool)?;
            let rows = accounts::list_tokens(&mut conn)?;
            if json {
                #[derive(serde::Serialize)]
                struct Row<'a> {
                    #[serde(flatten)]
                    token: &'a accounts::ApiToken,
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
                println!(
                    "{:<36} {:<6} {:<5} {:<8} NAME",
                    "ID", "ROLE", "SCOPE", "STATUS"
                );
                for t in rows {
                    let status = if t.revoked_at.is_some() {
                        "revoked"
                    } else {
                        "active"
                    };
                    println!(
                        "{:<36} {:<6} {:<5} {:<8} {}",
                        t.id, t.role, t.scope, status, t.name
                    );
                }
            }
            Ok(())
        }
    }
}

fn token_error(e: TokenError) -> CliError {
    match e {
        TokenError::Db(db) => CliError::Db(db),
        other => CliError::Usage(other.to_string()),
    }
}
