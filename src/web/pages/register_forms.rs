//! The dashboard's and the board page's forms: the CTO's commentary, a new inflection point
//! and its assessment, and the board's verdict. Each answers with a notice in the reader's
//! language.

use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::{back, parse_form, quarter_field, PageError};
use crate::app::{commentary, inflection};
use crate::web::auth::{BoardOnly, CtoOnly, Require};
use crate::web::lang::Lang;
use crate::web::state::AppState;
use crate::web::with_conn;

/// The commentary form.
#[derive(Deserialize)]
pub struct CommentaryForm {
    quarter: String,
    body: String,
}

/// `POST /dashboard/commentary`.
pub async fn save_commentary(
    who: Require<CtoOnly>,
    lang: Lang,
    body: web::Bytes,
    state: web::Data<AppState>,
) -> Result<HttpResponse, PageError> {
    let form: CommentaryForm = parse_form(&body)?;
    let quarter = quarter_field(&form.quarter)?;
    let (body, actor) = (form.body, who.actor.clone());
    with_conn::<PageError, _>(&state, move |conn| {
        Ok(commentary::set(
            conn,
            quarter,
            &body,
            &actor,
            crate::clock::now(),
        )?)
    })
    .await?;
    Ok(back(
        "/dashboard",
        &crate::i18n::format(
            lang.0,
            "staff-notice-commentary-saved",
            &[("quarter", &crate::i18n::quarter_long(lang.0, quarter))],
        ),
    ))
}

/// The new-point form.
#[derive(Deserialize)]
pub struct PointForm {
    title: String,
    quarter: String,
    description: Option<String>,
}

/// `POST /dashboard/inflections`.
pub async fn add_point(
    who: Require<CtoOnly>,
    lang: Lang,
    body: web::Bytes,
    state: web::Data<AppState>,
) -> Result<HttpResponse, PageError> {
    let form: PointForm = parse_form(&body)?;
    let quarter = quarter_field(&form.quarter)?;
    let (f, actor) = (form, who.actor.clone());
    with_conn::<PageError, _>(&state, move |conn| {
        Ok(inflection::add(
            conn,
            &f.title,
            quarter,
            f.description.as_deref(),
            &actor,
            crate::clock::now(),
        )?)
    })
    .await?;
    Ok(back(
        "/dashboard",
        crate::i18n::template(lang.0, "staff-notice-point-added"),
    ))
}

/// The assessment form.
#[derive(Deserialize)]
pub struct AssessForm {
    quarter: String,
    assessment: String,
    note: Option<String>,
}

/// `POST /dashboard/inflections/{id}/assess`.
pub async fn assess_point(
    who: Require<CtoOnly>,
    lang: Lang,
    id: web::Path<String>,
    body: web::Bytes,
    state: web::Data<AppState>,
) -> Result<HttpResponse, PageError> {
    let form: AssessForm = parse_form(&body)?;
    let quarter = quarter_field(&form.quarter)?;
    let assessment = inflection::parse_assessment(&form.assessment)?;
    let (f, actor, id) = (form, who.actor.clone(), id.into_inner());
    with_conn::<PageError, _>(&state, move |conn| {
        Ok(inflection::assess(
            conn,
            &id,
            quarter,
            assessment,
            f.note.as_deref(),
            &actor,
            crate::clock::now(),
        )?)
    })
    .await?;
    Ok(back(
        "/dashboard",
        &crate::i18n::format(
            lang.0,
            "staff-notice-assessment-saved",
            &[("quarter", &quarter.to_string())],
        ),
    ))
}

/// The board's verdict form.
#[derive(Deserialize)]
pub struct ConfirmForm {
    quarter: String,
    decision: String,
    note: Option<String>,
}

/// `POST /board/inflections/{id}/confirm`.
pub async fn confirm_point(
    who: Require<BoardOnly>,
    lang: Lang,
    id: web::Path<String>,
    body: web::Bytes,
    state: web::Data<AppState>,
) -> Result<HttpResponse, PageError> {
    let form: ConfirmForm = parse_form(&body)?;
    let quarter = quarter_field(&form.quarter)?;
    let dispute = match form.decision.as_str() {
        "confirm" => false,
        "dispute" => true,
        other => {
            return Err(PageError::NoDecision(other.to_string()));
        }
    };
    let (f, actor, id) = (form, who.actor.clone(), id.into_inner());
    with_conn::<PageError, _>(&state, move |conn| {
        Ok(inflection::confirm(
            conn,
            &id,
            quarter,
            dispute,
            f.note.as_deref(),
            &actor,
            crate::clock::now(),
        )?)
    })
    .await?;
    Ok(back(
        "/board",
        crate::i18n::template(
            lang.0,
            if dispute {
                "staff-notice-disputed"
            } else {
                "staff-notice-confirmed"
            },
        ),
    ))
}
