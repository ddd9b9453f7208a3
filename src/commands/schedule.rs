//! `ctopulse schedule set | list | remove | run`.

use super::{cli_actor, open, print_json, CliError};
use crate::app::schedules::{self as app, ScheduleInput, ScheduleUseError};
use crate::cli::ScheduleCommand;
use crate::clock;
use crate::config::Settings;
use crate::db;
use crate::domain::schedule::{format_reminder_days, parse_reminder_days, Schedule};
use crate::startup::load_templates;

impl From<ScheduleUseError> for CliError {
    fn from(e: ScheduleUseError) -> Self {
        match e {
            ScheduleUseError::Db(d) => CliError::Db(d),
            ScheduleUseError::Round(r) => r.into(),
            other => CliError::Usage(other.to_string()),
        }
    }
}

/// Runs one `schedule` command.
pub fn run(cmd: ScheduleCommand, settings: &Settings) -> Result<(), CliError> {
    let templates = load_templates(settings).map_err(|e| CliError::Usage(e.to_string()))?;
    let pool = open(settings)?;
    let mut conn = db::pool::checkout(&pool)?;
    let now = clock::now();
    match cmd {
        ScheduleCommand::Set {
            survey,
            launch_day,
            days_open,
            reminders,
            merges,
            disabled,
        } => {
            let days = parse_reminder_days(&reminders).map_err(ScheduleUseError::from)?;
            let schedule =
                Schedule::new(launch_day, days_open, days).map_err(ScheduleUseError::from)?;
            let input = ScheduleInput {
                survey,
                schedule,
                merges,
                enabled: !disabled,
            };
            app::set(&mut conn, &templates, &input, now, &cli_actor())?;
            print_overview(&mut conn, settings, Some(&input.survey))
        }
        ScheduleCommand::List { json } => {
            if json {
                return print_json(&app::overview(&mut conn, settings, now)?);
            }
            print_overview(&mut conn, settings, None)
        }
        ScheduleCommand::Remove { survey } => {
            app::remove(&mut conn, &survey, now, &cli_actor())?;
            eprintln!("schedule of {survey} removed; its rounds stay as they are");
            Ok(())
        }
        ScheduleCommand::Run => {
            let owner = format!("cli:{}", uuid::Uuid::new_v4());
            let done = app::run_due(&mut conn, &templates, settings, now, &owner)?;
            if done.is_empty() {
                eprintln!("nothing due");
            }
            for o in done {
                eprintln!("{} {} {}: {}", o.survey, o.quarter, o.step, o.outcome);
            }
            Ok(())
        }
    }
}

/// One line per schedule (or only `only`'s), with this quarter's dates and the next step.
fn print_overview(
    conn: &mut db::DbConnection,
    settings: &Settings,
    only: Option<&str>,
) -> Result<(), CliError> {
    let views = app::overview(conn, settings, clock::now())?;
    if views.is_empty() {
        eprintln!("no schedules; set one with `ctopulse schedule set SURVEY --launch-day N`");
    }
    for v in views.iter().filter(|v| only.is_none_or(|o| o == v.survey)) {
        let d = &v.this_quarter;
        let reminders = d
            .reminders
            .iter()
            .map(|(_, on)| on.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        println!(
            "{}: launch day {}, open {} days, reminders on days {}{}{}",
            v.survey,
            v.schedule.launch_day(),
            v.schedule.days_open(),
            if v.schedule.reminder_days().is_empty() {
                "(none)".to_string()
            } else {
                format_reminder_days(v.schedule.reminder_days())
            },
            if v.merges.is_empty() {
                String::new()
            } else {
                format!(", merging {}", v.merges.join(" "))
            },
            if v.enabled { "" } else { " — disabled" }
        );
        println!(
            "  {}: launch {}, reminders {}, last day {}",
            d.quarter,
            d.launch_on,
            if reminders.is_empty() {
                "none".into()
            } else {
                reminders
            },
            d.closes_on
        );
        if let Some(n) = v.next {
            println!("  next: {} of {} at {} UTC", n.step, n.quarter, n.at);
        }
    }
    Ok(())
}
