//! The admin pages: rounds (create, preview, test-send, launch, remind, close, progress with
//! undeliverable addresses), the roster (file upload or paste, checked before anything is
//! written), departments and weights, and staff users.

pub mod departments;
pub mod roster;
pub mod roster_words;
pub mod round;
pub mod schedules;
pub mod settings_words;
pub mod users;
pub mod words;

use crate::web::lang::Lang;
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::{html, nav, parse_form, quarter_field, PageError};
use crate::app::rounds as app_rounds;
use crate::auth::Identity;
use crate::clock;
use crate::domain::email::Email;
use crate::domain::locale::Locale;
use crate::domain::quarter::Quarter;
use crate::domain::round::response_rate as progress_rate;
use crate::domain::round::{parse_merge, RoundStatus};
use crate::i18n::Arg;
use crate::web::auth::{AdminOnly, Require};
use crate::web::state::AppState;
use crate::web::with_conn;

/// One round row.
pub struct RoundRow {
    pub id: String,
    pub quarter: String,
    pub template: String,
    pub status: String,
    pub closes: String,
    pub progress: String,
    pub actions: Vec<(&'static str, &'static str)>,
}

#[derive(Template)]
#[template(path = "staff/admin.html")]
struct AdminPage {
    nav: crate::web::lang::Nav,
    email: String,
    csrf_token: String,
    notice: Option<String>,
    rounds: Vec<RoundRow>,
    templates: Vec<(String, String)>,
    current_quarter: String,
    default_close: String,
    roster_summary: String,
    /// The soonest step any schedule takes, if a survey has one.
    next_scheduled: Option<String>,
    w: &'static words::Body,
}

/// `?notice=` after an action.
#[derive(Deserialize)]
pub struct NoticeQuery {
    pub(crate) notice: Option<String>,
    /// `close` or `remind`: the round page asks before acting (the admin list links there).
    pub(crate) confirm: Option<String>,
}

/// A survey's title in `locale`, from the loaded templates; the key if it is no longer loaded.
pub(crate) fn template_title(
    templates: &crate::domain::template::TemplateSet,
    key: &str,
    locale: Locale,
) -> String {
    templates
        .get(key)
        .map(|t| t.title().get(locale).to_string())
        .unwrap_or_else(|| key.to_string())
}

/// The buttons a round in this status offers, labelled in `locale`.
pub(crate) fn round_actions(
    status: RoundStatus,
    locale: Locale,
) -> Vec<(&'static str, &'static str)> {
    let actions: &[(&'static str, &str)] = match status {
        RoundStatus::Draft => &[("launch", "adm-action-launch")],
        RoundStatus::Open => &[
            ("remind", "adm-action-remind"),
            ("close", "adm-action-close"),
        ],
        _ => &[],
    };
    actions
        .iter()
        .map(|(action, key)| (*action, words::word(locale, key)))
        .collect()
}

/// `GET /admin`: the rounds, the create-round form, and where the roster stands.
pub async fn home(
    who: Require<AdminOnly>,
    lang: Lang,
    q: web::Query<NoticeQuery>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, PageError> {
    let fy = state.settings.fiscal_year_start_month;
    let shipped = state.templates.clone();
    let settings = state.settings.clone();
    let locale = lang.0;
    let (rows, people, active, next) = with_conn::<PageError, _>(&state, move |conn| {
        let mut rows = Vec::new();
        for listed in app_rounds::list_with_participation(conn)? {
            let r = listed.round;
            let status = r.status();
            let progress = if status == RoundStatus::Draft {
                "—".to_string()
            } else {
                let (answered, delivered) = (listed.answered, listed.delivered);
                let rate = progress_rate(answered, delivered)
                    .map(|x| super::words::pct(locale, x))
                    .unwrap_or_else(|| "—".into());
                words::say_n(
                    locale,
                    "adm-progress",
                    &[
                        ("answered", Arg::Count(u64::try_from(answered).unwrap_or(0))),
                        (
                            "delivered",
                            Arg::Count(u64::try_from(delivered).unwrap_or(0)),
                        ),
                        ("rate", Arg::Text(&rate)),
                    ],
                )
            };
            rows.push(RoundRow {
                id: r.id.to_string(),
                quarter: crate::i18n::quarter_long(locale, r.quarter),
                template: template_title(&shipped, &r.template_key, locale),
                status: words::status(locale, status).to_string(),
                closes: crate::i18n::date_long(locale, r.closes_on),
                progress,
                actions: round_actions(status, locale),
            });
        }
        let (people, active) = crate::app::roster::counts(conn)?;
        let next = crate::app::schedules::overview(conn, &settings, clock::now())?
            .into_iter()
            .filter_map(|v| v.next.map(|n| (n, v.survey)))
            .min_by_key(|(n, _)| n.at);
        Ok((rows, people, active, next))
    })
    .await?;
    let today = clock::now().date();
    let page = AdminPage {
        nav: nav(&who, "/admin", lang),
        email: who.actor.clone(),
        csrf_token: who.csrf_token().unwrap_or_default(),
        notice: q.notice.clone(),
        rounds: rows,
        templates: state
            .templates
            .templates()
            .iter()
            .map(|t| (t.key().to_string(), t.title().get(locale).to_string()))
            .collect(),
        current_quarter: Quarter::containing(today, fy).to_string(),
        default_close: (today + time::Duration::days(14)).to_string(),
        roster_summary: words::say_n(
            locale,
            "adm-roster-summary",
            &[
                ("people", Arg::Count(u64::try_from(people).unwrap_or(0))),
                ("active", Arg::Count(u64::try_from(active).unwrap_or(0))),
            ],
        ),
        next_scheduled: next.map(|(n, survey)| {
            words::say(
                locale,
                "adm-next-scheduled",
                &[
                    ("step", &words::step(locale, n.step)),
                    ("survey", &template_title(&state.templates, &survey, locale)),
                    ("quarter", &crate::i18n::quarter_long(locale, n.quarter)),
                    ("at", &super::words::utc_minute(n.at)),
                ],
            )
        }),
        w: words::body(locale),
    };
    Ok(html(page.render()?))
}

/// 303 to `to` with a notice for the next page.
pub(crate) fn back_to(to: &str, notice: &str) -> HttpResponse {
    let q = serde_urlencoded::to_string([("notice", notice)]).unwrap_or_default();
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, format!("{to}?{q}")))
        .finish()
}

/// A page answered with an error status (the form again, with what is wrong).
pub(crate) fn html_status(status: StatusCode, body: String) -> HttpResponse {
    let mut r = html(body);
    *r.status_mut() = status;
    r
}

/// The layout fields every admin page carries.
pub(crate) struct Chrome {
    pub nav: crate::web::lang::Nav,
    pub email: String,
    pub csrf_token: String,
}

impl Chrome {
    pub(crate) fn of(who: &Identity, current: &str, lang: Lang) -> Chrome {
        Chrome {
            nav: nav(who, current, lang),
            email: who.actor.clone(),
            csrf_token: who.csrf_token().unwrap_or_default(),
        }
    }
}

/// The create-round form.
#[derive(Deserialize)]
struct CreateForm {
    template: String,
    quarter: String,
    closes: String,
    merge: Option<String>,
}

/// `POST /admin/rounds`.
pub async fn create_round(
    who: Require<AdminOnly>,
    lang: Lang,
    body: web::Bytes,
    state: web::Data<AppState>,
) -> Result<HttpResponse, PageError> {
    let f: CreateForm = parse_form(&body)?;
    let quarter = quarter_field(&f.quarter)?;
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    let closes_on = time::Date::parse(f.closes.trim(), &fmt).map_err(|source| PageError::Date {
        typed: f.closes.clone(),
        source,
    })?;
    let merges = f
        .merge
        .as_deref()
        .unwrap_or("")
        .split([',', ' '])
        .filter(|m| !m.trim().is_empty())
        .map(parse_merge)
        .collect::<Result<Vec<_>, _>>()?;
    let template = state
        .templates
        .get(&f.template)
        .cloned()
        .ok_or_else(|| PageError::NoTemplate(f.template.clone()))?;
    let (settings, actor) = (state.settings.clone(), who.actor.clone());
    let id = with_conn::<PageError, _>(&state, move |conn| {
        let k = settings.anonymity.round_k();
        Ok(app_rounds::create_at_floor(
            conn,
            &app_rounds::NewRound {
                template: &template,
                quarter,
                closes_on,
                k,
                comment_threshold: settings.anonymity.round_comment_threshold(k),
                merges,
                timezone: &settings.timezone,
            },
            settings.anonymity.floor(),
            clock::now(),
            &actor,
        )?)
    })
    .await?;
    Ok(back_to(
        &format!("/admin/rounds/{id}"),
        &words::say(
            lang.0,
            "adm-notice-created",
            &[
                (
                    "survey",
                    &template_title(&state.templates, &f.template, lang.0),
                ),
                ("quarter", &crate::i18n::quarter_long(lang.0, quarter)),
            ],
        ),
    ))
}

/// The test-send form.
#[derive(Deserialize)]
struct TestSendForm {
    to: String,
    lang: String,
}

/// `POST /admin/rounds/{id}/test-send`: the round's invitation, marked as a sample, to an
/// address the admin types; its link opens the read-only preview and cannot answer.
pub async fn test_send(
    who: Require<AdminOnly>,
    lang: Lang,
    id: web::Path<String>,
    body: web::Bytes,
    state: web::Data<AppState>,
) -> Result<HttpResponse, PageError> {
    let f: TestSendForm = parse_form(&body)?;
    let to = Email::parse(&f.to).map_err(PageError::Recipient)?;
    let locale: Locale = f.lang.parse()?;
    let id = id.into_inner();
    let settings = state.settings.clone();
    let (round_id, email) = {
        let to = to.clone();
        with_conn::<PageError, _>(&state, move |conn| {
            let r = app_rounds::lookup(conn, &id)?;
            let email =
                crate::mail::sample::invitation(conn, &r, &settings, locale, &to, clock::now())
                    .map_err(app_rounds::RoundError::from)?;
            Ok((r.id, email))
        })
        .await?
    };
    let back = format!("/admin/rounds/{round_id}");
    if let Err(e) = state.mailer.send(&email).await {
        let why = e.to_string();
        let notice = words::say(lang.0, "adm-notice-sample-failed", &[("problem", &why)]);
        return Ok(back_to(&back, &notice));
    }
    let (actor, rid) = (who.actor.clone(), round_id);
    let to_audit = to.clone();
    with_conn::<PageError, _>(&state, move |conn| {
        Ok(crate::mail::sample::record_sent(
            conn,
            crate::clock::now(),
            &actor,
            rid,
            &to_audit,
            locale,
        )?)
    })
    .await?;
    Ok(back_to(
        &back,
        &words::say(
            lang.0,
            "adm-notice-sample-sent",
            &[("to", to.as_str()), ("language", locale.native_name())],
        ),
    ))
}
