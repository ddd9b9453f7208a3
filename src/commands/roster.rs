//! `ctopulse roster import | list` (`erase` and `export-person`: `commands::person`).

use indicatif::{ProgressBar, ProgressStyle};

use super::{cli_actor, open, pad, print_json, CliError};
use crate::app;
use crate::cli::RosterCommand;
use crate::config::Settings;
use crate::db;
use crate::domain::department::Membership;
use crate::domain::roster;

/// Runs a `roster` subcommand.
pub fn run(cmd: RosterCommand, settings: &Settings) -> Result<(), CliError> {
    match cmd {
        RosterCommand::Import {
            file,
            deactivate_missing,
            skip_invalid,
        } => {
            let bytes = std::fs::read(&file)
                .map_err(|e| CliError::Usage(format!("cannot read {}: {e}", file.display())))?;
            let parsed = roster::parse(&bytes)
                .map_err(|e| CliError::Usage(format!("{}: {e}", file.display())))?;
            for err in &parsed.errors {
                eprintln!("{}:{err}", file.display());
            }
            if !parsed.errors.is_empty() && !skip_invalid {
                return Err(CliError::Usage(format!(
                    "{} invalid row(s) in {}; nothing was written (fix them, or pass --skip-invalid to import the {} valid rows)",
                    parsed.errors.len(),
                    file.display(),
                    parsed.entries.len()
                )));
            }
            let pool = open(settings)?;
            let mut conn = db::pool::checkout(&pool)?;
            let bar = ProgressBar::new(parsed.entries.len() as u64);
            if parsed.entries.len() < 500 {
                bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
            }
            bar.set_style(
                ProgressStyle::with_template("importing {bar:40} {pos}/{len}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            let report = app::roster::import(
                &mut conn,
                &parsed.entries,
                deactivate_missing,
                &cli_actor(),
                crate::clock::now(),
                &|n| bar.set_position(n),
            )?;
            bar.finish_and_clear();
            eprintln!(
                "{} added, {} updated, {} unchanged{}{}",
                report.added,
                report.updated,
                report.unchanged,
                if report.reactivated > 0 {
                    format!(" ({} reactivated)", report.reactivated)
                } else {
                    String::new()
                },
                if parsed.errors.is_empty() {
                    String::new()
                } else {
                    format!(", {} invalid row(s) skipped", parsed.errors.len())
                }
            );
            if !report.missing.is_empty() {
                let verb = if deactivate_missing {
                    "deactivated"
                } else {
                    "still active (pass --deactivate-missing to deactivate)"
                };
                eprintln!(
                    "{} active employee(s) missing from the file, {verb}:",
                    report.missing.len()
                );
                for (email, name) in &report.missing {
                    eprintln!("  {email} ({name})");
                }
            }
            Ok(())
        }
        RosterCommand::Erase { email, force } => super::person::erase(&email, force, settings),
        RosterCommand::ExportPerson { email, text } => {
            super::person::export(&email, text, settings)
        }
        RosterCommand::List { department, json } => {
            // Checked before the database is opened, so a typo costs nothing.
            let department = department
                .as_deref()
                .map(str::parse::<Membership>)
                .transpose()
                .map_err(|e| CliError::Usage(e.to_string()))?;
            let pool = open(settings)?;
            let mut conn = db::pool::checkout(&pool)?;
            let rows = app::roster::list(&mut conn, department)?;
            if json {
                return print_json(&rows);
            }
            println!(
                "{} {} {:<12} {:<3} {:<3} {:<3} ACTIVE",
                pad("EMAIL", 36),
                pad("NAME", 28),
                "DEPARTMENT",
                "LOC",
                "ENG",
                "EXE"
            );
            for e in &rows {
                let yn = |b: bool| if b { "yes" } else { "no" };
                println!(
                    "{} {} {:<12} {:<3} {:<3} {:<3} {}",
                    pad(&e.email, 36),
                    pad(&e.name, 28),
                    e.department,
                    e.locale,
                    yn(e.is_engineer),
                    yn(e.is_executive),
                    yn(e.active)
                );
            }
            eprintln!("{} employee(s)", rows.len());
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::pad;

    #[test]
    fn hangul_names_take_two_columns_a_character() {
        // "김민준" is 3 characters and 6 columns: 22 spaces make 28 columns.
        assert_eq!(pad("김민준", 28), format!("김민준{}", " ".repeat(22)));
        assert_eq!(pad("Ann", 5), "Ann  ");
        assert_eq!(pad("a very long name", 4), "a very long name");
    }
}
