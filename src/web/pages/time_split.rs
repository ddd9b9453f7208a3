//! `/dashboard/time`: where the CTO's time goes — the quarter's split against the article's
//! targets, the eight-quarter trend, calendar upload, weeks entered by hand, and each event
//! with its category, the rule that chose it and an override. For the CTO and admins; the
//! CTO's dashboard shows the split too.

use crate::web::lang::Lang;
use actix_web::{web, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::admin::settings_words::around;
use super::dash_words::{body, say, say_n, word, Body};
use super::time_words::{self, TimeWords};
use super::words::decimal;
use super::{back, html, nav, parse_form, PageError, PageQuery};
use crate::app::time_split::{self as app, EventView, QuarterSplit, TimeSplitConfig};
use crate::auth::Identity;
use crate::clock;
use crate::domain::locale::Locale;
use crate::domain::quarter::Quarter;
use crate::domain::time_split::ics::MAX_FILE_BYTES;
use crate::domain::time_split::{Category, SplitSummary};
use crate::i18n::Arg;
use crate::web::auth::{CalendarKeepers, Require};
use crate::web::state::AppState;
use crate::web::with_conn;

pub use super::time_import::import;

/// One line of the split as shown.
pub struct SplitRow {
    pub label: &'static str,
    pub hours: String,
    pub share: String,
    pub target: String,
    pub deviation: String,
    /// Indented (a part of internal).
    pub part: bool,
}

/// One quarter of the trend as shown: shares of sales, marketing, BD, internal, unclassified.
pub struct TrendRow {
    pub quarter: String,
    pub shares: Vec<String>,
}

/// The split of a quarter and its trend, ready for a template.
pub struct TimeSplitView {
    pub quarter: String,
    pub work_hours: String,
    pub rows: Vec<SplitRow>,
    pub trend: Vec<TrendRow>,
    /// Whether the quarter has any work time (the board page shows the split only then).
    pub has_hours: bool,
    /// The table's name for screen readers and its caption.
    pub region: String,
    pub caption: String,
    pub w: &'static Body,
}

/// A share in whole percent, with a no-break space before the sign as the page always wrote it.
fn pct(v: Option<f64>) -> String {
    v.map_or("—".into(), |v| format!("{v:.0}\u{a0}%"))
}

/// A line's name in `locale`.
pub(crate) fn label(locale: Locale, key: &str) -> &'static str {
    word(
        locale,
        match key {
            "sales" => "tim-cat-sales",
            "marketing" => "tim-cat-marketing",
            "bd" => "tim-cat-bd",
            "internal" => "dash-time-internal",
            "internal_engineering" => "dash-time-internal-engineering",
            "internal_executive" => "dash-time-internal-executive",
            "unclassified" => "tim-cat-unclassified",
            _ => "tim-cat-not-work",
        },
    )
}

fn rows(s: &SplitSummary, locale: Locale) -> Vec<SplitRow> {
    s.lines
        .iter()
        .map(|l| SplitRow {
            label: label(locale, &l.key),
            hours: decimal(locale, l.hours, 1),
            share: pct(l.share),
            target: pct(l.target),
            deviation: l
                .deviation_points
                .map_or("—".into(), |d| format!("{d:+.0}")),
            part: l.key.starts_with("internal_"),
        })
        .collect()
}

/// The view of `quarter` with the seven quarters before it, in `locale`.
pub fn view(splits: &[QuarterSplit], locale: Locale) -> Option<TimeSplitView> {
    let current = splits.last()?;
    let trend = splits
        .iter()
        .map(|q| TrendRow {
            quarter: crate::i18n::quarter_long(locale, q.quarter),
            shares: ["sales", "marketing", "bd", "internal", "unclassified"]
                .iter()
                .map(|k| pct(q.split.line(k).and_then(|l| l.share)))
                .collect(),
        })
        .collect();
    let quarter = crate::i18n::quarter_long(locale, current.quarter);
    let work_hours = decimal(locale, current.split.work_hours, 1);
    Some(TimeSplitView {
        region: say(locale, "dash-time-region", &[("quarter", &quarter)]),
        caption: say(
            locale,
            "dash-time-caption",
            &[("quarter", &quarter), ("hours", &work_hours)],
        ),
        quarter,
        work_hours,
        rows: rows(&current.split, locale),
        trend,
        has_hours: current.split.work_hours > 0.0,
        w: body(locale),
    })
}

/// Loads the view of a quarter (default: today's) for a page.
pub async fn load_view(
    state: &AppState,
    quarter: Option<Quarter>,
    lang: Lang,
) -> Result<Option<TimeSplitView>, PageError> {
    let quarter = match quarter {
        Some(q) => q,
        None => current_quarter(state)?,
    };
    let cfg = TimeSplitConfig::from_settings(&state.settings);
    let splits = with_conn::<PageError, _>(state, move |conn| {
        Ok(app::splits(conn, &quarter.trailing(8), &cfg)?)
    })
    .await?;
    Ok(view(&splits, lang.0))
}

fn current_quarter(state: &AppState) -> Result<Quarter, PageError> {
    let today = crate::domain::round::local_date(clock::now(), &state.settings.timezone)
        .map_err(|e| PageError::TimeSplit(app::TimeSplitError::Invalid(e)))?;
    Ok(Quarter::containing(
        today,
        state.settings.fiscal_year_start_month,
    ))
}

#[derive(Template)]
#[template(path = "staff/time_split.html")]
struct TimePage {
    nav: crate::web::lang::Nav,
    email: String,
    csrf_token: String,
    notice: Option<String>,
    error: Option<String>,
    split: Option<TimeSplitView>,
    quarter: String,
    events: Vec<EventView>,
    categories: Vec<(&'static str, &'static str)>,
    rules: Vec<crate::db::time_split::StoredRule>,
    split_for: String,
    import_intro: String,
    events_heading: String,
    /// "(overridden; rules said …)", split where the category goes.
    overridden: (String, String),
    tw: &'static TimeWords,
}

pub(super) async fn page(
    state: &AppState,
    who: &Identity,
    lang: Lang,
    quarter: Option<Quarter>,
    notice: Option<String>,
    error: Option<String>,
) -> Result<String, PageError> {
    let quarter = match quarter {
        Some(q) => q,
        None => current_quarter(state)?,
    };
    let split = load_view(state, Some(quarter), lang).await?;
    let cfg = TimeSplitConfig::from_settings(&state.settings);
    let (events, rules) = with_conn::<PageError, _>(state, move |conn| {
        Ok((app::events(conn, quarter, &cfg)?, app::list_rules(conn)?))
    })
    .await?;
    let locale = lang.0;
    let tw = time_words::words(locale);
    let quarter_text = crate::i18n::quarter_long(locale, quarter);
    let events_heading = say_n(
        locale,
        "tim-events-heading",
        &[
            ("quarter", Arg::Text(&quarter_text)),
            ("n", Arg::Count(u64::try_from(events.len()).unwrap_or(0))),
        ],
    );
    Ok(TimePage {
        nav: nav(who, "/dashboard/time", lang),
        email: who.actor.clone(),
        csrf_token: who.csrf_token().unwrap_or_default(),
        notice,
        error,
        split,
        split_for: say(locale, "tim-split-for", &[("quarter", &quarter_text)]),
        import_intro: say(
            locale,
            "tim-import-intro",
            &[("mb", &(MAX_FILE_BYTES / (1024 * 1024)).to_string())],
        ),
        events_heading,
        overridden: around(locale, "tim-overridden", "category", &[]),
        quarter: quarter_text,
        events,
        categories: Category::ALL.iter().map(|c| (c.key(), tw.cat(c))).collect(),
        rules,
        tw,
    }
    .render()?)
}

/// `GET /dashboard/time`.
pub async fn show(
    who: Require<CalendarKeepers>,
    lang: Lang,
    q: web::Query<PageQuery>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, PageError> {
    let quarter = q
        .quarter
        .as_deref()
        .map(Quarter::parse_strict)
        .transpose()?;
    Ok(html(
        page(&state, &who, lang, quarter, q.notice.clone(), None).await?,
    ))
}

/// The manual-hours form.
#[derive(Deserialize)]
pub struct HoursForm {
    week: String,
    category: String,
    hours: String,
}

/// `POST /dashboard/time/hours`.
pub async fn add_hours(
    who: Require<CalendarKeepers>,
    lang: Lang,
    body: web::Bytes,
    state: web::Data<AppState>,
) -> Result<HttpResponse, PageError> {
    let form: HoursForm = parse_form(&body)?;
    let day = time::Date::parse(
        form.week.trim(),
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .map_err(|source| PageError::Date {
        typed: form.week.clone(),
        source,
    })?;
    let category: Category =
        form.category
            .parse()
            .map_err(|e: crate::domain::time_split::UnknownCategory| {
                app::TimeSplitError::Invalid(e.to_string())
            })?;
    let hours: f64 = form.hours.trim().parse().map_err(|_| {
        app::TimeSplitError::Invalid(format!("{:?} is not a number of hours", form.hours))
    })?;
    let actor = who.actor.clone();
    let monday = with_conn::<PageError, _>(&state, move |conn| {
        Ok(app::add_hours(
            conn,
            day,
            category,
            hours,
            &actor,
            clock::now(),
        )?)
    })
    .await?;
    Ok(back(
        "/dashboard/time",
        &say(
            lang.0,
            "tim-hours-saved",
            &[
                ("monday", &monday.to_string()),
                (
                    "hours",
                    &hours
                        .to_string()
                        .replace('.', crate::i18n::template(lang.0, "decimal-mark")),
                ),
                ("category", time_words::words(lang.0).cat(category)),
            ],
        ),
    ))
}

/// The override form.
#[derive(Deserialize)]
pub struct OverrideForm {
    /// A category key, or empty to clear.
    category: String,
    quarter: String,
}

/// `POST /dashboard/time/events/{key}/override`.
pub async fn set_override(
    who: Require<CalendarKeepers>,
    lang: Lang,
    key: web::Path<String>,
    body: web::Bytes,
    state: web::Data<AppState>,
) -> Result<HttpResponse, PageError> {
    let form: OverrideForm = parse_form(&body)?;
    let quarter = Quarter::parse_strict(&form.quarter)?;
    let category = match form.category.trim() {
        "" => None,
        c => Some(
            c.parse()
                .map_err(|e: crate::domain::time_split::UnknownCategory| {
                    app::TimeSplitError::Invalid(e.to_string())
                })?,
        ),
    };
    let (actor, key) = (who.actor.clone(), key.into_inner());
    with_conn::<PageError, _>(&state, move |conn| {
        Ok(app::set_override(
            conn,
            &key,
            category,
            &actor,
            clock::now(),
        )?)
    })
    .await?;
    let notice = category.map_or(
        word(lang.0, "tim-override-cleared").to_string(),
        |c: Category| {
            say(
                lang.0,
                "tim-event-set",
                &[("category", time_words::words(lang.0).cat(c))],
            )
        },
    );
    let q = serde_urlencoded::to_string([("quarter", quarter.to_string()), ("notice", notice)])
        .unwrap_or_default();
    Ok(HttpResponse::SeeOther()
        .insert_header((
            actix_web::http::header::LOCATION,
            format!("/dashboard/time?{q}"),
        ))
        .finish())
}

/// The add-rule form.
#[derive(Deserialize)]
pub struct RuleForm {
    kind: String,
    pattern: String,
    category: String,
}

/// `POST /dashboard/time/rules`: adds a classification rule (applies from the next import).
pub async fn add_rule(
    who: Require<CalendarKeepers>,
    lang: Lang,
    body: web::Bytes,
    state: web::Data<AppState>,
) -> Result<HttpResponse, PageError> {
    let form: RuleForm = parse_form(&body)?;
    let kind = crate::domain::time_split::RuleKind::parse(&form.kind).ok_or_else(|| {
        app::TimeSplitError::Invalid(format!(
            "unknown rule kind {:?} (calendar_category, domain or keyword)",
            form.kind
        ))
    })?;
    let category: Category =
        form.category
            .parse()
            .map_err(|e: crate::domain::time_split::UnknownCategory| {
                app::TimeSplitError::Invalid(e.to_string())
            })?;
    let rule = crate::domain::time_split::Rule::new(kind, &form.pattern, category);
    let (actor, label) = (who.actor.clone(), rule.label());
    with_conn::<PageError, _>(&state, move |conn| {
        Ok(app::add_rule(conn, &rule, &actor, clock::now())?)
    })
    .await?;
    Ok(back(
        "/dashboard/time",
        &say(lang.0, "tim-rule-added", &[("rule", &label)]),
    ))
}

/// `POST /dashboard/time/rules/{id}/remove`.
pub async fn remove_rule(
    who: Require<CalendarKeepers>,
    lang: Lang,
    id: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, PageError> {
    let (actor, id) = (who.actor.clone(), id.into_inner());
    with_conn::<PageError, _>(&state, move |conn| {
        Ok(app::remove_rule(conn, &id, &actor, clock::now())?)
    })
    .await?;
    Ok(back("/dashboard/time", word(lang.0, "tim-rule-removed")))
}
