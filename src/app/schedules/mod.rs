//! Quarterly schedules: set, list and remove a survey's schedule, what each will do next, and
//! the scheduler's pass (`run`), which launches and reminds at the scheduled times. Closing
//! and sealing at the end of the last day is the auto-closer's (`rounds::close_due`).

mod run;

pub use run::{run_due, StepOutcome, SCHEDULE_ACTOR};

use serde::Serialize;
use time::PrimitiveDateTime;

use crate::config::Settings;
use crate::db::schedules::{self as stored, ScheduleRow};
use crate::db::{audit, rounds, DbConnection, DbError};
use crate::domain::quarter::Quarter;
use crate::domain::round::{parse_merge, MergeError};
use crate::domain::schedule::{
    format_reminder_days, parse_reminder_days, QuarterDates, RoundState, Schedule, ScheduleError,
    Step,
};
use crate::domain::template::TemplateSet;

/// Why a schedule could not be set, read or run.
#[derive(Debug, thiserror::Error)]
pub enum ScheduleUseError {
    #[error(transparent)]
    Invalid(#[from] ScheduleError),
    #[error("no survey {0:?}; the surveys are: {1}")]
    NoSurvey(String, String),
    #[error("no schedule for {0}")]
    NotScheduled(String),
    #[error(transparent)]
    Merge(#[from] MergeError),
    #[error("stored schedule of {key} is unreadable: {reason}")]
    Stored { key: String, reason: String },
    #[error("time zone: {0}")]
    TimeZone(String),
    #[error(transparent)]
    Round(#[from] super::rounds::RoundError),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for ScheduleUseError {
    fn from(e: diesel::result::Error) -> Self {
        ScheduleUseError::Db(e.into())
    }
}

/// A schedule as the admin sets it.
#[derive(Debug, Clone, PartialEq)]
pub struct ScheduleInput {
    pub survey: String,
    pub schedule: Schedule,
    /// Reporting-group merges for each round, e.g. `ceo+bd`.
    pub merges: Vec<String>,
    pub enabled: bool,
}

/// A stored schedule with what it will do next.
#[derive(Debug, Clone, Serialize)]
pub struct ScheduleView {
    pub survey: String,
    pub schedule: Schedule,
    pub merges: Vec<String>,
    pub enabled: bool,
    pub updated_by: String,
    pub updated_at: PrimitiveDateTime,
    /// The current quarter's days.
    pub this_quarter: QuarterDates,
    /// The next step (none while disabled).
    pub next: Option<NextStep>,
}

/// The next thing a schedule does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct NextStep {
    pub quarter: Quarter,
    pub step: Step,
    pub at: PrimitiveDateTime,
}

/// Sets (creates or replaces) a survey's schedule.
pub fn set(
    conn: &mut DbConnection,
    templates: &TemplateSet,
    input: &ScheduleInput,
    now: PrimitiveDateTime,
    actor: &str,
) -> Result<(), ScheduleUseError> {
    if templates.get(&input.survey).is_none() {
        return Err(no_survey(templates, &input.survey));
    }
    for m in &input.merges {
        parse_merge(m)?;
    }
    let merges = serde_json::to_string(&input.merges).map_err(|e| ScheduleUseError::Stored {
        key: input.survey.clone(),
        reason: e.to_string(),
    })?;
    let s = &input.schedule;
    let row = ScheduleRow {
        template_key: input.survey.clone(),
        launch_day: i32::from(s.launch_day()),
        days_open: i32::from(s.days_open()),
        reminder_days: format_reminder_days(s.reminder_days()),
        merges,
        enabled: input.enabled,
        updated_by: actor.to_string(),
        updated_at: now,
    };
    conn.write_transaction(|conn| {
        stored::put(conn, &row)?;
        let detail = format!(
            "launch_day={} days_open={} reminders={} merges={} enabled={}",
            row.launch_day, row.days_open, row.reminder_days, row.merges, row.enabled
        );
        audit::record(
            conn,
            now,
            actor,
            "schedule.set",
            "schedule",
            Some(&row.template_key),
            Some(&detail),
        )?;
        Ok(())
    })
}

/// Removes a survey's schedule (rounds it launched stay as they are).
pub fn remove(
    conn: &mut DbConnection,
    survey: &str,
    now: PrimitiveDateTime,
    actor: &str,
) -> Result<(), ScheduleUseError> {
    conn.write_transaction(|conn| {
        if !stored::remove(conn, survey)? {
            return Err(ScheduleUseError::NotScheduled(survey.to_string()));
        }
        audit::record(
            conn,
            now,
            actor,
            "schedule.remove",
            "schedule",
            Some(survey),
            None,
        )?;
        Ok(())
    })
}

fn no_survey(templates: &TemplateSet, key: &str) -> ScheduleUseError {
    ScheduleUseError::NoSurvey(
        key.to_string(),
        templates
            .templates()
            .iter()
            .map(|t| t.key().to_string())
            .collect::<Vec<_>>()
            .join(", "),
    )
}

/// A stored row read back as a schedule.
pub(crate) fn parse_row(row: &ScheduleRow) -> Result<(Schedule, Vec<String>), ScheduleUseError> {
    let bad = |reason: String| ScheduleUseError::Stored {
        key: row.template_key.clone(),
        reason,
    };
    let day = |v: i32| u16::try_from(v).map_err(|e| bad(e.to_string()));
    let schedule = Schedule::new(
        day(row.launch_day)?,
        day(row.days_open)?,
        parse_reminder_days(&row.reminder_days)?,
    )?;
    let merges: Vec<String> = serde_json::from_str(&row.merges).map_err(|e| bad(e.to_string()))?;
    Ok((schedule, merges))
}

/// What is recorded of a survey's quarter: its steps done, and its round's launch.
pub(crate) fn quarter_facts(
    conn: &mut DbConnection,
    survey: &str,
    quarter: Quarter,
) -> Result<(Vec<Step>, RoundState), ScheduleUseError> {
    let done = stored::steps(conn, survey, &quarter.to_string())?
        .into_iter()
        .filter(|s| s.done_at.is_some())
        .filter_map(|s| s.step.parse().ok())
        .collect();
    let launched_at = match rounds::id_for(conn, survey, quarter)? {
        Some(id) => rounds::find(conn, id)?.and_then(|r| r.launched_at),
        None => None,
    };
    Ok((done, RoundState { launched_at }))
}

/// Every schedule with its current quarter's days and its next step.
pub fn overview(
    conn: &mut DbConnection,
    settings: &Settings,
    now: PrimitiveDateTime,
) -> Result<Vec<ScheduleView>, ScheduleUseError> {
    let fy = settings.fiscal_year_start_month;
    let tz = settings.timezone.as_str();
    let hour = settings.schedules.send_hour;
    let local_today =
        crate::domain::round::local_date(now, tz).map_err(ScheduleUseError::TimeZone)?;
    let quarter = Quarter::containing(local_today, fy);
    let mut out = Vec::new();
    for row in stored::all(conn)? {
        let (schedule, merges) = parse_row(&row)?;
        let this_quarter = schedule.dates(quarter, fy);
        let next = if row.enabled {
            let (done, state) = quarter_facts(conn, &row.template_key, quarter)?;
            let now_step = this_quarter
                .timeline(hour, tz)
                .map_err(ScheduleUseError::TimeZone)?
                .next(now, &done, state);
            match now_step {
                Some((step, at)) => Some(NextStep { quarter, step, at }),
                None => {
                    let q = quarter.next();
                    let t = schedule
                        .dates(q, fy)
                        .timeline(hour, tz)
                        .map_err(ScheduleUseError::TimeZone)?;
                    Some(NextStep {
                        quarter: q,
                        step: Step::Launch,
                        at: t.launch_at,
                    })
                }
            }
        } else {
            None
        };
        out.push(ScheduleView {
            survey: row.template_key.clone(),
            schedule,
            merges,
            enabled: row.enabled,
            updated_by: row.updated_by,
            updated_at: row.updated_at,
            this_quarter,
            next,
        });
    }
    Ok(out)
}
