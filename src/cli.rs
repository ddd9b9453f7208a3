//! The command line (`ctopulse --help`).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

mod init;
mod schedule;
mod time;
pub use init::InitArgs;
pub use schedule::ScheduleCommand;
pub use time::{TimeCommand, TimeRuleCommand};

/// ctopulse — how well is the CTO doing? Quarterly surveys of the people the CTO serves,
/// scored as tech strategy alignment, engineering culture and internal CSAT.
#[derive(Debug, Parser)]
#[command(name = "ctopulse", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Settings file (default: ./ctopulse.toml if it exists).
    #[arg(long, global = true, value_name = "FILE", env = "CTOPULSE_CONFIG")]
    pub config: Option<PathBuf>,
    /// Database URL: postgres://…, sqlite://PATH or a file path (overrides CTOPULSE_DATABASE_URL).
    #[arg(long, global = true, value_name = "URL")]
    pub database_url: Option<String>,
}

/// Every command.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the web service (survey pages, dashboard, API) and the outbox worker.
    Serve(ServeArgs),
    /// Start a new install: check the database (and migrate it), create the first admin,
    /// send a test email, check the public URL, and print a checklist with next steps.
    /// Exits non-zero when a check fails.
    ///
    /// The admin's password is read like `user add`'s: asked twice without echo at a
    /// terminal, otherwise the first line of standard input, e.g.
    /// `printf '%s\n' "$PASSWORD" | ctopulse init --email admin@example.com --name "Ada Lovelace"`.
    /// Refused once any admin exists (add staff with `user add`).
    Init(InitArgs),
    /// Apply pending database migrations and exit.
    Migrate,
    /// Run the product on its embedded default: a SQLite file and the file mail transport
    /// (or any database with --database-url; PostgreSQL for companies above 10,000).
    Demo(DemoArgs),
    /// Show or check the effective settings.
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Departments and their CSAT weights.
    #[command(subcommand)]
    Department(DepartmentCommand),
    /// Staff accounts (admin, cto, board).
    #[command(subcommand)]
    User(UserCommand),
    /// API tokens for automation (Bearer on /api/v1).
    #[command(subcommand)]
    Token(TokenCommand),
    /// Survey templates: list, validate, show.
    #[command(subcommand)]
    Template(TemplateCommand),
    /// The roster of employees: import from CSV, list.
    #[command(subcommand)]
    Roster(RosterCommand),
    /// Survey rounds: create, launch, watch, remind, close.
    #[command(subcommand)]
    Round(RoundCommand),
    /// Quarterly schedules: launch, remind and close each survey by itself.
    #[command(subcommand)]
    Schedule(ScheduleCommand),
    /// Retention of raw answers: purge what is older than the setting allows.
    #[command(subcommand)]
    Retention(RetentionCommand),
    /// Send every due email in the outbox once, then exit.
    Send,
    /// HR events behind the lagging indicators (attrition, offer acceptance).
    #[command(subcommand)]
    Hr(HrCommand),
    /// The inflection-point register (measure A).
    #[command(subcommand)]
    Inflection(InflectionCommand),
    /// The CTO's commentary on a quarter, shown on the board report.
    #[command(subcommand)]
    Commentary(CommentaryCommand),
    /// Where the CTO's time goes: calendar import, the split against the article's 70/30.
    #[command(subcommand)]
    Time(TimeCommand),
    /// A consistent copy of the SQLite database while the service runs (PostgreSQL: use pg_dump).
    Backup {
        /// The copy to write (must not exist).
        file: PathBuf,
    },
    /// Render the board report (1600 × 1000) as PNG or SVG, or the board pack as PDF.
    Report {
        /// Quarter, e.g. 2026Q3 (default: the latest with a closed round).
        #[arg(long)]
        quarter: Option<String>,
        /// Format: png (for slides and email), svg (vector, any size) or pdf (the board pack:
        /// the report, then the method, items per group, register, time split and actions).
        #[arg(long, default_value = "png", value_parser = ["png", "svg", "pdf"])]
        format: String,
        /// The report's language: en, ko, nl or de.
        #[arg(long, default_value = "en")]
        lang: String,
        /// Output file (default: standard output).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Export a quarter's scorecard (only what the anonymity guards allow) as CSV or JSON.
    Export {
        /// Quarter, e.g. 2026Q3 (default: the latest with a closed round).
        #[arg(long)]
        quarter: Option<String>,
        /// File format: csv (one row per figure, formula-safe) or json (the API's scorecard).
        #[arg(long, default_value = "csv", value_parser = ["csv", "json"])]
        format: String,
        /// Output file (default: standard output).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Print ctopulse's licence and the third-party notices (every crate and font compiled in).
    Licenses,
}

/// `hr` subcommands.
#[derive(Debug, Subcommand)]
pub enum HrCommand {
    /// Import HR events from CSV (header: date,event,count,regretted,top_talent). Re-importing
    /// the same file changes nothing; nothing is written unless every row is valid.
    Import {
        /// The CSV file.
        file: PathBuf,
    },
}

/// `inflection` subcommands.
#[derive(Debug, Subcommand)]
pub enum InflectionCommand {
    /// Add an inflection point; prints its id.
    Add {
        /// Short title, e.g. "LLM platforms".
        title: String,
        /// Quarter it was first seen.
        #[arg(long)]
        quarter: String,
        /// What it is and why it matters (at most 1000 characters).
        #[arg(long)]
        description: Option<String>,
    },
    /// The CTO's assessment of a point for a quarter: ahead, on_time, late, missed or watching.
    Assess {
        /// The point's id (see `inflection list`).
        id: String,
        /// The quarter, e.g. 2026Q3.
        #[arg(long)]
        quarter: String,
        /// ahead, on_time, watching, late or missed.
        #[arg(long)]
        assessment: String,
        /// Why, in a sentence (at most 1000 characters; a dispute needs one).
        #[arg(long)]
        note: Option<String>,
    },
    /// A board member confirms (or with --dispute, disputes) the assessment for a quarter.
    Confirm {
        /// The point's id (see `inflection list`).
        id: String,
        /// The quarter, e.g. 2026Q3.
        #[arg(long)]
        quarter: String,
        /// Dispute the assessment instead of confirming it (needs --note).
        #[arg(long)]
        dispute: bool,
        /// Why, in a sentence (at most 1000 characters; a dispute needs one).
        #[arg(long)]
        note: Option<String>,
    },
    /// List the register.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
}

/// `commentary` subcommands.
#[derive(Debug, Subcommand)]
pub enum CommentaryCommand {
    /// Set the commentary of a quarter (at most 600 characters; text from the argument or
    /// standard input; empty clears it).
    Set {
        /// The quarter, e.g. 2026Q3.
        #[arg(long)]
        quarter: String,
        /// The commentary (default: read from standard input).
        text: Option<String>,
    },
}

/// `template` subcommands.
#[derive(Debug, Subcommand)]
pub enum TemplateCommand {
    /// List the survey templates in use (shipped, or the configured folder).
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Check template files (default: the templates in use); every error names file, line and key.
    Validate {
        /// Template files to check.
        paths: Vec<PathBuf>,
    },
    /// Show a template as a respondent of a department would read it.
    Show {
        /// Template key, e.g. internal-csat.
        key: String,
        /// Language: en, ko, nl or de.
        #[arg(long, default_value = "en")]
        lang: String,
    },
}

/// `roster` subcommands.
#[derive(Debug, Subcommand)]
pub enum RosterCommand {
    /// Import employees from CSV (header: email,name,department,locale,is_engineer,is_executive,active).
    /// Upserts by email; nothing is written unless every row is valid.
    Import {
        /// The CSV file.
        file: PathBuf,
        /// Deactivate active employees who are missing from the file.
        #[arg(long)]
        deactivate_missing: bool,
        /// Write the valid rows even if some rows are invalid (they are reported).
        #[arg(long)]
        skip_invalid: bool,
    },
    /// List employees.
    List {
        /// Only this department (or board).
        #[arg(long)]
        department: Option<String>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Erase a person's personal data everywhere: roster entry, invitations, emails, audit
    /// details (rewritten to "erased person") and a disabled staff account with the same
    /// email. Anonymous aggregates stay. Prints what was removed.
    Erase {
        /// The person's email.
        email: String,
        /// Also remove unanswered invitations to rounds still open (the group's count at
        /// the seal drops by one).
        #[arg(long)]
        force: bool,
    },
    /// Print everything stored about a person (JSON; --text for people). Never answers:
    /// nothing links them to a person.
    ExportPerson {
        /// The person's email.
        email: String,
        /// Human-readable text instead of JSON.
        #[arg(long)]
        text: bool,
    },
}

/// `retention` subcommands.
#[derive(Debug, Subcommand)]
pub enum RetentionCommand {
    /// Remove the raw answers and comments of sealed rounds older than
    /// retention.raw_answers_quarters (tallies stay); `serve` does this daily.
    Purge {
        /// Count what would be removed, change nothing.
        #[arg(long)]
        dry_run: bool,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
}

/// `round` subcommands.
#[derive(Debug, Subcommand)]
pub enum RoundCommand {
    /// Create a draft round; prints its id alone.
    Create {
        /// Template key: internal-csat, engineering-culture or tech-strategy-alignment.
        #[arg(long)]
        template: String,
        /// Quarter, e.g. 2026Q3.
        #[arg(long)]
        quarter: String,
        /// Last day to answer (YYYY-MM-DD; the round closes at the end of it). Default: 14 days from today.
        #[arg(long)]
        closes: Option<String>,
        /// Anonymity threshold for this round (3–50; default from settings).
        #[arg(long)]
        k: Option<u32>,
        /// Merge departments into one reporting group, e.g. ceo+bd (repeatable).
        #[arg(long = "merge")]
        merges: Vec<String>,
    },
    /// Launch a draft round: snapshot the template and weights, invite the audience.
    Launch {
        /// The round's id, or a unique prefix of at least 8 characters (see `round list`).
        id: String,
    },
    /// Participation: delivered, answered, undeliverable, response rate, overall and per group.
    Status {
        /// The round's id, or a unique prefix of at least 8 characters (see `round list`).
        id: String,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Remind everyone who has not answered and was not reminded within `[reminders]
    /// cooldown_hours` (and re-invite fixed bounced addresses).
    Remind {
        /// The round's id, or a unique prefix of at least 8 characters (see `round list`).
        id: String,
    },
    /// Close a round now and seal it (links deleted, responses shuffled, tallies written).
    Close {
        /// The round's id, or a unique prefix of at least 8 characters (see `round list`).
        id: String,
    },
    /// List rounds.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Write the survey as a respondent sees it to a local HTML file.
    Preview {
        /// The round's id, or a unique prefix of at least 8 characters (see `round list`).
        id: String,
        /// The language to show it in.
        #[arg(long, default_value = "en")]
        lang: String,
        /// Department whose section to show (internal-csat).
        #[arg(long, default_value = "sales")]
        department: String,
        /// Output file (default: preview-<id>-<lang>.html).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Rebuild a closed round's tallies from its answers (after a scoring change).
    Retally {
        /// The round's id, or a unique prefix of at least 8 characters (see `round list`).
        id: String,
    },
    /// Send a sample invitation (marked as a sample, with a preview-only link).
    TestSend {
        /// The round's id, or a unique prefix of at least 8 characters (see `round list`).
        id: String,
        /// The address to send the sample to.
        #[arg(long)]
        to: String,
        /// The language to show it in.
        #[arg(long, default_value = "en")]
        lang: String,
    },
}

impl Command {
    /// Whether this command runs the web server.
    pub fn is_server(&self) -> bool {
        matches!(self, Command::Serve(_) | Command::Demo(_))
    }
}

/// `serve` options.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on (overrides CTOPULSE_BIND).
    #[arg(long, value_name = "ADDR:PORT")]
    pub bind: Option<String>,
    /// URL respondents and staff use to reach the service (overrides CTOPULSE_PUBLIC_URL).
    #[arg(long, value_name = "URL")]
    pub public_url: Option<String>,
}

/// `demo` options.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// SQLite file to create or reuse (ignored when --database-url is given).
    #[arg(long, value_name = "FILE", default_value = "ctopulse-demo.db")]
    pub db: PathBuf,
    /// Address to listen on.
    #[arg(long, value_name = "ADDR:PORT")]
    pub bind: Option<String>,
    /// Seed the demo company (if the file does not hold it yet) and exit without serving.
    #[arg(long)]
    pub seed_only: bool,
    /// Size of the demo company (employees, not counting the board): 60–100,000. Above
    /// 10,000 use PostgreSQL, e.g. `ctopulse demo --database-url postgres://… --employees
    /// 100000` (an empty database; SQLite works but slowly).
    #[arg(long, value_name = "N", default_value_t = crate::demo::DEFAULT_EMPLOYEES)]
    pub employees: usize,
}

/// `config` subcommands.
#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print the effective settings (file < environment < flags), secrets masked.
    Show,
}

/// `department` subcommands.
#[derive(Debug, Subcommand)]
pub enum DepartmentCommand {
    /// List departments and their CSAT weights.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Change a department's CSAT weight (rounds already launched keep their snapshot).
    SetWeight {
        /// Department key: sales, bd, marketing, engineering or ceo.
        key: String,
        /// New weight, 0–1000 (weights are relative; they need not sum to 100).
        weight: f64,
    },
}

/// `user` subcommands. Passwords are read from the terminal without echo, or from standard
/// input when it is not a terminal — never from the command line.
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create a staff account; prints its id.
    ///
    /// The password is read from standard input: at a terminal it is asked twice without
    /// echo; otherwise the first line is the password, e.g.
    /// `printf '%s\n' "$PASSWORD" | ctopulse user add admin@example.com --role admin`.
    /// The first admin of a new install is made this way.
    Add {
        /// The user's email (their sign-in name).
        email: String,
        /// admin, cto or board.
        #[arg(long)]
        role: String,
    },
    /// List staff accounts.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Disable an account and end all its sessions.
    Disable {
        /// The user's email.
        email: String,
    },
    /// Set a new password (read like `user add`) and end all the account's sessions.
    ResetPassword {
        /// The user's email.
        email: String,
    },
}

/// `token` subcommands.
#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create an API token: the token alone on stdout (shown once), its id on stderr.
    Create {
        /// admin, cto or board.
        #[arg(long)]
        role: String,
        /// What the token is for (shown in the audit log).
        #[arg(long)]
        name: String,
        /// api (the JSON API, /api/v1) or scim (roster provisioning, /scim/v2; needs
        /// --role admin).
        #[arg(long, default_value = "api")]
        scope: String,
    },
    /// Revoke an API token by id; it stops working at once.
    Revoke {
        /// The token's id (printed at creation, or by `token list`).
        id: String,
    },
    /// List API tokens (never the tokens themselves).
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
}

#[cfg(test)]
mod tests;
