//! The dashboard's action forms: record an action on a sealed round, and move one along
//! (status, due quarter, owner, public note). Both go through the same use cases as the API.

use crate::web::lang::Lang;
use std::collections::BTreeMap;

use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::{back, parse_form, quarter_field, PageError};
use crate::app::actions::{self, ActionInput};
use crate::auth::Identity;
use crate::domain::actions::{ActionLink, ActionStatus, ActionText};
use crate::domain::ids::RoundId;
use crate::domain::locale::Locale;
use crate::web::auth::{AdminOnly, CtoOnly, Require};
use crate::web::state::AppState;
use crate::web::with_conn;

/// The new-action form.
#[derive(Deserialize)]
pub struct NewActionForm {
    /// `round id|link as JSON`, from the list of choices.
    target: String,
    owner: String,
    due: String,
    status: String,
    #[serde(default)]
    title_en: String,
    #[serde(default)]
    title_ko: String,
    #[serde(default)]
    title_nl: String,
    #[serde(default)]
    title_de: String,
    #[serde(default)]
    note_en: String,
    #[serde(default)]
    note_ko: String,
    #[serde(default)]
    note_nl: String,
    #[serde(default)]
    note_de: String,
}

fn target(s: &str) -> Result<(RoundId, ActionLink), PageError> {
    let (round, link) = s.split_once('|').ok_or(PageError::ActionTarget)?;
    let round = round.parse().map_err(|_| PageError::ActionTarget)?;
    let link = serde_json::from_str(link).map_err(|_| PageError::ActionTarget)?;
    Ok((round, link))
}

/// The languages a form filled in (a title or a note); the use case checks each.
fn texts(fields: [(Locale, &str, &str); 4]) -> BTreeMap<Locale, ActionText> {
    fields
        .into_iter()
        .filter(|(_, t, n)| !t.trim().is_empty() || !n.trim().is_empty())
        .map(|(l, t, n)| {
            (
                l,
                ActionText {
                    title: t.to_string(),
                    note: n.to_string(),
                },
            )
        })
        .collect()
}

/// `POST /dashboard/actions`.
pub async fn add(
    who: Require<CtoOnly>,
    lang: Lang,
    body: web::Bytes,
    state: web::Data<AppState>,
) -> Result<HttpResponse, PageError> {
    add_as(&who, lang, &body, &state, "/dashboard").await
}

/// `POST /admin/actions`.
pub async fn admin_add(
    who: Require<AdminOnly>,
    lang: Lang,
    body: web::Bytes,
    state: web::Data<AppState>,
) -> Result<HttpResponse, PageError> {
    add_as(&who, lang, &body, &state, "/admin/actions").await
}

async fn add_as(
    who: &Identity,
    lang: Lang,
    body: &[u8],
    state: &AppState,
    page: &str,
) -> Result<HttpResponse, PageError> {
    let f: NewActionForm = parse_form(body)?;
    let (round, link) = target(&f.target)?;
    let input = ActionInput {
        round,
        quarter: None,
        link,
        owner: f.owner.clone(),
        due: quarter_field(&f.due)?,
        status: f.status.parse::<ActionStatus>()?,
        texts: texts([
            (Locale::En, &f.title_en, &f.note_en),
            (Locale::Ko, &f.title_ko, &f.note_ko),
            (Locale::Nl, &f.title_nl, &f.note_nl),
            (Locale::De, &f.title_de, &f.note_de),
        ]),
    };
    let (actor, locale) = (who.actor.clone(), state.settings.default_locale);
    with_conn::<PageError, _>(state, move |conn| {
        Ok(actions::create(
            conn,
            &input,
            locale,
            &actor,
            crate::clock::now(),
        )?)
    })
    .await?;
    Ok(back(
        page,
        crate::i18n::template(lang.0, "staff-notice-action-recorded"),
    ))
}

/// The move-along form of one action.
#[derive(Deserialize)]
pub struct ActionStatusForm {
    status: String,
    due: String,
    owner: String,
    #[serde(default)]
    note: String,
}

/// `POST /dashboard/actions/{id}`: a new status, due quarter, owner and public note (in the
/// company's language); the link, title and other languages stay as they were.
pub async fn update(
    who: Require<CtoOnly>,
    lang: Lang,
    id: web::Path<String>,
    body: web::Bytes,
    state: web::Data<AppState>,
) -> Result<HttpResponse, PageError> {
    update_as(&who, lang, id.into_inner(), &body, &state, "/dashboard").await
}

/// `POST /admin/actions/{id}`.
pub async fn admin_update(
    who: Require<AdminOnly>,
    lang: Lang,
    id: web::Path<String>,
    body: web::Bytes,
    state: web::Data<AppState>,
) -> Result<HttpResponse, PageError> {
    update_as(&who, lang, id.into_inner(), &body, &state, "/admin/actions").await
}

async fn update_as(
    who: &Identity,
    lang: Lang,
    id: String,
    body: &[u8],
    state: &AppState,
    page: &str,
) -> Result<HttpResponse, PageError> {
    let f: ActionStatusForm = parse_form(body)?;
    let status = f.status.parse::<ActionStatus>()?;
    let due = quarter_field(&f.due)?;
    let (actor, locale) = (who.actor.clone(), state.settings.default_locale);
    with_conn::<PageError, _>(state, move |conn| {
        let a = actions::get(conn, &id)?;
        let mut texts = a.texts.0.clone();
        if let Some(t) = texts.get_mut(&locale) {
            t.note = f.note.clone();
        }
        let input = ActionInput {
            round: a.round_id,
            quarter: None,
            link: a.link,
            owner: f.owner,
            due,
            status,
            texts,
        };
        Ok(actions::update(
            conn,
            &id,
            &input,
            locale,
            &actor,
            crate::clock::now(),
        )?)
    })
    .await?;
    Ok(back(
        page,
        crate::i18n::template(lang.0, "staff-notice-action-updated"),
    ))
}

/// The actions with their follow-through as cards, and (for editors) the links to choose from.
pub(crate) async fn action_parts(
    state: &AppState,
    editing: bool,
    figures: bool,
    lang: Lang,
) -> Result<
    (
        Vec<super::actions_view::ActionCard>,
        Vec<super::actions_view::LinkOptionGroup>,
    ),
    PageError,
> {
    let opts = crate::app::scorecard::Options::from_settings(&state.settings, false);
    let (followed, choices) = with_conn::<PageError, _>(state, move |conn| {
        let all = crate::app::actions::list(conn)?;
        // Those who may not read results (the admin) get the actions without their figures.
        let followed = if figures {
            crate::app::actions::follow::follow(conn, all, &opts)?
        } else {
            all.into_iter()
                .map(|action| crate::app::actions::follow::FollowedAction {
                    action,
                    points: Vec::new(),
                })
                .collect()
        };
        let choices = if editing {
            crate::app::actions::link_choices(conn)?
        } else {
            Vec::new()
        };
        Ok((followed, choices))
    })
    .await?;
    let locale = state.settings.default_locale;
    // The pages list the newest quarter's actions first.
    let mut cards = super::actions_view::action_cards(&followed, &state.templates, locale, lang.0);
    cards.reverse();
    Ok((
        cards,
        super::actions_view::link_options(&choices, &state.templates, lang.0),
    ))
}

pub(crate) fn statuses(lang: Lang) -> Vec<(&'static str, &'static str)> {
    crate::domain::actions::ActionStatus::ALL
        .iter()
        .map(|s| (s.key(), super::actions_view::status_words(lang.0, *s)))
        .collect()
}

/// The new-action form's two hints, which name the company's language.
pub(crate) fn action_hints(lang: Lang, default: Locale) -> [String; 2] {
    let language = [("language", default.native_name())];
    [
        super::dash_words::say(lang.0, "dash-action-title-hint", &language),
        super::dash_words::say(lang.0, "dash-action-note-en", &language),
    ]
}

/// The admin's actions page: every action and the forms, without the figures (the admin
/// does not read results).
#[derive(askama::Template)]
#[template(path = "staff/admin_actions.html")]
struct AdminActionsPage {
    nav: crate::web::lang::Nav,
    email: String,
    csrf_token: String,
    notice: Option<String>,
    actions_path: &'static str,
    actions: Vec<super::actions_view::ActionCard>,
    any_done: bool,
    can_edit_actions: bool,
    link_groups: Vec<super::actions_view::LinkOptionGroup>,
    statuses: Vec<(&'static str, &'static str)>,
    due_default: String,
    w: &'static super::dash_words::Body,
    action_hints: [String; 2],
}

/// `?notice=`.
#[derive(Deserialize)]
pub struct NoticeQuery {
    notice: Option<String>,
}

/// `GET /admin/actions`.
pub async fn admin_page(
    who: Require<AdminOnly>,
    lang: Lang,
    q: web::Query<NoticeQuery>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, PageError> {
    use askama::Template;
    let (actions, link_groups) = action_parts(&state, true, false, lang).await?;
    let current = crate::domain::quarter::Quarter::containing(
        crate::clock::now().date(),
        state.settings.fiscal_year_start_month,
    );
    let page = AdminActionsPage {
        nav: super::nav(&who, "/admin/actions", lang),
        email: who.actor.clone(),
        csrf_token: who.csrf_token().unwrap_or_default(),
        notice: q.notice.clone(),
        actions_path: "/admin/actions",
        any_done: false,
        actions,
        can_edit_actions: true,
        link_groups,
        statuses: statuses(lang),
        due_default: current.next().to_string(),
        w: super::dash_words::body(lang.0),
        action_hints: action_hints(lang, state.settings.default_locale),
    };
    Ok(super::html(page.render()?))
}
