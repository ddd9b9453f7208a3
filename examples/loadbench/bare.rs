//! `bare`: the respondent flow's floor on this machine. A minimal actix-web server answering
//! the same three requests as `serve` (link → cookie + 303 → form → POST) with the same
//! database work in the same places — the link lookup with its throttle
//! (`db::survey::lookup_for`, plus `throttle::retry_after` where the backend reads it apart),
//! nothing for the form, one `db::survey::submit_checked` for the POST with the link
//! remembered — through the product's pool, with the same worker and blocking-thread counts,
//! runtime and allocator (`main.rs`).
//! It has none of the rest: no sessions, security headers, language, template, page or
//! validation against the questions. `serve` ÷ this is what the product adds to the bare
//! framework and store; this ÷ the ceiling is what they cost.

use std::collections::HashMap;
use std::sync::Mutex;

use actix_web::http::header;
use actix_web::{web, App, HttpRequest, HttpResponse, HttpServer};
use ctopulse::config::DatabaseUrl;
use ctopulse::db::pool::{self, DbPool};
use ctopulse::db::survey::{self, Checked, LinkState, Respondent, Throttle};
use ctopulse::db::throttle::{self, AttemptKind};
use ctopulse::domain::ids::RoundId;
use ctopulse::domain::survey_form::{AnswerValue, FIELD_PREFIX};
use ctopulse::tokens;

use crate::Res;

const COOKIE: &str = "bare_survey";
const CSRF_PURPOSE: &str = "bare survey form";

struct Bare {
    pool: DbPool,
    /// Links looked up by `GET /s/…`, for the POST (as `serve`'s recent links).
    known: Mutex<HashMap<String, Respondent>>,
}

/// Serves on 127.0.0.1:`port` until SIGTERM or SIGINT.
pub fn run(database_url: &str, port: u16) -> Res<serde_json::Value> {
    let pool = ctopulse::db::connect(&DatabaseUrl::parse(database_url)?)?;
    let workers = std::thread::available_parallelism().map_or(1, usize::from);
    let blocking = (pool.max_size() as usize).div_ceil(workers).max(2);
    let state = web::Data::new(Bare {
        pool,
        known: Mutex::new(HashMap::new()),
    });
    // On a Tokio runtime as `serve` runs (`commands::server`), so actix starts its workers
    // the same way.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        HttpServer::new(move || {
            App::new()
                .app_data(state.clone())
                .route("/s/{token}", web::get().to(open))
                .route("/survey/{round}", web::get().to(form))
                .route("/survey/{round}", web::post().to(post))
        })
        .workers(workers)
        .worker_max_blocking_threads(blocking)
        .bind(("127.0.0.1", port))?
        .run()
        .await
    })?;
    Ok(serde_json::json!({ "stopped": true }))
}

fn plain(status: actix_web::http::StatusCode, text: &'static str) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/plain")
        .body(text)
}

fn not_found() -> HttpResponse {
    plain(actix_web::http::StatusCode::NOT_FOUND, "not an open link")
}

async fn open(state: web::Data<Bare>, token: web::Path<String>, req: HttpRequest) -> HttpResponse {
    let token = token.into_inner();
    if !tokens::is_well_formed(&token) {
        return not_found();
    }
    let hash = tokens::hash(&token);
    let client = req
        .peer_addr()
        .map(|a| a.ip().to_string())
        .unwrap_or_default();
    let pool = state.pool.clone();
    let key = hash.clone();
    let looked = web::block(move || -> Result<_, ctopulse::db::DbError> {
        let mut conn = pool::checkout(&pool)?;
        let now = ctopulse::clock::now();
        let (link, read) = survey::lookup_for(&mut conn, &key, &client, now)?;
        let wait = match read {
            Throttle::Read(wait) => wait,
            Throttle::Unread => {
                throttle::retry_after(&mut conn, AttemptKind::SurveyLink, None, &client, now)?
            }
        };
        Ok((link, wait))
    })
    .await;
    match looked {
        Ok(Ok((LinkState::Open(r), None))) => {
            let round = r.round.id;
            if let Ok(mut known) = state.known.lock() {
                known.insert(hash, r);
            }
            HttpResponse::SeeOther()
                .insert_header((header::LOCATION, format!("/survey/{round}")))
                .insert_header((
                    header::SET_COOKIE,
                    format!("{COOKIE}={token}; Path=/survey; HttpOnly; SameSite=Lax"),
                ))
                .finish()
        }
        Ok(Ok((_, Some(_)))) => plain(
            actix_web::http::StatusCode::TOO_MANY_REQUESTS,
            "too many unknown links",
        ),
        Ok(Ok(_)) => not_found(),
        Ok(Err(_)) | Err(_) => plain(
            actix_web::http::StatusCode::SERVICE_UNAVAILABLE,
            "database unavailable",
        ),
    }
}

/// The survey token from the cookie, if it is one of ours in shape (as `serve` checks it).
fn cookie_token(req: &HttpRequest) -> Option<String> {
    req.cookie(COOKIE)
        .map(|c| c.value().to_string())
        .filter(|t| tokens::is_well_formed(t))
}

async fn form(req: HttpRequest) -> HttpResponse {
    let Some(token) = cookie_token(&req) else {
        return not_found();
    };
    let csrf = tokens::derive(CSRF_PURPOSE, &token);
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(format!(
            "<!doctype html><form method=\"post\">\
             <input type=\"hidden\" name=\"csrf_token\" value=\"{csrf}\"></form>"
        ))
}

async fn post(
    state: web::Data<Bare>,
    round: web::Path<String>,
    fields: web::Form<Vec<(String, String)>>,
    req: HttpRequest,
) -> HttpResponse {
    let Some(token) = cookie_token(&req) else {
        return not_found();
    };
    let Ok(round_id) = round.parse::<RoundId>() else {
        return not_found();
    };
    let sent = fields.iter().find(|(k, _)| k == "csrf_token");
    let expected = tokens::derive(CSRF_PURPOSE, &token);
    if !sent.is_some_and(|(_, v)| tokens::constant_time_eq(v, &expected)) {
        return plain(actix_web::http::StatusCode::FORBIDDEN, "bad form token");
    }
    let answers = answers(&fields);
    let hash = tokens::hash(&token);
    let known = state.known.lock().ok().and_then(|mut k| k.remove(&hash));
    let pool = state.pool.clone();
    let stored = web::block(move || -> Result<bool, ctopulse::db::DbError> {
        let mut conn = pool::checkout(&pool)?;
        let now = ctopulse::clock::now();
        let checked = survey::submit_checked(&mut conn, round_id, &hash, now, known, |_| {
            Ok::<_, ()>(answers)
        })?;
        Ok(matches!(checked, Checked::Stored(_)))
    })
    .await;
    match stored {
        Ok(Ok(true)) => plain(actix_web::http::StatusCode::OK, "thank you"),
        Ok(Ok(false)) => plain(actix_web::http::StatusCode::CONFLICT, "not stored"),
        Ok(Err(_)) | Err(_) => plain(
            actix_web::http::StatusCode::SERVICE_UNAVAILABLE,
            "database unavailable",
        ),
    }
}

/// Each `q_…` field as an answer: a number is a rating, anything else a comment. (`serve`
/// checks them against the round's questions; the floor does not.)
fn answers(fields: &[(String, String)]) -> Vec<AnswerValue> {
    fields
        .iter()
        .filter_map(|(k, v)| {
            let key = k.strip_prefix(FIELD_PREFIX)?;
            let value = v.parse::<i32>().ok();
            Some(AnswerValue {
                question_key: key.to_string(),
                value,
                not_applicable: false,
                text: value.is_none().then(|| v.clone()),
            })
        })
        .collect()
}
