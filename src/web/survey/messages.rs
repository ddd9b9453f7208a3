//! The survey's one-message pages (answered, closed, unknown link, try again) and what a
//! respondent's page could not do.

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, HttpResponseBuilder};
use askama::Template as Askama;
use time::{Date, PrimitiveDateTime};

use super::copy::{closed_body, copy, Copy};
use super::view::MessagePage;
use crate::app::survey::{SurveyError, SurveyRound};
use crate::clock;
use crate::db::DbError;
use crate::domain::ids::RoundId;
use crate::domain::locale::Locale;
use crate::domain::round::local_date;
use crate::web::error::{response_head, Kind, WebError};
use crate::web::state::AppState;
use crate::web::with_conn;

pub(super) fn html(mut head: HttpResponseBuilder, body: String) -> HttpResponse {
    head.content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body)
}

/// A page that did not render: a bare 500 (no words in any language to offer), logged.
pub(super) fn unrendered(e: askama::Error) -> HttpResponse {
    response_head(&SurveyPageError::Page(e)).finish()
}

/// A message page in the respondent's language, on `head` (a status, or an error's).
pub(super) fn message_on(
    head: HttpResponseBuilder,
    locale: Locale,
    pick: fn(&Copy) -> (&'static str, &'static str),
    tone: &'static str,
) -> HttpResponse {
    let (heading, body) = pick(copy(locale));
    page_on(head, locale, heading, body.to_string(), tone)
}

pub(super) fn page_on(
    head: HttpResponseBuilder,
    locale: Locale,
    heading: &'static str,
    body: String,
    tone: &'static str,
) -> HttpResponse {
    let page = MessagePage {
        lang: locale.code(),
        heading,
        body,
        tone,
    };
    match page.render() {
        Ok(b) => html(head, b),
        Err(e) => unrendered(e),
    }
}

pub(super) fn message(
    status: StatusCode,
    locale: Locale,
    pick: fn(&Copy) -> (&'static str, &'static str),
    tone: &'static str,
) -> HttpResponse {
    message_on(HttpResponse::build(status), locale, pick, tone)
}

pub(super) fn unknown(locale: Locale) -> HttpResponse {
    message(
        StatusCode::NOT_FOUND,
        locale,
        |c| (c.unknown_title, c.unknown_body),
        "bad",
    )
}
pub(super) fn answered(locale: Locale) -> HttpResponse {
    message(
        StatusCode::CONFLICT,
        locale,
        |c| (c.answered_title, c.answered_body),
        "good",
    )
}
/// The closed page: when the round closed (in the service's time zone) and where its
/// results go. `closed_at` is when it was closed by hand, if it was.
pub(super) fn closed(
    state: &AppState,
    locale: Locale,
    closes_on: Date,
    closes_at: PrimitiveDateTime,
    closed_at: Option<PrimitiveDateTime>,
) -> HttpResponse {
    let tz = &state.settings.timezone;
    let early = closed_at
        .filter(|c| *c < closes_at)
        .and_then(|c| local_date(c, tz).ok());
    page_on(
        HttpResponse::build(StatusCode::GONE),
        locale,
        copy(locale).closed_title,
        closed_body(locale, closes_on, early, tz),
        "bad",
    )
}

/// The closed page of a link whose round's close time has passed (not yet sealed, so never
/// closed by hand: closing seals at once).
pub(super) fn closed_link(state: &AppState, locale: Locale, round: &SurveyRound) -> HttpResponse {
    closed(state, locale, round.closes_on, round.closes_at, None)
}

/// The page for a cookie of round `rid` that leads nowhere (or to a closed round): the
/// closed page when the round has ended (a seal deletes its links, so a late respondent
/// holding the form gets here), else "this link does not work".
pub(super) async fn ended_or_unknown(
    state: &AppState,
    locale: Locale,
    rid: RoundId,
) -> HttpResponse {
    let found = with_conn(state, move |conn| {
        crate::app::rounds::find(conn, rid).map_err(SurveyPageError::from)
    })
    .await;
    match found {
        Ok(Some(r))
            if r.status.results_visible()
                || (r.launched_at.is_some() && r.closes_at <= clock::now()) =>
        {
            closed(state, locale, r.closes_on, r.closes_at, r.closed_at)
        }
        Ok(_) => unknown(locale),
        Err(e) => unavailable(locale, &e),
    }
}
/// What a respondent's page could not do (logged with its causes; the respondent is told
/// to try again shortly, in their language). Its status, headers and log line come from
/// `web::error` like every area's; the page is the survey's own, so it has no plain-text
/// `ResponseError` form.
#[derive(Debug, thiserror::Error)]
pub enum SurveyPageError {
    #[error("{0}")]
    UseCase(#[from] SurveyError),
    #[error("the survey request failed on the database")]
    Db(#[from] DbError),
    #[error("no blocking thread for the survey request")]
    Blocking(#[from] actix_web::error::BlockingError),
    #[error("the survey page could not be rendered")]
    Page(#[from] askama::Error),
}

impl WebError for SurveyPageError {
    fn kind(&self) -> Kind {
        match self {
            // Whatever failed, a respondent can only come back later.
            SurveyPageError::UseCase(_) | SurveyPageError::Db(_) | SurveyPageError::Blocking(_) => {
                Kind::Unavailable
            }
            SurveyPageError::Page(e) => e.kind(),
        }
    }
}

/// The "try again shortly" page for `e`, in the respondent's language.
pub(super) fn unavailable(fallback: Locale, e: &SurveyPageError) -> HttpResponse {
    let locale = match e {
        SurveyPageError::UseCase(SurveyError::TemplateUnreadable { locale, .. }) => *locale,
        _ => fallback,
    };
    message_on(
        response_head(e),
        locale,
        |c| (c.unavailable_title, c.unavailable_body),
        "bad",
    )
}
