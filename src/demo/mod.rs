//! `ctopulse demo`: a believable company with two years of survey history, seeded into an
//! empty database so one command shows the whole product.
//!
//! Deterministic: the same seed draws the same people, answers and story every time (round
//! and response ids are random UUIDs, as everywhere). Idempotent: the finished seed leaves a
//! marker in the audit log, and a second run that finds it changes nothing.

pub mod accounts;
pub mod actions;
pub mod answers;
pub mod calendar;
pub mod comments;
pub mod company;
pub mod current;
pub mod history;
pub mod links;
pub mod names;
pub mod profiles;
pub mod story;

use std::sync::Arc;
use std::time::{Duration as StdDuration, Instant};

use diesel::prelude::*;
use indicatif::{ProgressBar, ProgressStyle};
use rand::SeedableRng;
use serde::Serialize;
use time::PrimitiveDateTime;

use crate::app::commentary::CommentaryError;
use crate::app::hr::HrImportError;
use crate::app::inflection::InflectionError;
use crate::app::rounds::RoundError;
use crate::config::Settings;
use crate::db::schema::{audit_log, employees, rounds};
use crate::db::{self, audit, DbConnection, DbError, DbPool};
use crate::domain::quarter::Quarter;
use crate::domain::template::TemplateSet;
use crate::mail::Mailer;
pub use current::CurrentReport;

/// The seed of every random draw in the demo.
pub const SEED: u64 = 0x00C7_0905_2026;
/// Employees in the default demo company (plus the board).
pub const DEFAULT_EMPLOYEES: usize = 300;
/// Above this size SQLite still works but PostgreSQL is recommended (`--database-url`).
pub const SQLITE_COMFORTABLE_EMPLOYEES: usize = 10_000;
/// Who the audit log says did the admin's part.
pub const ACTOR: &str = "demo:admin";
/// Who kept the register and wrote the commentaries.
pub const CTO_ACTOR: &str = "demo:cto";
/// Who confirmed or disputed assessments.
pub const BOARD_ACTOR: &str = "demo:board";
/// The audit action that marks a finished demo seed.
pub const MARKER: &str = "demo.seed";
/// Progress steps: the roster, 8 quarters × 3 rounds, HR events, the register, the CTO's
/// calendar, the open round.
pub const STEPS: u64 = 1 + 8 * 3 + 1 + 1 + 1 + 1;

const TEMPLATES: [&str; 3] = [
    "internal-csat",
    "engineering-culture",
    "tech-strategy-alignment",
];

/// Why seeding failed.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("this database already holds a roster or rounds that are not a finished demo; run the demo on a new file (--db other.db) or delete this one")]
    NotEmpty,
    #[error("the demo company needs {min}–{max} employees, not {0}", min = company::MIN_EMPLOYEES, max = company::MAX_EMPLOYEES)]
    Size(usize),
    #[error("the demo needs the shipped survey template {0}, which the configured templates folder lacks")]
    MissingTemplate(&'static str),
    #[error("{0}")]
    Failed(String),
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Round(#[from] RoundError),
    #[error(transparent)]
    Inflection(#[from] InflectionError),
    #[error(transparent)]
    Commentary(#[from] CommentaryError),
    #[error(transparent)]
    HrImport(#[from] HrImportError),
}

/// What a fresh seed wrote.
#[derive(Debug, Clone, Serialize)]
pub struct SeedReport {
    pub employees: usize,
    pub board_members: usize,
    /// Closed quarters, oldest first.
    pub quarters: Vec<String>,
    pub sealed_rounds: usize,
    pub historical_answers: usize,
    pub hr_events: usize,
    /// Events of the CTO's calendar stored by the import.
    pub calendar_events: usize,
    pub current: CurrentReport,
    #[serde(skip)]
    pub elapsed: StdDuration,
    /// Demo sign-in lines to print once (filled in when staff accounts exist).
    pub sign_ins: Vec<String>,
}

/// The outcome of `seed`.
#[derive(Debug, Clone)]
pub enum Seeded {
    /// The database was empty and now holds the demo.
    Fresh(Box<SeedReport>),
    /// The database already held the demo; nothing was written.
    AlreadyThere,
}

/// Whether a finished demo seed is in the database.
pub fn is_seeded(conn: &mut DbConnection) -> Result<bool, DbError> {
    let n: i64 = audit_log::table
        .filter(audit_log::action.eq(MARKER))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

fn is_empty(conn: &mut DbConnection) -> Result<bool, DbError> {
    let people: i64 = employees::table.count().get_result(conn)?;
    let rounds: i64 = rounds::table.count().get_result(conn)?;
    Ok(people == 0 && rounds == 0)
}

/// A progress bar for `STEPS` steps on standard error.
pub fn progress_bar() -> ProgressBar {
    let bar = ProgressBar::new(STEPS);
    if let Ok(style) =
        ProgressStyle::with_template("seeding the demo {bar:30} {pos}/{len} {elapsed} {msg}")
    {
        bar.set_style(style);
    }
    bar
}

/// Seeds the demo company into the database behind `pool`, unless it is already there.
///
/// `now` is the present: the current quarter is the one that contains it, and the history is
/// the eight quarters before. `employees` sets the company size (tests use a small one).
/// Emails of the open round go through `mailer` (the file transport in `ctopulse demo`).
pub async fn seed(
    pool: &DbPool,
    settings: Arc<Settings>,
    mailer: Mailer,
    templates: &TemplateSet,
    now: PrimitiveDateTime,
    employees: usize,
    progress: &ProgressBar,
) -> Result<Seeded, DemoError> {
    if !(company::MIN_EMPLOYEES..=company::MAX_EMPLOYEES).contains(&employees) {
        return Err(DemoError::Size(employees));
    }
    let started = Instant::now();
    let [csat, culture, alignment] = TEMPLATES.map(|key| {
        templates
            .get(key)
            .cloned()
            .map(Arc::new)
            .ok_or(DemoError::MissingTemplate(key))
    });
    let (csat, culture, alignment) = (csat?, culture?, alignment?);

    let p = pool.clone();
    let fresh = blocking(move || {
        let mut conn = db::pool::checkout(&p)?;
        if is_seeded(&mut conn)? {
            return Ok(false);
        }
        if !is_empty(&mut conn)? {
            return Err(DemoError::NotEmpty);
        }
        Ok(true)
    })
    .await?;
    if !fresh {
        return Ok(Seeded::AlreadyThere);
    }

    let fy = settings.fiscal_year_start_month;
    let history = Quarter::containing(now.date(), fy)
        .prev()
        .trailing(story::HISTORY);
    let (p, s, bar, hist) = (
        pool.clone(),
        settings.clone(),
        progress.clone(),
        history.clone(),
    );
    let (people, answers, hr_events, calendar_events) = blocking(move || {
        let mut conn = db::pool::checkout(&p)?;
        links::with_fast_commits(&mut conn, |conn| {
            let people = write_roster(conn, employees)?;
            let engineers = people.iter().filter(|p| p.is_engineer).count();
            bar.set_message("roster");
            bar.inc(1);
            let rs = current::round_settings(&s);
            let mut answers = 0;
            for (h, quarter) in hist.iter().enumerate() {
                for (order, t) in [&csat, &culture, &alignment].into_iter().enumerate() {
                    let note =
                        |what: String| bar.set_message(format!("{quarter} {}: {what}", t.key()));
                    answers += history::run_round(conn, t, order, *quarter, h, &rs, &note)?;
                    bar.inc(1);
                }
            }
            // Once for all 24 sealed rounds: each scrub rewrites the survey tables whole,
            // and nobody can read the database until the seed's marker is written.
            bar.set_message("scrubbing the sealed rounds' storage");
            crate::db::seal::scrub(conn)?;
            bar.set_message("HR events");
            let hr_events = history::write_hr(conn, &hist, engineers, fy, now)?;
            bar.inc(1);
            bar.set_message("inflection points, commentary and actions");
            history::write_register(conn, &hist, now)?;
            actions::write(conn, &hist, now)?;
            bar.inc(1);
            bar.set_message("the CTO's calendar");
            let calendar_events = calendar::load(conn, &s, &hist, now)?;
            bar.inc(1);
            Ok((people, answers, hr_events, calendar_events))
        })
    })
    .await?;

    progress.set_message("the open round: sending invitations");
    let template = Arc::new(
        templates
            .get(TEMPLATES[0])
            .cloned()
            .ok_or(DemoError::MissingTemplate(TEMPLATES[0]))?,
    );
    let current = current::open_round(pool, settings.clone(), mailer, template, now).await?;
    progress.inc(1);

    let board_members = people
        .iter()
        .filter(|p| p.membership == crate::domain::department::Membership::Board)
        .count();
    let sign_ins = {
        let pool = pool.clone();
        blocking(move || accounts::create(&mut *crate::db::pool::checkout(&pool)?, now)).await?
    };
    let report = SeedReport {
        employees: people.len() - board_members,
        board_members,
        quarters: history.iter().map(ToString::to_string).collect(),
        sealed_rounds: history.len() * TEMPLATES.len(),
        historical_answers: answers,
        hr_events,
        calendar_events,
        current,
        elapsed: started.elapsed(),
        sign_ins,
    };
    let detail = format!(
        "employees={} board={} sealed_rounds={} answers={} open_round={}",
        report.employees,
        report.board_members,
        report.sealed_rounds,
        report.historical_answers,
        report.current.round_id
    );
    let p = pool.clone();
    blocking(move || {
        let mut conn = db::pool::checkout(&p)?;
        audit::record(&mut conn, now, ACTOR, MARKER, "demo", None, Some(&detail))?;
        Ok(())
    })
    .await?;
    progress.finish_with_message("done");
    Ok(Seeded::Fresh(Box::new(report)))
}

/// Generates the company and imports it through the roster import.
fn write_roster(
    conn: &mut DbConnection,
    employees: usize,
) -> Result<Vec<company::Person>, DemoError> {
    let mut rng = rand::rngs::StdRng::seed_from_u64(SEED);
    let people = company::generate(employees, &mut rng);
    let csv = company::roster_csv(&people)
        .map_err(|e| DemoError::Failed(format!("cannot write the demo roster: {e}")))?;
    let parsed = crate::domain::roster::parse(csv.as_bytes())
        .map_err(|e| DemoError::Failed(format!("the demo roster does not parse: {e}")))?;
    if let Some(e) = parsed.errors.first() {
        return Err(DemoError::Failed(format!(
            "the demo roster has a bad row on line {}: {}",
            e.line, e.reason
        )));
    }
    let now = crate::clock::now();
    crate::app::roster::import(conn, &parsed.entries, false, ACTOR, now, &|_| {})?;
    Ok(people)
}

/// Runs blocking database work off the async workers.
pub(crate) async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, DemoError> + Send + 'static,
) -> Result<T, DemoError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| DemoError::Failed(format!("a seeding task failed: {e}")))?
}
