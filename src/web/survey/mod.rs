//! The respondent's pages: the emailed link, the form, the thank-you page.
//!
//! `GET /s/{token}` moves the token from the URL into a per-round HttpOnly cookie and
//! redirects to a token-free URL, so the secret never sits in history or referrers.

pub use crate::app::survey_page::{copy, preview_html, view};

pub use crate::app::survey::recent;

mod messages;
mod recap;

pub use self::messages::SurveyPageError;

use crate::domain::ids::RoundId;
use std::collections::BTreeMap;

use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template as Askama;
use serde::Deserialize;

use self::copy::from_accept_language;
use self::messages::{
    answered, closed_link, ended_or_unknown, html, message, unavailable, unknown, unrendered,
};
use self::view::{form_page, FormInput};
use super::client_ip::client_ip;
use super::with_conn;
use crate::app::survey::{self as use_case, Followed, Form, Refusal};
use crate::app::survey::{Checked, LinkState, Respondent, Submitted};
use crate::clock;
use crate::domain::department::Membership;
use crate::domain::locale::Locale;
use crate::domain::survey_form;
use crate::domain::survey_link::LinkHints;
use crate::domain::template::Template;
use crate::tokens;
use crate::web::state::AppState;

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
    // The link's own language until the invitation names one; then the browser's.
    let hints = LinkHints::parse(req.query_string());
    let locale = hints.locale.unwrap_or_else(|| request_locale(&req));
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
        // A sealed round's links are gone: the link's round says whether it has ended.
        Ok(Followed::Link(LinkState::Unknown)) => match hints.round {
            Some(rid) => ended_or_unknown(&state, locale, rid).await,
            None => unknown(locale),
        },
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
    recap: Option<crate::domain::actions::recap::RecapView>,
}

fn render_form(r: Rendered<'_>, status: StatusCode) -> HttpResponse {
    let round = &r.respondent.round;
    let department = match r.respondent.department {
        Membership::Department(d) => Some(d),
        Membership::Board => None,
    };
    let page = form_page(&FormInput {
        template: r.template,
        template_hash: Some(&round.template_hash),
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
        recap: r.recap,
    });
    match page.and_then(|p| p.render()) {
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
            let recap = recap::recap_for(&state, &r, locale).await;
            render_form(
                Rendered {
                    respondent: &r,
                    template: &template,
                    locale,
                    csrf: tokens::derive("survey-csrf", &token),
                    kept: BTreeMap::new(),
                    problems: BTreeMap::new(),
                    strict_mode: state.settings.anonymity.strict_mode,
                    recap,
                },
                StatusCode::OK,
            )
        }
        Ok(Form::Open(..) | Form::Not(LinkState::Open(_))) => unknown(fallback),
        // The seal deleted the link: the round may still say it closed, and when.
        Ok(Form::Not(LinkState::Unknown)) => ended_or_unknown(&state, fallback, round_id).await,
        Ok(Form::Not(LinkState::Answered { locale, .. })) => answered(chosen_locale(&q, locale)),
        Ok(Form::Not(LinkState::Closed { round, locale })) => {
            closed_link(&state, chosen_locale(&q, locale), &round)
        }
    }
}

/// `POST /survey/{round}`: validates and stores the answers (`app::survey::submit`).
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
        )) => {
            let locale = respondent_locale(&r);
            let recap = recap::recap_for(&state, &r, locale).await;
            render_form(
                Rendered {
                    respondent: &r,
                    template: &template,
                    locale,
                    csrf: expected,
                    kept,
                    problems,
                    strict_mode: state.settings.anonymity.strict_mode,
                    recap,
                },
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
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
