//! `/admin/audit` (recent audit entries) and the staff stylesheet.

use crate::web::lang::Lang;
use actix_web::{web, HttpResponse};
use askama::Template;

use super::auth::{AdminOnly, Require};
use super::pages::PageError;
use crate::app::audit;
use crate::web::state::AppState;

/// One audit row as shown.
struct AuditRow {
    at: String,
    actor: String,
    action: String,
    object: String,
    detail: String,
}

#[derive(Template)]
#[template(path = "staff/audit.html")]
struct AuditPage {
    nav: crate::web::lang::Nav,
    email: String,
    csrf_token: String,
    notice: Option<String>,
    entries: Vec<AuditRow>,
    intro: String,
    w: &'static crate::web::pages::admin::settings_words::Audit,
}

const WHEN: &[time::format_description::BorrowedFormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");

/// How many audit entries the page shows.
const AUDIT_PAGE_ROWS: i64 = 200;

/// `GET /admin/audit`: the most recent audit entries.
pub async fn audit_log(
    state: web::Data<AppState>,
    who: Require<AdminOnly>,
    lang: Lang,
) -> Result<HttpResponse, PageError> {
    let entries = super::with_conn::<PageError, _>(&state, |conn| {
        Ok(audit::recent_activity(conn, AUDIT_PAGE_ROWS)?)
    })
    .await?;
    let entries = entries
        .into_iter()
        .map(|e| AuditRow {
            // To the second: sub-second digits only add noise for a reader.
            at: e.at.format(&WHEN).unwrap_or_else(|_| e.at.to_string()),
            actor: e.actor,
            action: e.action,
            object: match e.object_id {
                Some(id) => format!("{} {id}", e.object_type),
                None => e.object_type,
            },
            detail: e.detail.unwrap_or_default(),
        })
        .collect::<Vec<_>>();
    let locale = lang.0;
    let intro = crate::i18n::format_with(
        locale,
        "aud-intro",
        &[(
            "n",
            crate::i18n::Arg::Count(u64::try_from(entries.len()).unwrap_or(0)),
        )],
    );
    Ok(super::pages::html(
        AuditPage {
            nav: super::pages::nav(&who, "/admin/audit", lang),
            email: who.actor.clone(),
            csrf_token: who.csrf_token().unwrap_or_default(),
            notice: None,
            entries,
            intro,
            w: crate::web::pages::admin::settings_words::Audit::of(locale),
        }
        .render()?,
    ))
}
