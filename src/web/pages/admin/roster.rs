//! `/admin/roster`: the roster CSV, uploaded as a file (a 10,000-person company is ~1 MB) or
//! pasted, is checked first — every bad row reported, and what an import would change
//! counted — and written only when the admin confirms. The upload is confirmed by choosing
//! the same file again: the server compares its SHA-256 with the checked one, so what gets
//! imported is exactly what was checked, and no file is kept between the two requests.

use crate::web::lang::Lang;
use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use futures_util::StreamExt;
use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::{back_to, html_status, Chrome, NoticeQuery};
use crate::app::roster::{self as roster_use_case, ImportReport};
use crate::domain::department::Membership;
use crate::domain::roster::{self, ParsedRoster};
use crate::web::auth::{AdminOnly, Require};
use crate::web::pages::PageError;
use crate::web::pages::{html, parse_form, require_multipart};
use crate::web::state::AppState;
use crate::web::with_conn;

/// Largest roster file accepted: 5 MiB, about five times a 10,000-person company's CSV.
pub const MAX_ROSTER_BYTES: usize = 5 * 1024 * 1024;
/// Largest plain field of the upload form (checkbox, button, hash, CSRF token).
const MAX_FIELD_BYTES: usize = 1024;
/// Most fields an upload form may carry.
const MAX_FIELDS: usize = 16;
/// After a too-large file, the rest of the body is read and dropped up to this many bytes, so
/// the browser gets the 413 page instead of a reset connection; beyond it the connection is cut.
const DRAIN_LIMIT: usize = 64 * 1024 * 1024;
/// Row errors listed on the page (the count is always complete).
const ERRORS_SHOWN: usize = 200;
/// Missing people listed on the page (the count is always complete).
const MISSING_SHOWN: usize = 100;

/// What a check found, as shown.
pub struct CheckReport {
    pub source: String,
    pub rows: usize,
    pub errors: Vec<String>,
    pub errors_total: usize,
    pub would: Option<ImportReport>,
    pub missing_shown: Vec<(String, String)>,
    pub deactivate_missing: bool,
    /// Hex SHA-256 of the checked file (upload only), carried by the confirm form.
    pub sha256: String,
}

#[derive(Template)]
#[template(path = "staff/roster.html")]
struct RosterPage {
    nav: crate::web::lang::Nav,
    email: String,
    csrf_token: String,
    notice: Option<String>,
    error: Option<String>,
    summary: String,
    /// (department name, people, active), the counts grouped as the language writes them.
    by_department: Vec<(String, String, String)>,
    /// The upload form's introduction, before and after the CSV header.
    upload_intro: (String, String),
    /// The paste form's hint, before and after the Import button's name.
    press_import: (&'static str, &'static str),
    paste_text: String,
    report: Option<CheckReport>,
    report_words: Option<super::roster_words::ReportWords>,
    w: &'static super::roster_words::Body,
}

/// Renders the roster page.
async fn roster_page(
    state: &AppState,
    who: &crate::auth::Identity,
    lang: Lang,
    notice: Option<String>,
    error: Option<String>,
    paste_text: String,
    report: Option<CheckReport>,
) -> Result<String, PageError> {
    let people =
        with_conn::<PageError, _>(state, |conn| Ok(roster_use_case::list(conn, None)?)).await?;
    let active = people.iter().filter(|p| p.active).count();
    // The roster comes ordered by department.
    let mut by_department: Vec<(Membership, usize, usize)> = Vec::new();
    for p in &people {
        match by_department.last_mut() {
            Some((d, n, a)) if *d == p.department => {
                *n += 1;
                *a += usize::from(p.active);
            }
            _ => by_department.push((p.department, 1, usize::from(p.active))),
        }
    }
    let chrome = Chrome::of(who, "/admin/roster", lang);
    let locale = lang.0;
    let w = super::roster_words::body(locale);
    Ok(RosterPage {
        nav: chrome.nav,
        email: chrome.email,
        csrf_token: chrome.csrf_token,
        notice,
        error,
        summary: super::roster_words::summary(locale, people.len(), active),
        by_department: by_department
            .into_iter()
            .map(|(d, n, a)| {
                let count = |c| super::roster_words::grouped(locale, c);
                (
                    crate::web::pages::words::group_label(locale, d.key()),
                    count(n),
                    count(a),
                )
            })
            .collect(),
        upload_intro: super::roster_words::upload_intro(locale, MAX_ROSTER_BYTES / (1024 * 1024)),
        press_import: crate::web::lang::words::around(w.press_import, "{import}"),
        paste_text,
        report_words: report
            .as_ref()
            .map(|r| super::roster_words::ReportWords::of(r, locale)),
        report,
        w,
    }
    .render()?)
}

/// `GET /admin/roster`.
pub async fn page(
    who: Require<AdminOnly>,
    lang: Lang,
    q: web::Query<NoticeQuery>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, PageError> {
    Ok(html(
        roster_page(
            &state,
            &who,
            lang,
            q.notice.clone(),
            None,
            String::new(),
            None,
        )
        .await?,
    ))
}

/// Checks parsed rows and counts what an import would change, writing nothing.
async fn check(
    state: &AppState,
    source: String,
    parsed: ParsedRoster,
    deactivate_missing: bool,
    sha256: String,
) -> Result<(CheckReport, ParsedRoster), PageError> {
    let errors_total = parsed.errors.len();
    let errors = parsed
        .errors
        .iter()
        .take(ERRORS_SHOWN)
        .map(|e| e.to_string())
        .collect();
    let (would, parsed) = if errors_total == 0 {
        with_conn::<PageError, _>(state, move |conn| {
            let r = roster_use_case::preview(conn, &parsed.entries, deactivate_missing)?;
            Ok((Some(r), parsed))
        })
        .await?
    } else {
        (None, parsed)
    };
    let missing_shown = would
        .as_ref()
        .map(|r| r.missing.iter().take(MISSING_SHOWN).cloned().collect())
        .unwrap_or_default();
    Ok((
        CheckReport {
            source,
            rows: parsed.entries.len() + errors_total,
            errors,
            errors_total,
            would,
            missing_shown,
            deactivate_missing,
            sha256,
        },
        parsed,
    ))
}

/// "Nothing was written: …" in the page's language, `problem` as the parser said it.
fn nothing_written(lang: Lang, problem: &str) -> String {
    crate::i18n::format(lang.0, "ros-nothing-written", &[("problem", problem)])
}

/// Writes a checked, valid roster and says what changed.
async fn import(
    state: &AppState,
    lang: Lang,
    actor: String,
    parsed: ParsedRoster,
    deactivate: bool,
) -> Result<HttpResponse, PageError> {
    let report = with_conn::<PageError, _>(state, move |conn| {
        let now = crate::clock::now();
        Ok(roster_use_case::import(
            conn,
            &parsed.entries,
            deactivate,
            &actor,
            now,
            &|_| {},
        )?)
    })
    .await?;
    Ok(back_to(
        "/admin/roster",
        &super::roster_words::imported(lang.0, &report, deactivate),
    ))
}

/// The paste form.
#[derive(Deserialize)]
struct PasteForm {
    csv: String,
    action: String,
    deactivate_missing: Option<String>,
}

/// `POST /admin/roster`: a pasted CSV (up to the 64 KiB form limit, ~1,000 people): check
/// (report every bad row and what would change) or import (only when every row is valid).
pub async fn paste(
    who: Require<AdminOnly>,
    lang: Lang,
    body: web::Bytes,
    state: web::Data<AppState>,
) -> Result<HttpResponse, PageError> {
    let f: PasteForm = parse_form(&body)?;
    let deactivate = f.deactivate_missing.is_some();
    let parsed = match roster::parse(f.csv.as_bytes()) {
        Ok(p) => p,
        Err(e) => {
            let body = roster_page(
                &state,
                &who,
                lang,
                None,
                Some(nothing_written(lang, &e.to_string())),
                f.csv,
                None,
            )
            .await?;
            return Ok(html_status(StatusCode::BAD_REQUEST, body));
        }
    };
    if parsed.errors.is_empty() && f.action == "import" {
        return import(&state, lang, who.actor.clone(), parsed, deactivate).await;
    }
    let (report, _) = check(
        &state,
        "the pasted text".into(),
        parsed,
        deactivate,
        String::new(),
    )
    .await?;
    Ok(html(
        roster_page(&state, &who, lang, None, None, f.csv, Some(report)).await?,
    ))
}

/// An upload form as read: the file and the small fields.
struct Upload {
    file_name: String,
    file: Option<Vec<u8>>,
    action: String,
    deactivate_missing: bool,
    checked_sha256: String,
}

/// Why an upload could not be read.
enum UploadProblem {
    TooLarge,
    Malformed(String),
}

/// Reads the multipart body: the `roster` file (at most `MAX_ROSTER_BYTES`) and a few small
/// fields. After a too-large file the rest of the body is read and dropped, up to
/// `DRAIN_LIMIT` in all, so the browser receives the answer.
async fn read_upload(mut mp: Multipart) -> Result<Upload, UploadProblem> {
    let mut up = Upload {
        file_name: String::new(),
        file: None,
        action: String::new(),
        deactivate_missing: false,
        checked_sha256: String::new(),
    };
    let bad = |e: actix_multipart::MultipartError| {
        UploadProblem::Malformed(format!("the upload could not be read: {e}"))
    };
    let mut fields = 0;
    let mut too_large = false;
    let mut total = 0usize;
    // Each field must be dropped before the next is asked for (the parser waits for it).
    while let Some(item) = mp.next().await {
        let mut field = item.map_err(bad)?;
        fields += 1;
        if fields > MAX_FIELDS && !too_large {
            return Err(UploadProblem::Malformed(
                "the upload has too many fields".into(),
            ));
        }
        let name = field.name().unwrap_or_default().to_string();
        let limit = if name == "roster" {
            MAX_ROSTER_BYTES
        } else {
            MAX_FIELD_BYTES
        };
        let mut value = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(bad)?;
            total += chunk.len();
            if too_large {
                if total > DRAIN_LIMIT {
                    return Err(UploadProblem::TooLarge);
                }
                continue;
            }
            if value.len() + chunk.len() > limit {
                if name != "roster" {
                    return Err(UploadProblem::Malformed(format!(
                        "the form field {name:?} is too long"
                    )));
                }
                too_large = true;
                value = Vec::new();
                continue;
            }
            value.extend_from_slice(&chunk);
        }
        if too_large {
            continue;
        }
        let text = || String::from_utf8_lossy(&value).trim().to_string();
        match name.as_str() {
            "roster" => {
                up.file_name = field
                    .content_disposition()
                    .and_then(|cd| cd.get_filename())
                    .unwrap_or("the file")
                    .to_string();
                up.file = Some(value);
            }
            "action" => up.action = text(),
            "deactivate_missing" => up.deactivate_missing = !value.is_empty(),
            "checked_sha256" => up.checked_sha256 = text(),
            // csrf_token was checked before the handler ran; other fields are ignored.
            _ => {}
        }
    }
    if too_large {
        return Err(UploadProblem::TooLarge);
    }
    Ok(up)
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `POST /admin/roster/upload` (multipart: `csrf_token` first, then `roster`, `action`,
/// `deactivate_missing`, and on confirmation `checked_sha256`).
pub async fn upload(
    who: Require<AdminOnly>,
    lang: Lang,
    req: HttpRequest,
    mp: Multipart,
    state: web::Data<AppState>,
) -> Result<HttpResponse, PageError> {
    require_multipart(&req)?;
    let (st, me): (&AppState, &crate::auth::Identity) = (&state, &who);
    let refuse = move |status: StatusCode, message: String| async move {
        let body = roster_page(st, me, lang, None, Some(message), String::new(), None).await?;
        Ok::<_, PageError>(html_status(status, body))
    };
    let up = match read_upload(mp).await {
        Ok(up) => up,
        Err(UploadProblem::TooLarge) => {
            return refuse(
                StatusCode::PAYLOAD_TOO_LARGE,
                crate::i18n::format(
                    lang.0,
                    "ros-too-large",
                    &[
                        ("mb", &(MAX_ROSTER_BYTES / (1024 * 1024)).to_string()),
                        ("command", "`ctopulse roster import FILE`"),
                    ],
                ),
            )
            .await;
        }
        Err(UploadProblem::Malformed(m)) => {
            return refuse(
                StatusCode::BAD_REQUEST,
                nothing_written(lang, &format!("{m}.")),
            )
            .await;
        }
    };
    let Some(bytes) = up.file.filter(|f| !f.is_empty()) else {
        return refuse(
            StatusCode::BAD_REQUEST,
            crate::i18n::template(lang.0, "ros-choose-file").to_string(),
        )
        .await;
    };
    let sha256 = sha256_hex(&bytes);
    let importing = up.action == "import";
    if importing && !crate::tokens::constant_time_eq(&sha256, &up.checked_sha256) {
        return refuse(
            StatusCode::CONFLICT,
            crate::i18n::format(lang.0, "ros-not-checked", &[("file", &up.file_name)]),
        )
        .await;
    }
    let parsed = match roster::parse(&bytes) {
        Ok(p) => p,
        Err(e) => {
            return refuse(
                StatusCode::BAD_REQUEST,
                nothing_written(lang, &format!("{}: {e}", up.file_name)),
            )
            .await;
        }
    };
    drop(bytes);
    if importing && parsed.errors.is_empty() {
        return import(
            &state,
            lang,
            who.actor.clone(),
            parsed,
            up.deactivate_missing,
        )
        .await;
    }
    let bad = !parsed.errors.is_empty();
    let (report, _) = check(&state, up.file_name, parsed, up.deactivate_missing, sha256).await?;
    let body = roster_page(&state, &who, lang, None, None, String::new(), Some(report)).await?;
    // A file with bad rows is bad input: nothing is written, the report says why.
    Ok(if bad {
        html_status(StatusCode::UNPROCESSABLE_ENTITY, body)
    } else {
        html(body)
    })
}
