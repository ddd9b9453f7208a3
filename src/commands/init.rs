//! `ctopulse init`: a new install, checked step by step — the database answers and is
//! migrated, the first admin exists, a test email goes out, the public URL is sound — and a
//! checklist of what passed and what to fix.

use std::fmt::Write as _;
use std::time::Duration;

use super::health_probe::{self, Probe};
use super::{cli_actor, user, CliError};
use crate::app::first_admin::{self, FirstAdminError};
use crate::cli::InitArgs;
use crate::clock;
use crate::config::{DatabaseUrl, MailTransport, Settings};
use crate::db;
use crate::domain::email::Email;
use crate::domain::public_url;
use crate::mail::{setup_check, Mailer};

/// How long the public URL's health endpoint may take, per step.
const PROBE_TIMEOUT: Duration = Duration::from_secs(3);

/// One line of the checklist.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
    Passed,
    Failed { fix: String },
    Skipped,
}

/// What `init` found, in order.
#[derive(Debug, Default)]
struct Checklist {
    lines: Vec<(String, String, Outcome)>,
}

impl Checklist {
    fn passed(&mut self, what: &str, detail: String) {
        self.lines.push((what.into(), detail, Outcome::Passed));
    }
    fn failed(&mut self, what: &str, detail: String, fix: String) {
        self.lines
            .push((what.into(), detail, Outcome::Failed { fix }));
    }
    fn skipped(&mut self, what: &str, detail: String) {
        self.lines.push((what.into(), detail, Outcome::Skipped));
    }
    fn failures(&self) -> usize {
        self.lines
            .iter()
            .filter(|l| matches!(l.2, Outcome::Failed { .. }))
            .count()
    }

    /// The checklist and the next steps, as printed.
    fn render(&self, public_url: &str) -> String {
        let mut out = String::from("ctopulse init\n");
        for (what, detail, outcome) in &self.lines {
            let mark = match outcome {
                Outcome::Passed => "✓",
                Outcome::Failed { .. } => "✗",
                Outcome::Skipped => "–",
            };
            let _ = writeln!(out, "  {mark} {what}: {detail}");
            if let Outcome::Failed { fix } = outcome {
                let _ = writeln!(out, "      fix: {fix}");
            }
        }
        if self.failures() > 0 {
            let _ = writeln!(
                out,
                "{} check(s) failed; fix them, then check again with `ctopulse init --check-only --test-email ADDR`",
                self.failures()
            );
        }
        let _ = write!(
            out,
            "next steps:\n  \
             1. ctopulse serve   (then sign in at {public_url}/login)\n  \
             2. ctopulse roster import staff.csv   (header: email,name,department,locale,is_engineer,is_executive,active)\n  \
             3. ctopulse round create --template internal-csat --quarter QUARTER, then ctopulse round launch ID"
        );
        out
    }
}

/// Runs `init`: prints the new admin's id on stdout and the checklist on stderr; fails when
/// a check failed (the admin, once created, stays).
pub fn run(args: InitArgs, settings: &Settings) -> Result<(), CliError> {
    // Refuse bad arguments before anything is touched.
    let admin = match (&args.email, &args.name) {
        (Some(email), Some(name)) if !args.check_only => {
            let email = Email::parse(email).map_err(|e| CliError::Usage(e.to_string()))?;
            let name = first_admin::staff_name(name)
                .map_err(|e| CliError::Usage(e.to_string()))?
                .to_string();
            Some((email, name))
        }
        _ => None,
    };
    let test_to = match &args.test_email {
        Some(t) => {
            Some(Email::parse(t).map_err(|e| CliError::Usage(format!("--test-email: {e}")))?)
        }
        None => None,
    };
    let mut list = Checklist::default();

    let Some(pool) = check_database(settings, &mut list) else {
        eprintln!("{}", list.render(&settings.server.public_url));
        return Err(CliError::Failed("the database check failed".into()));
    };

    let mut greeting_name = String::from("ctopulse admin");
    if let Some((email, name)) = &admin {
        let mut conn = db::pool::checkout(&pool)?;
        // Before the password is asked for: a second admin is never made here.
        if first_admin::admin_exists(&mut conn)? {
            return Err(CliError::Usage(FirstAdminError::AdminExists.to_string()));
        }
        let hash = user::new_password_hash("ctopulse init --email EMAIL --name NAME")?;
        let id = first_admin::create(
            &mut conn,
            email,
            name,
            &hash,
            &cli_actor(),
            "ctopulse init",
            clock::now(),
        )
        .map_err(|e| match e {
            FirstAdminError::Db(db) => CliError::Db(db),
            other => CliError::Usage(other.to_string()),
        })?;
        list.passed(
            "first admin",
            format!(
                "{} ({name}) created; sign in with that email",
                email.as_str()
            ),
        );
        println!("{id}");
        greeting_name = name.clone();
    } else {
        list.skipped("first admin", "--check-only: no account created".into());
    }

    let to = test_to.or_else(|| admin.as_ref().map(|(e, _)| e.clone()));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::Failed(format!("cannot start the async runtime: {e}")))?;
    match to {
        Some(to) => runtime.block_on(check_email(settings, &to, &greeting_name, &mut list)),
        None => list.skipped("test email", "no address (give --test-email ADDR)".into()),
    }
    runtime.block_on(check_public_url(settings, &mut list));

    eprintln!("{}", list.render(&settings.server.public_url));
    match list.failures() {
        0 => Ok(()),
        n => Err(CliError::Failed(format!("{n} check(s) failed"))),
    }
}

/// Connects, applies pending migrations and says which database answered.
fn check_database(settings: &Settings, list: &mut Checklist) -> Option<db::DbPool> {
    let url = &settings.database.url;
    let kind = match url {
        DatabaseUrl::Postgres(_) => "PostgreSQL",
        DatabaseUrl::Sqlite(_) => "SQLite",
    };
    let fix = "check database.url (CTOPULSE_DATABASE_URL or --database-url): the server runs, the database exists, the user may connect and create tables".to_string();
    let result = db::connect(url).and_then(|pool| {
        let mut conn = db::pool::checkout(&pool)?;
        let applied = crate::app::setup::prepare(&mut conn, &settings.weights)?;
        drop(conn);
        Ok((pool, applied))
    });
    match result {
        Ok((pool, applied)) => {
            let schema = if applied.is_empty() {
                "schema up to date".to_string()
            } else {
                format!("{} migration(s) applied", applied.len())
            };
            list.passed(
                "database",
                format!("{kind} at {} answers; {schema}", url.masked()),
            );
            Some(pool)
        }
        Err(e) => {
            list.failed("database", format!("{kind} at {}: {e}", url.masked()), fix);
            None
        }
    }
}

/// Sends the test message through the configured transport.
async fn check_email(settings: &Settings, to: &Email, name: &str, list: &mut Checklist) {
    let mail = &settings.mail;
    let fix = match mail.transport {
        MailTransport::Smtp => "check mail.smtp_url (CTOPULSE_SMTP_URL): host, port, TLS mode (smtps:// or ?tls=required), user and password; and mail.from (CTOPULSE_MAIL_FROM), which the relay must accept as sender. The admin account was kept.",
        MailTransport::File => "check that mail.dir (CTOPULSE_MAIL_DIR) can be created and written. The admin account was kept.",
        MailTransport::Memory => "the memory transport is for tests; set mail.transport = smtp (CTOPULSE_MAIL_TRANSPORT). The admin account was kept.",
    };
    let what = "test email";
    let mailer = match Mailer::from_settings(mail) {
        Ok(m) => m,
        Err(e) => return list.failed(what, e.to_string(), fix.into()),
    };
    let message = setup_check::message(
        to.as_str(),
        name,
        &settings.company_name,
        &settings.server.public_url,
    );
    // The transport's own command timeout applies per step; this bounds the whole send.
    let limit = Duration::from_secs(mail.command_timeout_seconds.saturating_mul(2).max(5));
    match tokio::time::timeout(limit, mailer.send(&message)).await {
        Err(_) => list.failed(
            what,
            format!("to {}: no answer within {} s", to.as_str(), limit.as_secs()),
            fix.into(),
        ),
        Ok(Err(e)) => list.failed(what, format!("to {}: {e}", to.as_str()), fix.into()),
        Ok(Ok(())) => {
            let how = match mail.transport {
                MailTransport::Smtp => "accepted by the SMTP server; check the inbox (and spam)".to_string(),
                MailTransport::File => format!(
                    "written as an .eml file to {} (file transport: nothing leaves this machine; set mail.transport = smtp for real mail)",
                    mail.dir.display()
                ),
                MailTransport::Memory => "kept by the memory transport (tests only: nothing is delivered)".to_string(),
            };
            list.passed(what, format!("to {}: {how}", to.as_str()));
        }
    }
}

/// Checks the public URL's form and, when a server answers there, its health endpoint.
async fn check_public_url(settings: &Settings, list: &mut Checklist) {
    let raw = &settings.server.public_url;
    let what = "public URL";
    let url = match public_url::check(raw) {
        Ok(u) => u,
        Err(problem) => return list.failed(
            what,
            format!("{raw}: {problem}"),
            "set server.public_url (CTOPULSE_PUBLIC_URL) to the https:// address people will open"
                .into(),
        ),
    };
    match health_probe::health(&url, PROBE_TIMEOUT).await {
        Probe::NoServer(why) => list.passed(
            what,
            format!("{raw} is well-formed; no server answers there yet ({why}): start one with `ctopulse serve`, then run init --check-only again"),
        ),
        Probe::Answered(200) => list.passed(what, format!("{raw}/healthz answered 200")),
        Probe::Answered(status) => list.failed(
            what,
            format!("{raw}/healthz answered {status}, not 200"),
            "make sure the proxy at that address forwards to `ctopulse serve`".into(),
        ),
        Probe::Failed(why) => list.failed(
            what,
            format!("{raw}/healthz: {why}"),
            "check the certificate and proxy at that address".into(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checklist_marks_each_line_and_counts_failures() {
        let mut list = Checklist::default();
        list.passed("database", "SQLite answers".into());
        list.failed("test email", "refused".into(), "fix the relay".into());
        list.skipped("first admin", "none".into());
        assert_eq!(list.failures(), 1);
        let text = list.render("https://pulse.example.com");
        assert!(text.contains("  ✓ database: SQLite answers\n"), "{text}");
        assert!(
            text.contains("  ✗ test email: refused\n      fix: fix the relay\n"),
            "{text}"
        );
        assert!(text.contains("  – first admin: none\n"), "{text}");
        assert!(text.contains("1 check(s) failed"), "{text}");
        assert!(
            text.contains("sign in at https://pulse.example.com/login"),
            "{text}"
        );
        for step in ["ctopulse serve", "roster import", "round create"] {
            assert!(text.contains(step), "{step}: {text}");
        }
    }
}
