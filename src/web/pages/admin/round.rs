//! `/admin/rounds/{id}`: one round's actions (launch; remind and close, each confirmed first),
//! preview and test-send, participation per group, reminder waves and undeliverable addresses
//! — counts only, never who answered.

use crate::web::lang::Lang;
use actix_web::{web, HttpResponse};
use askama::Template;

use super::words as aw;
use super::{back_to, round_actions, NoticeQuery};
use crate::app::rounds::{self as app_rounds, RemindReport, ReminderRules, Wave};
use crate::clock;
use crate::domain::locale::Locale;
use crate::domain::reminders::Trigger;
use crate::domain::round::RoundStatus;
use crate::i18n::Arg;
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

/// What the Remind button would send now, in words.
pub struct RemindView {
    /// Nobody would get a message: only the way back is offered.
    pub nobody: bool,
    /// The plan, as HTML (escaped, counts in bold).
    pub plan: String,
    /// The button's label.
    pub send: String,
}

impl RemindView {
    fn of(plan: &RemindReport, cooldown_hours: u32, locale: Locale) -> RemindView {
        let count = |n: usize| u64::try_from(n).unwrap_or(0);
        let (reminders, reinvites, held) = (
            count(plan.reminders),
            count(plan.reinvites),
            count(plan.held_back),
        );
        let hours = Arg::Count(u64::from(cooldown_hours));
        let held_arg = [("held", Arg::Count(held)), ("hours", hours)];
        let written = |n: u64| crate::i18n::count(locale, n);
        if reminders + reinvites == 0 {
            let text = if held > 0 {
                aw::say_n(locale, "adm-remind-nobody-held", &held_arg)
            } else {
                aw::word(locale, "adm-remind-nobody").to_string()
            };
            return RemindView {
                nobody: true,
                plan: aw::strong_numbers(&text, &[]),
                send: String::new(),
            };
        }
        let mut numbers = vec![written(reminders)];
        let mut text = if reinvites > 0 {
            numbers.push(written(reinvites));
            aw::say_n(
                locale,
                "adm-remind-plan-reinvites",
                &[
                    ("reminders", Arg::Count(reminders)),
                    ("reinvites", Arg::Count(reinvites)),
                ],
            )
        } else {
            aw::say_n(
                locale,
                "adm-remind-plan",
                &[("reminders", Arg::Count(reminders))],
            )
        };
        if held > 0 {
            text.push(' ');
            text.push_str(&aw::say_n(locale, "adm-remind-held", &held_arg));
        }
        text.push(' ');
        text.push_str(aw::word(locale, "adm-remind-answered"));
        RemindView {
            nobody: false,
            plan: aw::strong_numbers(&text, &numbers),
            send: aw::say_n(
                locale,
                "adm-remind-send",
                &[("n", Arg::Count(reminders + reinvites))],
            ),
        }
    }
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
    fn of(w: &Wave, locale: Locale) -> WaveRow {
        let actor = [("actor", w.actor.as_str())];
        let by = match w.trigger {
            Trigger::Schedule => aw::word(locale, "adm-by-schedule").to_string(),
            Trigger::Cli => aw::say(locale, "adm-by-cli", &actor),
            Trigger::Admin => aw::say(locale, "adm-by-admin", &actor),
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
    status: &'static str,
    is_draft: bool,
    /// "closes at the end of …", and the emails still waiting, if any.
    closes: String,
    pending: Option<String>,
    roster_changes: Option<String>,
    actions: Vec<(&'static str, &'static str)>,
    confirm_close: bool,
    close_body: String,
    /// What the Remind button would send now, when asked to confirm it.
    confirm_remind: Option<RemindView>,
    waves_caption: String,
    waves: Vec<WaveRow>,
    groups: Vec<GroupRow>,
    undeliverable_heading: String,
    /// The words before and after the link to the roster.
    undeliverable_intro: (&'static str, &'static str),
    w: &'static aw::Body,
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
    let locale = lang.0;
    let rate = |x: Option<f64>| {
        x.map(|x| words::pct(locale, x))
            .unwrap_or_else(|| "—".into())
    };
    let status = r.status();
    let cooldown_hours = state.settings.reminders.cooldown_hours;
    let count = |n: i64| Arg::Count(u64::try_from(n).unwrap_or(0));
    let w = aw::body(locale);
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
                .get(locale)
        ),
        status: aw::status(locale, status),
        is_draft: status == RoundStatus::Draft,
        closes: aw::say(
            locale,
            "adm-round-closes",
            &[("date", &r.closes_on.to_string())],
        ),
        pending: (p.emails_pending > 0).then(|| {
            aw::say_n(
                locale,
                "adm-round-pending",
                &[("n", count(p.emails_pending))],
            )
        }),
        roster_changes: (changes > 0)
            .then(|| aw::say_n(locale, "adm-roster-changed", &[("n", count(changes))])),
        actions: round_actions(status, locale),
        confirm_close: status == RoundStatus::Open && q.confirm.as_deref() == Some("close"),
        close_body: aw::say_n(
            locale,
            "adm-close-body",
            &[
                ("answered", count(p.overall.answered)),
                ("delivered", count(p.overall.delivered)),
            ],
        ),
        confirm_remind: preview.map(|plan| RemindView::of(&plan, cooldown_hours, locale)),
        waves_caption: aw::say_n(
            locale,
            "adm-waves-caption",
            &[("hours", Arg::Count(u64::from(cooldown_hours)))],
        ),
        waves: waves.iter().map(|v| WaveRow::of(v, locale)).collect(),
        undeliverable_heading: aw::say_n(
            locale,
            "adm-undeliverable",
            &[(
                "n",
                Arg::Count(u64::try_from(p.undeliverable.len()).unwrap_or(0)),
            )],
        ),
        undeliverable_intro: crate::web::lang::words::around(w.undeliverable_intro, "{roster}"),
        w,
        groups: p
            .groups
            .iter()
            .chain(std::iter::once(&p.overall))
            .map(|g| GroupRow {
                group: if g.group == "all" {
                    aw::word(locale, "adm-all").to_string()
                } else {
                    words::group_label(locale, &g.group)
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
            .map(|d| (d.key(), crate::charts::copy::department_name(locale, *d)))
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
    lang: Lang,
    path: web::Path<(String, String)>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, PageError> {
    let (id, action) = path.into_inner();
    let locale = lang.0;
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
        let notice: Result<String, PageError> = match action.as_str() {
            "launch" => {
                let rep = app_rounds::launch_at_floor(conn, id, &templates, floor, now, &actor)?;
                let mut notice = aw::say_n(
                    locale,
                    "adm-launched",
                    &[
                        ("n", Arg::Count(u64::try_from(rep.invitations).unwrap_or(0))),
                        ("k", Arg::Count(u64::from(rep.k))),
                        ("comments", Arg::Count(u64::from(rep.comment_threshold))),
                    ],
                );
                if rep.recent_roster_changes > 0 {
                    let n = u64::try_from(rep.recent_roster_changes).unwrap_or(0);
                    notice.push(' ');
                    notice.push_str(&aw::say_n(
                        locale,
                        "adm-launched-warn",
                        &[("n", Arg::Count(n))],
                    ));
                }
                Ok(notice)
            }
            "remind" => {
                let rep = app_rounds::remind(conn, id, now, &actor, rules)?;
                let n = |v: usize| Arg::Count(u64::try_from(v).unwrap_or(0));
                Ok(aw::say_n(
                    locale,
                    "adm-reminded",
                    &[
                        ("reminders", n(rep.reminders)),
                        ("reinvites", n(rep.reinvites)),
                        ("held", n(rep.held_back)),
                        (
                            "hours",
                            Arg::Count(u64::try_from(rules.cooldown.whole_hours()).unwrap_or(0)),
                        ),
                    ],
                ))
            }
            "close" => {
                let rep = app_rounds::close_and_seal_with(conn, id, now, &actor, seal_options)?;
                recent_links.forget_round(rep.round_id);
                Ok(aw::say_n(
                    locale,
                    "adm-closed",
                    &[("n", Arg::Count(u64::try_from(rep.responses).unwrap_or(0)))],
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
