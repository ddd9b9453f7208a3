//! `/admin/schedules`: each survey's quarterly schedule (launch day, days open, reminder
//! days), what it does next, and what its recent steps did.

use crate::web::lang::Lang;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::settings_words::{self as sw, Schedules};
use super::words::{say, say_n, step, word};
use super::{back_to, html_status, template_title, Chrome, NoticeQuery};
use crate::app::schedules::{self as app, ScheduleInput, ScheduleUseError, ScheduleView};
use crate::clock;
use crate::db::schedules::StepRow;
use crate::domain::locale::Locale;
use crate::domain::schedule::{format_reminder_days, parse_reminder_days, Schedule};
use crate::i18n::Arg;
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
    /// "14 days".
    pub days_open: String,
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
    /// The page's introduction, with the send hour, time zone and cooldown.
    intro: String,
    /// "No survey has a schedule yet…", split where the link to the Admin page goes.
    none: (String, String),
    admin_link: &'static str,
    w: &'static Schedules,
}

fn row(state: &AppState, v: &ScheduleView, locale: Locale) -> Row {
    let d = &v.this_quarter;
    let quarter = crate::i18n::quarter_long(locale, d.quarter);
    let on = |key, date| {
        say(
            locale,
            key,
            &[("date", &crate::i18n::date_long(locale, date))],
        )
    };
    let mut dates = say(
        locale,
        "sch-date-launch",
        &[
            ("quarter", &quarter),
            ("date", &crate::i18n::date_long(locale, d.launch_on)),
        ],
    );
    for (_, day) in &d.reminders {
        dates.push_str(", ");
        dates.push_str(&on("sch-date-remind", *day));
    }
    dates.push_str(", ");
    dates.push_str(&on("sch-date-last", d.closes_on));
    Row {
        survey: v.survey.clone(),
        title: template_title(&state.templates, &v.survey, locale),
        launch_day: v.schedule.launch_day(),
        days_open: say_n(
            locale,
            "sch-days-open",
            &[("n", Arg::Count(u64::from(v.schedule.days_open())))],
        ),
        reminders: if v.schedule.reminder_days().is_empty() {
            word(locale, "sch-reminders-none").to_string()
        } else {
            say(
                locale,
                "sch-reminders-days",
                &[("days", &format_reminder_days(v.schedule.reminder_days()))],
            )
        },
        merges: say(locale, "sch-merging", &[("merges", &v.merges.join(", "))]),
        enabled: v.enabled,
        dates,
        next: match v.next {
            Some(n) => say(
                locale,
                "sch-next",
                &[
                    ("step", &step(locale, n.step)),
                    ("quarter", &crate::i18n::quarter_long(locale, n.quarter)),
                    ("at", &utc_minute(n.at)),
                ],
            ),
            None => word(locale, "sch-next-none").to_string(),
        },
    }
}

fn done_row(state: &AppState, s: &StepRow, locale: Locale) -> Done {
    Done {
        at: s.done_at.map(utc_minute).unwrap_or_default(),
        what: format!(
            "{} · {} · {}",
            template_title(&state.templates, &s.template_key, locale),
            s.quarter,
            s.step
                .parse()
                .map(|st| step(locale, st))
                .unwrap_or_else(|_| s.step.clone())
        ),
        outcome: s.outcome.clone().unwrap_or_default(),
    }
}

async fn render(
    who: &Chrome,
    locale: Locale,
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
        rows: views.iter().map(|v| row(state, v, locale)).collect(),
        done: recent.iter().map(|s| done_row(state, s, locale)).collect(),
        surveys: state
            .templates
            .templates()
            .iter()
            .map(|t| {
                (
                    t.key().to_string(),
                    template_title(&state.templates, t.key(), locale),
                )
            })
            .collect(),
        form,
        intro: say(
            locale,
            "sch-intro",
            &[
                ("hour", &state.settings.schedules.send_hour.to_string()),
                ("timezone", &state.settings.timezone),
                (
                    "cooldown",
                    &state.settings.reminders.cooldown_hours.to_string(),
                ),
            ],
        ),
        none: sw::around(locale, "sch-none", "admin", &[]),
        admin_link: word(locale, "staff-nav-admin"),
        w: Schedules::of(locale),
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
            lang.0,
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
fn read(f: &SetForm, locale: Locale) -> Result<ScheduleInput, String> {
    let day = |key: &str, v: &str| {
        v.trim()
            .parse::<u16>()
            .map_err(|_| say(locale, key, &[("value", v)]))
    };
    let days = parse_reminder_days(&f.reminders).map_err(|e| e.to_string())?;
    let schedule = Schedule::new(
        day("sch-error-launch-day", &f.launch_day)?,
        day("sch-error-days-open", &f.days_open)?,
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
    let locale = lang.0;
    let input = match read(&f, locale) {
        Ok(i) => i,
        Err(e) => {
            let body = render(&chrome, locale, &state, None, Some(e), typed).await?;
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
        let body = render(&chrome, locale, &state, None, Some(e), typed).await?;
        return Ok(html_status(StatusCode::BAD_REQUEST, body));
    }
    Ok(back_to(
        "/admin/schedules",
        &say(
            locale,
            "sch-saved",
            &[("survey", &template_title(&state.templates, &survey, locale))],
        ),
    ))
}

/// `POST /admin/schedules/{survey}/remove`.
pub async fn remove(
    who: Require<AdminOnly>,
    lang: Lang,
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
        &say(
            lang.0,
            "sch-removed",
            &[("survey", &template_title(&state.templates, &survey, lang.0))],
        ),
    ))
}
