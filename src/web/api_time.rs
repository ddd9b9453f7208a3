//! `/api/v1/time-split`: where the CTO's time goes (docs/methodology.md "Time split").
//! The CTO and the board read quarterly shares and the eight-quarter trend; months are for
//! the CTO; events (with the rule that chose each category) for the CTO and admins only.

use actix_web::error::BlockingError;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::api_types::ErrorBody;
use super::auth::{CalendarKeepers, Require, ResultReaders};
use super::error::{responds, Kind, WebError};
use super::with_conn;
use crate::app::time_split::{self as app, EventView, MonthSplit, TimeSplitConfig, TimeSplitError};
use crate::auth::Role;
use crate::clock;
use crate::db::DbError;
use crate::domain::quarter::{InvalidQuarter, Quarter};
use crate::domain::time_split::{SplitSummary, Targets};
use crate::web::state::AppState;

/// What a time-split request could not do.
#[derive(Debug, thiserror::Error)]
pub enum TimeApiError {
    #[error("{0}")]
    Query(#[from] super::query::QueryError),
    #[error("{0}")]
    Quarter(#[from] InvalidQuarter),
    #[error("{0}")]
    TimeSplit(#[from] TimeSplitError),
    #[error("the time-split request failed on the database")]
    Db(#[from] DbError),
    #[error("no blocking thread for the time-split request")]
    Blocking(#[from] BlockingError),
}

impl WebError for TimeApiError {
    fn kind(&self) -> Kind {
        match self {
            TimeApiError::Query(_) | TimeApiError::Quarter(_) => Kind::BadRequest,
            TimeApiError::TimeSplit(e) => e.kind(),
            TimeApiError::Db(e) => e.kind(),
            TimeApiError::Blocking(e) => e.kind(),
        }
    }
}

responds!(TimeApiError);

/// `?quarter=2026Q3` (default: the quarter today falls in).
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TimeQuarterQuery {
    /// The quarter; default: the current quarter in the company's time zone.
    #[param(pattern = "^2[0-9]{3}Q[1-4]$", example = "2026Q3")]
    pub quarter: Option<String>,
}

/// One quarter of the trend.
#[derive(Debug, Serialize, ToSchema)]
pub struct TimeTrendPoint {
    /// The quarter.
    pub quarter: Quarter,
    /// Its split.
    pub split: SplitSummary,
}

/// The split of a quarter with its eight-quarter trend.
#[derive(Debug, Serialize, ToSchema)]
pub struct TimeSplitBody {
    /// The quarter.
    pub quarter: Quarter,
    /// The targets in percent.
    pub targets: Targets,
    /// Hours, shares and deviations of the quarter.
    pub split: SplitSummary,
    /// The quarter's months (the CTO only; the board sees quarterly shares only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub months: Option<Vec<MonthSplit>>,
    /// This quarter and the seven before it, oldest first; none before 2000Q1.
    pub trend: Vec<TimeTrendPoint>,
}

/// The quarter asked for, or the one today falls in.
fn quarter_for(req: &HttpRequest, state: &AppState) -> Result<Quarter, TimeApiError> {
    let q = super::query::parse::<TimeQuarterQuery>(req.query_string())?;
    match q.quarter {
        Some(s) => Ok(Quarter::parse_strict(&s)?),
        None => {
            let today = crate::domain::round::local_date(clock::now(), &state.settings.timezone)
                .map_err(TimeSplitError::Invalid)?;
            Ok(Quarter::containing(
                today,
                state.settings.fiscal_year_start_month,
            ))
        }
    }
}

/// `GET /api/v1/time-split`: the quarter's split against the targets and the trend.
#[utoipa::path(get, path = "/api/v1/time-split", tag = "time split", params(TimeQuarterQuery),
    responses(
        (status = 200, description = "Hours, share and deviation in points per category against the targets (sales/customers, marketing/evangelism/analysts, BD/partners, internal; unclassified shown as such; not-work time left out of shares), the months of the quarter (CTO only) and eight quarters of trend. Never events.", body = TimeSplitBody),
        (status = 400, description = "The quarter is not of the form 2026Q3.", body = ErrorBody),
    ))]
pub async fn get_time_split(
    who: Require<ResultReaders>,
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, TimeApiError> {
    let quarter = quarter_for(&req, &state)?;
    let cfg = TimeSplitConfig::from_settings(&state.settings);
    let targets = cfg.settings.targets().map_err(TimeSplitError::Invalid)?;
    let with_months = who.role == Role::Cto;
    let mut splits = with_conn::<TimeApiError, _>(&state, move |conn| {
        Ok(app::splits(conn, &quarter.trailing(8), &cfg)?)
    })
    .await?;
    let current = splits
        .pop()
        .ok_or_else(|| TimeSplitError::Invalid("no quarter".into()))?;
    let mut trend: Vec<TimeTrendPoint> = splits
        .into_iter()
        .map(|s| TimeTrendPoint {
            quarter: s.quarter,
            split: s.split,
        })
        .collect();
    trend.push(TimeTrendPoint {
        quarter: current.quarter,
        split: current.split.clone(),
    });
    Ok(HttpResponse::Ok().json(TimeSplitBody {
        quarter,
        targets,
        split: current.split,
        months: with_months.then_some(current.months),
        trend,
    }))
}

/// `GET /api/v1/time-split/events`: the quarter's calendar events as stored.
#[utoipa::path(get, path = "/api/v1/time-split/events", tag = "time split", params(TimeQuarterQuery),
    responses(
        (status = 200, description = "Each stored event of the quarter: start, end, the category that counts, the rule that chose the imported one, whether the CTO overrode it, and the title only when titles are kept. Never attendees.", body = Vec<EventView>),
        (status = 400, description = "The quarter is not of the form 2026Q3.", body = ErrorBody),
    ))]
pub async fn get_time_events(
    _who: Require<CalendarKeepers>,
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, TimeApiError> {
    let quarter = quarter_for(&req, &state)?;
    let cfg = TimeSplitConfig::from_settings(&state.settings);
    let events =
        with_conn::<TimeApiError, _>(&state, move |conn| Ok(app::events(conn, quarter, &cfg)?))
            .await?;
    Ok(HttpResponse::Ok().json(events))
}
