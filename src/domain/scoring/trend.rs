//! Trends over eight quarters, and what a quarter-over-quarter comparison rests on.
//!
//! The comparisons themselves (change states) are in [`super::change`].

use serde::Serialize;

use crate::domain::quarter::Quarter;
use crate::domain::scoring::figure::Figure;

/// A headline figure that is trended.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize, utoipa::ToSchema,
)]
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
    /// Measure C: one reporting group's CSAT (compared, not trended on its own).
    GroupCsat,
    /// One Likert question's favourable share (an action's follow-through, never trended).
    Item,
}

impl Metric {
    /// Every trended headline metric, in scorecard order.
    pub const ALL: [Metric; 4] = [
        Metric::Alignment,
        Metric::ProductiveAndHappy,
        Metric::Enps,
        Metric::WeightedCsat,
    ];

    /// The word used in the API and in links.
    pub fn key(self) -> &'static str {
        match self {
            Metric::Alignment => "alignment",
            Metric::ProductiveAndHappy => "productive_and_happy",
            Metric::Enps => "enps",
            Metric::WeightedCsat => "weighted_csat",
            Metric::GroupCsat => "group_csat",
            Metric::Item => "item",
        }
    }

    /// The floor of a real change: 10 points (0.10 as a share; 10 eNPS points).
    pub fn floor(self) -> f64 {
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
