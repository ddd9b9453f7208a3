//! A scorecard's changes since the quarter before, in words for the staff pages.

use crate::app::scorecard::LoadedScorecard;
use crate::domain::scoring::change::{Change, ChangeState, ChangeTest};
use crate::domain::scoring::trend::Metric;

/// A p-value for readers: "= 0.048", or "< 0.001" below three decimals.
fn p_words(p: f64) -> String {
    if p < 0.001 {
        "< 0.001".to_string()
    } else {
        format!("= {p:.3}")
    }
}

/// A change state in words; `None` when there was nothing to compare.
pub fn change_words(c: &Change) -> Option<String> {
    // Shares change in percentage points, eNPS in its own points; bounds repeat no unit.
    let bound = |v: f64| match c.metric {
        Metric::Enps => format!("{v:+.0}"),
        _ => format!("{:+.0}", v * 100.0),
    };
    let points = |v: f64| format!("{} points", bound(v));
    let what = if c.metric == Metric::Enps {
        "eNPS: "
    } else {
        ""
    };
    let interval = |t: &ChangeTest| {
        format!(
            "{} (95% interval {} to {}; adjusted p {})",
            points(t.change),
            bound(t.low),
            bound(t.high),
            p_words(t.adjusted_p)
        )
    };
    let words = match &c.state {
        ChangeState::Changed { test, .. } => {
            format!("{what}Changed since {}: {}", c.from, interval(test))
        }
        ChangeState::NoRealChange { test } => format!(
            "{what}No real change since {}: {}, within ±10 points",
            c.from,
            interval(test)
        ),
        ChangeState::CantTell { test } => {
            format!("{what}Can't tell since {}: {}", c.from, interval(test))
        }
        ChangeState::NotComparable { reason } => {
            format!("{what}Not comparable with {}: {reason}", c.from)
        }
        ChangeState::NotEnoughData { .. } => return None,
    };
    Some(words)
}

pub(crate) fn changes_for(l: &LoadedScorecard, metrics: &[Metric]) -> Vec<(&'static str, String)> {
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
            change_words(c).map(|w| (class, w))
        })
        .collect()
}

pub(crate) fn group_change(l: &LoadedScorecard, group: &str) -> String {
    l.scorecard
        .changes
        .iter()
        .find(|c| c.metric == Metric::GroupCsat && c.group.as_deref() == Some(group))
        .and_then(change_words)
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
            change_words(&change(Metric::Alignment, changed)).unwrap(),
            "Changed since 2026Q2: -25 points (95% interval -36 to -14; adjusted p < 0.001)"
        );
        let same = ChangeState::NoRealChange {
            test: test(0.02, -0.035, 0.075, 0.4795001221869535, 0.4795001221869535),
        };
        assert_eq!(
            change_words(&change(Metric::WeightedCsat, same)).unwrap(),
            "No real change since 2026Q2: +2 points (95% interval -4 to +8; adjusted p = 0.480), within ±10 points"
        );
        let unsure = ChangeState::CantTell {
            test: test(25.0, 3.0, 46.0, 0.02, 0.09),
        };
        assert_eq!(
            change_words(&change(Metric::Enps, unsure)).unwrap(),
            "eNPS: Can't tell since 2026Q2: +25 points (95% interval +3 to +46; adjusted p = 0.090)"
        );
        let other = ChangeState::NotComparable {
            reason: "the group weights differ".into(),
        };
        assert_eq!(
            change_words(&change(Metric::WeightedCsat, other)).unwrap(),
            "Not comparable with 2026Q2: the group weights differ"
        );
        let none = ChangeState::NotEnoughData {
            reason: "no figure".into(),
        };
        assert_eq!(change_words(&change(Metric::Alignment, none)), None);
    }
}
