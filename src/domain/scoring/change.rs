//! Quarter-over-quarter change states (DESIGN "Change states").
//!
//! Every figure a scorecard compares with the quarter before — the four headline metrics and
//! each reporting group's CSAT — is one test: Δ = x₂ − x₁, z = Δ/√(Var₁ + Var₂) from each
//! figure's own variance, two-sided p. The p-values of all tests of one scorecard are adjusted
//! together by Benjamini–Hochberg at q = 0.05, so a scorecard with many comparisons does not
//! report chance movements as changes. Each comparable figure then gets one of three states:
//!
//! * **changed**: adjusted p ≤ q and |Δ| ≥ the floor (10 points; 10 eNPS points);
//! * **no real change**: the 95 % interval Δ ± z₀.₉₇₅·√(Var₁ + Var₂) lies inside ±floor;
//! * **can't tell**: anything else.
//!
//! A comparison whose figures rest on different templates, groups or weights is *not
//! comparable*, and one with a figure missing is *not enough data*; neither is a test.

mod incomparable;

use std::fmt;

use serde::{Serialize, Serializer};

pub use self::incomparable::Incomparable;

use crate::domain::quarter::Quarter;
use crate::domain::scoring::figure::Absence;
use crate::domain::scoring::interval::Z95;
use crate::domain::scoring::significance::{benjamini_hochberg, two_sided_p, FDR_Q};
use crate::domain::scoring::trend::{Basis, Metric, MetricPoint};

/// Which way a figure moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Higher than the quarter before.
    Up,
    /// Lower than the quarter before.
    Down,
}

/// The numbers of one change test.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, utoipa::ToSchema)]
pub struct ChangeTest {
    /// Δ = this quarter − the quarter before, in the metric's unit (share or eNPS points).
    pub change: f64,
    /// Lower bound of the 95 % interval of Δ.
    pub low: f64,
    /// Upper bound of the 95 % interval of Δ.
    pub high: f64,
    /// Two-sided p-value of Δ = 0 (0 when both figures are censuses and differ, 1 when equal).
    pub p: f64,
    /// The p-value after the Benjamini–Hochberg adjustment over the scorecard's tests.
    pub adjusted_p: f64,
}

/// What a comparison with the quarter before says.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum ChangeState {
    /// Significant after the false-discovery-rate adjustment and at least the floor.
    Changed {
        /// Up or down.
        direction: Direction,
        /// Δ, its interval and p-values.
        test: ChangeTest,
    },
    /// The 95 % interval of Δ lies inside ±floor: whatever moved, it is less than the floor.
    NoRealChange {
        /// Δ, its interval and p-values.
        test: ChangeTest,
    },
    /// Neither: the data cannot tell a real change from none.
    CantTell {
        /// Δ, its interval and p-values.
        test: ChangeTest,
    },
    /// The two quarters rest on different groups, weights or template versions.
    NotComparable {
        /// What differs.
        // Sent as the English sentence, so the API and its document stay as they were.
        #[schema(value_type = String)]
        reason: Incomparable,
    },
    /// One of the two figures is absent.
    NotEnoughData {
        /// Why.
        // Sent as the English sentence, so the API and its document stay as they were.
        #[schema(value_type = String)]
        reason: NoFigure,
    },
}

/// Why a comparison has no test for want of a figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoFigure {
    /// Both figures are there, but one rests on no round.
    Unanchored,
    /// One quarter's figure is absent.
    Absent {
        /// The quarter without a figure (the earlier one when both lack it).
        quarter: Quarter,
        /// Why it is absent.
        why: Absence,
    },
}

impl fmt::Display for NoFigure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NoFigure::Unanchored => f.write_str("a figure has nothing it rests on"),
            NoFigure::Absent { quarter, why } => write!(f, "no figure for {quarter}: {why}"),
        }
    }
}

/// The API sends the English sentence, as it did before the cause was typed.
impl Serialize for NoFigure {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl ChangeState {
    /// The test's numbers, when the comparison was a test.
    pub fn test(&self) -> Option<&ChangeTest> {
        match self {
            ChangeState::Changed { test, .. }
            | ChangeState::NoRealChange { test }
            | ChangeState::CantTell { test } => Some(test),
            _ => None,
        }
    }
}

/// One figure compared with the quarter before.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Change {
    /// The metric.
    pub metric: Metric,
    /// The reporting group, for a group's CSAT.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// The earlier quarter.
    pub from: Quarter,
    /// The scored quarter.
    pub to: Quarter,
    /// The state, with Δ, its interval, p and adjusted p when it was a test.
    pub state: ChangeState,
}

/// One comparison to make: a figure in two quarters with what each rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The metric.
    pub metric: Metric,
    /// The reporting group, for a group's CSAT.
    pub group: Option<String>,
    /// The earlier quarter and its figure.
    pub from: (Quarter, MetricPoint),
    /// The scored quarter and its figure.
    pub to: (Quarter, MetricPoint),
}

/// A 10-point floor compared in floating point: 0.7 − 0.6 is 0.0999…98, still ten points.
const ROUNDING: f64 = 1e-9;
/// Normalised weights that differ by less than this are the same snapshot.
const WEIGHT_TOLERANCE: f64 = 1e-12;

fn not_comparable(prev: &Basis, cur: &Basis) -> Option<Incomparable> {
    if prev.template != cur.template || prev.version != cur.version {
        return Some(Incomparable::Template {
            from: (prev.template.clone(), prev.version),
            to: (cur.template.clone(), cur.version),
        });
    }
    if let ([], [only]) = (prev.groups.as_slice(), cur.groups.as_slice()) {
        return Some(Incomparable::NewGroup(only.clone()));
    }
    if prev.groups != cur.groups {
        return Some(Incomparable::Groups {
            before: prev.groups.clone(),
            after: cur.groups.clone(),
        });
    }
    let weights_differ = prev.weights.len() != cur.weights.len()
        || prev
            .weights
            .iter()
            .zip(&cur.weights)
            .any(|(a, b)| (a - b).abs() > WEIGHT_TOLERANCE);
    weights_differ.then_some(Incomparable::Weights)
}

/// Either a finished state (not a test) or (Δ, Var₁ + Var₂) awaiting the adjustment.
enum Step {
    Done(ChangeState),
    Test { change: f64, variance: f64 },
}

fn first_step(c: &Comparison) -> Step {
    let (from, prev) = &c.from;
    let (to, cur) = &c.to;
    let differs = match (&prev.basis, &cur.basis) {
        (Some(b1), Some(b2)) => not_comparable(b1, b2),
        _ => None,
    };
    // A group's figure is not comparable with a round that had no such group, even when a
    // figure is missing; a headline figure that is missing is "not enough data" first.
    if let Some(reason) = differs
        .clone()
        .filter(|_| matches!(c.metric, Metric::GroupCsat | Metric::Item))
    {
        return Step::Done(ChangeState::NotComparable { reason });
    }
    match (prev.value.value(), cur.value.value(), differs) {
        (Some(_), Some(_), Some(reason)) => Step::Done(ChangeState::NotComparable { reason }),
        (Some(&(x1, v1)), Some(&(x2, v2)), None) if prev.basis.is_some() && cur.basis.is_some() => {
            Step::Test {
                change: x2 - x1,
                variance: (v1 + v2).max(0.0),
            }
        }
        _ => {
            let (quarter, figure) = if prev.value.value().is_none() {
                (from, &prev.value)
            } else {
                (to, &cur.value)
            };
            // With both figures shown, the missing piece is a basis, not a figure.
            let reason = match figure.why_absent() {
                Some(why) => NoFigure::Absent {
                    quarter: *quarter,
                    why,
                },
                None => NoFigure::Unanchored,
            };
            Step::Done(ChangeState::NotEnoughData { reason })
        }
    }
}

/// z = Δ/√(Var₁ + Var₂), p = 2(1 − Φ(|z|)); with no variance at all (two censuses) the
/// difference is exact: p = 0 if it is not zero, else 1.
fn p_value(change: f64, variance: f64) -> f64 {
    if variance > 0.0 {
        two_sided_p(change / variance.sqrt())
    } else if change.abs() > ROUNDING {
        0.0
    } else {
        1.0
    }
}

/// The state of a test given its adjusted p-value.
fn state(metric: Metric, change: f64, variance: f64, p: f64, adjusted_p: f64) -> ChangeState {
    let half = Z95 * variance.sqrt();
    let test = ChangeTest {
        change,
        low: change - half,
        high: change + half,
        p,
        adjusted_p,
    };
    let floor = metric.floor();
    if adjusted_p <= FDR_Q && change.abs() >= floor - ROUNDING {
        ChangeState::Changed {
            direction: if change > 0.0 {
                Direction::Up
            } else {
                Direction::Down
            },
            test,
        }
    } else if test.low > -floor + ROUNDING && test.high < floor - ROUNDING {
        ChangeState::NoRealChange { test }
    } else {
        ChangeState::CantTell { test }
    }
}

/// Compares every figure of `comparisons` with its quarter before, adjusting the p-values of
/// all of them together (DESIGN "Change states"). The output is in the input's order.
pub fn detect_changes(comparisons: &[Comparison]) -> Vec<Change> {
    let steps: Vec<Step> = comparisons.iter().map(first_step).collect();
    let p: Vec<f64> = steps
        .iter()
        .filter_map(|s| match s {
            Step::Test { change, variance } => Some(p_value(*change, *variance)),
            Step::Done(_) => None,
        })
        .collect();
    let mut adjusted = benjamini_hochberg(&p).into_iter().zip(p);
    comparisons
        .iter()
        .zip(steps)
        .map(|(c, step)| Change {
            metric: c.metric,
            group: c.group.clone(),
            from: c.from.0,
            to: c.to.0,
            state: match step {
                Step::Done(state) => state,
                Step::Test { change, variance } => {
                    // One adjusted value per test, in the same order as the tests.
                    let (adj, p) = adjusted.next().unwrap_or((1.0, 1.0));
                    state(c.metric, change, variance, p, adj)
                }
            },
        })
        .collect()
}

#[cfg(test)]
mod tests;
