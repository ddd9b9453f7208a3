//! Key drivers (DESIGN "Key drivers"): which of the items a group answered move its outcome
//! most, computed once at seal from the sealed per-response answers.
//!
//! - Measure C: per reporting group, the overall-satisfaction item on that group's own
//!   department items.
//! - Measure B: eNPS on the culture round's Likert items (eNPS is one item, not an index, so
//!   no item of its own is among them).
//!
//! Importance is the Shapley share of R² ([`shapley`]), with bootstrap intervals
//! ([`bootstrap`]). An analysis runs only where the outcome's figure is shown by every
//! anonymity rule and at least max(min n, k) respondents answered the outcome and every
//! predictor (N/A on any of them leaves the respondent out: the regression needs complete rows).

pub mod bootstrap;
pub mod report;
pub mod shapley;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::domain::audience::Audience;
use crate::domain::question::{QuestionKind, Role};
use crate::domain::scoring::csat::measure_c;
use crate::domain::scoring::culture::measure_b;
use crate::domain::scoring::inputs::{ItemInput, RoundInput};
use crate::domain::scoring::items::item_reports;
use crate::domain::scoring::round::{prepare, ScoringError};
pub use bootstrap::{Estimate, Sample, RESAMPLES};
use shapley::MAX_PREDICTORS;

/// The analysis key of the culture round's one analysis (over all its respondents).
pub const WHOLE_ROUND: &str = "all";

/// The default least number of complete answers an analysis needs (never below k).
pub const DEFAULT_MIN_RESPONDENTS: u32 = 20;

/// One analysis a round gets: an outcome item regressed on predictor items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DriverPlan {
    /// A reporting group's key, or [`WHOLE_ROUND`].
    pub analysis: String,
    /// Whose answers: one reporting group, or `None` for the whole round.
    pub group: Option<String>,
    /// The outcome's question key.
    pub outcome: String,
    /// The predictors' question keys, in template order.
    pub predictors: Vec<String>,
}

/// The analyses a round's template and groups call for (before any anonymity rule).
pub fn plans(input: &RoundInput) -> Vec<DriverPlan> {
    // A Likert item that is not an outcome of the kind being explained.
    let likert_except =
        |i: &ItemInput, outcome: Role| i.kind == QuestionKind::Likert5 && i.role != Some(outcome);
    let mut out = Vec::new();
    match input.audience {
        Audience::InternalCsat => {
            let Some(outcome) = input
                .items
                .iter()
                .find(|i| i.role == Some(Role::CsatOverall) && i.section.is_none())
            else {
                return out;
            };
            for g in &input.groups {
                // The group's own department items; section-level overall items are outcomes
                // of a kind, never predictors.
                let predictors: Vec<String> = input
                    .items
                    .iter()
                    .filter(|i| likert_except(i, Role::CsatOverall))
                    .filter(|i| i.section.is_some_and(|s| g.departments.contains(&s)))
                    .map(|i| i.key.clone())
                    .collect();
                if !predictors.is_empty() && predictors.len() <= MAX_PREDICTORS {
                    out.push(DriverPlan {
                        analysis: g.key.clone(),
                        group: Some(g.key.clone()),
                        outcome: outcome.key.clone(),
                        predictors,
                    });
                }
            }
        }
        Audience::EngineeringCulture => {
            let Some(outcome) = input.items.iter().find(|i| i.role == Some(Role::Enps)) else {
                return out;
            };
            let predictors: Vec<String> = input
                .items
                .iter()
                .filter(|i| likert_except(i, Role::Enps))
                .map(|i| i.key.clone())
                .collect();
            if !predictors.is_empty() && predictors.len() <= MAX_PREDICTORS {
                out.push(DriverPlan {
                    analysis: WHOLE_ROUND.to_string(),
                    group: None,
                    outcome: outcome.key.clone(),
                    predictors,
                });
            }
        }
        Audience::TechStrategyAlignment => {}
    }
    out
}

/// The analyses whose outcome figure the scorecard shows: a group's CSAT must pass the own-n
/// and complementary rules; the culture round's eNPS its own gate. A withheld figure gets
/// no analysis at all, so nothing is even computed from its answers.
pub fn released_plans(input: &RoundInput) -> Result<Vec<DriverPlan>, ScoringError> {
    let prepared = prepare(input)?;
    let items = item_reports(&prepared);
    let shown: Vec<String> = match input.audience {
        Audience::InternalCsat => {
            let c = measure_c(&prepared, &items);
            prepared
                .groups
                .iter()
                .zip(&c.group_csat)
                .filter(|(_, f)| f.value().is_some())
                .map(|(g, _)| g.key.clone())
                .collect()
        }
        Audience::EngineeringCulture => {
            let b = measure_b(&prepared);
            if b.enps.value().is_some() {
                vec![WHOLE_ROUND.to_string()]
            } else {
                Vec::new()
            }
        }
        Audience::TechStrategyAlignment => Vec::new(),
    };
    Ok(plans(input)
        .into_iter()
        .filter(|p| shown.contains(&p.analysis))
        .collect())
}

/// One sealed response's numeric answers (N/A and text left out), known only by its group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResponseAnswers {
    /// Reporting group key.
    pub group: String,
    /// (question key, value) of each numeric answer.
    pub answers: Vec<(String, u8)>,
}

/// The rows of `plan`'s regression: each respondent of its group who answered the outcome
/// and every predictor, as predictor values then the outcome.
pub fn sample(plan: &DriverPlan, responses: &[ResponseAnswers]) -> Sample {
    let rows = responses
        .iter()
        .filter(|r| plan.group.as_ref().is_none_or(|g| *g == r.group))
        .filter_map(|r| {
            let value = |key: &String| r.answers.iter().find(|(k, _)| k == key).map(|&(_, v)| v);
            plan.predictors
                .iter()
                .chain(std::iter::once(&plan.outcome))
                .map(value)
                .collect::<Option<Vec<u8>>>()
        })
        .collect();
    Sample::new(plan.predictors.len(), rows)
}

/// The resampling seed of one analysis: SHA-256 of the round's id and the analysis key, so a
/// rerun of the same round gives the same bytes and two groups draw different streams.
pub fn seed(round_id: &[u8; 16], analysis: &str) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(round_id);
    h.update([0u8]);
    h.update(analysis.as_bytes());
    h.finalize().into()
}

/// An item's share of R², as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ItemImportance {
    /// Question key.
    pub item: String,
    /// Its Shapley value (a part of R²) with the bootstrap interval.
    pub importance: Estimate,
}

/// A computed analysis, as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct DriverFit {
    /// Respondents with complete answers.
    pub n: u64,
    /// R² of the outcome on all the items.
    pub r_squared: Estimate,
    /// Each item's importance, in template order.
    pub items: Vec<ItemImportance>,
}

/// One analysis of a sealed round, as stored with its tallies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct DriverRow {
    /// A reporting group's key, or `all` for the culture round.
    pub analysis: String,
    /// The outcome's question key.
    pub outcome: String,
    /// The least complete answers it needed (max(min n, k) at seal).
    pub min_respondents: u32,
    /// The fit, or `None` when fewer respondents answered every item (or the outcome did
    /// not vary).
    pub fit: Option<DriverFit>,
}

/// Every analysis of a round being sealed: its released plans run on the sealed responses.
/// `min_respondents` is the setting; k raises it.
pub fn analyse_round(
    input: &RoundInput,
    responses: &[ResponseAnswers],
    min_respondents: u32,
    round_id: &[u8; 16],
) -> Result<Vec<DriverRow>, ScoringError> {
    let floor = min_respondents.max(input.k);
    Ok(released_plans(input)?
        .into_iter()
        .map(|plan| {
            let rows = sample(&plan, responses);
            let fit = (rows.n() >= floor as usize)
                .then(|| {
                    bootstrap::decompose_with_intervals(
                        &rows,
                        RESAMPLES,
                        seed(round_id, &plan.analysis),
                    )
                })
                .flatten()
                .map(|d| DriverFit {
                    n: d.n,
                    r_squared: d.r_squared,
                    items: plan
                        .predictors
                        .iter()
                        .zip(d.importance)
                        .map(|(item, importance)| ItemImportance {
                            item: item.clone(),
                            importance,
                        })
                        .collect(),
                });
            DriverRow {
                analysis: plan.analysis,
                outcome: plan.outcome,
                min_respondents: floor,
                fit,
            }
        })
        .collect())
}
