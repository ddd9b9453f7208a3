//! The admin pages: rounds (create, launch, remind, close, progress), roster import with a
//! row-error report before anything is written, departments and weights.

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::{html, nav, parse_form, quarter_field};
use crate::clock;
use crate::db::{self, departments, employees, rounds, seal};
use crate::domain::quarter::Quarter;
use crate::domain::round::{parse_merge, RoundStatus};
use crate::startup::AppState;
use crate::web::auth::{AdminOnly, Require};
use crate::web::error::AppError;

/// One round row.
pub struct RoundRow {
    pub id: String,
    pub quarter: String,
    pub template: String,
    pub status: String,
    pub closes: String,
    pub progress: String,
    pub actions: Vec<(&'static str, &'static str)>,
}

#[derive(Template)]
#[template(path = "staff/admin.html")]
struct AdminPage {
    nav: Vec<(&'static str, &'static str, bool)>,
    email: String,
    role: &'static str,
    csrf_token: String,
    notice: Option<String>,
    rounds: Vec<RoundRow>,
    templates: Vec<String>,
    current_quarter: String,
    default_close: String,
    roster_summary: String,
    roster_text: String,
    roster_errors: Vec<String>,
    departments: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "staff/round.html")]
struct RoundPage {
    nav: Vec<(&'static str, &'static str, bool)>,
    email: String,
    role: &'static str,
    csrf_token: String,
    notice: Option<String>,
    title: String,
    status: String,
    closes: String,
    pending: i64,
    roster_changes: i64,
    groups: Vec<(String, i64, i64, i64, i64, String)>,
    undeliverable: Vec<(String, String)>,
}

/// `?notice=` after an action.
#[derive(Deserialize)]
pub struct NoticeQuery {
    notice: Option<String>,
}

async fn admin_page(
    state: &AppState,
    who: &crate::auth::Identity,
    notice: Option<String>,
    roster_text: String,
    roster_errors: Vec<String>,
) -> Result<HttpResponse, AppError> {
    let pool = state.pool.clone();
    let fy = state.settings.fiscal_year_start_month;
    let (rows, people, depts) = web::block(move || -> Result<_, AppError> {
        let mut conn = db::pool::checkout(&pool)?;
        let mut rows = Vec::new();
        for r in rounds::list(&mut conn)? {
            let status = r.status();
            let progress = if status == RoundStatus::Draft {
                "—".to_string()
            } else {
                let p = rounds::progress(&mut conn, &r.id)?;
                let rate = p
                    .overall
                    .response_rate
                    .map(super::view::pct)
                    .unwrap_or_else(|| "—".into());
                format!("{} of {} ({rate})", p.overall.answered, p.overall.delivered)
            };
            let actions = match status {
                RoundStatus::Draft => vec![("launch", "Launch")],
                RoundStatus::Open => vec![("remind", "Remind"), ("close", "Close now")],
                _ => vec![],
            };
            rows.push(RoundRow {
                id: r.id.clone(),
                quarter: r.quarter.clone(),
                template: r.template_key.clone(),
                status: r.status.clone(),
                closes: r.closes_on.to_string(),
                progress,
                actions,
            });
        }
        let people = employees::list(&mut conn, None)?;
        let depts = departments::list(&mut conn)?;
        Ok((rows, people, depts))
    })
    .await??;
    let today = clock::now().date();
    let active = people.iter().filter(|p| p.active).count();
    let page = AdminPage {
        nav: nav(who, "/admin"),
        email: who.actor.clone(),
        role: who.role.as_str(),
        csrf_token: who.csrf_token().unwrap_or_default(),
        notice,
        rounds: rows,
        templates: state
            .templates
            .templates()
            .iter()
            .map(|t| t.key().to_string())
            .collect(),
        current_quarter: Quarter::containing(today, fy).to_string(),
        default_close: (today + time::Duration::days(14)).to_string(),
        roster_summary: format!("{} people on the roster, {active} active.", people.len()),
        roster_text,
        roster_errors,
        departments: depts
            .into_iter()
            .map(|d| (d.name, format!("{}", d.csat_weight)))
            .collect(),
    };
    Ok(html(page.render()?))
}

/// `GET /admin`.
pub async fn home(
    who: Require<AdminOnly>,
    q: web::Query<NoticeQuery>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    admin_page(&state, &who, q.notice.clone(), String::new(), Vec::new()).await
}

/// `GET /admin/rounds/{id}`: participation per group and undeliverable addresses.
pub async fn round(
    who: Require<AdminOnly>,
    id: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let pool = state.pool.clone();
    let id = id.into_inner();
    let (r, p, changes) = web::block(move || -> Result<_, AppError> {
        let mut conn = db::pool::checkout(&pool)?;
        let r = rounds::get(&mut conn, &id)?;
        let p = rounds::progress(&mut conn, &r.id)?;
        let changes = match r.launched_at {
            Some(at) => rounds::roster_changes_before(&mut conn, at)?,
            None => 0,
        };
        Ok((r, p, changes))
    })
    .await??;
    let rate = |x: Option<f64>| x.map(super::view::pct).unwrap_or_else(|| "—".into());
    let page = RoundPage {
        nav: nav(&who, "/admin"),
        email: who.actor.clone(),
        role: who.role.as_str(),
        csrf_token: who.csrf_token().unwrap_or_default(),
        notice: None,
        title: format!("{} {}", r.quarter, r.template_key),
        status: r.status.clone(),
        closes: r.closes_on.to_string(),
        pending: p.emails_pending,
        roster_changes: changes,
        groups: p
            .groups
            .iter()
            .chain(std::iter::once(&p.overall))
            .map(|g| {
                (
                    g.group.clone(),
                    g.invited,
                    g.delivered,
                    g.answered,
                    g.undeliverable,
                    rate(g.response_rate),
                )
            })
            .collect(),
        undeliverable: p
            .undeliverable
            .iter()
            .map(|u| (u.email.clone(), u.reason.clone()))
            .collect(),
    };
    Ok(html(page.render()?))
}

fn back(notice: &str) -> HttpResponse {
    let q = serde_urlencoded::to_string([("notice", notice)]).unwrap_or_default();
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, format!("/admin?{q}")))
        .finish()
}

/// The create-round form.
#[derive(Deserialize)]
struct CreateForm {
    template: String,
    quarter: String,
    closes: String,
    merge: Option<String>,
}

/// `POST /admin/rounds`.
pub async fn create_round(
    who: Require<AdminOnly>,
    body: web::Bytes,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let f: CreateForm = parse_form(&body)?;
    let quarter = quarter_field(&f.quarter)?;
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    let closes_on = time::Date::parse(f.closes.trim(), &fmt).map_err(|_| {
        AppError::BadRequest(format!("invalid date {:?} (expected YYYY-MM-DD)", f.closes))
    })?;
    let merges = f
        .merge
        .as_deref()
        .unwrap_or("")
        .split([',', ' '])
        .filter(|m| !m.trim().is_empty())
        .map(parse_merge)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| AppError::BadRequest(e.to_string()))?;
    let template = state
        .templates
        .get(&f.template)
        .cloned()
        .ok_or_else(|| AppError::BadRequest(format!("no survey template {:?}", f.template)))?;
    let (pool, settings, actor) = (
        state.pool.clone(),
        state.settings.clone(),
        who.actor.clone(),
    );
    web::block(move || -> Result<String, AppError> {
        let k = settings.anonymity.k;
        Ok(rounds::create(
            &mut *db::pool::checkout(&pool)?,
            &rounds::NewRound {
                template: &template,
                quarter,
                closes_on,
                k,
                comment_threshold: settings.anonymity.comment_threshold.max(k),
                merges,
                timezone: &settings.timezone,
            },
            clock::now(),
            &actor,
        )?)
    })
    .await??;
    Ok(back(&format!(
        "Draft round of {} for {quarter} created. Preview it, then launch it.",
        f.template
    )))
}

/// `POST /admin/rounds/{id}/{action}`: launch, remind or close.
pub async fn round_action(
    who: Require<AdminOnly>,
    path: web::Path<(String, String)>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let (id, action) = path.into_inner();
    let (pool, templates, actor) = (
        state.pool.clone(),
        state.templates.clone(),
        who.actor.clone(),
    );
    let notice = web::block(move || -> Result<String, AppError> {
        let mut conn = db::pool::checkout(&pool)?;
        let now = clock::now();
        let r = rounds::get(&mut conn, &id)?;
        match action.as_str() {
            "launch" => {
                let t = templates.get(&r.template_key).ok_or_else(|| {
                    AppError::Conflict(format!(
                        "template {} is no longer available",
                        r.template_key
                    ))
                })?;
                let rep = rounds::launch(&mut conn, &r.id, t, now, &actor)?;
                let warn = if rep.recent_roster_changes > 0 {
                    format!(
                        " Note: the roster changed {} time(s) in the last 7 days.",
                        rep.recent_roster_changes
                    )
                } else {
                    String::new()
                };
                Ok(format!(
                    "Launched: {} invitation(s) queued.{warn}",
                    rep.invitations
                ))
            }
            "remind" => {
                let (reminders, reinvites) = rounds::remind(&mut conn, &r.id, now, &actor)?;
                Ok(format!(
                    "{reminders} reminder(s) and {reinvites} re-invitation(s) queued."
                ))
            }
            "close" => {
                let rep = seal::close_and_seal(&mut conn, &r.id, now, &actor)?;
                Ok(format!(
                    "Round closed and sealed: {} response(s).",
                    rep.responses
                ))
            }
            other => Err(AppError::NotFound(format!("no round action {other:?}"))),
        }
    })
    .await??;
    Ok(back(&notice))
}

/// The roster form.
#[derive(Deserialize)]
struct RosterForm {
    csv: String,
    action: String,
    deactivate_missing: Option<String>,
}

/// `POST /admin/roster`: check (report every bad row) or import (only when every row is valid).
pub async fn roster(
    who: Require<AdminOnly>,
    body: web::Bytes,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let f: RosterForm = parse_form(&body)?;
    let parsed = crate::domain::roster::parse(f.csv.as_bytes())
        .map_err(|e| AppError::BadRequest(e.to_string()))?;
    let errors: Vec<String> = parsed.errors.iter().map(|e| e.to_string()).collect();
    if !errors.is_empty() || f.action != "import" {
        let notice = if errors.is_empty() {
            Some(format!(
                "All {} rows are valid. Press Import to write them.",
                parsed.entries.len()
            ))
        } else {
            None
        };
        return admin_page(&state, &who, notice, f.csv, errors).await;
    }
    let (pool, actor, deactivate) = (
        state.pool.clone(),
        who.actor.clone(),
        f.deactivate_missing.is_some(),
    );
    let report = web::block(move || -> Result<_, AppError> {
        Ok(employees::import(
            &mut *db::pool::checkout(&pool)?,
            &parsed.entries,
            deactivate,
            &actor,
            &|_| {},
        )?)
    })
    .await??;
    Ok(back(&format!(
        "Roster imported: {} added, {} updated, {} unchanged; {} missing from the file{}.",
        report.added,
        report.updated,
        report.unchanged,
        report.missing.len(),
        if deactivate { " (deactivated)" } else { "" }
    )))
}
