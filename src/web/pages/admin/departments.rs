//! `/admin/departments`: the departments and their CSAT weights (measure C), editable as one
//! set. Launched rounds keep the weights snapshotted at their launch.

use crate::web::lang::Lang;
use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;

use super::settings_words::{self as sw, Departments};
use super::words::{say, say_n, word};
use super::{back_to, html_status, Chrome, NoticeQuery};
use crate::app::departments::{self, DepartmentRow, SetWeightError};
use crate::domain::department::{parse_weight, Department, WeightError};
use crate::domain::locale::Locale;
use crate::i18n::Arg;
use crate::web::auth::{AdminOnly, Require};
use crate::web::pages::PageError;
use crate::web::pages::{html, parse_form};
use crate::web::state::AppState;
use crate::web::with_conn;

/// One department row of the form.
pub struct WeightRow {
    pub key: &'static str,
    pub name: String,
    /// What the input shows: the stored weight, or what the admin typed.
    pub value: String,
    pub share: String,
    pub invalid: bool,
}

#[derive(Template)]
#[template(path = "staff/departments.html")]
struct DepartmentsPage {
    nav: crate::web::lang::Nav,
    email: String,
    csrf_token: String,
    notice: Option<String>,
    error: Option<String>,
    rows: Vec<WeightRow>,
    w: &'static Departments,
}

impl DepartmentsPage {
    fn new(
        who: &Chrome,
        locale: Locale,
        notice: Option<String>,
        error: Option<String>,
        rows: Vec<WeightRow>,
    ) -> Self {
        DepartmentsPage {
            nav: who.nav.clone(),
            email: who.email.clone(),
            csrf_token: who.csrf_token.clone(),
            notice,
            error,
            rows,
            w: Departments::of(locale),
        }
    }
}

/// The form field of a department's weight.
fn field(dept: Department) -> String {
    format!("weight_{}", dept.key())
}

/// Rows from the stored weights, each with its share of the total, named in `locale`.
fn stored_rows(stored: &[DepartmentRow], locale: Locale) -> Vec<WeightRow> {
    let total: f64 = stored.iter().map(|d| d.csat_weight).sum();
    stored
        .iter()
        .map(|d| WeightRow {
            key: d.key.key(),
            name: crate::charts::copy::department_name(locale, d.key).to_string(),
            value: format!("{}", d.csat_weight),
            share: if total > 0.0 {
                crate::i18n::percent(locale, &format!("{:.1}", 100.0 * d.csat_weight / total))
            } else {
                "—".into()
            },
            invalid: false,
        })
        .collect()
}

/// `GET /admin/departments`.
pub async fn page(
    who: Require<AdminOnly>,
    lang: Lang,
    q: web::Query<NoticeQuery>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, PageError> {
    let stored = with_conn::<PageError, _>(&state, |conn| Ok(departments::list(conn)?)).await?;
    let chrome = Chrome::of(&who, "/admin/departments", lang);
    Ok(html(
        DepartmentsPage::new(
            &chrome,
            lang.0,
            q.notice.clone(),
            None,
            stored_rows(&stored, lang.0),
        )
        .render()?,
    ))
}

/// `POST /admin/departments`: every weight at once (`weight_sales`, `weight_bd`, …), checked
/// as a set and written in one transaction; each change is audited.
pub async fn save(
    who: Require<AdminOnly>,
    lang: Lang,
    body: web::Bytes,
    state: web::Data<AppState>,
) -> Result<HttpResponse, PageError> {
    let form: BTreeMap<String, String> = parse_form(&body)?;
    let locale = lang.0;
    let mut weights = BTreeMap::new();
    let mut errors: Vec<WeightError> = Vec::new();
    let mut bad = Vec::new();
    for dept in Department::ALL {
        let Some(text) = form.get(&field(dept)) else {
            continue;
        };
        match parse_weight(dept, text) {
            Ok(w) => {
                weights.insert(dept, w);
            }
            Err(e) => {
                bad.push(dept);
                errors.push(e);
            }
        }
    }
    if errors.is_empty() && weights.is_empty() {
        return Err(PageError::NoWeights);
    }
    let outcome = if !errors.is_empty() {
        Err(errors)
    } else {
        let actor = who.actor.clone();
        with_conn::<PageError, _>(&state, move |conn| {
            match departments::set_weights(conn, crate::clock::now(), &weights, &actor) {
                Ok(n) => Ok(Ok(n)),
                Err(SetWeightError::Invalid(e)) => Ok(Err(vec![e])),
                Err(SetWeightError::Db(d)) => Err(d.into()),
            }
        })
        .await?
    };
    match outcome {
        Ok(0) => Ok(back_to(
            "/admin/departments",
            word(locale, "dep-none-changed"),
        )),
        Ok(n) => Ok(back_to(
            "/admin/departments",
            &say_n(
                locale,
                "dep-changed",
                &[("n", Arg::Count(u64::try_from(n).unwrap_or(0)))],
            ),
        )),
        Err(errors) => {
            // The form again with what the admin typed, the bad fields marked.
            if errors.iter().any(|e| matches!(e, WeightError::AllZero)) {
                bad = Department::ALL.to_vec();
            }
            let message = errors
                .iter()
                .map(|e| sw::weight_error(locale, e))
                .collect::<Vec<_>>()
                .join("; ");
            let stored =
                with_conn::<PageError, _>(&state, |conn| Ok(departments::list(conn)?)).await?;
            let rows = stored_rows(&stored, locale)
                .into_iter()
                .map(|mut r| {
                    if let Ok(dept) = r.key.parse::<Department>() {
                        if let Some(typed) = form.get(&field(dept)) {
                            r.value = typed.clone();
                        }
                        r.invalid = bad.contains(&dept);
                    }
                    r
                })
                .collect();
            let chrome = Chrome::of(&who, "/admin/departments", lang);
            Ok(html_status(
                StatusCode::BAD_REQUEST,
                DepartmentsPage::new(
                    &chrome,
                    locale,
                    None,
                    Some(say(locale, "dep-nothing-saved", &[("problems", &message)])),
                    rows,
                )
                .render()?,
            ))
        }
    }
}
