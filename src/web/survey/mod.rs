//! The respondent's pages: the emailed link, the form, the thank-you page.
//!
//! `GET /s/{token}` moves the token from the URL into a per-round HttpOnly cookie and
//! redirects to a token-free URL, so the secret never sits in history or referrers.

pub use crate::app::survey_page::{copy, preview_html, view};

pub use crate::app::survey::recent;

use crate::domain::ids::RoundId;
use std::collections::BTreeMap;

use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse, HttpResponseBuilder};
use askama::Template as Askama;
use serde::Deserialize;

use self::copy::{closed_body, copy, from_accept_language, Copy};
use self::view::{form_page, FormInput, MessagePage};
use super::client_ip::client_ip;
use super::error::{response_head, Kind, WebError};
use super::with_conn;
use crate::app::survey::SurveyRound;
use crate::app::survey::{self as use_case, Followed, Form, Refusal, SurveyError};
use crate::app::survey::{Checked, LinkState, Respondent, Submitted};
use crate::clock;
use crate::db::DbError;
use crate::domain::department::Membership;
use crate::domain::locale::Locale;
use crate::domain::round::local_date;
use crate::domain::survey_form;
use crate::domain::template::Template;
use crate::tokens;
use crate::web::state::AppState;
use time::{Date, PrimitiveDateTime};

/// Largest survey form body accepted (a full form with a 2,000-character comment, percent-
/// encoded, is far below this).
pub const MAX_FORM_BYTES: usize = 64 * 1024;
const CSRF_FIELD: &str = "csrf_token";

/// `?lang=` on survey pages.
#[derive(Deserialize)]
pub struct LangQuery {
    lang: Option<String>,
    dept: Option<String>,
}

fn cookie_name(state: &AppState, round_id: RoundId) -> String {
    if state.settings.is_https() {
        format!("__Host-s-{round_id}")
    } else {
        format!("s-{round_id}")
    }
}

/// A round id from the address; `None` for text that is not one (answered as an unknown
/// link, like an id of no round).
fn parse_round(text: &str) -> Option<RoundId> {
    text.parse().ok()
}

fn html(mut head: HttpResponseBuilder, body: String) -> HttpResponse {
    head.content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body)
}

/// A page that did not render: a bare 500 (no words in any language to offer), logged.
fn unrendered(e: askama::Error) -> HttpResponse {
    response_head(&SurveyPageError::Page(e)).finish()
}

/// A message page in the respondent's language, on `head` (a status, or an error's).
fn message_on(
    head: HttpResponseBuilder,
    locale: Locale,
    pick: fn(&Copy) -> (&'static str, &'static str),
    tone: &'static str,
) -> HttpResponse {
    let (heading, body) = pick(copy(locale));
    page_on(head, locale, heading, body.to_string(), tone)
}

fn page_on(
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

fn message(
    status: StatusCode,
    locale: Locale,
    pick: fn(&Copy) -> (&'static str, &'static str),
    tone: &'static str,
) -> HttpResponse {
    message_on(HttpResponse::build(status), locale, pick, tone)
}

fn unknown(locale: Locale) -> HttpResponse {
    message(
        StatusCode::NOT_FOUND,
        locale,
        |c| (c.unknown_title, c.unknown_body),
        "bad",
    )
}
fn answered(locale: Locale) -> HttpResponse {
    message(
        StatusCode::CONFLICT,
        locale,
        |c| (c.answered_title, c.answered_body),
        "good",
    )
}
/// The closed page: when the round closed (in the service's time zone) and where its
/// results go. `closed_at` is when it was closed by hand, if it was.
fn closed(
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
fn closed_link(state: &AppState, locale: Locale, round: &SurveyRound) -> HttpResponse {
    closed(state, locale, round.closes_on, round.closes_at, None)
}

/// The page for a cookie of round `rid` that leads nowhere (or to a closed round): the
/// closed page when the round has ended (a seal deletes its links, so a late respondent
/// holding the form gets here), else "this link does not work".
async fn ended_or_unknown(state: &AppState, locale: Locale, rid: RoundId) -> HttpResponse {
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
fn unavailable(fallback: Locale, e: &SurveyPageError) -> HttpResponse {
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

fn request_locale(req: &HttpRequest) -> Locale {
    from_accept_language(
        req.headers()
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    )
}

/// `GET /s/{token}`: checks the link, stores the token in the round's cookie, redirects.
pub async fn open_link(
    req: HttpRequest,
    token: web::Path<String>,
    state: web::Data<AppState>,
) -> HttpResponse {
    let locale = request_locale(&req);
    let ip = client_ip(&req, &state.settings.server.trusted_proxies);
    let token = token.into_inner();
    let hash = tokens::is_well_formed(&token).then(|| tokens::hash(&token));
    let now = clock::now();
    let shared = state.clone();
    let result = with_conn(&state, move |conn| {
        use_case::follow_link(conn, shared.survey_caches(), hash.as_deref(), &ip, now)
            .map_err(SurveyPageError::from)
    })
    .await;
    match result {
        Err(e) => unavailable(locale, &e),
        Ok(Followed::Throttled { retry_after: wait }) => {
            let mut r = message(
                StatusCode::TOO_MANY_REQUESTS,
                locale,
                |c| (c.limited_title, c.limited_body),
                "bad",
            );
            if let Ok(v) = header::HeaderValue::from_str(&wait.to_string()) {
                r.headers_mut().insert(header::RETRY_AFTER, v);
            }
            r
        }
        Ok(Followed::Link(LinkState::Unknown)) => unknown(locale),
        // The invitation names its language: the pages after the form speak it too.
        Ok(Followed::Link(LinkState::Answered { locale, .. })) => answered(locale),
        Ok(Followed::Link(LinkState::Closed { round, locale })) => {
            closed_link(&state, locale, &round)
        }
        Ok(Followed::Link(LinkState::Open(r))) => {
            let expires = r.round.closes_at.assume_utc();
            let cookie = Cookie::build(cookie_name(&state, r.round.id), token)
                .path("/")
                .http_only(true)
                .secure(state.settings.is_https())
                .same_site(SameSite::Lax)
                .expires(expires)
                .finish();
            HttpResponse::SeeOther()
                .insert_header((header::LOCATION, format!("/survey/{}", r.round.id)))
                .insert_header((header::CACHE_CONTROL, "no-store"))
                .cookie(cookie)
                .finish()
        }
    }
}

/// The token from the round's cookie, if it is one of ours in shape.
fn cookie_token(req: &HttpRequest, state: &AppState, round_id: RoundId) -> Option<String> {
    req.cookie(&cookie_name(state, round_id))
        .map(|c| c.value().to_string())
        .filter(|t| tokens::is_well_formed(t))
}

fn no_cookie(locale: Locale) -> HttpResponse {
    message(
        StatusCode::FORBIDDEN,
        locale,
        |c| (c.no_cookie_title, c.no_cookie_body),
        "bad",
    )
}

fn chosen_locale(q: &LangQuery, fallback: Locale) -> Locale {
    q.lang
        .as_deref()
        .and_then(|l| l.parse().ok())
        .unwrap_or(fallback)
}

struct Rendered<'a> {
    respondent: &'a Respondent,
    template: &'a Template,
    locale: Locale,
    csrf: String,
    kept: BTreeMap<String, String>,
    problems: BTreeMap<String, survey_form::Problem>,
    strict_mode: bool,
}

fn render_form(r: Rendered<'_>, status: StatusCode) -> HttpResponse {
    let round = &r.respondent.round;
    let department = match r.respondent.department {
        Membership::Department(d) => Some(d),
        Membership::Board => None,
    };
    let page = form_page(&FormInput {
        template: r.template,
        department,
        locale: r.locale,
        k: round.k.max(0) as u32,
        comment_threshold: round.comment_threshold.max(0) as u32,
        kept: &r.kept,
        problems: &r.problems,
        action: format!("/survey/{}?lang={}", round.id, r.locale.code()),
        csrf: r.csrf,
        preview: false,
        strict_mode: r.strict_mode,
        self_url: format!("/survey/{}", round.id),
    });
    match page.render() {
        Ok(b) => html(HttpResponse::build(status), b),
        Err(e) => unrendered(e),
    }
}

/// The token's link and, when it is open, its round's template: from the lookup
/// `GET /s/{token}` made a moment ago when there is one (the redirect to the form), from the
/// database otherwise (then remembered for the POST).
async fn respondent_state(
    state: &AppState,
    hash: String,
    round_id: RoundId,
) -> Result<Form, SurveyPageError> {
    let now = clock::now();
    if let Some((r, t)) = use_case::form_from_memory(state.survey_caches(), &hash, round_id, now) {
        return Ok(Form::Open(r, t));
    }
    let shared = state.clone();
    with_conn(state, move |conn| {
        Ok(use_case::form(conn, shared.survey_caches(), &hash, now)?)
    })
    .await
}

/// `GET /survey/{round}`: the form, in the respondent's language (or `?lang=`).
pub async fn show_form(
    req: HttpRequest,
    round_id: web::Path<String>,
    q: web::Query<LangQuery>,
    state: web::Data<AppState>,
) -> HttpResponse {
    let fallback = chosen_locale(&q, request_locale(&req));
    // No cookie is ever set for text that is not a round id.
    let Some(round_id) = parse_round(&round_id) else {
        return no_cookie(fallback);
    };
    let Some(token) = cookie_token(&req, &state, round_id) else {
        return no_cookie(fallback);
    };
    match respondent_state(&state, tokens::hash(&token), round_id).await {
        Err(e) => unavailable(fallback, &e),
        Ok(Form::Open(r, template)) if r.round.id == round_id => {
            let locale = chosen_locale(&q, r.locale);
            render_form(
                Rendered {
                    respondent: &r,
                    template: &template,
                    locale,
                    csrf: tokens::derive("survey-csrf", &token),
                    kept: BTreeMap::new(),
                    problems: BTreeMap::new(),
                    strict_mode: state.settings.anonymity.strict_mode,
                },
                StatusCode::OK,
            )
        }
        Ok(Form::Open(..) | Form::Not(LinkState::Open(_) | LinkState::Unknown)) => {
            unknown(fallback)
        }
        Ok(Form::Not(LinkState::Answered { locale, .. })) => answered(chosen_locale(&q, locale)),
        Ok(Form::Not(LinkState::Closed { round, locale })) => {
            closed_link(&state, chosen_locale(&q, locale), &round)
        }
    }
}

/// `POST /survey/{round}`: validates and stores the answers in one transaction.
pub async fn submit(
    req: HttpRequest,
    round_id: web::Path<String>,
    q: web::Query<LangQuery>,
    body: web::Bytes,
    state: web::Data<AppState>,
) -> HttpResponse {
    let fallback = chosen_locale(&q, request_locale(&req));
    let Some(rid) = parse_round(&round_id) else {
        return no_cookie(fallback);
    };
    let Some(token) = cookie_token(&req, &state, rid) else {
        return no_cookie(fallback);
    };
    let forged = |locale| {
        message(
            StatusCode::BAD_REQUEST,
            locale,
            |c| (c.forged_title, c.forged_body),
            "bad",
        )
    };
    let is_form = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return message(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            fallback,
            |c| (c.forged_title, c.forged_body),
            "bad",
        );
    }
    let Ok(fields) = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&body) else {
        return forged(fallback);
    };
    let expected = tokens::derive("survey-csrf", &token);
    let csrf_ok = fields
        .iter()
        .filter(|(k, _)| k == CSRF_FIELD)
        .map(|(_, v)| tokens::constant_time_eq(v, &expected))
        .collect::<Vec<_>>()
        == [true];
    if !csrf_ok {
        return message(
            StatusCode::FORBIDDEN,
            fallback,
            |c| (c.forged_title, c.forged_body),
            "bad",
        );
    }
    // Validated against the respondent's questions by the store itself (after its lookup,
    // before it writes): one link lookup and one trip to a blocking thread per POST.
    let hash = tokens::hash(&token);
    let now = clock::now();
    let shared = state.clone();
    let outcome = with_conn(&state, move |conn| {
        let caches = shared.survey_caches();
        Ok(use_case::submit(
            conn,
            caches,
            rid,
            &hash,
            &fields,
            &[CSRF_FIELD],
            now,
        )?)
    })
    .await;
    let respondent_locale = |r: &Respondent| chosen_locale(&q, r.locale);
    match outcome {
        Err(e) => unavailable(fallback, &e),
        Ok(Checked::Refused(r, Refusal::Forged)) => forged(respondent_locale(&r)),
        Ok(Checked::Refused(
            r,
            Refusal::Mistakes {
                problems,
                kept,
                template,
            },
        )) => render_form(
            Rendered {
                respondent: &r,
                template: &template,
                locale: respondent_locale(&r),
                csrf: expected,
                kept,
                problems,
                strict_mode: state.settings.anonymity.strict_mode,
            },
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Ok(Checked::Stored(r)) => {
            let mut page = message(
                StatusCode::OK,
                respondent_locale(&r),
                |c| (c.thanks_title, c.thanks_body),
                "good",
            );
            let mut gone = Cookie::build(cookie_name(&state, r.round.id), "")
                .path("/")
                .http_only(true)
                .secure(state.settings.is_https())
                .finish();
            gone.make_removal();
            let _ = page.add_cookie(&gone);
            page
        }
        Ok(Checked::Not(Submitted::AlreadyAnswered, locale)) => {
            answered(locale.map_or(fallback, |l| chosen_locale(&q, l)))
        }
        Ok(Checked::Not(Submitted::Closed, locale)) => {
            let locale = locale.map_or(fallback, |l| chosen_locale(&q, l));
            ended_or_unknown(&state, locale, rid).await
        }
        Ok(Checked::Not(Submitted::Unknown | Submitted::Stored, _)) => {
            ended_or_unknown(&state, fallback, rid).await
        }
    }
}

/// `GET /preview/{round}?lang=ko&dept=sales`: the survey as a respondent sees it, read-only.
/// Round ids are unguessable; a preview shows questions only, never answers.
pub async fn preview(
    round_id: web::Path<String>,
    q: web::Query<LangQuery>,
    state: web::Data<AppState>,
) -> HttpResponse {
    let locale = chosen_locale(&q, Locale::En);
    let Some(id) = parse_round(&round_id) else {
        return unknown(locale);
    };
    let round = with_conn(&state, move |conn| {
        crate::app::rounds::find(conn, id).map_err(SurveyPageError::from)
    })
    .await;
    let round = match round {
        Ok(Some(round)) => round,
        Ok(None) => return unknown(locale),
        Err(e) => return unavailable(locale, &e),
    };
    let strict = state.settings.anonymity.strict_mode;
    match preview_html(&round, locale, q.dept.as_deref(), strict) {
        Some(b) => html(HttpResponse::Ok(), b),
        None => unknown(locale),
    }
}
