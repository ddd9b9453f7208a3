//! `ctopulse schedule …`: when each survey runs, every quarter.

use clap::Subcommand;

/// `schedule` subcommands.
#[derive(Debug, Subcommand)]
pub enum ScheduleCommand {
    /// Set (or replace) a survey's quarterly schedule: launch, reminders to those who have not
    /// answered, close and seal. `serve` carries it out at `[schedules] send_hour` in the
    /// company's time zone.
    Set {
        /// The survey: internal-csat, engineering-culture or tech-strategy-alignment.
        survey: String,
        /// Day of the quarter to launch on (1 = its first day).
        #[arg(long, value_name = "DAY")]
        launch_day: u16,
        /// Days the round stays open, counting the launch day; it closes and is sealed at the
        /// end of the last (the round must close within the quarter).
        #[arg(long, value_name = "DAYS", default_value_t = 14)]
        days_open: u16,
        /// Days after launch to remind those who have not answered, comma-separated; empty
        /// for none.
        #[arg(long, value_name = "DAYS", default_value = "3,5")]
        reminders: String,
        /// Merge departments into one reporting group in each round, e.g. ceo+bd (repeatable).
        #[arg(long = "merge")]
        merges: Vec<String>,
        /// Keep the schedule but do nothing until enabled again.
        #[arg(long)]
        disabled: bool,
    },
    /// The schedules, this quarter's dates and each one's next step.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Remove a survey's schedule (its rounds stay).
    Remove {
        /// The survey key.
        survey: String,
    },
    /// Take every step due now once and exit (for running from cron instead of `serve`).
    Run,
}
