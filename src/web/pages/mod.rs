//! The staff pages: the CTO dashboard and the board page (server-rendered, no script).

pub mod actions_form;
pub mod actions_view;
pub mod admin;
mod cards_view;
mod change_view;
pub mod dash_words;
pub mod drivers_view;
mod error;
mod open_rounds;
mod register_forms;
pub mod time_import;
pub mod time_split;
pub mod time_words;
pub mod view;
pub mod words;

pub use self::error::PageError;
pub use self::register_forms::{
    add_point, assess_point, confirm_point, save_commentary, AssessForm, CommentaryForm,
    ConfirmForm, PointForm,
};
pub(crate) use crate::web::lang::nav;

use crate::i18n::Arg;
use crate::web::lang::Lang;
use actix_web::http::header;
use actix_web::{web, HttpResponse};
use askama::Template;
use serde::Deserialize;

use self::view::{scorecard_view, ScorecardView};
use super::api::scorecard_for;
use super::api_types::CommentsWanted;
use super::auth::{BoardOnly, CtoOnly, Require};
use super::error::{Kind, WebError};
use super::with_conn;
use crate::app::scorecard;
use crate::app::{commentary, inflection, participation, rounds};
use crate::auth::Identity;
use crate::domain::quarter::Quarter;
use crate::web::state::AppState;

/// One register row as shown.
pub struct RegisterRow {
    pub row: usize,
    /// The point's first row: the assess form is shown once per point, not per assessment.
    pub first: bool,
    pub point_id: String,
    pub title: String,
    pub first_seen: String,
    /// "first seen 2026Q2".
    pub first_seen_text: String,
    pub quarter: String,
    /// `quarter` as the reader says it.
    pub quarter_label: String,
    pub assessment: String,
    pub assessment_text: String,
    pub cto_note: String,
    pub board_state: String,
    pub board_note: String,
}

/// A closed quarter in the quarter picker: its code for the link, its name for the reader.
pub struct QuarterLink {
    pub code: String,
    pub label: String,
    pub current: bool,
}

#[derive(Template)]
#[template(path = "staff/dashboard.html")]
struct DashboardPage {
    actions_path: &'static str,
    actions: Vec<actions_view::ActionCard>,
    any_done: bool,
    can_edit_actions: bool,
    link_groups: Vec<actions_view::LinkOptionGroup>,
    statuses: Vec<(&'static str, &'static str)>,
    due_default: String,
    w: &'static dash_words::Body,
    form: actions_form::ActionFormWords,
    nav: crate::web::lang::Nav,
    email: String,
    csrf_token: String,
    notice: Option<String>,
    quarters: Vec<QuarterLink>,
    scorecard: Option<ScorecardView>,
    show_comments: bool,
    open_rounds: Vec<open_rounds::OpenRoundView>,
    commentary_quarter: String,
    commentary_heading: String,
    commentary_text: String,
    register: Vec<RegisterRow>,
    can_assess: bool,
    can_confirm: bool,
    assess_quarter: String,
    split: Option<time_split::TimeSplitView>,
}

#[derive(Template)]
#[template(path = "staff/board.html")]
struct BoardPage {
    actions_path: &'static str,
    actions: Vec<actions_view::ActionCard>,
    any_done: bool,
    can_edit_actions: bool,
    link_groups: Vec<actions_view::LinkOptionGroup>,
    statuses: Vec<(&'static str, &'static str)>,
    due_default: String,
    w: &'static dash_words::Body,
    form: actions_form::ActionFormWords,
    nav: crate::web::lang::Nav,
    email: String,
    csrf_token: String,
    notice: Option<String>,
    quarters: Vec<QuarterLink>,
    scorecard: Option<ScorecardView>,
    show_comments: bool,
    register: Vec<RegisterRow>,
    can_assess: bool,
    can_confirm: bool,
    assess_quarter: String,
    /// The quarter's time split: quarterly shares only, never events.
    split: Option<time_split::TimeSplitView>,
    /// The report's other languages: (code, own name).
    languages: Vec<(&'static str, &'static str)>,
    report_alt: String,
}

/// `?quarter=` and `?notice=` on the pages.
#[derive(Deserialize)]
pub struct PageQuery {
    quarter: Option<String>,
    notice: Option<String>,
    /// `all`: every comment, not the sample of [`scorecard::COMMENT_SAMPLE`] per list.
    comments: Option<String>,
}

pub(crate) fn html(body: String) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body)
}

struct Common {
    quarters: Vec<QuarterLink>,
    scorecard: Option<ScorecardView>,
    register: Vec<RegisterRow>,
    quarter: Option<Quarter>,
}

async fn common(
    state: &AppState,
    who: &Identity,
    q: &PageQuery,
    lang: Lang,
) -> Result<Common, PageError> {
    let locale = lang.0;
    let wanted = q
        .quarter
        .as_deref()
        .filter(|s| !s.is_empty())
        .map(str::parse::<Quarter>)
        .transpose()?;
    let all_comments = q.comments.as_deref() == Some("all");
    let comments = if all_comments {
        CommentsWanted::All
    } else {
        CommentsWanted::Sample
    };
    let (listed, loaded) = futures_util::future::join(
        with_conn::<PageError, _>(state, |conn| {
            Ok((
                scorecard::closed_quarters(conn)?,
                inflection::register(conn)?,
            ))
        }),
        scorecard_for::<PageError>(state, who, wanted, comments),
    )
    .await;
    let (closed, reg) = listed?;
    let loaded = match loaded {
        Ok(l) => Some(l),
        // Nothing closed yet: the page shows no scorecard rather than an error.
        Err(e) if wanted.is_none() && e.kind() == Kind::NotFound => None,
        Err(e) => return Err(e),
    };
    let quarter = loaded.as_ref().map(|l| l.scorecard.quarter);
    let thresholds = scorecard::status_thresholds(&state.settings.thresholds);
    let mut scorecard = loaded
        .as_ref()
        .map(|l| scorecard_view(l, &state.templates, locale, &thresholds, all_comments));
    if let (Some(view), Some(q)) = (scorecard.as_mut(), quarter) {
        let changes = with_conn::<PageError, _>(state, move |conn| {
            Ok(rounds::roster_changes_at_launch(conn, q)?)
        })
        .await?;
        view.roster_notes = changes
            .into_iter()
            .map(|(template, at, n)| {
                dash_words::say_n(
                    locale,
                    "dash-roster-changed",
                    &[
                        ("template", Arg::Text(&template)),
                        ("n", Arg::Count(u64::try_from(n).unwrap_or(0))),
                        (
                            "date",
                            Arg::Text(&crate::i18n::date_long(locale, at.date())),
                        ),
                    ],
                )
            })
            .collect();
    }
    let firsts: Vec<bool> = (0..reg.len())
        .map(|i| i == 0 || reg[i - 1].point_id != reg[i].point_id)
        .collect();
    Ok(Common {
        quarters: closed
            .iter()
            .map(|c| QuarterLink {
                code: c.to_string(),
                label: crate::i18n::quarter_long(locale, *c),
                current: Some(*c) == quarter,
            })
            .collect(),
        scorecard,
        register: reg
            .into_iter()
            .zip(firsts)
            .enumerate()
            .map(|(row, (e, first))| RegisterRow {
                row,
                first,
                point_id: e.point_id,
                title: e.title,
                first_seen_text: dash_words::say(
                    locale,
                    "dash-first-seen",
                    &[(
                        "quarter",
                        &words::quarter_words(locale, &e.first_seen_quarter),
                    )],
                ),
                quarter_label: words::quarter_words(locale, e.quarter.as_deref().unwrap_or("")),
                first_seen: e.first_seen_quarter,
                quarter: e.quarter.unwrap_or_default(),
                assessment_text: e.assessment.as_deref().map_or_else(
                    || dash_words::word(locale, "dash-not-assessed").to_string(),
                    |a| cards_view::assessment_text(locale, a),
                ),
                assessment: e.assessment.unwrap_or_default(),
                cto_note: e.cto_note.unwrap_or_default(),
                board_state: e
                    .board_state
                    .as_deref()
                    .map(|b| cards_view::confirmation_text(locale, b))
                    .unwrap_or_default(),
                board_note: e.board_note.unwrap_or_default(),
            })
            .collect(),
        quarter,
    })
}

/// `GET /dashboard`: the CTO's scorecard, drill-down, comments, open rounds, register and
/// commentary form.
pub async fn dashboard(
    who: Require<CtoOnly>,
    lang: Lang,
    q: web::Query<PageQuery>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, PageError> {
    // Independent reads on their own connections: the page waits for the slowest, not the sum.
    let (c, split, (actions, link_groups)) = tokio::try_join!(
        common(&state, &who, &q, lang),
        time_split::load_view(&state, None, lang),
        actions_form::action_parts(&state, true, true, lang),
    )?;
    let current = c.quarter.unwrap_or_else(|| {
        Quarter::containing(
            crate::clock::now().date(),
            state.settings.fiscal_year_start_month,
        )
    });
    let templates = state.templates.clone();
    let (role, strict) = (who.role, state.settings.anonymity.strict_mode);
    let hourly = state.hourly_counts.clone();
    let (open_rounds, text) = with_conn::<PageError, _>(&state, move |conn| {
        let seen = participation::open_rounds(conn, role, &hourly, strict, crate::clock::now())?;
        Ok((
            open_rounds::open_round_views(seen, &templates, lang.0),
            commentary::get(conn, current)?.unwrap_or_default(),
        ))
    })
    .await?;
    let page = DashboardPage {
        any_done: actions.iter().any(|a| a.status_key == "done"),
        actions_path: "/dashboard/actions",
        actions,
        can_edit_actions: true,
        link_groups,
        statuses: actions_form::statuses(lang),
        due_default: current.next().to_string(),
        w: dash_words::body(lang.0),
        form: actions_form::action_form_words(lang, state.settings.default_locale),
        nav: nav(&who, "/dashboard", lang),
        email: who.actor.clone(),
        csrf_token: who.csrf_token().unwrap_or_default(),
        notice: q.notice.clone(),
        quarters: c.quarters,
        scorecard: c.scorecard,
        show_comments: true,
        open_rounds,
        commentary_quarter: current.to_string(),
        commentary_heading: dash_words::say(
            lang.0,
            "dash-commentary-heading",
            &[("quarter", &crate::i18n::quarter_long(lang.0, current))],
        ),
        commentary_text: text,
        register: c.register,
        can_assess: true,
        can_confirm: false,
        assess_quarter: current.to_string(),
        split,
    };
    Ok(html(page.render()?))
}

/// `GET /board`: the scorecard, the report inline, downloads, and the register to confirm.
pub async fn board(
    who: Require<BoardOnly>,
    lang: Lang,
    q: web::Query<PageQuery>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, PageError> {
    let (c, (actions, link_groups)) = tokio::try_join!(
        common(&state, &who, &q, lang),
        actions_form::action_parts(&state, false, true, lang),
    )?;
    let split = time_split::load_view(&state, c.quarter, lang)
        .await?
        .filter(|v| v.has_hours);
    let report_alt = dash_words::say(
        lang.0,
        "dash-board-report-alt",
        &[(
            "quarter",
            &c.quarter
                .map(|q| crate::i18n::quarter_long(lang.0, q))
                .unwrap_or_default(),
        )],
    );
    let page = BoardPage {
        any_done: actions.iter().any(|a| a.status_key == "done"),
        actions_path: "/dashboard/actions",
        actions,
        can_edit_actions: false,
        link_groups,
        statuses: actions_form::statuses(lang),
        due_default: String::new(),
        w: dash_words::body(lang.0),
        form: actions_form::action_form_words(lang, state.settings.default_locale),
        nav: nav(&who, "/board", lang),
        email: who.actor.clone(),
        csrf_token: who.csrf_token().unwrap_or_default(),
        notice: q.notice.clone(),
        quarters: c.quarters,
        scorecard: c.scorecard,
        show_comments: state.settings.anonymity.board_reads_comments(),
        register: c.register,
        can_assess: false,
        can_confirm: true,
        assess_quarter: String::new(),
        split,
        languages: crate::domain::locale::Locale::ALL
            .iter()
            .map(|l| (l.code(), l.native_name()))
            .collect(),
        report_alt,
    };
    Ok(html(page.render()?))
}

fn back(to: &str, notice: &str) -> HttpResponse {
    let q = serde_urlencoded::to_string([("notice", notice)]).unwrap_or_default();
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, format!("{to}?{q}")))
        .finish()
}

/// Parses a form body after the caller is authenticated (an extractor would reject a bad
/// form before the role check, answering 400 where 401/403 is due).
pub(crate) fn parse_form<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, PageError> {
    if super::middleware::carries_nul(body) {
        return Err(PageError::FormNul);
    }
    Ok(serde_urlencoded::from_bytes(body)?)
}

/// Refuses an upload that is not `multipart/form-data` (a file form posted some other way).
pub(crate) fn require_multipart(req: &actix_web::HttpRequest) -> Result<(), PageError> {
    let is_multipart = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    if is_multipart {
        Ok(())
    } else {
        Err(PageError::NotMultipart)
    }
}

pub(crate) fn quarter_field(s: &str) -> Result<Quarter, PageError> {
    Ok(s.parse()?)
}
