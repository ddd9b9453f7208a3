//! `ctopulse time …`: where the CTO's time goes, from the calendar.

use std::path::PathBuf;

use clap::Subcommand;

/// `time` subcommands (docs/methodology.md "Time split").
#[derive(Debug, Subcommand)]
pub enum TimeCommand {
    /// Import iCalendar (.ics) exports as one import: every entry starting in the window is
    /// replaced; nothing is written unless every file is valid.
    Import {
        /// The .ics files (Google, Outlook or Apple Calendar exports).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// First day of the window (default: the files' first event, at most six years back).
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: Option<String>,
        /// Day after the window (default: now).
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: Option<String>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// The split per quarter (default: the last eight) against the targets.
    Split {
        /// One quarter, e.g. 2026Q3, with its months.
        #[arg(long)]
        quarter: Option<String>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// A quarter's events: time, category, the rule that chose it, override.
    Events {
        /// The quarter, e.g. 2026Q3.
        #[arg(long)]
        quarter: String,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Set an event's category (sales, marketing, bd, internal_engineering,
    /// internal_executive, not_work, unclassified), or clear the override with `--clear`.
    Override {
        /// The event's key (see `time events`).
        key: String,
        /// The category: sales, marketing, bd, internal_engineering, internal_executive, not_work or unclassified.
        category: Option<String>,
        /// Remove the override: the rules decide again.
        #[arg(long, conflicts_with = "category")]
        clear: bool,
    },
    /// Enter hours by hand for a week without a calendar (replaces that week's hours of the
    /// category; 0 removes them).
    AddHours {
        /// Any day of the week.
        #[arg(long, value_name = "YYYY-MM-DD")]
        week: String,
        /// The category: sales, marketing, bd, internal_engineering, internal_executive, not_work or unclassified.
        #[arg(long)]
        category: String,
        /// Hours in that week (0 removes them).
        #[arg(long)]
        hours: f64,
    },
    /// Classification rules.
    #[command(subcommand)]
    Rule(TimeRuleCommand),
}

/// `time rule` subcommands.
#[derive(Debug, Subcommand)]
pub enum TimeRuleCommand {
    /// The rules, in order.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Add a rule; prints its id. Kinds: calendar_category, domain, keyword.
    Add {
        /// calendar_category, domain or keyword.
        #[arg(long)]
        kind: String,
        /// What it matches: a calendar category, an email domain or a word in the title.
        #[arg(long)]
        pattern: String,
        /// The category it gives: sales, marketing, bd, internal_engineering, internal_executive, not_work or unclassified.
        #[arg(long)]
        category: String,
    },
    /// Remove a rule by id.
    Remove {
        /// The rule's id (see `time rule list`).
        id: String,
    },
}
