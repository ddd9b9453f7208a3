//! `ctopulse department list | set-weight`.

use super::{cli_actor, open, CliError};
use crate::app::departments::{self, SetWeightError};
use crate::cli::DepartmentCommand;
use crate::config::Settings;
use crate::db;
use crate::domain::department::Department;

/// Runs a `department` subcommand.
pub fn run(cmd: DepartmentCommand, settings: &Settings) -> Result<(), CliError> {
    let pool = open(settings)?;
    let mut conn = db::pool::checkout(&pool)?;
    match cmd {
        DepartmentCommand::List { json } => {
            let rows = departments::list(&mut conn)?;
            if json {
                let text = serde_json::to_string_pretty(&rows)
                    .map_err(|e| CliError::Failed(e.to_string()))?;
                println!("{text}");
            } else {
                let total: f64 = rows.iter().map(|r| r.csat_weight).sum();
                println!(
                    "{:<12} {:<24} {:>8} {:>7}",
                    "KEY", "NAME", "WEIGHT", "SHARE"
                );
                for r in rows {
                    let share = if total > 0.0 {
                        100.0 * r.csat_weight / total
                    } else {
                        0.0
                    };
                    println!(
                        "{:<12} {:<24} {:>8} {:>6.1}%",
                        r.key.key(),
                        r.name,
                        r.csat_weight,
                        share
                    );
                }
            }
            Ok(())
        }
        DepartmentCommand::SetWeight { key, weight } => {
            let dept: Department =
                key.parse()
                    .map_err(|e: crate::domain::department::UnknownDepartment| {
                        CliError::Usage(e.to_string())
                    })?;
            departments::set_weight(&mut conn, crate::clock::now(), dept, weight, &cli_actor())
                .map_err(|e| match e {
                    SetWeightError::Db(db) => CliError::Db(db),
                    other => CliError::Usage(other.to_string()),
                })?;
            eprintln!(
                "{} weight set to {weight}; rounds already launched keep their snapshot",
                dept.key()
            );
            Ok(())
        }
    }
}
