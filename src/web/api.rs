//! `/api/v1`: JSON for automation (bearer API tokens) and for the pages (session cookie +
//! CSRF on writes). Results exist only for closed rounds; comments only for roles that may
//! read them.

use actix_web::error::BlockingError;
use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::api_types::{
    parse_quarter, CommentaryBody, CommentsWanted, ErrorBody, ExportFormat, ExportQuery,
    InflectionEntry, Me, OpenRoundProgress, QuarterQuery, ReportQuery, RoundResultsBody,
    ScorecardBody, ScorecardQuery, TrendsBody, Via,
};
use super::auth::{AnyStaff, Require, ResultReaders};
use super::error::{responds, Kind, WebError};
use super::{blocking, with_conn};
use crate::app::actions::follow::FollowError;
use crate::app::inflection::{self, InflectionError};
use crate::app::participation;
use crate::app::report::{self, RenderError, ReportFormat};
use crate::app::rounds::RoundError;
use crate::app::scorecard::{self, LoadedScorecard, Options, ScorecardError};
use crate::auth::{Credential, Identity, Role};
use crate::db::DbError;
use crate::domain::locale::Locale;
use crate::domain::quarter::{InvalidQuarter, Quarter};
use crate::export;
use crate::web::state::AppState;

/// What an API request could not do. A use case's error keeps its own words (and its kind,
/// `web::error`'s); the rest name what failed.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The query string does not fit the endpoint.
    #[error("{0}")]
    Query(#[from] super::query::QueryError),
    #[error("{0}")]
    Quarter(#[from] InvalidQuarter),
    #[error("{0}")]
    Scorecard(#[from] ScorecardError),
    #[error("{0}")]
    Round(#[from] RoundError),
    #[error("{0}")]
    Inflection(#[from] InflectionError),
    #[error("{0}")]
    TimeSplit(#[from] crate::app::time_split::TimeSplitError),
    #[error("the response body could not be encoded")]
    Encode(#[from] serde_json::Error),
    #[error("the CSV export could not be written")]
    Csv(#[from] csv::Error),
    #[error("the report could not be drawn")]
    Report(#[from] RenderError),
    #[error("{0}")]
    Pack(#[from] report::PackLoadError),
    #[error("the API request failed on the database")]
    Db(#[from] DbError),
    #[error("no blocking thread for the API request")]
    Blocking(#[from] BlockingError),
}

impl WebError for ApiError {
    fn kind(&self) -> Kind {
        match self {
            ApiError::Query(_) | ApiError::Quarter(_) => Kind::BadRequest,
            ApiError::Scorecard(e) => e.kind(),
            ApiError::Round(e) => e.kind(),
            ApiError::Inflection(e) => e.kind(),
            ApiError::TimeSplit(e) => e.kind(),
            ApiError::Encode(_) | ApiError::Csv(_) | ApiError::Report(_) => Kind::Internal,
            ApiError::Pack(report::PackLoadError::Register(e)) => e.kind(),
            ApiError::Pack(report::PackLoadError::Follow(FollowError::Scorecard(e))) => e.kind(),
            ApiError::Pack(report::PackLoadError::Follow(FollowError::Actions(_))) => {
                Kind::Internal
            }
            ApiError::Db(e) => e.kind(),
            ApiError::Blocking(e) => e.kind(),
        }
    }
}

responds!(ApiError);

/// `GET /api/v1/me`: who the credential belongs to.
#[utoipa::path(get, path = "/api/v1/me", tag = "staff",
    responses((status = 200, description = "The caller.", body = Me)))]
pub async fn me(who: Require<AnyStaff>) -> HttpResponse {
    HttpResponse::Ok().json(Me {
        actor: who.actor.clone(),
        role: who.role,
        via: match who.credential {
            Credential::Session { .. } => Via::Session,
            Credential::ApiToken { .. } => Via::Token,
        },
    })
}

/// The query string, or a 400 naming what is wrong with it. Read in the handler, after the
/// caller is authenticated: as an extractor it would answer 400 where 401/403 is due.
fn query<Q: DeserializeOwned>(req: &HttpRequest) -> Result<Q, ApiError> {
    Ok(super::query::parse(req.query_string())?)
}

fn quarter_of(q: Option<&str>) -> Result<Option<Quarter>, ApiError> {
    Ok(parse_quarter(q)?)
}

/// A body whose keys have always gone out sorted (it was built with `json!`): sending it
/// through `serde_json::Value` keeps the bytes the same.
fn sorted_json<T: Serialize>(body: &T) -> Result<HttpResponse, ApiError> {
    let value = serde_json::to_value(body)?;
    Ok(HttpResponse::Ok().json(value))
}

/// Whether this caller may read comments that pass the threshold.
pub fn may_read_comments(who: &Identity, state: &AppState) -> bool {
    who.role == Role::Cto
        || (who.role == Role::Board && state.settings.anonymity.board_reads_comments())
}

/// The scorecard options for this caller.
fn options_for(who: &Identity, state: &AppState) -> Options {
    Options::from_settings(&state.settings, may_read_comments(who, state))
}

/// Builds the scorecard a caller may see (for the API and the pages, each with its error).
/// `comments`: whether the comments the caller may read are wanted at all; reading none
/// spares loading what nobody will show (trends, the report images).
pub async fn scorecard_for<E>(
    state: &AppState,
    who: &Identity,
    quarter: Option<Quarter>,
    comments: CommentsWanted,
) -> Result<LoadedScorecard, E>
where
    E: From<ScorecardError> + From<DbError> + From<BlockingError> + Send + 'static,
{
    let mut opts = options_for(who, state);
    opts.include_comments &= comments != CommentsWanted::None;
    if comments == CommentsWanted::Sample {
        opts.comment_sample = Some(scorecard::COMMENT_SAMPLE);
    }
    with_conn(state, move |conn| {
        Ok(scorecard::load(conn, quarter, &opts, &mut rand::rng())?)
    })
    .await
}

/// `GET /api/v1/scorecard`: the quarter's scorecard.
#[utoipa::path(get, path = "/api/v1/scorecard", tag = "results", params(ScorecardQuery),
    responses(
        (status = 200, description = "Measures A, B, C with intervals, statuses and reasons; per round, group and item figures; trends and quarter-over-quarter change states (changed, no real change, can't tell, not comparable). Suppressed figures are marked, never zero. Comments only for the CTO (and the board if the setting allows).", body = ScorecardBody),
        (status = 400, description = "The quarter is not of the form 2026Q3.", body = ErrorBody),
        (status = 404, description = "No round of the quarter has closed (or none at all).", body = ErrorBody),
    ))]
pub async fn get_scorecard(
    who: Require<ResultReaders>,
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let q: ScorecardQuery = query(&req)?;
    let wanted = q.comments.unwrap_or_default();
    let loaded =
        scorecard_for::<ApiError>(&state, &who, quarter_of(q.quarter.as_deref())?, wanted).await?;
    Ok(HttpResponse::Ok().json(ScorecardBody::from(loaded)))
}

/// `GET /api/v1/trends`: eight quarters of headline figures and the change states.
#[utoipa::path(get, path = "/api/v1/trends", tag = "results", params(QuarterQuery),
    responses(
        (status = 200, description = "Eight quarters of headline figures and the quarter-over-quarter change states of every compared figure.", body = TrendsBody),
        (status = 400, description = "The quarter is not of the form 2026Q3.", body = ErrorBody),
        (status = 404, description = "No round of the quarter has closed (or none at all).", body = ErrorBody),
    ))]
pub async fn get_trends(
    who: Require<ResultReaders>,
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let q: QuarterQuery = query(&req)?;
    let quarter = quarter_of(q.quarter.as_deref())?;
    let loaded = scorecard_for::<ApiError>(&state, &who, quarter, CommentsWanted::None).await?;
    sorted_json(&TrendsBody {
        quarter: loaded.scorecard.quarter,
        changes: loaded.scorecard.changes,
        trends: loaded.scorecard.trends,
    })
}

/// `GET /api/v1/rounds/{id}/results`: one closed round's figures.
#[utoipa::path(get, path = "/api/v1/rounds/{id}/results", tag = "results",
    params(("id" = String, Path, description = "The round's id.")),
    responses(
        (status = 200, description = "The closed round's figures.", body = RoundResultsBody),
        (status = 404, description = "No such round.", body = ErrorBody),
        (status = 409, description = "The round is still open; results appear after it closes.", body = ErrorBody),
    ))]
pub async fn get_round_results(
    who: Require<ResultReaders>,
    id: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let opts = options_for(&who, &state);
    let results = with_conn::<ApiError, _>(&state, move |conn| {
        let id = crate::app::rounds::lookup(conn, &id)?.id;
        Ok(scorecard::round_results(conn, id, &opts, &mut rand::rng())?)
    })
    .await?;
    sorted_json(&RoundResultsBody {
        quarter: results.quarter,
        results: results.results,
        round_id: results.round_id,
    })
}

/// `GET /api/v1/inflections`: the register.
#[utoipa::path(get, path = "/api/v1/inflections", tag = "results",
    responses((status = 200, description = "The inflection-point register with every quarter's assessment and the board's verdict.", body = Vec<InflectionEntry>)))]
pub async fn get_inflections(
    _who: Require<ResultReaders>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let reg = with_conn::<ApiError, _>(&state, |conn| Ok(inflection::register(conn)?)).await?;
    let body: Vec<InflectionEntry> = reg.into_iter().map(InflectionEntry::from).collect();
    Ok(HttpResponse::Ok().json(body))
}

/// `GET /api/v1/commentary`: the CTO's commentary on a quarter.
#[utoipa::path(get, path = "/api/v1/commentary", tag = "results", params(QuarterQuery),
    responses(
        (status = 200, description = "The CTO's commentary on the quarter.", body = CommentaryBody),
        (status = 400, description = "The quarter is not of the form 2026Q3.", body = ErrorBody),
        (status = 404, description = "No quarter given and no round has closed yet.", body = ErrorBody),
    ))]
pub async fn get_commentary(
    _who: Require<ResultReaders>,
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let q: QuarterQuery = query(&req)?;
    let quarter = quarter_of(q.quarter.as_deref())?;
    let (quarter, commentary) = with_conn::<ApiError, _>(&state, move |conn| {
        Ok(scorecard::commentary(conn, quarter)?)
    })
    .await?;
    sorted_json(&CommentaryBody {
        commentary,
        quarter,
    })
}

/// `GET /api/v1/progress`: response progress of open rounds (counts only): exact and live
/// for admins; as of the start of the hour, small groups withheld, for the CTO and the board.
#[utoipa::path(get, path = "/api/v1/progress", tag = "staff",
    responses((status = 200, description = "Response progress of open rounds: counts per reporting group, never answers. Admins get exact, live counts; the CTO and the board get the counts taken at the start of the hour, without the groups of fewer than k invitations (each withheld row says why).", body = Vec<OpenRoundProgress>)))]
pub async fn get_progress(
    who: Require<AnyStaff>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let role = who.role;
    let strict = state.settings.anonymity.strict_mode;
    let hourly = state.hourly_counts.clone();
    let list = with_conn::<ApiError, _>(&state, move |conn| {
        Ok(participation::open_rounds(
            conn,
            role,
            &hourly,
            strict,
            crate::clock::now(),
        )?)
    })
    .await?;
    let list: Vec<OpenRoundProgress> = list
        .into_iter()
        .map(|seen| OpenRoundProgress {
            closes_on: seen.round.closes_on,
            quarter: seen.round.quarter,
            round_id: seen.round.id,
            template: seen.round.template_key.clone(),
            // Bounced addresses are for the admin pages, not the API's readers: the
            // conversion drops them.
            progress: seen.into(),
        })
        .collect();
    sorted_json(&list)
}

/// The quarter's time split, when the calendar holds work time for it.
async fn time_summary(
    state: &AppState,
    quarter: Quarter,
) -> Result<Option<crate::domain::time_split::SplitSummary>, ApiError> {
    let cfg = crate::app::time_split::TimeSplitConfig::from_settings(&state.settings);
    with_conn::<ApiError, _>(state, move |conn| {
        Ok(crate::app::time_split::quarter_summary(
            conn, quarter, &cfg,
        )?)
    })
    .await
}

/// `GET /api/v1/export?format=csv|json`: the scorecard as a download.
#[utoipa::path(get, path = "/api/v1/export", tag = "results", params(ExportQuery),
    responses(
        (status = 200, description = "The scorecard as a download (CSV with formula-safe cells, or JSON).",
            headers(("Content-Disposition" = String, description = "attachment; filename=\"ctopulse-QUARTER.csv\" (or .json)")),
            content(
                (String = "text/csv"),
                (ScorecardBody = "application/json"),
            )),
        (status = 400, description = "The quarter or format is not one of the documented values.", body = ErrorBody),
        (status = 404, description = "No round of the quarter has closed (or none at all).", body = ErrorBody),
    ))]
pub async fn get_export(
    who: Require<ResultReaders>,
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let q: ExportQuery = query(&req)?;
    let quarter = quarter_of(q.quarter.as_deref())?;
    let loaded = scorecard_for::<ApiError>(&state, &who, quarter, CommentsWanted::All).await?;
    let name = format!("ctopulse-{}", loaded.scorecard.quarter);
    let time = time_summary(&state, loaded.scorecard.quarter).await?;
    let (body, content_type, ext) = match q.format.unwrap_or_default() {
        ExportFormat::Csv => (
            export::to_csv(&loaded, time.as_ref())?,
            "text/csv; charset=utf-8",
            "csv",
        ),
        ExportFormat::Json => (
            export::to_json(&loaded, time.as_ref())?,
            "application/json",
            "json",
        ),
    };
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}.{ext}\""),
        ))
        .body(body))
}

/// `GET /api/v1/report`: the board report image, or the board pack as PDF (the board page's
/// download buttons).
#[utoipa::path(get, path = "/api/v1/report", tag = "results", params(ReportQuery),
    responses(
        (status = 200, description = "The board report image (1600 × 1000, taller when a status reason needs more than three lines), or the board pack (A4 landscape PDF: the report, then the method, items per group, the inflection-point register, the time split and the actions).",
            headers(("Content-Disposition" = String, description = "inline; filename=\"ctopulse-QUARTER-LANG.png\" (or .svg); attachment; filename=\"ctopulse-QUARTER-LANG.pdf\" for the pack")),
            content(
                (Vec<u8> = "image/png"),
                (String = "image/svg+xml"),
                (Vec<u8> = "application/pdf"),
            )),
        (status = 400, description = "The quarter, format or language is not one of the documented values.", body = ErrorBody),
        (status = 404, description = "No round of the quarter has closed (or none at all).", body = ErrorBody),
    ))]
pub async fn get_report(
    who: Require<ResultReaders>,
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let q: ReportQuery = query(&req)?;
    let format: ReportFormat = q.format.unwrap_or_default().into();
    let locale = q.lang.unwrap_or(Locale::En);
    // The report and the pack show no comment.
    let quarter = quarter_of(q.quarter.as_deref())?;
    let loaded = scorecard_for::<ApiError>(&state, &who, quarter, CommentsWanted::None).await?;
    let time = time_summary(&state, loaded.scorecard.quarter).await?;
    let opts = options_for(&who, &state);
    let (actions, pack) = with_conn::<ApiError, _>(&state, move |conn| {
        let actions = crate::db::actions::list(conn)?;
        let pack = match format {
            ReportFormat::Pdf => Some(report::pack_extras(conn, actions.clone(), &opts)?),
            _ => None,
        };
        Ok((actions, pack))
    })
    .await?;
    let settings = state.settings.clone();
    // Only the bitmap and the PDF hold memory worth bounding; an SVG is a string. A closed
    // semaphore never happens (it lives as long as the state); if it did, render anyway.
    let _slot = match format {
        ReportFormat::Svg => None,
        _ => state.render_slots.acquire().await.ok(),
    };
    let rendered = blocking(move || {
        let inputs = report::ReportInputs::from_settings(&settings, time.as_ref(), &actions)
            .with_pack(pack.as_ref());
        report::render(&loaded, locale, format, &inputs).map_err(ApiError::from)
    })
    .await?;
    // The pack is a document to keep: saved, not shown in the page.
    let disposition = if format == ReportFormat::Pdf {
        "attachment"
    } else {
        "inline"
    };
    Ok(HttpResponse::Ok()
        .content_type(format.content_type())
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("{disposition}; filename=\"{}\"", rendered.file_name),
        ))
        .body(rendered.bytes))
}
