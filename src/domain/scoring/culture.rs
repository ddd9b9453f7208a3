//! Measure B — health of engineering culture: productive and happy, quadrants, eNPS.

use serde::Serialize;

use crate::domain::anonymity::gate;
use crate::domain::question::Role;
use crate::domain::scoring::figure::Figure;
use crate::domain::scoring::interval::{one_group_share, Share, Z95};
use crate::domain::scoring::missing::Missing;
use crate::domain::scoring::round::PreparedRound;

/// The four productive × happy quadrants, as respondent counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Quadrants {
    /// Productivity index ≥ 4 and happiness index ≥ 4.
    pub productive_and_happy: u64,
    /// Productive but not happy.
    pub burnout_risk: u64,
    /// Happy but not productive.
    pub friction: u64,
    /// Neither.
    pub neither: u64,
}

/// eNPS with its interval, in points from −100 to 100.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Enps {
    /// 100·(p⁺ − p⁻).
    pub score: f64,
    /// Lower bound of score − z·SE, clamped to −100.
    pub low: f64,
    /// Upper bound of score + z·SE, clamped to 100.
    pub high: f64,
    /// Answers, N/A excluded.
    pub n: u64,
    /// p⁺, the share answering 9–10.
    pub promoters: f64,
    /// p⁻, the share answering 0–6.
    pub detractors: f64,
    /// SE², in points², kept for the change tests but not published.
    #[serde(skip)]
    pub variance: f64,
}

/// Measure B's survey figures for one round.
#[derive(Debug, Clone, PartialEq)]
pub struct CultureResult {
    /// Share productive and happy at once.
    pub productive_and_happy: Figure<Share>,
    /// Quadrant counts (shown once n ≥ k).
    pub quadrants: Figure<Quadrants>,
    /// eNPS.
    pub enps: Figure<Enps>,
}

/// Measure B from a prepared engineering-culture round.
pub fn measure_b(round: &PreparedRound<'_>) -> CultureResult {
    let k = round.input.k;
    let missing = |role: Role| Missing::NoQuestion {
        template: round.input.template.key.clone(),
        version: round.input.template.version,
        role,
    };
    let (productive_and_happy, quadrants) = match [Role::Productivity, Role::Happiness]
        .into_iter()
        .find(|r| round.item_with_role(*r).is_none())
    {
        Some(role) => (
            Figure::not_enough(missing(role)),
            Figure::not_enough(missing(role)),
        ),
        None => {
            let c = round.culture;
            let empty = || Missing::NoCultureAnswers;
            (
                gate(c.n(), k, empty(), || {
                    one_group_share(c.productive_and_happy, c.n(), round.delivered())
                }),
                gate(c.n(), k, empty(), || Quadrants {
                    productive_and_happy: c.productive_and_happy,
                    burnout_risk: c.productive_unhappy,
                    friction: c.happy_unproductive,
                    neither: c.neither,
                }),
            )
        }
    };
    let enps = match round.item_with_role(Role::Enps) {
        None => Figure::not_enough(missing(Role::Enps)),
        Some(item) => {
            let counts = round.overall_counts(item);
            let n = counts.n();
            // Values 0–10 sit at offsets 0–10: detractors 0–6, promoters 9–10.
            let detractors: u64 = counts.values.iter().take(7).sum();
            let promoters: u64 = counts.values.iter().skip(9).sum();
            gate(n, k, Missing::NoEnpsAnswers, || {
                enps_score(promoters, detractors, n)
            })
        }
    };
    CultureResult {
        productive_and_happy,
        quadrants,
        enps,
    }
}

/// eNPS = 100·(p⁺ − p⁻), SE = 100·√([p⁺ + p⁻ − (p⁺ − p⁻)²]/n), interval ± z·SE clamped to
/// [−100, 100] (DESIGN "eNPS"). n > 0 is guaranteed by the anonymity gate.
pub fn enps_score(promoters: u64, detractors: u64, n: u64) -> Enps {
    let nf = n.max(1) as f64;
    let p_plus = promoters as f64 / nf;
    let p_minus = detractors as f64 / nf;
    let diff = p_plus - p_minus;
    // The bracket is the variance of a −1/0/+1 score, ≥ 0; max() absorbs rounding below 0.
    let variance = 100.0 * 100.0 * ((p_plus + p_minus - diff * diff).max(0.0) / nf);
    let se = variance.sqrt();
    let score = (100.0 * diff).clamp(-100.0, 100.0);
    Enps {
        score,
        low: (score - Z95 * se).clamp(-100.0, 100.0),
        high: (score + Z95 * se).clamp(-100.0, 100.0),
        n,
        promoters: p_plus,
        detractors: p_minus,
        variance,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-9, "{a} vs {b}");
    }

    #[test]
    fn enps_fixture() {
        // 20 answers: 8 promoters, 7 passives, 5 detractors. p⁺ = 0.4, p⁻ = 0.25.
        // eNPS = 100·0.15 = 15. Bracket = 0.65 − 0.0225 = 0.6275; /20 = 0.031375
        // SE = 100·√0.031375 = 17.71298958391835; z·SE = 34.716821643013084
        // interval = [15 − 34.716821643013084, 15 + 34.716821643013084]
        let e = enps_score(8, 5, 20);
        close(e.score, 15.0);
        close(e.low, -19.716821643013084);
        close(e.high, 49.716821643013084);
        close(e.variance, 313.75);
    }

    #[test]
    fn enps_all_promoters_is_a_hundred_with_no_spread() {
        // p⁺ = 1, p⁻ = 0: bracket = 1 − 1 = 0 → SE 0 → [100, 100].
        let e = enps_score(12, 0, 12);
        close(e.score, 100.0);
        close(e.low, 100.0);
        close(e.high, 100.0);
    }

    #[test]
    fn enps_interval_is_clamped_to_minus_a_hundred() {
        // 4 detractors, 1 promoter of 5: eNPS −60; bracket 1 − 0.36 = 0.64; SE = 100·√0.128
        // = 35.77708763999664; z·SE = 70.12180324612653: −60 − 70.1 < −100 → clamped to −100;
        // high = −60 + 70.12180324612653 = 10.121803246126532.
        let e = enps_score(1, 4, 5);
        close(e.score, -60.0);
        close(e.low, -100.0);
        close(e.high, 10.121803246126532);
    }
}
