//! The dashboard's action forms: record an action on a sealed round, and move one along
//! (status, due quarter, owner, public note). Both go through the same use cases as the API.

use crate::web::lang::Lang;
use std::collections::{BTreeMap, HashMap};

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
    /// `title_<code>` and `note_<code>` for each registered language (and the CSRF token,
    /// which the middleware already checked).
    #[serde(flatten)]
    fields: HashMap<String, String>,
}

fn target(s: &str) -> Result<(RoundId, ActionLink), PageError> {
    let (round, link) = s.split_once('|').ok_or(PageError::ActionTarget)?;
    let round = round.parse().map_err(|_| PageError::ActionTarget)?;
    let link = serde_json::from_str(link).map_err(|_| PageError::ActionTarget)?;
    Ok((round, link))
}

/// The languages a form filled in (a title or a note); the use case checks each.
fn texts(fields: &HashMap<String, String>) -> BTreeMap<Locale, ActionText> {
    let field = |kind: &str, l: Locale| {
        fields
            .get(&format!("{kind}_{}", l.code()))
            .cloned()
            .unwrap_or_default()
    };
    Locale::ALL
        .into_iter()
        .map(|l| {
            let text = ActionText {
                title: field("title", l),
                note: field("note", l),
            };
            (l, text)
        })
        .filter(|(_, t)| !t.title.trim().is_empty() || !t.note.trim().is_empty())
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
        texts: texts(&f.fields),
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

/// One language's title and note fields on the new-action form.
pub(crate) struct TextField {
    pub code: &'static str,
    pub title_label: String,
    pub note_label: String,
    /// The company's language: its title is required (respondents whose language is missing
    /// read it).
    pub required: bool,
}

/// The new-action form's words: its two hints, which name the company's language, and one
/// title and one note field per registered language, the company's language first. A language
/// added to the registry gets its fields here with no change to the form.
pub(crate) struct ActionFormWords {
    /// The move-along form's note, which is the company's language's.
    pub edit_note_label: String,
    pub company_lang: &'static str,
    pub title_hint: String,
    pub note_hint: String,
    pub fields: Vec<TextField>,
}

pub(crate) fn action_form_words(lang: Lang, default: Locale) -> ActionFormWords {
    let say =
        |key, l: Locale| super::dash_words::say(lang.0, key, &[("language", l.native_name())]);
    let mut order = Locale::ALL.to_vec();
    order.sort_by_key(|l| *l != default);
    ActionFormWords {
        edit_note_label: say("dash-action-note-in", default),
        company_lang: default.code(),
        title_hint: say("dash-action-title-hint", default),
        note_hint: say("dash-action-note-hint", default),
        fields: order
            .into_iter()
            .map(|l| TextField {
                code: l.code(),
                title_label: say("dash-action-title-in", l),
                note_label: say("dash-action-note-in", l),
                required: l == default,
            })
            .collect(),
    }
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
    form: ActionFormWords,
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
        form: action_form_words(lang, state.settings.default_locale),
    };
    Ok(super::html(page.render()?))
}
