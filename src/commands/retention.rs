//! `ctopulse retention purge [--dry-run] [--json]`.

use super::{cli_actor, open, print_json, CliError};
use crate::app::retention::{self, Policy};
use crate::cli::RetentionCommand;
use crate::config::Settings;
use crate::db;

/// Runs a `retention` subcommand.
pub fn run(cmd: RetentionCommand, settings: &Settings) -> Result<(), CliError> {
    let RetentionCommand::Purge { dry_run, json } = cmd;
    let pool = open(settings)?;
    let mut conn = db::pool::checkout(&pool)?;
    let policy = Policy {
        keep_quarters: settings.retention.raw_answers_quarters,
        timezone: &settings.timezone,
        fiscal_year_start_month: settings.fiscal_year_start_month,
    };
    let report = retention::purge(
        &mut conn,
        &policy,
        crate::clock::now(),
        dry_run,
        &cli_actor(),
    )?;
    if json {
        print_json(&report)?;
    } else {
        println!(
            "{:<36} {:<7} {:>9} {:>9} {:>9}",
            "ROUND", "QUARTER", "RESPONSES", "ANSWERS", "COMMENTS"
        );
        for r in &report.rounds {
            println!(
                "{:<36} {:<7} {:>9} {:>9} {:>9}",
                r.round_id.to_string(),
                r.quarter.to_string(),
                r.removed.responses,
                r.removed.answers,
                r.removed.comments
            );
        }
    }
    let verb = if dry_run { "would remove" } else { "removed" };
    eprintln!(
        "{verb} the raw answers of {} sealed round(s) of {} and older ({} quarter(s) kept, now {}): {} responses, {} answers, {} comments; tallies kept",
        report.rounds.len(),
        report.newest_purged_quarter,
        report.keep_quarters,
        report.current_quarter,
        report.total.responses,
        report.total.answers,
        report.total.comments
    );
    if !dry_run && !report.rounds.is_empty() {
        if let crate::config::DatabaseUrl::Sqlite(_) = settings.database.url {
            eprintln!("deleted pages were zeroed (secure_delete) and the WAL checkpointed");
        }
    }
    Ok(())
}
