//! Measure A — tech strategy alignment: the alignment share and the inflection-point register.

use serde::Serialize;

use crate::domain::anonymity::gate;
use crate::domain::question::Role;
use crate::domain::scoring::figure::Figure;
use crate::domain::scoring::inputs::{Assessment, Confirmation, InflectionInput};
use crate::domain::scoring::interval::{one_group_share, Share};
use crate::domain::scoring::missing::Missing;
use crate::domain::scoring::round::PreparedRound;

/// An inflection point as shown on the scorecard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct InflectionPoint {
    /// Title.
    pub title: String,
    /// The CTO's assessment for the quarter.
    pub assessment: Assessment,
    /// The board's confirmation state; unconfirmed assessments are shown as such.
    pub confirmation: Confirmation,
    /// Notes.
    pub notes: String,
}

impl From<&InflectionInput> for InflectionPoint {
    fn from(i: &InflectionInput) -> Self {
        InflectionPoint {
            title: i.title.clone(),
            assessment: i.assessment,
            confirmation: i.confirmation,
            notes: i.notes.clone(),
        }
    }
}

/// Share of respondents whose alignment index is ≥ 4; n = respondents, never
/// respondents × items; N = the round's delivered invitations.
pub fn measure_a(round: &PreparedRound<'_>) -> Figure<Share> {
    if round.item_with_role(Role::Alignment).is_none() {
        return Figure::not_enough(Missing::NoQuestion {
            template: round.input.template.key.clone(),
            version: round.input.template.version,
            role: Role::Alignment,
        });
    }
    let (n, aligned) = round.alignment;
    gate(n, round.input.k, Missing::NoAlignmentAnswers, || {
        one_group_share(aligned, n, round.delivered())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scoring::round::prepare;
    use crate::domain::scoring::testkit::alignment_round;

    fn close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-9, "{a} vs {b}");
    }

    #[test]
    fn alignment_fixture_counts_people_not_answers() {
        // 6 respondents of N = 8 (ceo 3 of 4, board 3 of 4), 3 items each:
        // sums 15, 12, 12 (index 5, 4, 4 → aligned), 11, 9 (below 4), and one with
        // 2 items answered summing 8 (index 4 → aligned): 4 aligned of 6.
        // p = 4/6 = 0.6666666666666666; n_eff = 8·5/2 = 20.
        // Wilson m = 20: centre = 13.333333333333332 + 1.9207294103470627 = 15.254062743680395
        // √(20·(2/9) + 0.9603647051735313) = √5.404809149617976 = 2.3248245416843774
        // half = 4.556572372076217; denom = 23.841458820694125
        // low = 10.697490371604179/23.841458820694125 = 0.4486927772355471
        // high = 19.81063511575661/23.841458820694125 = 0.8309321700801797
        let round = alignment_round(&[(15, 3), (12, 3), (12, 3), (11, 3), (9, 3), (8, 2)]);
        let p = prepare(&round).unwrap();
        let s = measure_a(&p);
        let s = s.value().unwrap();
        assert_eq!(s.n, 6);
        close(s.estimate, 4.0 / 6.0);
        close(s.low, 0.4486927772355471);
        close(s.high, 0.8309321700801797);
    }
}
