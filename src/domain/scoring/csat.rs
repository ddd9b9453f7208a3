//! Measure C — internal CSAT: per-group CSAT and the weighted CSAT across groups.

use serde::Serialize;

use crate::domain::question::Role;
use crate::domain::scoring::figure::{Figure, Suppression};
use crate::domain::scoring::interval::{fpc, wilson, SampleSize, Share};
use crate::domain::scoring::items::ItemReport;
use crate::domain::scoring::missing::Missing;
use crate::domain::scoring::round::PreparedRound;

/// A group that went into the weighted CSAT.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct UsedGroup {
    /// Reporting group key.
    pub group: String,
    /// The group's weight snapshot.
    pub weight: f64,
    /// w_g / W over the groups used.
    pub weight_share: f64,
    /// The group's CSAT (favorable share on the overall item).
    pub csat: f64,
}

/// How much of the total weight the weighted CSAT covers, and whether that is enough to rate it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Coverage {
    /// W of the groups used ÷ W of all groups with a positive weight, in [0, 1].
    pub share: f64,
    /// The setting below which C is not rated.
    pub threshold: f64,
    /// `share` ≥ `threshold`: C may be rated. Otherwise it is "not rated: too few departments
    /// reported", and its number is no rating.
    pub rated: bool,
}

impl Coverage {
    /// The coverage `share` judged against `threshold`.
    pub fn new(share: f64, threshold: f64) -> Self {
        // 0.6 computed as 60/100 may land a hair below 0.6; that is still 60 %.
        Coverage {
            share,
            threshold,
            rated: share >= threshold - 1e-12,
        }
    }
}

/// Why a group is not in the weighted CSAT.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, utoipa::ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LeftOutReason {
    /// Its CSAT is withheld by an anonymity rule.
    Suppressed {
        /// The rule.
        rule: Suppression,
    },
    /// Nobody in the group answered the overall item (all N/A or skipped).
    NoOverallAnswers,
    /// The group's weight is zero.
    ZeroWeight,
}

/// A group left out of the weighted CSAT, and why.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct LeftOutGroup {
    /// Reporting group key.
    pub group: String,
    /// Why, as data.
    pub reason: LeftOutReason,
    /// Why, in words.
    pub why: String,
}

/// Measure C's figures for one round.
#[derive(Debug, Clone, PartialEq)]
pub struct CsatResult {
    /// Per group in canonical order: CSAT, or why it is absent.
    pub group_csat: Vec<Figure<Share>>,
    /// The weighted CSAT.
    pub weighted: Figure<Share>,
    /// The groups in it.
    pub used: Vec<UsedGroup>,
    /// The groups not in it, with reasons.
    pub left_out: Vec<LeftOutGroup>,
    /// W of the groups used ÷ W of every group with a positive weight (`None` when the round
    /// has no overall item or no positive weight).
    pub coverage: Option<f64>,
}

/// The index of the round's overall-satisfaction item: the first `csat_overall` question
/// outside any department section (every respondent sees it, so every group has one CSAT on
/// the same question). Section-specific `csat_overall` items are shown as items only: pooling
/// them per merged group would let a pooled figure be subtracted from its shown parts.
pub fn overall_item(round: &PreparedRound<'_>) -> Option<usize> {
    round
        .input
        .items
        .iter()
        .position(|i| i.role == Some(Role::CsatOverall) && i.section.is_none())
}

/// Measure C from a round's already-guarded item figures.
///
/// Uses only groups whose CSAT is shown, so every published number is a function of shown
/// figures, weights and participation, and nothing withheld can be recovered from C.
pub fn measure_c(round: &PreparedRound<'_>, items: &[ItemReport]) -> CsatResult {
    let Some(item) = overall_item(round) else {
        let reason = Missing::NoQuestion {
            template: round.input.template.key.clone(),
            version: round.input.template.version,
            role: Role::CsatOverall,
        };
        return CsatResult {
            group_csat: vec![Figure::not_enough(reason.clone()); round.groups.len()],
            weighted: Figure::not_enough(reason),
            used: Vec::new(),
            left_out: Vec::new(),
            coverage: None,
        };
    };
    let key = &round.input.items[item].key;
    let report = items.iter().find(|r| &r.key == key);
    let group_csat: Vec<Figure<Share>> = round
        .groups
        .iter()
        .map(|g| {
            report
                .and_then(|r| r.groups.iter().find(|f| f.group == g.key))
                .map_or_else(
                    || Figure::not_enough(Missing::NoAnswers),
                    |f| match &f.figure {
                        Figure::Shown { value } => value
                            .favorable
                            .map_or_else(|| Figure::not_enough(Missing::NoAnswers), Figure::shown),
                        Figure::Suppressed { reason } => Figure::Suppressed { reason: *reason },
                        Figure::NotEnoughData { reason } => Figure::not_enough(reason.clone()),
                    },
                )
        })
        .collect();

    let mut used = Vec::new();
    let mut left_out = Vec::new();
    // (weight, p, n_g, N_g) of each group used.
    let mut parts: Vec<(f64, f64, u64, u64)> = Vec::new();
    for (g, csat) in round.groups.iter().zip(&group_csat) {
        let reason = match csat {
            Figure::Suppressed { reason } => Some(LeftOutReason::Suppressed { rule: *reason }),
            Figure::NotEnoughData { .. } => Some(LeftOutReason::NoOverallAnswers),
            Figure::Shown { .. } if g.weight <= 0.0 => Some(LeftOutReason::ZeroWeight),
            Figure::Shown { value } => {
                parts.push((g.weight, value.estimate, value.n, u64::from(g.delivered)));
                used.push(UsedGroup {
                    group: g.key.clone(),
                    weight: g.weight,
                    weight_share: 0.0,
                    csat: value.estimate,
                });
                None
            }
        };
        if let Some(reason) = reason {
            left_out.push(LeftOutGroup {
                group: g.key.clone(),
                why: left_out_words(reason),
                reason,
            });
        }
    }
    let total_weight: f64 = parts.iter().map(|p| p.0).sum();
    let all_weight: f64 = round
        .groups
        .iter()
        .map(|g| g.weight)
        .filter(|w| *w > 0.0)
        .sum();
    let coverage = (all_weight > 0.0).then(|| (total_weight / all_weight).clamp(0.0, 1.0));
    let weighted = if parts.is_empty() {
        let reason = if group_csat.iter().any(|f| f.value().is_some()) {
            Missing::ZeroWeights
        } else {
            Missing::NoGroupToWeigh
        };
        Figure::not_enough(reason)
    } else {
        for u in &mut used {
            u.weight_share = u.weight / total_weight;
        }
        Figure::shown(weighted_share(&parts))
    };
    CsatResult {
        group_csat,
        weighted,
        used,
        left_out,
        coverage,
    }
}

/// C = Σ w_g·p_g / W; Var = Σ (w_g/W)²·(1 − n_g/N_g)·p_g(1−p_g)/(n_g − 1); Wilson on
/// n_eff = C(1−C)/Var — or the point if Var = 0 and every group is a census, or n_eff = Σ n_g
/// if Var = 0 otherwise (DESIGN "Measure C").
///
/// n_g is the group's non-N/A answers to the overall item (the n its own CSAT is over) and
/// N_g its delivered invitations. `parts` holds (w_g, p_g, n_g, N_g) with W > 0 and n_g ≥ k ≥ 3
/// (the anonymity gate guarantees it), so n_g − 1 > 0.
pub fn weighted_share(parts: &[(f64, f64, u64, u64)]) -> Share {
    let total_weight: f64 = parts.iter().map(|p| p.0).sum();
    let mut estimate = 0.0;
    let mut variance = 0.0;
    let mut all_census = true;
    let mut n_total = 0u64;
    for &(w, p, n, big_n) in parts {
        let share = w / total_weight;
        estimate += share * p;
        let f = fpc(n, big_n);
        all_census &= f == 0.0;
        n_total += n;
        if n > 1 {
            variance += share * share * f * p * (1.0 - p) / (n - 1) as f64;
        }
    }
    let estimate = estimate.clamp(0.0, 1.0);
    let size = if variance > 0.0 {
        SampleSize::Effective(estimate * (1.0 - estimate) / variance)
    } else if all_census {
        SampleSize::Census
    } else {
        SampleSize::Effective(n_total as f64)
    };
    let (low, high) = wilson(estimate, size);
    Share {
        estimate,
        low,
        high,
        n: n_total,
        census: size == SampleSize::Census,
        variance,
    }
}

fn left_out_words(reason: LeftOutReason) -> String {
    match reason {
        LeftOutReason::Suppressed { rule } => format!("suppressed: {rule}"),
        LeftOutReason::NoOverallAnswers => "nobody answered the overall item".to_string(),
        LeftOutReason::ZeroWeight => "its weight is zero".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-9, "{a} vs {b}");
    }

    #[test]
    fn weighted_csat_of_two_groups_fixture() {
        // sales: w 35, 8/10 favorable of N 20; marketing: w 20, 3/6 favorable of N 12.
        // W = 55; C = (35·0.8 + 20·0.5)/55 = (28 + 10)/55 = 0.6909090909090909
        // Var_sales = (35/55)²·(1 − 10/20)·0.8·0.2/9 = 0.003599632690541781
        // Var_mkt   = (20/55)²·(1 − 6/12)·0.5·0.5/5 = 0.003305785123966942
        // Var = 0.006905417814508723; n_eff = C(1−C)/Var = 0.21355371900826445/Var
        //     = m = 30.925531914893618
        // Wilson(m, p = C):
        //   centre = m·C + z²/2 = 21.366731141199228 + 1.9207294103470627 = 23.28746055154629
        //   √(m·C(1−C) + z²/4) = √(6.604262352734307 + 0.9603647051735313) = 2.7503867106114077
        //   half = z·√ = 5.390658896355947; denom = m + z² = 34.76699073558774
        //   low = 17.89680165519034/34.76699073558774 = 0.5147641851231907
        //   high = 28.678119447902237/34.76699073558774 = 0.8248663125896343
        let s = weighted_share(&[(35.0, 0.8, 10, 20), (20.0, 0.5, 6, 12)]);
        close(s.estimate, 0.6909090909090909);
        close(s.variance, 0.006905417814508723);
        close(s.low, 0.5147641851231907);
        close(s.high, 0.8248663125896343);
        assert_eq!(s.n, 16);
    }

    #[test]
    fn one_group_gives_the_same_interval_as_the_group_itself() {
        let c = weighted_share(&[(35.0, 0.7, 10, 40)]);
        let g = crate::domain::scoring::interval::one_group_share(7, 10, 40);
        close(c.low, g.low);
        close(c.high, g.high);
    }

    #[test]
    fn every_group_a_census_gives_the_point() {
        // C = (1·0.5 + 1·1.0)/2 = 0.75, all census → [0.75, 0.75].
        let s = weighted_share(&[(1.0, 0.5, 6, 6), (1.0, 1.0, 5, 5)]);
        assert!(s.census);
        close(s.low, 0.75);
        close(s.high, 0.75);
    }

    #[test]
    fn unanimous_samples_use_the_total_n() {
        // p = 1 in both groups, not census: Var = 0 → n_eff = Σ n_g = 10 + 6 = 16;
        // low = 16/(16 + z²) = 16/19.841458820694125 = 0.8063923194655636, high = 1.
        let s = weighted_share(&[(35.0, 1.0, 10, 20), (20.0, 1.0, 6, 12)]);
        close(s.estimate, 1.0);
        close(s.low, 0.8063923194655636);
        close(s.high, 1.0);
    }
}
