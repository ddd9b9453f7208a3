//! Each measure's status reason in the report's language.
//!
//! The scoring engine rates each measure and explains it in English; the report re-derives the
//! same clauses from the scorecard's figures so a Korean or Dutch board reads the reason in its
//! own language. The rating itself is always the engine's; a test keeps the English clauses
//! word-for-word equal to the engine's reason.

use crate::charts::copy::{self, pct1};
use crate::domain::locale::Locale;
use crate::domain::scoring::figure::{Figure, Suppression};
use crate::domain::scoring::inputs::{Assessment, Confirmation, StatusThresholds};
use crate::domain::scoring::interval::Share;
use crate::domain::scoring::lagging::LaggingIndicators;
use crate::domain::scoring::scorecard::{MeasureA, MeasureB, MeasureC};
use crate::domain::scoring::status::Rating;

/// Why a figure is absent, in the locale's words.
pub fn absence<T>(locale: Locale, figure: &Figure<T>) -> String {
    let l = copy::labels(locale);
    match figure {
        Figure::Shown { .. } => String::new(),
        Figure::Suppressed {
            reason: Suppression::FewerThanK { k },
        } => copy::counted(
            locale,
            "report-fewer-than-k",
            &[("k", crate::i18n::Arg::Count(u64::from(*k)))],
        ),
        Figure::Suppressed { .. } => l.protects_another.to_string(),
        Figure::NotEnoughData { reason } => crate::charts::missing::words(locale, reason),
    }
}

/// The clauses behind a rating, joined; the rating picks which list is shown.
fn pick(
    rating: Rating,
    red: Vec<String>,
    amber: Vec<String>,
    green: String,
    unrated: String,
) -> String {
    match rating {
        Rating::Red if !red.is_empty() => red.join("; "),
        Rating::Amber if !amber.is_empty() => amber.join("; "),
        Rating::NotRated => unrated,
        _ => green,
    }
}

/// Every Fluent key the reasons read (in `report.ftl`).
pub(crate) const FLUENT_KEYS: [&str; 19] = [
    "reason-state-unconfirmed",
    "reason-state-disputed",
    "reason-point-missed",
    "reason-point-late",
    "reason-alignment-low",
    "reason-alignment-green",
    "reason-unavailable-alignment",
    "reason-unavailable-productive-happy",
    "reason-unavailable-weighted-csat",
    "reason-attrition-breach",
    "reason-acceptance-breach",
    "reason-productive-happy-low",
    "reason-both-lagging",
    "reason-productive-happy-green",
    "reason-csat-low",
    "reason-group-low",
    "reason-csat-green",
    "reason-coverage-low",
    "reason-point-title",
];

fn say(locale: Locale, key: &str, args: &[(&str, &str)]) -> String {
    crate::i18n::format(locale, key, args)
}

fn point_clause(locale: Locale, title: &str, a: Assessment, c: Confirmation) -> String {
    let state = match c {
        Confirmation::Confirmed => String::new(),
        Confirmation::Unconfirmed => format!(" {}", say(locale, "reason-state-unconfirmed", &[])),
        Confirmation::Disputed => format!(" {}", say(locale, "reason-state-disputed", &[])),
    };
    let key = if a == Assessment::Missed {
        "reason-point-missed"
    } else {
        "reason-point-late"
    };
    let title = say(locale, "reason-point-title", &[("title", title)]);
    say(locale, key, &[("title", &title), ("state", &state)])
}

/// A figure and its threshold, as the reason clauses take them.
fn against(v: String, th: String) -> [(&'static str, String); 2] {
    [("value", v), ("threshold", th)]
}

fn say2(locale: Locale, key: &str, args: &[(&'static str, String); 2]) -> String {
    say(
        locale,
        key,
        &[
            (args[0].0, args[0].1.as_str()),
            (args[1].0, args[1].1.as_str()),
        ],
    )
}

/// Measure A's reason.
pub fn reason_a(locale: Locale, a: &MeasureA, t: &StatusThresholds) -> String {
    let of = |want: Assessment| -> Vec<String> {
        a.inflection_points
            .iter()
            .filter(|p| p.assessment == want)
            .map(|p| point_clause(locale, &p.title, p.assessment, p.confirmation))
            .collect()
    };
    let red = of(Assessment::Missed);
    let mut amber = of(Assessment::Late);
    let share = a.alignment.value().map(|s| s.estimate);
    let (p, th) = (|v| pct1(locale, v), t.a_amber_alignment);
    if let Some(v) = share.filter(|v| *v < th) {
        amber.push(say2(locale, "reason-alignment-low", &against(p(v), p(th))));
    }
    let green = share
        .map(|v| say(locale, "reason-alignment-green", &[("value", &p(v))]))
        .unwrap_or_default();
    let unrated = unavailable(locale, Which::Alignment, &a.alignment);
    pick(a.status.rating, red, amber, green, unrated)
}

enum Which {
    Alignment,
    ProductiveHappy,
    WeightedCsat,
}

fn unavailable(locale: Locale, which: Which, figure: &Figure<Share>) -> String {
    let why = absence(locale, figure);
    let key = match which {
        Which::Alignment => "reason-unavailable-alignment",
        Which::ProductiveHappy => "reason-unavailable-productive-happy",
        Which::WeightedCsat => "reason-unavailable-weighted-csat",
    };
    say(locale, key, &[("why", &why)])
}

fn lagging_breaches(locale: Locale, lagging: &LaggingIndicators) -> Vec<String> {
    let p = |v| pct1(locale, v);
    let mut out = Vec::new();
    let at = &lagging.regretted_top_talent_attrition;
    if let (Some(true), Some(v)) = (at.breach, at.value.value()) {
        out.push(say2(
            locale,
            "reason-attrition-breach",
            &against(p(v.value), p(at.threshold)),
        ));
    }
    let ac = &lagging.offer_acceptance;
    if let (Some(true), Some(v)) = (ac.breach, ac.value.value()) {
        out.push(say2(
            locale,
            "reason-acceptance-breach",
            &against(p(v.value), p(ac.threshold)),
        ));
    }
    out
}

/// Measure B's reason.
pub fn reason_b(locale: Locale, b: &MeasureB, t: &StatusThresholds) -> String {
    let p = |v| pct1(locale, v);
    let share = b.productive_and_happy.value().map(|s| s.estimate);
    let low = |v: f64, th: f64| say2(locale, "reason-productive-happy-low", &against(p(v), p(th)));
    let mut red = Vec::new();
    let mut amber = Vec::new();
    match share {
        Some(v) if v < t.b_red_productive_happy => red.push(low(v, t.b_red_productive_happy)),
        Some(v) if v < t.b_amber_productive_happy => amber.push(low(v, t.b_amber_productive_happy)),
        _ => {}
    }
    let breaches = lagging_breaches(locale, &b.lagging);
    if let [first, second] = breaches.as_slice() {
        red.push(say(
            locale,
            "reason-both-lagging",
            &[("first", first), ("second", second)],
        ));
    } else {
        amber.extend(breaches);
    }
    let green = share
        .map(|v| say(locale, "reason-productive-happy-green", &[("value", &p(v))]))
        .unwrap_or_default();
    let unrated = unavailable(locale, Which::ProductiveHappy, &b.productive_and_happy);
    pick(b.status.rating, red, amber, green, unrated)
}

/// Measure C's reason. `groups` are (display name, CSAT figure) of the round's groups.
pub fn reason_c(
    locale: Locale,
    c: &MeasureC,
    groups: &[(String, &Figure<Share>)],
    t: &StatusThresholds,
) -> String {
    let p = |v| pct1(locale, v);
    let weighted = c.weighted_csat.value().map(|s| s.estimate);
    let low = |v: f64, th: f64| say2(locale, "reason-csat-low", &against(p(v), p(th)));
    let mut red = Vec::new();
    let mut amber = Vec::new();
    match weighted {
        Some(v) if v < t.c_red_weighted => red.push(low(v, t.c_red_weighted)),
        Some(v) if v < t.c_amber_weighted => amber.push(low(v, t.c_amber_weighted)),
        _ => {}
    }
    for (name, figure) in groups {
        if let Some(s) = figure.value().filter(|s| s.estimate < t.c_red_any_group) {
            let (v, th) = (p(s.estimate), p(t.c_red_any_group));
            red.push(say(
                locale,
                "reason-group-low",
                &[("name", name), ("value", &v), ("threshold", &th)],
            ));
        }
    }
    let green = weighted
        .map(|v| say(locale, "reason-csat-green", &[("value", &p(v))]))
        .unwrap_or_default();
    let unrated = match c.coverage.as_ref().filter(|cv| !cv.rated) {
        Some(cv) => say(
            locale,
            "reason-coverage-low",
            &[("share", &p(cv.share)), ("threshold", &p(cv.threshold))],
        ),
        None => unavailable(locale, Which::WeightedCsat, &c.weighted_csat),
    };
    pick(c.status.rating, red, amber, green, unrated)
}

/// `s` with its first letter in upper case, for a reason shown as a sentence.
pub fn sentence(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
