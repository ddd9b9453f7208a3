//! A scorecard's changes since the quarter before, in words for the staff pages.

use crate::app::scorecard::LoadedScorecard;
use crate::domain::locale::Locale;
use crate::domain::scoring::change::{Change, ChangeState, ChangeTest, Incomparable};
use crate::domain::scoring::trend::Metric;
use crate::web::pages::dash_words::say;
use crate::web::pages::words::{decimal, group_label};

/// A p-value for readers: "= 0.048", or "< 0.001" below three decimals.
fn p_words(locale: Locale, p: f64) -> String {
    if p < 0.001 {
        say(locale, "dash-p-below", &[("p", &decimal(locale, 0.001, 3))])
    } else {
        say(locale, "dash-p-equal", &[("p", &decimal(locale, p, 3))])
    }
}

/// Why two quarters are not comparable, in `locale`, with the groups' department names.
fn incomparable_words(locale: Locale, why: &Incomparable) -> String {
    let groups = |keys: &[String]| {
        keys.iter()
            .map(|k| group_label(locale, k))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let key = why.fluent_key();
    match why {
        Incomparable::Template { from, to } => say(
            locale,
            key,
            &[("from", &from.1.to_string()), ("to", &to.1.to_string())],
        ),
        Incomparable::NewGroup(g) => say(locale, key, &[("group", &group_label(locale, g))]),
        Incomparable::Groups { before, after } => say(
            locale,
            key,
            &[("before", &groups(before)), ("after", &groups(after))],
        ),
        Incomparable::Weights => say(locale, key, &[]),
    }
}

/// A change state in words, in `locale`; `None` when there was nothing to compare.
pub fn change_words(locale: Locale, c: &Change) -> Option<String> {
    // Shares change in percentage points, eNPS in its own points; bounds repeat no unit.
    let bound = |v: f64| match c.metric {
        Metric::Enps => format!("{v:+.0}"),
        _ => format!("{:+.0}", v * 100.0),
    };
    // "eNPS" is the same word in every language.
    let what = if c.metric == Metric::Enps {
        "eNPS: "
    } else {
        ""
    };
    let interval = |t: &ChangeTest| {
        say(
            locale,
            "dash-change-interval",
            &[
                ("change", &bound(t.change)),
                ("low", &bound(t.low)),
                ("high", &bound(t.high)),
                ("p", &p_words(locale, t.adjusted_p)),
            ],
        )
    };
    let from = crate::i18n::quarter_long(locale, c.from);
    let with = |key: &str, t: &ChangeTest| {
        say(
            locale,
            key,
            &[("quarter", &from), ("interval", &interval(t))],
        )
    };
    let words = match &c.state {
        ChangeState::Changed { test, .. } => with("dash-change-changed", test),
        ChangeState::NoRealChange { test } => with("dash-change-no-real", test),
        ChangeState::CantTell { test } => with("dash-change-cant-tell", test),
        ChangeState::NotComparable { reason } => say(
            locale,
            "dash-change-not-comparable",
            &[
                ("quarter", &from),
                ("reason", &incomparable_words(locale, reason)),
            ],
        ),
        ChangeState::NotEnoughData { .. } => return None,
    };
    Some(format!("{what}{words}"))
}

pub(crate) fn changes_for(
    l: &LoadedScorecard,
    locale: Locale,
    metrics: &[Metric],
) -> Vec<(&'static str, String)> {
    metrics
        .iter()
        .filter_map(|m| {
            let c = l
                .scorecard
                .changes
                .iter()
                .find(|c| c.metric == *m && c.group.is_none())?;
            // A real change stands out; the other states are told in plain text.
            let class = match c.state {
                ChangeState::Changed { .. } => "change changed",
                _ => "change",
            };
            change_words(locale, c).map(|w| (class, w))
        })
        .collect()
}

pub(crate) fn group_change(l: &LoadedScorecard, locale: Locale, group: &str) -> String {
    l.scorecard
        .changes
        .iter()
        .find(|c| c.metric == Metric::GroupCsat && c.group.as_deref() == Some(group))
        .and_then(|c| change_words(locale, c))
        .unwrap_or_else(|| "—".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::quarter::Quarter;

    fn change(metric: Metric, state: ChangeState) -> Change {
        let q3 = Quarter::new(2026, 3).unwrap();
        Change {
            metric,
            group: None,
            from: q3.prev(),
            to: q3,
            state,
        }
    }

    fn test(change: f64, low: f64, high: f64, p: f64, adjusted_p: f64) -> ChangeTest {
        ChangeTest {
            change,
            low,
            high,
            p,
            adjusted_p,
        }
    }

    #[test]
    fn each_state_reads_as_words() {
        let changed = ChangeState::Changed {
            direction: crate::domain::scoring::change::Direction::Down,
            test: test(-0.25, -0.363, -0.137, 1.4e-5, 1.4e-5),
        };
        assert_eq!(
            change_words(Locale::En, &change(Metric::Alignment, changed)).unwrap(),
            "Changed since Q2 2026: -25 points (95% interval -36 to -14; adjusted p < 0.001)"
        );
        let same = ChangeState::NoRealChange {
            test: test(0.02, -0.035, 0.075, 0.4795001221869535, 0.4795001221869535),
        };
        assert_eq!(
            change_words(Locale::En, &change(Metric::WeightedCsat, same)).unwrap(),
            "No real change since Q2 2026: +2 points (95% interval -4 to +8; adjusted p = 0.480), within ±10 points"
        );
        let unsure = ChangeState::CantTell {
            test: test(25.0, 3.0, 46.0, 0.02, 0.09),
        };
        assert_eq!(
            change_words(Locale::En, &change(Metric::Enps, unsure)).unwrap(),
            "eNPS: Can't tell since Q2 2026: +25 points (95% interval +3 to +46; adjusted p = 0.090)"
        );
        let other = ChangeState::NotComparable {
            reason: Incomparable::Weights,
        };
        assert_eq!(
            change_words(Locale::En, &change(Metric::WeightedCsat, other)).unwrap(),
            "Not comparable with Q2 2026: the group weights differ"
        );
        let none = ChangeState::NotEnoughData {
            reason: crate::domain::scoring::change::NoFigure::Unanchored,
        };
        assert_eq!(
            change_words(Locale::En, &change(Metric::Alignment, none)),
            None
        );
    }

    #[test]
    fn not_comparable_is_said_in_the_page_language_with_department_names() {
        let keys = |k: &[&str]| k.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let groups = ChangeState::NotComparable {
            reason: Incomparable::Groups {
                before: keys(&["sales", "bd", "marketing", "engineering", "ceo"]),
                after: keys(&["sales", "marketing", "engineering"]),
            },
        };
        let weights = ChangeState::NotComparable {
            reason: Incomparable::Weights,
        };
        let template = ChangeState::NotComparable {
            reason: Incomparable::Template {
                from: ("internal-csat".into(), 1),
                to: ("internal-csat".into(), 2),
            },
        };
        let new_group = ChangeState::NotComparable {
            reason: Incomparable::NewGroup("bd+ceo".into()),
        };
        let say = |l, s: &ChangeState| change_words(l, &change(Metric::WeightedCsat, s.clone()));
        let ko = say(Locale::Ko, &groups).unwrap();
        assert!(
            ko.contains("집계 그룹이 다름 (이전: 영업, 사업개발, 마케팅, 엔지니어링·제품, CEO실 / 현재: 영업, 마케팅, 엔지니어링·제품)"),
            "{ko}"
        );
        let de = say(Locale::De, &groups).unwrap();
        assert!(
            de.contains("damals Vertrieb, Business Development, Marketing, Engineering & Produkt, CEO-Büro; jetzt Vertrieb, Marketing, Engineering & Produkt"),
            "{de}"
        );
        assert_eq!(
            say(Locale::Ko, &new_group).unwrap(),
            "2026년 2분기와 비교 불가: 이전 설문에는 사업개발 + CEO실 그룹이 없었음"
        );
        for locale in [Locale::Ko, Locale::De] {
            for state in [&groups, &weights, &template, &new_group] {
                let words = say(locale, state).unwrap();
                for english in ["differ", "changed", "earlier round", "reporting group"] {
                    assert!(!words.contains(english), "{locale}: {words}");
                }
                for raw in ["sales", "engineering", "internal-csat", "bd+ceo", "ceo,"] {
                    assert!(!words.contains(raw), "{locale}: {words}");
                }
            }
        }
    }

    #[test]
    fn german_reads_with_a_decimal_comma() {
        let same = ChangeState::NoRealChange {
            test: test(0.02, -0.035, 0.075, 0.48, 0.48),
        };
        let words = change_words(Locale::De, &change(Metric::WeightedCsat, same)).unwrap();
        assert!(words.contains("p = 0,480"), "{words}");
        assert!(!words.contains("No real change"), "{words}");
    }
}
