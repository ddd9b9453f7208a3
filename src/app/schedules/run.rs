//! The scheduler's pass: for each enabled schedule, the step due now (launch or a reminder)
//! is claimed, taken and recorded once, however many instances run the pass. A step an
//! instance claimed and did not finish (it stopped) is taken over when its lease runs out;
//! launching and reminding again are safe (a launched round is not launched twice, the
//! reminder cooldown holds back a second reminder).

use serde::Serialize;
use time::{Duration, PrimitiveDateTime};

use super::{parse_row, quarter_facts, ScheduleUseError};
use crate::app::rounds::{self as app_rounds, NewRound, ReminderRules, RoundError};
use crate::config::Settings;
use crate::db::schedules as stored;
use crate::db::{audit, rounds, DbConnection};
use crate::domain::quarter::Quarter;
use crate::domain::reminders::Trigger;
use crate::domain::round::{local_date, parse_merge, RoundStatus};
use crate::domain::schedule::{QuarterDates, Schedule, Step};
use crate::domain::template::TemplateSet;

/// The actor the audit log names for what schedules do.
pub const SCHEDULE_ACTOR: &str = "system:schedule";
/// Longer than any launch or reminder wave takes (a 100,000-person launch takes seconds).
const LEASE: Duration = Duration::minutes(10);

/// What one step did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StepOutcome {
    pub survey: String,
    pub quarter: Quarter,
    pub step: Step,
    pub outcome: String,
}

/// Takes every step due at `now` that no other instance has taken (`owner` names this one).
/// A schedule whose step fails for a reason that will not pass by itself (the survey's
/// template was removed, the roster is empty) records the failure as the step's outcome; a
/// database error leaves the step claimed, for a retry once the lease runs out.
pub fn run_due(
    conn: &mut DbConnection,
    templates: &TemplateSet,
    settings: &Settings,
    now: PrimitiveDateTime,
    owner: &str,
) -> Result<Vec<StepOutcome>, ScheduleUseError> {
    let fy = settings.fiscal_year_start_month;
    let tz = settings.timezone.as_str();
    let today = local_date(now, tz).map_err(ScheduleUseError::TimeZone)?;
    let quarter = Quarter::containing(today, fy);
    let mut outcomes = Vec::new();
    for row in stored::all(conn)?.into_iter().filter(|r| r.enabled) {
        let (schedule, merges) = parse_row(&row)?;
        let dates = schedule.dates(quarter, fy);
        let timeline = dates
            .timeline(settings.schedules.send_hour, tz)
            .map_err(ScheduleUseError::TimeZone)?;
        let (done, state) = quarter_facts(conn, &row.template_key, quarter)?;
        let Some(step) = timeline.due(now, &done, state) else {
            continue;
        };
        let (q, s) = (quarter.to_string(), step.to_string());
        let key = (row.template_key.as_str(), q.as_str(), s.as_str());
        if !stored::claim(conn, key, owner, now, now + LEASE)? {
            continue;
        }
        let plan = Plan {
            survey: &row.template_key,
            schedule: &schedule,
            dates: &dates,
            merges: &merges,
        };
        let outcome = match take(conn, templates, settings, &plan, step, now) {
            Ok(text) => text,
            Err(ScheduleUseError::Db(e)) | Err(ScheduleUseError::Round(RoundError::Db(e))) => {
                return Err(ScheduleUseError::Db(e))
            }
            Err(e) => {
                tracing::warn!(survey = %row.template_key, %quarter, %step, error = %e, "scheduled step failed");
                format!("failed: {e}")
            }
        };
        if stored::finish(conn, key, owner, now, &outcome)? {
            audit::record(
                conn,
                now,
                SCHEDULE_ACTOR,
                "schedule.step",
                "schedule",
                Some(&row.template_key),
                Some(&format!("quarter={quarter} step={step} {outcome}")),
            )?;
            outcomes.push(StepOutcome {
                survey: row.template_key.clone(),
                quarter,
                step,
                outcome,
            });
        }
    }
    Ok(outcomes)
}

struct Plan<'a> {
    survey: &'a str,
    schedule: &'a Schedule,
    dates: &'a QuarterDates,
    merges: &'a [String],
}

fn take(
    conn: &mut DbConnection,
    templates: &TemplateSet,
    settings: &Settings,
    plan: &Plan<'_>,
    step: Step,
    now: PrimitiveDateTime,
) -> Result<String, ScheduleUseError> {
    let quarter = plan.dates.quarter;
    let existing = rounds::id_for(conn, plan.survey, quarter)?;
    match step {
        Step::Launch => launch(conn, templates, settings, plan, existing, now),
        Step::Remind(day) => {
            let open = match existing {
                Some(id) => rounds::find(conn, id)?.filter(|r| r.accepts_answers(now)),
                None => None,
            };
            let Some(round) = open else {
                return Ok(format!(
                    "no open round of {} for {quarter}; nothing sent",
                    plan.survey
                ));
            };
            let rules = ReminderRules {
                cooldown: settings.reminders.cooldown(),
                trigger: Trigger::Schedule,
            };
            let r = app_rounds::remind(conn, round.id, now, SCHEDULE_ACTOR, rules)?;
            Ok(format!(
                "day-{day} reminder of round {}: {} reminder(s), {} re-invitation(s), {} held back by the cooldown",
                round.id, r.reminders, r.reinvites, r.held_back
            ))
        }
        Step::Close => Ok("closing is the auto-closer's".into()),
    }
}

fn launch(
    conn: &mut DbConnection,
    templates: &TemplateSet,
    settings: &Settings,
    plan: &Plan<'_>,
    existing: Option<crate::domain::ids::RoundId>,
    now: PrimitiveDateTime,
) -> Result<String, ScheduleUseError> {
    let quarter = plan.dates.quarter;
    let floor = settings.anonymity.floor();
    let id = match existing {
        Some(id) => {
            let round = app_rounds::get(conn, id)?;
            if round.status != RoundStatus::Draft {
                return Ok(format!(
                    "a round of {} for {quarter} already exists ({}, {}); nothing launched",
                    plan.survey, round.id, round.status
                ));
            }
            // A draft: made by hand, or by this step before its instance stopped.
            id
        }
        None => {
            let template = templates
                .get(plan.survey)
                .ok_or_else(|| RoundError::TemplateGone(plan.survey.to_string()))?;
            let merges = plan
                .merges
                .iter()
                .map(|m| parse_merge(m))
                .collect::<Result<Vec<_>, _>>()?;
            let k = settings.anonymity.round_k();
            app_rounds::create_at_floor(
                conn,
                &NewRound {
                    template,
                    quarter,
                    closes_on: plan.dates.closes_on,
                    k,
                    comment_threshold: settings.anonymity.round_comment_threshold(k),
                    merges,
                    timezone: &settings.timezone,
                },
                floor,
                now,
                SCHEDULE_ACTOR,
            )?
        }
    };
    let r = app_rounds::launch_at_floor(conn, id, templates, floor, now, SCHEDULE_ACTOR)?;
    Ok(format!(
        "launched round {id}: {} invitation(s), open {} days, closing at the end of {}",
        r.invitations,
        plan.schedule.days_open(),
        plan.dates.closes_on
    ))
}
