//! Trends over eight quarters and quarter-over-quarter "big surprises".

use serde::Serialize;

use crate::domain::quarter::Quarter;
use crate::domain::scoring::figure::Figure;

/// A headline figure that is trended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Measure A: share aligned.
    Alignment,
    /// Measure B: share productive and happy.
    ProductiveAndHappy,
    /// Measure B: eNPS, in points.
    Enps,
    /// Measure C: weighted CSAT.
    WeightedCsat,
}

impl Metric {
    /// Every trended metric, in scorecard order.
    pub const ALL: [Metric; 4] = [
        Metric::Alignment,
        Metric::ProductiveAndHappy,
        Metric::Enps,
        Metric::WeightedCsat,
    ];

    /// The smallest change that can be a big surprise: 10 points (0.10 as a share; 10 eNPS
    /// points).
    pub fn surprise_threshold(self) -> f64 {
        match self {
            Metric::Enps => 10.0,
            _ => 0.10,
        }
    }
}

/// One quarter of a trend.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct TrendPoint {
    /// The quarter.
    pub quarter: Quarter,
    /// The figure (share in [0, 1], or eNPS points), or why it is absent.
    pub value: Figure<f64>,
}

/// One metric over the scored quarter and the seven before it, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct TrendSeries {
    /// The metric.
    pub metric: Metric,
    /// Eight points, oldest first.
    pub points: Vec<TrendPoint>,
}

/// What a quarter's figure rests on, for the "not comparable" rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Basis {
    /// Template key.
    pub template: String,
    /// Template version.
    pub version: u32,
    /// Reporting groups the figure covers (keys, canonical order).
    pub groups: Vec<String>,
    /// Normalised weights w_g/W of those groups (measure C only; empty otherwise).
    pub weights: Vec<f64>,
}

/// A quarter's value of one metric with what is needed to compare it.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricPoint {
    /// (estimate, variance) or why absent.
    pub value: Figure<(f64, f64)>,
    /// What it rests on (None when there was no round).
    pub basis: Option<Basis>,
}

/// Which way a figure moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Higher than the quarter before.
    Up,
    /// Lower than the quarter before.
    Down,
}

/// The outcome of comparing a quarter with the one before it.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[serde(tag = "verdict", rename_all = "snake_case")]
pub enum SurpriseVerdict {
    /// |Δ| ≥ 10 points and |Δ|/√(Var₁ + Var₂) ≥ 1.96.
    BigSurprise {
        /// Up or down.
        direction: Direction,
        /// Δ, in the metric's unit (share or eNPS points).
        change: f64,
        /// |Δ|/√(Var₁ + Var₂); `None` when both are censuses (no sampling error at all).
        z: Option<f64>,
    },
    /// A change too small or too uncertain to flag.
    NoSurprise {
        /// Δ, in the metric's unit.
        change: f64,
        /// |Δ|/√(Var₁ + Var₂), `None` when both are censuses.
        z: Option<f64>,
    },
    /// The two quarters rest on different groups, weights or template versions.
    NotComparable {
        /// What differs.
        reason: String,
    },
    /// One of the two figures is absent.
    NotEnoughData {
        /// Why.
        reason: String,
    },
}

/// One metric's quarter-over-quarter comparison.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Surprise {
    /// The metric.
    pub metric: Metric,
    /// The earlier quarter.
    pub from: Quarter,
    /// The scored quarter.
    pub to: Quarter,
    /// The outcome.
    pub verdict: SurpriseVerdict,
}

/// The critical ratio DESIGN fixes for a big surprise.
const SURPRISE_Z: f64 = 1.96;
/// A 10-point threshold compared in floating point: 0.7 − 0.6 is 0.0999…98, still ten points.
const ROUNDING: f64 = 1e-9;
/// Normalised weights that differ by less than this are the same snapshot.
const WEIGHT_TOLERANCE: f64 = 1e-12;

fn not_comparable(prev: &Basis, cur: &Basis) -> Option<String> {
    if prev.template != cur.template || prev.version != cur.version {
        return Some(format!(
            "the template changed from {} v{} to {} v{}",
            prev.template, prev.version, cur.template, cur.version
        ));
    }
    if prev.groups != cur.groups {
        return Some(format!(
            "the reported groups differ ({} then {})",
            prev.groups.join(", "),
            cur.groups.join(", ")
        ));
    }
    let weights_differ = prev.weights.len() != cur.weights.len()
        || prev
            .weights
            .iter()
            .zip(&cur.weights)
            .any(|(a, b)| (a - b).abs() > WEIGHT_TOLERANCE);
    weights_differ.then(|| "the group weights differ".to_string())
}

/// Compares `cur` (quarter `to`) with `prev` (quarter `from`) per DESIGN "Big surprise".
pub fn compare(
    metric: Metric,
    from: Quarter,
    prev: &MetricPoint,
    to: Quarter,
    cur: &MetricPoint,
) -> Surprise {
    let verdict = match (
        prev.value.value(),
        cur.value.value(),
        &prev.basis,
        &cur.basis,
    ) {
        (Some(&(p1, v1)), Some(&(p2, v2)), Some(b1), Some(b2)) => match not_comparable(b1, b2) {
            Some(reason) => SurpriseVerdict::NotComparable { reason },
            None => {
                let change = p2 - p1;
                let spread = (v1 + v2).max(0.0).sqrt();
                let z = (spread > 0.0).then(|| change.abs() / spread);
                let large = change.abs() >= metric.surprise_threshold() - ROUNDING;
                let significant = z.map_or(change != 0.0, |z| z >= SURPRISE_Z);
                if large && significant {
                    SurpriseVerdict::BigSurprise {
                        direction: if change > 0.0 {
                            Direction::Up
                        } else {
                            Direction::Down
                        },
                        change,
                        z,
                    }
                } else {
                    SurpriseVerdict::NoSurprise { change, z }
                }
            }
        },
        _ => {
            let missing = if prev.value.value().is_none() {
                (from, &prev.value)
            } else {
                (to, &cur.value)
            };
            SurpriseVerdict::NotEnoughData {
                reason: format!(
                    "no figure for {}: {}",
                    missing.0,
                    missing.1.absence().unwrap_or_default()
                ),
            }
        }
    };
    Surprise {
        metric,
        from,
        to,
        verdict,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scoring::interval::one_group_variance;

    fn basis(groups: &[&str], weights: &[f64]) -> Basis {
        Basis {
            template: "internal-csat".into(),
            version: 1,
            groups: groups.iter().map(|s| s.to_string()).collect(),
            weights: weights.to_vec(),
        }
    }

    fn point(p: f64, var: f64, b: Basis) -> MetricPoint {
        MetricPoint {
            value: Figure::shown((p, var)),
            basis: Some(b),
        }
    }

    fn quarters() -> (Quarter, Quarter) {
        (
            Quarter::new(2026, 2).unwrap(),
            Quarter::new(2026, 3).unwrap(),
        )
    }

    #[test]
    fn a_large_and_significant_drop_is_a_big_surprise() {
        // Q2: 60/80 of N 200, Q3: 40/80 of N 200.
        // Var₁ = (1 − 80/200)·0.75·0.25/79 = 0.6·0.1875/79 = 0.0014240506329113922
        // Var₂ = 0.6·0.25/79 = 0.0018987341772151898
        // Δ = −0.25; z = 0.25/√0.0033227848101265818 = 0.25/0.05764360164082898
        //   = 4.3369947901195145
        let v1 = one_group_variance(0.75, 80, 200).unwrap();
        let v2 = one_group_variance(0.5, 80, 200).unwrap();
        assert!((v1 - 0.0014240506329113922).abs() < 1e-12);
        let (q2, q3) = quarters();
        let s = compare(
            Metric::Alignment,
            q2,
            &point(0.75, v1, basis(&["ceo"], &[])),
            q3,
            &point(0.5, v2, basis(&["ceo"], &[])),
        );
        match s.verdict {
            SurpriseVerdict::BigSurprise {
                direction,
                change,
                z,
            } => {
                assert_eq!(direction, Direction::Down);
                assert!((change + 0.25).abs() < 1e-12);
                assert!((z.unwrap() - 4.3369947901195145).abs() < 1e-9);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn exactly_ten_points_counts_despite_floating_point() {
        let (q2, q3) = quarters();
        let b = || basis(&["ceo"], &[]);
        let s = compare(
            Metric::Alignment,
            q2,
            &point(0.6, 0.0, b()),
            q3,
            &point(0.7, 0.0, b()),
        );
        assert!(matches!(
            s.verdict,
            SurpriseVerdict::BigSurprise { z: None, .. }
        ));
    }

    #[test]
    fn a_large_but_noisy_change_is_no_surprise() {
        let (q2, q3) = quarters();
        let b = || basis(&["ceo"], &[]);
        // Δ = 0.2, Var₁ + Var₂ = 0.02 → z = 0.2/0.1414 = 1.41 < 1.96.
        let s = compare(
            Metric::Alignment,
            q2,
            &point(0.5, 0.01, b()),
            q3,
            &point(0.7, 0.01, b()),
        );
        assert!(matches!(s.verdict, SurpriseVerdict::NoSurprise { .. }));
    }

    #[test]
    fn changed_weights_or_groups_or_version_are_not_comparable() {
        let (q2, q3) = quarters();
        let s = compare(
            Metric::WeightedCsat,
            q2,
            &point(0.5, 0.0, basis(&["sales", "bd"], &[0.7, 0.3])),
            q3,
            &point(0.9, 0.0, basis(&["sales", "bd"], &[0.6, 0.4])),
        );
        assert!(matches!(s.verdict, SurpriseVerdict::NotComparable { .. }));
        let s = compare(
            Metric::WeightedCsat,
            q2,
            &point(0.5, 0.0, basis(&["sales", "bd"], &[0.7, 0.3])),
            q3,
            &point(0.9, 0.0, basis(&["sales"], &[1.0])),
        );
        assert!(matches!(s.verdict, SurpriseVerdict::NotComparable { .. }));
        let mut b = basis(&["sales"], &[1.0]);
        b.version = 2;
        let s = compare(
            Metric::WeightedCsat,
            q2,
            &point(0.5, 0.0, basis(&["sales"], &[1.0])),
            q3,
            &point(0.9, 0.0, b),
        );
        assert!(matches!(s.verdict, SurpriseVerdict::NotComparable { .. }));
    }

    #[test]
    fn enps_uses_ten_points_not_a_tenth() {
        let (q2, q3) = quarters();
        let b = || basis(&["engineering"], &[]);
        let s = compare(
            Metric::Enps,
            q2,
            &point(10.0, 4.0, b()),
            q3,
            &point(15.0, 4.0, b()),
        );
        assert!(matches!(s.verdict, SurpriseVerdict::NoSurprise { .. }));
        let s = compare(
            Metric::Enps,
            q2,
            &point(10.0, 4.0, b()),
            q3,
            &point(25.0, 4.0, b()),
        );
        assert!(matches!(
            s.verdict,
            SurpriseVerdict::BigSurprise {
                direction: Direction::Up,
                ..
            }
        ));
    }
}
