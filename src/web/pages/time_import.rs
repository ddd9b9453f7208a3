//! `POST /dashboard/time/import`: calendar files uploaded from the time-split page, read with
//! limits (file count, size) and imported all or nothing.

use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use futures_util::StreamExt;

use super::admin::html_status;
use super::dash_words::{say, say_n, word};
use super::time_split::page;
use super::{back, require_multipart, PageError};
use crate::app::time_split::{self as app, CalendarFile, TimeSplitConfig};
use crate::clock;
use crate::domain::locale::Locale;
use crate::domain::time_split::ics::MAX_FILE_BYTES;
use crate::i18n::Arg;
use crate::web::auth::{CalendarKeepers, Require};
use crate::web::lang::Lang;
use crate::web::state::AppState;
use crate::web::with_conn;

/// Calendar files one upload may carry.
const MAX_FILES: usize = 8;
/// After a too-large file the rest is read and dropped up to this, so the browser gets the page.
const DRAIN_LIMIT: usize = 64 * 1024 * 1024;

/// `POST /dashboard/time/import`: one or more `.ics` files (multipart field `calendar`).
pub async fn import(
    who: Require<CalendarKeepers>,
    lang: Lang,
    req: HttpRequest,
    mp: Multipart,
    state: web::Data<AppState>,
) -> Result<HttpResponse, PageError> {
    require_multipart(&req)?;
    let refuse = |status: StatusCode, message: String| {
        let (state, who) = (&state, &who);
        async move {
            Ok::<_, PageError>(html_status(
                status,
                page(state, who, lang, None, None, Some(message)).await?,
            ))
        }
    };
    let locale = lang.0;
    let nothing = |problem: &str| say(locale, "tim-nothing-written", &[("problem", problem)]);
    let files = match read_files(mp, locale).await {
        Ok(f) if f.is_empty() => {
            let m = word(locale, "tim-choose-file").to_string();
            return refuse(StatusCode::BAD_REQUEST, m).await;
        }
        Ok(f) => f,
        Err(Some(m)) => return refuse(StatusCode::BAD_REQUEST, nothing(&format!("{m}."))).await,
        Err(None) => {
            let mb = (MAX_FILE_BYTES / (1024 * 1024)).to_string();
            let m = say(
                locale,
                "tim-too-large",
                &[("mb", &mb), ("command", "`ctopulse time import`")],
            );
            return refuse(StatusCode::PAYLOAD_TOO_LARGE, m).await;
        }
    };
    let cfg = TimeSplitConfig::from_settings(&state.settings);
    let actor = who.actor.clone();
    let result = with_conn::<PageError, _>(&state, move |conn| {
        Ok(app::import(conn, &files, None, &cfg, &actor, clock::now()))
    })
    .await?;
    match result {
        Ok(r) => Ok(back(
            "/dashboard/time",
            &say_n(
                locale,
                "tim-imported",
                &[
                    ("n", Arg::Count(u64::try_from(r.stored).unwrap_or(0))),
                    ("from", Arg::Text(&r.from.to_string())),
                    ("to", Arg::Text(&r.to.to_string())),
                    (
                        "replaced",
                        Arg::Count(u64::try_from(r.replaced).unwrap_or(0)),
                    ),
                ],
            ),
        )),
        Err(e @ app::TimeSplitError::File { .. }) => {
            let status = if matches!(
                &e,
                app::TimeSplitError::File {
                    source: crate::domain::time_split::ImportError::TooLarge { .. },
                    ..
                }
            ) {
                StatusCode::PAYLOAD_TOO_LARGE
            } else {
                StatusCode::BAD_REQUEST
            };
            refuse(status, nothing(&e.to_string())).await
        }
        Err(e) => Err(e.into()),
    }
}

/// Reads the `calendar` files; `Err(None)` when one is too large, `Err(Some(why))` otherwise.
async fn read_files(
    mut mp: Multipart,
    locale: Locale,
) -> Result<Vec<CalendarFile>, Option<String>> {
    let mut files = Vec::new();
    let mut too_large = false;
    let mut total = 0usize;
    let bad = |e: actix_multipart::MultipartError| {
        Some(say(
            locale,
            "tim-unreadable",
            &[("problem", &e.to_string())],
        ))
    };
    while let Some(item) = mp.next().await {
        let mut field = item.map_err(bad)?;
        let name = field.name().unwrap_or_default().to_string();
        let is_file = name == "calendar";
        if is_file && files.len() >= MAX_FILES {
            return Err(Some(say(
                locale,
                "tim-too-many",
                &[("n", &MAX_FILES.to_string())],
            )));
        }
        let limit = if is_file { MAX_FILE_BYTES } else { 1024 };
        let mut value = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(bad)?;
            total += chunk.len();
            if too_large {
                if total > DRAIN_LIMIT {
                    return Err(None);
                }
                continue;
            }
            if value.len() + chunk.len() > limit {
                if !is_file {
                    return Err(Some(say(locale, "tim-field-too-long", &[("name", &name)])));
                }
                too_large = true;
                value = Vec::new();
                continue;
            }
            value.extend_from_slice(&chunk);
        }
        if is_file && !too_large && !value.is_empty() {
            let name = field
                .content_disposition()
                .and_then(|cd| cd.get_filename())
                .unwrap_or("the file")
                .to_string();
            files.push(CalendarFile { name, bytes: value });
        }
    }
    if too_large {
        return Err(None);
    }
    Ok(files)
}
