//! `/api/v1/actions`: action plans with their follow-through. Read by those who read the
//! scorecard; written by the CTO and the admin (sessions need the CSRF header).

pub mod csv_export;
pub mod types;

use actix_web::error::BlockingError;
use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};

use self::types::{ActionBody, ActionExportFormat, ActionExportQuery, ActionId, ActionView};
use super::api_types::ErrorBody;
use super::auth::{ActionEditors, Require, ResultReaders};
use super::error::{responds, Kind, WebError};
use super::with_conn;
use crate::app::actions::follow::{self, FollowError};
use crate::app::actions::{self, ActionInput, ActionsError};
use crate::app::scorecard::Options;
use crate::db::DbError;
use crate::domain::ids::RoundId;
use crate::domain::quarter::{InvalidQuarter, Quarter};
use crate::web::state::AppState;

/// What an actions request could not do.
#[derive(Debug, thiserror::Error)]
pub enum ActionsApiError {
    #[error("the body is not a valid action: {0}")]
    Body(#[from] serde_json::Error),
    #[error("{0}")]
    Query(#[from] actix_web::error::QueryPayloadError),
    #[error("{0}")]
    Quarter(#[from] InvalidQuarter),
    #[error("round {0:?} is not a round id")]
    RoundId(String),
    #[error("{0}")]
    Actions(#[from] ActionsError),
    #[error("{0}")]
    Follow(#[from] FollowError),
    #[error("the CSV export could not be written")]
    Csv(#[from] csv::Error),
    #[error("the request failed on the database")]
    Db(#[from] DbError),
    #[error("no blocking thread for the request")]
    Blocking(#[from] BlockingError),
}

impl WebError for ActionsApiError {
    fn kind(&self) -> Kind {
        use ActionsApiError as E;
        match self {
            E::Body(_) | E::Query(_) | E::Quarter(_) | E::RoundId(_) => Kind::BadRequest,
            E::Actions(e) => e.kind(),
            E::Follow(e) => e.kind(),
            E::Csv(_) => Kind::Internal,
            E::Db(e) => e.kind(),
            E::Blocking(e) => e.kind(),
        }
    }
}

responds!(ActionsApiError);

/// Reads and types an action body (after authentication: an extractor would answer 400
/// where 401/403 is due).
fn input(body: &[u8]) -> Result<ActionInput, ActionsApiError> {
    let b: ActionBody = serde_json::from_slice(body)?;
    let round: RoundId = b
        .round
        .parse()
        .map_err(|_| ActionsApiError::RoundId(b.round.clone()))?;
    let quarter = b
        .quarter
        .as_deref()
        .map(str::parse::<Quarter>)
        .transpose()?;
    Ok(ActionInput {
        round,
        quarter,
        link: b.link,
        owner: b.owner,
        due: b.due.parse()?,
        status: b.status,
        texts: b.texts.into_map(),
    })
}

fn options(state: &AppState) -> Options {
    Options::from_settings(&state.settings, false)
}

/// Every action with its follow-through, oldest first.
async fn followed(state: &AppState) -> Result<Vec<ActionView>, ActionsApiError> {
    let opts = options(state);
    let list = with_conn::<ActionsApiError, _>(state, move |conn| {
        let all = actions::list(conn)?;
        Ok(follow::follow(conn, all, &opts)?)
    })
    .await?;
    Ok(list.into_iter().map(ActionView::from).collect())
}

/// `GET /api/v1/actions`: every action with its follow-through.
#[utoipa::path(get, path = "/api/v1/actions", tag = "actions",
    responses((status = 200, description = "Every action, oldest first, with its linked figure in the quarter it was made and in each later quarter with a closed round, and the change since the start (changed, no real change, can't tell, not comparable). A withheld figure stays withheld.", body = Vec<ActionView>)))]
pub async fn list(
    _who: Require<ResultReaders>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ActionsApiError> {
    Ok(HttpResponse::Ok().json(followed(&state).await?))
}

/// `POST /api/v1/actions`: records an action on a sealed round.
#[utoipa::path(post, path = "/api/v1/actions", tag = "actions", request_body = ActionBody,
    responses(
        (status = 201, description = "Recorded (and audited).", body = ActionId),
        (status = 400, description = "The body is not JSON of this shape (unknown fields included), or a quarter or round id is malformed.", body = ErrorBody),
        (status = 422, description = "Well-formed, but it does not fit: a title or owner empty or too long, a control character, the link not among the round's figures, the due quarter before the round's, the round of another quarter than stated, no text in the company's language, or dropped without a note.", body = ErrorBody),
        (status = 404, description = "No such round.", body = ErrorBody),
        (status = 409, description = "The round is not sealed yet.", body = ErrorBody),
    ))]
pub async fn create(
    who: Require<ActionEditors>,
    body: web::Bytes,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ActionsApiError> {
    let input = input(&body)?;
    let (actor, locale) = (who.actor.clone(), state.settings.default_locale);
    let id = with_conn::<ActionsApiError, _>(&state, move |conn| {
        Ok(actions::create(
            conn,
            &input,
            locale,
            &actor,
            crate::clock::now(),
        )?)
    })
    .await?;
    Ok(HttpResponse::Created().json(ActionId { id }))
}

/// `PUT /api/v1/actions/{id}`: replaces an action's link, owner, due quarter, status and texts.
#[utoipa::path(put, path = "/api/v1/actions/{id}", tag = "actions", request_body = ActionBody,
    params(("id" = String, Path, description = "The action's id.")),
    responses(
        (status = 200, description = "Replaced (and audited).", body = ActionId),
        (status = 400, description = "As for creating.", body = ErrorBody),
        (status = 422, description = "As for creating; also a different round than the action's.", body = ErrorBody),
        (status = 404, description = "No such action (or round).", body = ErrorBody),
    ))]
pub async fn replace(
    who: Require<ActionEditors>,
    id: web::Path<String>,
    body: web::Bytes,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ActionsApiError> {
    let input = input(&body)?;
    let id = id.into_inner();
    let (actor, locale) = (who.actor.clone(), state.settings.default_locale);
    let done = id.clone();
    with_conn::<ActionsApiError, _>(&state, move |conn| {
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
    Ok(HttpResponse::Ok().json(ActionId { id: done }))
}

/// `GET /api/v1/actions/export?format=csv|json`: the actions as a download.
#[utoipa::path(get, path = "/api/v1/actions/export", tag = "actions", params(ActionExportQuery),
    responses(
        (status = 200, description = "The actions as a download: CSV (one row per action and quarter of follow-through, formula-safe cells) or JSON (the /api/v1/actions body).",
            headers(("Content-Disposition" = String, description = "attachment; filename=\"ctopulse-actions.csv\" (or .json)")),
            content((String = "text/csv"), (Vec<ActionView> = "application/json"))),
        (status = 400, description = "The format is not csv or json.", body = ErrorBody),
    ))]
pub async fn export(
    _who: Require<ResultReaders>,
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ActionsApiError> {
    let q = web::Query::<ActionExportQuery>::from_query(req.query_string())?.into_inner();
    let list = followed(&state).await?;
    let (body, content_type, ext) = match q.format.unwrap_or_default() {
        ActionExportFormat::Csv => (
            csv_export::to_csv(&list, state.settings.default_locale)?,
            "text/csv; charset=utf-8",
            "csv",
        ),
        ActionExportFormat::Json => (
            serde_json::to_string_pretty(&list)?,
            "application/json",
            "json",
        ),
    };
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"ctopulse-actions.{ext}\""),
        ))
        .body(body))
}
