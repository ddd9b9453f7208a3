//! `/api/v1`: JSON for automation (bearer API tokens) and for the pages (session cookie +
//! CSRF on writes). Results exist only for closed rounds; comments only for roles that may
//! read them.

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};

use super::auth::{AnyStaff, Require, ResultReaders};
use super::error::AppError;
use super::with_conn;
use crate::app::report::{self, ReportFormat};
use crate::app::scorecard::{self, LoadedScorecard, Options};
use crate::auth::{Credential, Identity, Role};
use crate::db::{inflection, rounds};
use crate::domain::quarter::Quarter;
use crate::domain::round::RoundStatus;
use crate::export;
use crate::web::state::AppState;

#[derive(Serialize)]
struct Me<'a> {
    actor: &'a str,
    role: Role,
    via: &'static str,
}

/// `GET /api/v1/me`: who the credential belongs to.
pub async fn me(who: Require<AnyStaff>) -> HttpResponse {
    HttpResponse::Ok().json(Me {
        actor: &who.actor,
        role: who.role,
        via: match who.credential {
            Credential::Session { .. } => "session",
            Credential::ApiToken { .. } => "token",
        },
    })
}

/// `?quarter=2026Q3` (default: the latest quarter with a closed round).
#[derive(Deserialize)]
pub struct QuarterQuery {
    quarter: Option<String>,
    format: Option<String>,
}

fn parse_quarter(q: &Option<String>) -> Result<Option<Quarter>, AppError> {
    q.as_deref()
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<Quarter>()
                .map_err(|e| AppError::BadRequest(e.to_string()))
        })
        .transpose()
}

/// Whether this caller may read comments that pass the threshold.
pub fn may_read_comments(who: &Identity, state: &AppState) -> bool {
    who.role == Role::Cto
        || (who.role == Role::Board && state.settings.anonymity.board_sees_comments)
}

/// The scorecard options for this caller.
fn options_for(who: &Identity, state: &AppState) -> Options {
    Options {
        include_comments: may_read_comments(who, state),
        thresholds: state.settings.thresholds,
        fiscal_year_start_month: state.settings.fiscal_year_start_month,
    }
}

/// Builds the scorecard a caller may see.
pub async fn scorecard_for(
    state: &AppState,
    who: &Identity,
    quarter: Option<Quarter>,
) -> Result<LoadedScorecard, AppError> {
    let opts = options_for(who, state);
    with_conn(state, move |conn| {
        Ok(scorecard::load(conn, quarter, &opts, &mut rand::rng())?)
    })
    .await
}

/// `GET /api/v1/scorecard`: the quarter's scorecard.
pub async fn get_scorecard(
    who: Require<ResultReaders>,
    q: web::Query<QuarterQuery>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let loaded = scorecard_for(&state, &who, parse_quarter(&q.quarter)?).await?;
    Ok(HttpResponse::Ok().json(loaded))
}

/// `GET /api/v1/trends`: eight quarters of headline figures and the big surprises.
pub async fn get_trends(
    who: Require<ResultReaders>,
    q: web::Query<QuarterQuery>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let loaded = scorecard_for(&state, &who, parse_quarter(&q.quarter)?).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({
        "quarter": loaded.scorecard.quarter,
        "trends": loaded.scorecard.trends,
        "surprises": loaded.scorecard.surprises,
    })))
}

/// `GET /api/v1/rounds/{id}/results`: one closed round's figures.
pub async fn get_round_results(
    who: Require<ResultReaders>,
    id: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let opts = options_for(&who, &state);
    let results = with_conn(&state, move |conn| {
        Ok(scorecard::round_results(
            conn,
            &id,
            &opts,
            &mut rand::rng(),
        )?)
    })
    .await?;
    // Through a JSON value, as before: its objects keep their keys sorted.
    Ok(HttpResponse::Ok().json(serde_json::json!({
        "round_id": results.round_id,
        "quarter": results.quarter,
        "results": results.results,
    })))
}

/// `GET /api/v1/inflections`: the register.
pub async fn get_inflections(
    _who: Require<ResultReaders>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let reg = with_conn(&state, |conn| Ok(inflection::register(conn)?)).await?;
    Ok(HttpResponse::Ok().json(reg))
}

/// `GET /api/v1/commentary`: the CTO's commentary on a quarter.
pub async fn get_commentary(
    _who: Require<ResultReaders>,
    q: web::Query<QuarterQuery>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let quarter = parse_quarter(&q.quarter)?;
    let (quarter, text) = with_conn(&state, move |conn| {
        Ok(scorecard::commentary(conn, quarter)?)
    })
    .await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "quarter": quarter, "commentary": text })))
}

/// `GET /api/v1/progress`: response progress of open rounds (counts only).
pub async fn get_progress(
    _who: Require<AnyStaff>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let list = with_conn(&state, |conn| {
        let open: Vec<rounds::Round> = rounds::list(conn)?.into_iter().filter(|r| r.status() == RoundStatus::Open).collect();
        let mut out = Vec::new();
        for r in open {
            let mut p = rounds::progress(conn, &r)?;
            // Addresses that bounced are for the admin pages, not the API's readers.
            p.undeliverable.clear();
            out.push(serde_json::json!({ "round_id": r.id, "template": r.template_key, "quarter": r.quarter, "closes_on": r.closes_on, "progress": p }));
        }
        Ok(out)
    })
    .await?;
    Ok(HttpResponse::Ok().json(list))
}

/// `GET /api/v1/export?format=csv|json`: the scorecard as a download.
pub async fn get_export(
    who: Require<ResultReaders>,
    q: web::Query<QuarterQuery>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let loaded = scorecard_for(&state, &who, parse_quarter(&q.quarter)?).await?;
    let name = format!("ctopulse-{}", loaded.scorecard.quarter);
    match q.format.as_deref().unwrap_or("csv") {
        "csv" => {
            let body = export::to_csv(&loaded).map_err(|e| AppError::Internal(e.into()))?;
            Ok(HttpResponse::Ok()
                .content_type("text/csv; charset=utf-8")
                .insert_header((
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{name}.csv\""),
                ))
                .body(body))
        }
        "json" => {
            let body = export::to_json(&loaded).map_err(|e| AppError::Internal(e.into()))?;
            Ok(HttpResponse::Ok()
                .content_type("application/json")
                .insert_header((
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{name}.json\""),
                ))
                .body(body))
        }
        other => Err(AppError::BadRequest(format!(
            "unknown format {other:?} (expected csv or json)"
        ))),
    }
}

/// `GET /api/v1/openapi.json`.
pub async fn get_openapi() -> HttpResponse {
    HttpResponse::Ok().json(super::openapi::document())
}

/// `?quarter=&format=png|svg&lang=en|ko|nl` for the report.
#[derive(Deserialize)]
pub struct ReportQuery {
    quarter: Option<String>,
    format: Option<String>,
    lang: Option<String>,
}

/// `GET /api/v1/report`: the board report image (the board page's download button).
pub async fn get_report(
    who: Require<ResultReaders>,
    q: web::Query<ReportQuery>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let format = ReportFormat::parse(q.format.as_deref().unwrap_or("png"))
        .ok_or_else(|| AppError::BadRequest("unknown format (expected png or svg)".into()))?;
    let locale: crate::domain::locale::Locale =
        q.lang.as_deref().unwrap_or("en").parse().map_err(
            |e: crate::domain::locale::UnknownLocale| AppError::BadRequest(e.to_string()),
        )?;
    let loaded = scorecard_for(&state, &who, parse_quarter(&q.quarter)?).await?;
    let settings = state.settings.clone();
    let rendered = web::block(move || {
        report::render(
            &loaded,
            locale,
            format,
            &settings.company_name,
            &settings.thresholds,
        )
    })
    .await?
    .map_err(|e| AppError::Internal(e.into()))?;
    Ok(HttpResponse::Ok()
        .content_type(format.content_type())
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("inline; filename=\"{}\"", rendered.file_name),
        ))
        .body(rendered.bytes))
}
