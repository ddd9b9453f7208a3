//! `/admin/rounds/{id}`: one round's actions (launch; remind and close, each confirmed first),
//! preview and test-send, participation per group, reminder waves and undeliverable addresses
//! — counts only, never who answered.

use crate::web::lang::Lang;
use actix_web::{web, HttpResponse};
use askama::Template;

use super::{back_to, round_actions, NoticeQuery};
use crate::app::rounds::{self as app_rounds, RemindReport, ReminderRules, Wave};
use crate::clock;
use crate::domain::locale::Locale;
use crate::domain::reminders::Trigger;
use crate::domain::round::RoundStatus;
use crate::web::auth::{AdminOnly, Require};
use crate::web::pages::{html, nav, words, PageError};
use crate::web::state::AppState;
use crate::web::with_conn;

/// One reporting group's participation as shown.
pub struct GroupRow {
    pub group: String,
    pub invited: i64,
    pub delivered: i64,
    pub answered: i64,
    pub undeliverable: i64,
    pub rate: String,
}

/// One reminder wave as shown.
pub struct WaveRow {
    pub at: String,
    pub by: String,
    pub reminders: usize,
    pub reinvites: usize,
    pub held_back: usize,
}

impl WaveRow {
    fn of(w: &Wave) -> WaveRow {
        let by = match w.trigger {
            Trigger::Schedule => "Schedule".to_string(),
            Trigger::Cli => format!("Command line ({})", w.actor),
            Trigger::Admin => format!("Admin page ({})", w.actor),
        };
        WaveRow {
            at: words::utc_minute(w.queued_at),
            by,
            reminders: w.counts.reminders,
            reinvites: w.counts.reinvites,
            held_back: w.counts.held_back,
        }
    }
}

#[derive(Template)]
#[template(path = "staff/round.html")]
struct RoundPage {
    nav: crate::web::lang::Nav,
    email: String,
    csrf_token: String,
    notice: Option<String>,
    id: String,
    title: String,
    status: String,
    is_draft: bool,
    closes: String,
    pending: i64,
    roster_changes: i64,
    actions: Vec<(&'static str, &'static str)>,
    confirm_close: bool,
    /// What the Remind button would send now, when asked to confirm it.
    confirm_remind: Option<RemindReport>,
    cooldown_hours: u32,
    waves: Vec<WaveRow>,
    answered: i64,
    delivered: i64,
    groups: Vec<GroupRow>,
    undeliverable: Vec<(String, String)>,
    departments: Vec<(&'static str, &'static str)>,
    locales: Vec<(&'static str, &'static str)>,
}

/// `GET /admin/rounds/{id}` (`?confirm=close|remind` asks before acting).
pub async fn page(
    who: Require<AdminOnly>,
    lang: Lang,
    id: web::Path<String>,
    q: web::Query<NoticeQuery>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, PageError> {
    let id = id.into_inner();
    let cooldown = state.settings.reminders.cooldown();
    let asks_remind = q.confirm.as_deref() == Some("remind");
    let ((r, p, changes), waves, preview) = with_conn::<PageError, _>(&state, move |conn| {
        let now = clock::now();
        let id = app_rounds::lookup(conn, &id)?.id;
        let overview = app_rounds::overview(conn, id)?;
        let waves = app_rounds::reminder_waves(conn, id)?;
        let preview = if asks_remind && overview.0.accepts_answers(now) {
            Some(app_rounds::preview_reminders(conn, id, now, cooldown)?)
        } else {
            None
        };
        Ok((overview, waves, preview))
    })
    .await?;
    let rate = |x: Option<f64>| {
        x.map(|x| words::pct(Locale::En, x))
            .unwrap_or_else(|| "—".into())
    };
    let status = r.status();
    let page = RoundPage {
        nav: nav(&who, "/admin", lang),
        email: who.actor.clone(),
        csrf_token: who.csrf_token().unwrap_or_default(),
        notice: q.notice.clone(),
        id: r.id.to_string(),
        title: format!(
            "{} · {}",
            r.quarter,
            r.template()
                .map_err(app_rounds::RoundError::from)?
                .title()
                .get(Locale::En)
        ),
        status: r.status.to_string(),
        is_draft: status == RoundStatus::Draft,
        closes: r.closes_on.to_string(),
        pending: p.emails_pending,
        roster_changes: changes,
        actions: round_actions(status),
        confirm_close: status == RoundStatus::Open && q.confirm.as_deref() == Some("close"),
        confirm_remind: preview,
        cooldown_hours: state.settings.reminders.cooldown_hours,
        waves: waves.iter().map(WaveRow::of).collect(),
        answered: p.overall.answered,
        delivered: p.overall.delivered,
        groups: p
            .groups
            .iter()
            .chain(std::iter::once(&p.overall))
            .map(|g| GroupRow {
                group: if g.group == "all" {
                    "All".to_string()
                } else {
                    words::group_label(Locale::En, &g.group)
                },
                invited: g.invited,
                delivered: g.delivered,
                answered: g.answered,
                undeliverable: g.undeliverable,
                rate: rate(g.response_rate),
            })
            .collect(),
        undeliverable: p
            .undeliverable
            .iter()
            .map(|u| (u.email.clone(), u.reason.clone()))
            .collect(),
        departments: crate::domain::department::Department::ALL
            .iter()
            .map(|d| (d.key(), d.name()))
            .collect(),
        locales: Locale::ALL
            .iter()
            .map(|l| (l.code(), l.native_name()))
            .collect(),
    };
    Ok(html(page.render()?))
}

/// `POST /admin/rounds/{id}/{action}`: launch, remind or close.
pub async fn round_action(
    who: Require<AdminOnly>,
    path: web::Path<(String, String)>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, PageError> {
    let (id, action) = path.into_inner();
    let closing = action == "close";
    let reminding = action == "remind";
    let rules = ReminderRules {
        cooldown: state.settings.reminders.cooldown(),
        trigger: Trigger::Admin,
    };
    let (templates, actor) = (state.templates.clone(), who.actor.clone());
    let floor = state.settings.anonymity.floor();
    let seal_options = app_rounds::SealOptions {
        driver_min_respondents: state.settings.drivers.min_respondents,
    };
    let recent_links = state.recent_links.clone();
    let (round_id, notice) = with_conn::<PageError, _>(&state, move |conn| {
        let now = clock::now();
        let id = app_rounds::lookup(conn, &id)?.id;
        let notice: Result<String, PageError> =
        match action.as_str() {
            "launch" => {
                let rep = app_rounds::launch_at_floor(conn, id, &templates, floor, now, &actor)?;
                let warn = if rep.recent_roster_changes > 0 {
                    format!(
                        " Note: the roster changed {} time(s) in the last 7 days.",
                        rep.recent_roster_changes
                    )
                } else {
                    String::new()
                };
                Ok(format!(
                    "Launched: {} invitation(s) queued; k = {}, comments from {} answers.{warn}",
                    rep.invitations, rep.k, rep.comment_threshold
                ))
            }
            "remind" => {
                let rep = app_rounds::remind(conn, id, now, &actor, rules)?;
                Ok(format!(
                    "{} reminder(s) and {} re-invitation(s) queued; {} not reminded again (reminded in the last {} hours).",
                    rep.reminders,
                    rep.reinvites,
                    rep.held_back,
                    rules.cooldown.whole_hours()
                ))
            }
            "close" => {
                let rep = app_rounds::close_and_seal_with(conn, id, now, &actor, seal_options)?;
                recent_links.forget_round(rep.round_id);
                Ok(format!(
                    "Round closed and sealed: {} response(s).",
                    rep.responses
                ))
            }
            other => Err(PageError::NoRoundAction(other.to_string())),
        };
        Ok((id, notice?))
    })
    .await?;
    if closing {
        app_rounds::scrub_after_seal(&state.pool);
    }
    if reminding {
        // Back to the round, where the wave now shows.
        return Ok(back_to(&format!("/admin/rounds/{round_id}"), &notice));
    }
    Ok(back_to("/admin", &notice))
}
