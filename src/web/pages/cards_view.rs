//! The three measure cards of a scorecard, in the page's language: headline, interval, status
//! and its reason, trend, changes and the lines under each.

use crate::app::scorecard::LoadedScorecard;
use crate::charts::dashboard::{trend_svg, Scale};
use crate::charts::{copy, reasons};
use crate::domain::audience::Audience;
use crate::domain::locale::Locale;
use crate::domain::scoring::csat::LeftOutReason;
use crate::domain::scoring::figure::Suppression;
use crate::domain::scoring::inputs::{Assessment, Confirmation, StatusThresholds};
use crate::domain::scoring::interval::Share;
use crate::domain::scoring::lagging::BreachWhen;
use crate::domain::scoring::missing::Missing;
use crate::domain::scoring::status::{Rating, Status};
use crate::domain::scoring::trend::{Metric, TrendSeries};
use crate::domain::scoring::Figure;
use crate::i18n::{count, Arg};
use crate::web::pages::change_view::changes_for;
use crate::web::pages::dash_words::{say, say_n, word};
use crate::web::pages::drivers_view::top_line;
use crate::web::pages::view::{Line, MeasureCard, RatingView};
use crate::web::pages::words::{group_label, pct};

/// A rating as a CSS class and a word (never colour alone); `reason` in the page's language.
fn rating(locale: Locale, s: &Status, reason: String) -> RatingView {
    let (class, key) = match s.rating {
        Rating::Green => ("green", "dash-rating-green"),
        Rating::Amber => ("amber", "dash-rating-amber"),
        Rating::Red => ("red", "dash-rating-red"),
        Rating::NotRated => ("not-rated", "dash-rating-not-rated"),
    };
    RatingView {
        class,
        word: word(locale, key),
        reason,
    }
}

/// An anonymity rule in words.
pub fn suppression(locale: Locale, s: &Suppression) -> String {
    match s {
        Suppression::FewerThanK { k } => say_n(
            locale,
            "dash-fewer-than-k",
            &[("k", Arg::Count(u64::from(*k)))],
        ),
        Suppression::ProtectsAnotherGroup => word(locale, "dash-protects-another").to_string(),
        Suppression::BelowCommentThreshold { threshold } => say_n(
            locale,
            "dash-below-comment-threshold",
            &[("threshold", Arg::Count(u64::from(*threshold)))],
        ),
    }
}

/// Why a figure could not be computed, in the page's language (the report's words).
pub fn not_enough(locale: Locale, reason: &Missing) -> String {
    crate::charts::missing::words(locale, reason)
}

/// A share's headline and the words under it.
pub fn share_text(locale: Locale, f: &Figure<Share>) -> (String, String) {
    match f {
        Figure::Shown { value } if value.census => (
            pct(locale, value.estimate),
            say_n(locale, "dash-census", &[("n", Arg::Count(value.n))]),
        ),
        Figure::Shown { value } => (
            pct(locale, value.estimate),
            say_n(
                locale,
                "dash-interval",
                &[
                    ("low", Arg::Text(&pct(locale, value.low))),
                    ("high", Arg::Text(&pct(locale, value.high))),
                    ("n", Arg::Count(value.n)),
                ],
            ),
        ),
        Figure::Suppressed { reason } => (
            "—".into(),
            say(
                locale,
                "dash-withheld",
                &[("reason", &suppression(locale, reason))],
            ),
        ),
        Figure::NotEnoughData { reason } => (
            "—".into(),
            say(
                locale,
                "dash-not-enough",
                &[("reason", &not_enough(locale, reason))],
            ),
        ),
    }
}

/// A figure in words: `shown` writes a shown one; the others say why there is none.
pub fn figure_words<T>(locale: Locale, f: &Figure<T>, shown: impl Fn(&T) -> String) -> String {
    match f {
        Figure::Shown { value } => shown(value),
        Figure::Suppressed { reason } => say(
            locale,
            "dash-withheld-paren",
            &[("reason", &suppression(locale, reason))],
        ),
        Figure::NotEnoughData { reason } => say(
            locale,
            "dash-not-enough-paren",
            &[("reason", &not_enough(locale, reason))],
        ),
    }
}

fn series(trends: &[TrendSeries], m: Metric) -> Option<&TrendSeries> {
    trends.iter().find(|t| t.metric == m)
}

fn trend_rows(locale: Locale, s: Option<&TrendSeries>) -> Vec<(String, String)> {
    s.map(|s| {
        s.points
            .iter()
            .map(|p| {
                // The row names the quarter; "no closed round in <that quarter>" said it again.
                let text = match &p.value {
                    Figure::NotEnoughData { .. } => word(locale, "dash-no-data").to_string(),
                    other => figure_words(locale, other, |v| pct(locale, *v)),
                };
                (crate::i18n::quarter_long(locale, p.quarter), text)
            })
            .collect()
    })
    .unwrap_or_default()
}

fn assessment(locale: Locale, a: Assessment) -> &'static str {
    word(
        locale,
        match a {
            Assessment::Ahead => "dash-assessment-ahead",
            Assessment::OnTime => "dash-assessment-on-time",
            Assessment::Watching => "dash-assessment-watching",
            Assessment::Late => "dash-assessment-late",
            Assessment::Missed => "dash-assessment-missed",
        },
    )
}

fn confirmation(locale: Locale, c: Confirmation) -> &'static str {
    word(
        locale,
        match c {
            Confirmation::Confirmed => "dash-confirmation-confirmed",
            Confirmation::Unconfirmed => "dash-confirmation-unconfirmed",
            Confirmation::Disputed => "dash-confirmation-disputed",
        },
    )
}

/// A stored assessment (`on_time`) in words; an unknown one as it is.
pub fn assessment_text(locale: Locale, stored: &str) -> String {
    serde_json::from_value::<Assessment>(serde_json::Value::from(stored))
        .map(|a| assessment(locale, a).to_string())
        .unwrap_or_else(|_| stored.replace('_', " "))
}

/// A stored board verdict (`confirmed`) in words; an unknown one as it is.
pub fn confirmation_text(locale: Locale, stored: &str) -> String {
    serde_json::from_value::<Confirmation>(serde_json::Value::from(stored))
        .map(|c| confirmation(locale, c).to_string())
        .unwrap_or_else(|_| stored.to_string())
}

/// The three cards; `text_of(round, key)` gives a question's text.
pub fn measure_cards(
    l: &LoadedScorecard,
    locale: Locale,
    thresholds: &StatusThresholds,
    text_of: &dyn Fn(Option<&str>, &str) -> String,
) -> Vec<MeasureCard> {
    let s = &l.scorecard;
    let t = &s.trends;
    let p = |v: f64| pct(locale, v);
    let (a_head, a_int) = share_text(locale, &s.measure_a.alignment);
    let (b_head, b_int) = share_text(locale, &s.measure_b.productive_and_happy);
    let (mut c_head, mut c_int) = share_text(locale, &s.measure_c.weighted_csat);
    let c_coverage = s.measure_c.coverage.as_ref().map(|cv| {
        if cv.rated {
            say(locale, "dash-coverage", &[("share", &p(cv.share))])
        } else {
            say(
                locale,
                "dash-coverage-low",
                &[("share", &p(cv.share)), ("threshold", &p(cv.threshold))],
            )
        }
    });
    // Too little of the company reported: the number is shown, but not as the headline.
    if s.measure_c.coverage.as_ref().is_some_and(|cv| !cv.rated) && c_head != "—" {
        c_int = say(
            locale,
            "dash-across-reported",
            &[("value", &c_head), ("interval", &c_int)],
        );
        c_head = word(locale, "dash-rating-not-rated").to_string();
    }
    let b = &s.measure_b;
    let mut b_lines = vec![
        Line {
            label: word(locale, "dash-enps").into(),
            text: figure_words(locale, &b.enps, |e| {
                say_n(
                    locale,
                    "dash-enps-value",
                    &[
                        ("score", Arg::Text(&format!("{:+.0}", e.score))),
                        ("low", Arg::Text(&format!("{:+.0}", e.low))),
                        ("high", Arg::Text(&format!("{:+.0}", e.high))),
                        ("n", Arg::Count(e.n)),
                    ],
                )
            }),
        },
        Line {
            label: word(locale, "dash-quadrants").into(),
            text: figure_words(locale, &b.quadrants, |q| {
                say_n(
                    locale,
                    "dash-quadrants-value",
                    &[
                        ("happy", Arg::Count(q.productive_and_happy)),
                        ("burnout", Arg::Count(q.burnout_risk)),
                        ("friction", Arg::Count(q.friction)),
                        ("neither", Arg::Count(q.neither)),
                    ],
                )
            }),
        },
    ];
    for (key, ind) in [
        ("dash-attrition", &b.lagging.regretted_top_talent_attrition),
        ("dash-acceptance", &b.lagging.offer_acceptance),
    ] {
        let value = figure_words(locale, &ind.value, |r| {
            say(
                locale,
                "dash-ratio",
                &[
                    ("share", &p(r.value)),
                    ("numerator", &count(locale, r.numerator.round() as u64)),
                    ("denominator", &count(locale, r.denominator.round() as u64)),
                ],
            )
        });
        let above = ind.breach_when == BreachWhen::Above;
        let verdict = match (ind.breach, above) {
            (Some(true), true) => "dash-breached-above",
            (Some(true), false) => "dash-breached-below",
            (Some(false), true) => "dash-within-above",
            (Some(false), false) => "dash-within-below",
            (None, true) => "dash-breach-above",
            (None, false) => "dash-breach-below",
        };
        let verdict = say(locale, verdict, &[("limit", &p(ind.threshold))]);
        b_lines.push(Line {
            label: word(locale, key).into(),
            text: format!("{value} — {verdict}"),
        });
    }
    let c = &s.measure_c;
    let mut c_lines: Vec<Line> = c
        .groups_used
        .iter()
        .map(|g| Line {
            label: group_label(locale, &g.group),
            text: say(
                locale,
                "dash-group-weight",
                &[("csat", &p(g.csat)), ("weight", &p(g.weight_share))],
            ),
        })
        .collect();
    c_lines.extend(c.groups_left_out.iter().map(|g| {
        let why = match (&g.reason, locale) {
            (_, Locale::En) => g.why.clone(),
            (LeftOutReason::Suppressed { rule }, _) => suppression(locale, rule),
            (LeftOutReason::NoOverallAnswers, _) => {
                copy::labels(locale).no_overall_answers.to_string()
            }
            (LeftOutReason::ZeroWeight, _) => copy::labels(locale).zero_weight.to_string(),
        };
        Line {
            label: group_label(locale, &g.group),
            text: say(locale, "dash-left-out", &[("why", &why)]),
        }
    }));
    for (lines, top, round) in [
        (&mut b_lines, &b.top_drivers, &b.round),
        (&mut c_lines, &c.top_drivers, &c.round),
    ] {
        let text = |key: &str| text_of(round.as_ref().map(|r| r.key.as_str()), key);
        if let Some(text) = top_line(locale, top, &text) {
            lines.push(Line {
                label: word(locale, "dash-top-drivers").into(),
                text,
            });
        }
    }
    let a_lines = s
        .measure_a
        .inflection_points
        .iter()
        .map(|pt| Line {
            label: pt.title.clone(),
            text: format!(
                "{} ({})",
                assessment(locale, pt.assessment),
                confirmation(locale, pt.confirmation)
            ),
        })
        .collect();
    // The engine explains each status in English; the report's clauses say it in the others.
    let reason = |english: &Status, other: &dyn Fn() -> String| {
        if locale == Locale::En {
            english.reason.clone()
        } else {
            reasons::sentence(&other())
        }
    };
    let a_reason = reason(&s.measure_a.status, &|| {
        reasons::reason_a(locale, &s.measure_a, thresholds)
    });
    let b_reason = reason(&b.status, &|| reasons::reason_b(locale, b, thresholds));
    let c_reason = reason(&c.status, &|| {
        let groups: Vec<(String, &Figure<Share>)> = s
            .rounds
            .iter()
            .filter(|r| r.audience == Audience::InternalCsat)
            .flat_map(|r| &r.groups)
            .filter_map(|g| {
                let name = copy::group_name(locale, &g.key, &g.departments);
                g.csat.as_ref().map(|f| (name, f))
            })
            .collect();
        reasons::reason_c(locale, c, &groups, thresholds)
    });
    let card = |letter, metric, (headline, interval), status, reason, changes, lines| {
        let (title, trend) = match letter {
            "A" => ("dash-measure-a", "dash-trend-a"),
            "B" => ("dash-measure-b", "dash-trend-b"),
            _ => ("dash-measure-c", "dash-trend-c"),
        };
        MeasureCard {
            letter,
            title: word(locale, title),
            headline,
            interval,
            status: rating(locale, status, reason),
            sparkline: trend_svg(series(t, metric), Scale::Share, word(locale, trend), locale)
                .unwrap_or_default(),
            trend_table: trend_rows(locale, series(t, metric)),
            changes,
            coverage: None,
            lines,
        }
    };
    let mut cards = vec![
        card(
            "A",
            Metric::Alignment,
            (a_head, a_int),
            &s.measure_a.status,
            a_reason,
            changes_for(l, locale, &[Metric::Alignment]),
            a_lines,
        ),
        card(
            "B",
            Metric::ProductiveAndHappy,
            (b_head, b_int),
            &b.status,
            b_reason,
            changes_for(l, locale, &[Metric::ProductiveAndHappy, Metric::Enps]),
            b_lines,
        ),
        card(
            "C",
            Metric::WeightedCsat,
            (c_head, c_int),
            &c.status,
            c_reason,
            changes_for(l, locale, &[Metric::WeightedCsat]),
            c_lines,
        ),
    ];
    if let Some(c) = cards.last_mut() {
        c.coverage = c_coverage;
    }
    cards
}
