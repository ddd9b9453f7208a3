//! `/admin/schedules`: each survey's quarterly schedule (launch day, days open, reminder
//! days), what it does next, and what its recent steps did.

use crate::web::lang::Lang;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::{back_to, html_status, template_title, Chrome, NoticeQuery};
use crate::app::schedules::{self as app, ScheduleInput, ScheduleUseError, ScheduleView};
use crate::clock;
use crate::db::schedules::StepRow;
use crate::domain::locale::Locale;
use crate::domain::schedule::{format_reminder_days, parse_reminder_days, Schedule, Step};
use crate::web::auth::{AdminOnly, Require};
use crate::web::pages::words::utc_minute;
use crate::web::pages::{html, parse_form, PageError};
use crate::web::state::AppState;
use crate::web::with_conn;

/// One schedule as listed.
pub struct Row {
    pub survey: String,
    pub title: String,
    pub launch_day: u16,
    pub days_open: u16,
    pub reminders: String,
    pub merges: String,
    pub enabled: bool,
    pub dates: String,
    pub next: String,
}

/// One recent step.
pub struct Done {
    pub at: String,
    pub what: String,
    pub outcome: String,
}

/// What the form shows: the defaults, or what the admin typed.
pub struct FormValues {
    pub survey: String,
    pub launch_day: String,
    pub days_open: String,
    pub reminders: String,
    pub merge: String,
    pub enabled: bool,
}

impl Default for FormValues {
    fn default() -> Self {
        FormValues {
            survey: String::new(),
            launch_day: "6".into(),
            days_open: "14".into(),
            reminders: format_reminder_days(&Schedule::DEFAULT_REMINDER_DAYS),
            merge: String::new(),
            enabled: true,
        }
    }
}

#[derive(Template)]
#[template(path = "staff/schedules.html")]
struct SchedulesPage {
    nav: crate::web::lang::Nav,
    email: String,
    csrf_token: String,
    notice: Option<String>,
    error: Option<String>,
    rows: Vec<Row>,
    done: Vec<Done>,
    surveys: Vec<(String, String)>,
    form: FormValues,
    send_hour: u8,
    timezone: String,
    cooldown_hours: u32,
}

/// A step as the admin pages name it.
pub(crate) fn step_words(step: Step) -> String {
    match step {
        Step::Launch => "launch".into(),
        Step::Remind(d) => format!("day-{d} reminder"),
        Step::Close => "close and seal".into(),
    }
}

fn row(state: &AppState, v: &ScheduleView) -> Row {
    let d = &v.this_quarter;
    let mut dates = format!("{}: launch {}", d.quarter, d.launch_on);
    for (_, on) in &d.reminders {
        dates.push_str(&format!(", remind {on}"));
    }
    dates.push_str(&format!(", last day {}", d.closes_on));
    Row {
        survey: v.survey.clone(),
        title: template_title(&state.templates, &v.survey, Locale::En),
        launch_day: v.schedule.launch_day(),
        days_open: v.schedule.days_open(),
        reminders: if v.schedule.reminder_days().is_empty() {
            "none".into()
        } else {
            format!("days {}", format_reminder_days(v.schedule.reminder_days()))
        },
        merges: v.merges.join(", "),
        enabled: v.enabled,
        dates,
        next: match v.next {
            Some(n) => format!(
                "{} ({}) — {}",
                step_words(n.step),
                n.quarter,
                utc_minute(n.at)
            ),
            None => "nothing (disabled)".into(),
        },
    }
}

fn done_row(state: &AppState, s: &StepRow) -> Done {
    Done {
        at: s.done_at.map(utc_minute).unwrap_or_default(),
        what: format!(
            "{} · {} · {}",
            template_title(&state.templates, &s.template_key, Locale::En),
            s.quarter,
            s.step
                .parse()
                .map(step_words)
                .unwrap_or_else(|_| s.step.clone())
        ),
        outcome: s.outcome.clone().unwrap_or_default(),
    }
}

async fn render(
    who: &Chrome,
    state: &web::Data<AppState>,
    notice: Option<String>,
    error: Option<String>,
    form: FormValues,
) -> Result<String, PageError> {
    let settings = state.settings.clone();
    let (views, recent) = with_conn::<PageError, _>(state, move |conn| {
        let views = app::overview(conn, &settings, clock::now())?;
        let recent = crate::db::schedules::recent_steps(conn, 12)?;
        Ok((views, recent))
    })
    .await?;
    Ok(SchedulesPage {
        nav: who.nav.clone(),
        email: who.email.clone(),
        csrf_token: who.csrf_token.clone(),
        notice,
        error,
        rows: views.iter().map(|v| row(state, v)).collect(),
        done: recent.iter().map(|s| done_row(state, s)).collect(),
        surveys: state
            .templates
            .templates()
            .iter()
            .map(|t| {
                (
                    t.key().to_string(),
                    template_title(&state.templates, t.key(), Locale::En),
                )
            })
            .collect(),
        form,
        send_hour: state.settings.schedules.send_hour,
        timezone: state.settings.timezone.clone(),
        cooldown_hours: state.settings.reminders.cooldown_hours,
    }
    .render()?)
}

/// `GET /admin/schedules`.
pub async fn page(
    who: Require<AdminOnly>,
    lang: Lang,
    q: web::Query<NoticeQuery>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, PageError> {
    let chrome = Chrome::of(&who, "/admin/schedules", lang);
    Ok(html(
        render(
            &chrome,
            &state,
            q.notice.clone(),
            None,
            FormValues::default(),
        )
        .await?,
    ))
}

/// The schedule form.
#[derive(Deserialize)]
struct SetForm {
    survey: String,
    launch_day: String,
    days_open: String,
    #[serde(default)]
    reminders: String,
    #[serde(default)]
    merge: String,
    /// A checkbox: present when ticked.
    enabled: Option<String>,
}

/// The form's values as a schedule, or what is wrong with them.
fn read(f: &SetForm) -> Result<ScheduleInput, String> {
    let day = |name: &str, v: &str| {
        v.trim()
            .parse::<u16>()
            .map_err(|_| format!("{name} must be a whole number of days, not {v:?}"))
    };
    let days = parse_reminder_days(&f.reminders).map_err(|e| e.to_string())?;
    let schedule = Schedule::new(
        day("the launch day", &f.launch_day)?,
        day("days open", &f.days_open)?,
        days,
    )
    .map_err(|e| e.to_string())?;
    Ok(ScheduleInput {
        survey: f.survey.trim().to_string(),
        schedule,
        merges: f
            .merge
            .split([',', ' '])
            .map(str::trim)
            .filter(|m| !m.is_empty())
            .map(str::to_string)
            .collect(),
        enabled: f.enabled.is_some(),
    })
}

/// `POST /admin/schedules`: sets a survey's schedule; a mistake shows the form again, as
/// typed, with what is wrong (400).
pub async fn save(
    who: Require<AdminOnly>,
    lang: Lang,
    body: web::Bytes,
    state: web::Data<AppState>,
) -> Result<HttpResponse, PageError> {
    let f: SetForm = parse_form(&body)?;
    let chrome = Chrome::of(&who, "/admin/schedules", lang);
    let typed = FormValues {
        survey: f.survey.clone(),
        launch_day: f.launch_day.clone(),
        days_open: f.days_open.clone(),
        reminders: f.reminders.clone(),
        merge: f.merge.clone(),
        enabled: f.enabled.is_some(),
    };
    let input = match read(&f) {
        Ok(i) => i,
        Err(e) => {
            let body = render(&chrome, &state, None, Some(e), typed).await?;
            return Ok(html_status(StatusCode::BAD_REQUEST, body));
        }
    };
    let (templates, actor) = (state.templates.clone(), who.actor.clone());
    let survey = input.survey.clone();
    let saved = with_conn::<PageError, _>(&state, move |conn| {
        match app::set(conn, &templates, &input, clock::now(), &actor) {
            Ok(()) => Ok(Ok(())),
            Err(
                e @ (ScheduleUseError::Invalid(_)
                | ScheduleUseError::NoSurvey(..)
                | ScheduleUseError::Merge(_)),
            ) => Ok(Err(e.to_string())),
            Err(e) => Err(e.into()),
        }
    })
    .await?;
    if let Err(e) = saved {
        let body = render(&chrome, &state, None, Some(e), typed).await?;
        return Ok(html_status(StatusCode::BAD_REQUEST, body));
    }
    Ok(back_to(
        "/admin/schedules",
        &format!(
            "Schedule of {} saved.",
            template_title(&state.templates, &survey, Locale::En)
        ),
    ))
}

/// `POST /admin/schedules/{survey}/remove`.
pub async fn remove(
    who: Require<AdminOnly>,
    survey: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, PageError> {
    let survey = survey.into_inner();
    let (key, actor) = (survey.clone(), who.actor.clone());
    with_conn::<PageError, _>(&state, move |conn| {
        Ok(app::remove(conn, &key, clock::now(), &actor)?)
    })
    .await?;
    Ok(back_to(
        "/admin/schedules",
        &format!(
            "Schedule of {} removed; its rounds stay as they are.",
            template_title(&state.templates, &survey, Locale::En)
        ),
    ))
}
