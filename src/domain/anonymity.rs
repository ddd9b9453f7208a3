//! Every anonymity rule of DESIGN "Anonymity", in one place, applied before anything leaves
//! the scoring engine.
//!
//! 1. Nothing at all comes out of a round that has not closed ([`round_is_released`]).
//! 2. k applies to each statistic's own n ([`gate`]): a group's item with 4 answers is
//!    withheld even if the group has 20 respondents.
//! 3. Complementary suppression ([`visible_parts`]), see there for the exact rule.
//! 4. Comments only for groups with at least the comment threshold of answers, shuffled,
//!    attributed to nothing finer than group × question ([`releasable_comments`]).
//!
//! What is *not* secret: participation (delivered and answered per group, so response rates),
//! weights, k itself, and — in a shown figure — its n. A withheld figure publishes no n.

use rand::seq::SliceRandom;
use rand::Rng;

use crate::domain::scoring::figure::{Figure, Suppression};
use crate::domain::scoring::inputs::RoundStatus;
use crate::domain::scoring::missing::Missing;

/// The smallest k a round may have.
pub const MIN_K: u32 = 3;
/// Strict mode's smallest k (works council).
pub const STRICT_K: u32 = 10;
/// Strict mode's smallest comment threshold.
pub const STRICT_COMMENT_THRESHOLD: u32 = 20;

/// The least k and comment threshold a round may be created or launched with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThresholdFloor {
    pub k: u32,
    pub comment_threshold: u32,
}

impl ThresholdFloor {
    /// Without strict mode: the settings' own lower bound.
    pub const STANDARD: ThresholdFloor = ThresholdFloor {
        k: MIN_K,
        comment_threshold: MIN_K,
    };
    /// Strict mode (works council).
    pub const STRICT: ThresholdFloor = ThresholdFloor {
        k: STRICT_K,
        comment_threshold: STRICT_COMMENT_THRESHOLD,
    };

    /// A round's (k, comment threshold) raised to at least this floor (the comment threshold
    /// never below k).
    pub fn raise(&self, k: u32, comment_threshold: u32) -> (u32, u32) {
        let k = k.max(self.k);
        (k, comment_threshold.max(self.comment_threshold).max(k))
    }
}

/// Whether a round's results may be shown at all: only once it has closed.
pub fn round_is_released(status: RoundStatus) -> bool {
    matches!(status, RoundStatus::Closed | RoundStatus::Sealed)
}

/// The own-n rule: no answers → "not enough data"; fewer than k → suppressed; else shown.
///
/// `compute` runs only when the figure may be shown, so a withheld figure is never computed.
pub fn gate<T>(n: u64, k: u32, empty_reason: Missing, compute: impl FnOnce() -> T) -> Figure<T> {
    if n == 0 {
        Figure::not_enough(empty_reason)
    } else if n < u64::from(k) {
        Figure::Suppressed {
            reason: Suppression::FewerThanK { k },
        }
    } else {
        Figure::shown(compute())
    }
}

/// How one part (a reporting group) of a published total may be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartVisibility {
    /// The part's own figure may be shown.
    Shown,
    /// The part had no answers: there is nothing to show and nothing to hide.
    Empty,
    /// The part's figure is withheld.
    Hidden(Suppression),
}

/// Which parts of a total may be shown, given each part's own n (non-N/A answers) and weight.
///
/// The rule. A published total over all groups (an item's overall figure) minus every shown
/// group's figure equals the sum of the withheld groups — the *residual*. Counts, means and
/// shares are all additive through their counts, so the residual is as good as published.
/// It is harmless only when it holds no answers (every withheld group empty) or at least k
/// answers (then it is itself an aggregate the k rule would allow). So:
///
/// * primary: every part with 0 < n < k is hidden (`FewerThanK`); n = 0 is `Empty`;
/// * complementary: while the residual's n is in 1..k, also hide one more shown part — the
///   one whose loss costs the least weight, ties broken by the smaller n, then by position
///   (callers make positions canonical, i.e. group order, so the key order of the groups);
/// * if every part ends up hidden with the residual still under k, the total itself has fewer
///   than k answers and its own [`gate`] withholds it.
///
/// `weights` are the parts' weights in a weighted total (a CSAT round's group weights, so
/// protecting a small group costs measure C as little coverage as possible); with all weights
/// equal (rounds without weights) the choice is the smallest n, as before. A missing weight
/// counts as equal to the others.
///
/// This rule is stricter than "one suppressed group drags one more with it": it also hides
/// a part when *several* withheld groups together hold fewer than k answers, since their sum
/// is exactly what the total would reveal. A withheld group with no answers hides nothing, so
/// it does not trigger the rule. One guard always suffices: a shown part holds at least k
/// answers, so the residual is at least k once it is added.
///
/// Measure C publishes no total that includes a withheld group (it is computed over shown
/// groups only), so it needs no rule of its own — but it must drop every group hidden here,
/// complementary ones included, or C·W minus the shown groups would reveal them.
pub fn visible_parts(ns: &[u64], weights: &[f64], k: u32) -> Vec<PartVisibility> {
    let k = u64::from(k);
    let weight = |i: usize| weights.get(i).copied().unwrap_or(1.0);
    let mut out: Vec<PartVisibility> = ns
        .iter()
        .map(|&n| match n {
            0 => PartVisibility::Empty,
            n if n < k => PartVisibility::Hidden(Suppression::FewerThanK {
                k: u32::try_from(k).unwrap_or(u32::MAX),
            }),
            _ => PartVisibility::Shown,
        })
        .collect();
    let mut residual: u64 = ns
        .iter()
        .zip(&out)
        .filter(|(_, v)| matches!(v, PartVisibility::Hidden(_)))
        .map(|(n, _)| n)
        .sum();
    while residual > 0 && residual < k {
        let next = out
            .iter()
            .enumerate()
            .filter(|(_, v)| **v == PartVisibility::Shown)
            .map(|(i, _)| i)
            .min_by(|&a, &b| {
                weight(a)
                    .total_cmp(&weight(b))
                    .then(ns[a].cmp(&ns[b]))
                    .then(a.cmp(&b))
            });
        match next {
            Some(i) => {
                out[i] = PartVisibility::Hidden(Suppression::ProtectsAnotherGroup);
                residual += ns[i];
            }
            None => break,
        }
    }
    out
}

/// The group size from which comments may be shown: the round's comment threshold, but never
/// below k (a comment is a statistic of one, so it needs at least the protection of a count).
pub fn comment_threshold(k: u32, comment_threshold: u32) -> u32 {
    comment_threshold.max(k)
}

/// The comments of one group × question that may be shown, in random order, or the rule that
/// withholds them when the group has fewer answers than the comment threshold.
///
/// Sorted first so the output depends only on the set of texts and the RNG, never on storage
/// order; then shuffled with the caller's RNG (the engine has no randomness of its own).
pub fn releasable_comments<R: Rng + ?Sized>(
    group_answered: u32,
    k: u32,
    threshold: u32,
    mut texts: Vec<String>,
    rng: &mut R,
) -> Figure<Vec<String>> {
    let threshold = comment_threshold(k, threshold);
    if group_answered < threshold {
        return Figure::Suppressed {
            reason: Suppression::BelowCommentThreshold { threshold },
        };
    }
    texts.sort_unstable();
    texts.shuffle(rng);
    Figure::shown(texts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_strict_floor_raises_thresholds_and_never_lowers_them() {
        assert_eq!(ThresholdFloor::STRICT.raise(5, 10), (10, 20));
        assert_eq!(ThresholdFloor::STRICT.raise(12, 15), (12, 20));
        assert_eq!(ThresholdFloor::STRICT.raise(30, 25), (30, 30));
        assert_eq!(ThresholdFloor::STANDARD.raise(5, 10), (5, 10));
    }
    use rand::rngs::StdRng;
    use rand::SeedableRng;

    const HIDDEN: PartVisibility = PartVisibility::Hidden(Suppression::FewerThanK { k: 5 });
    const GUARD: PartVisibility = PartVisibility::Hidden(Suppression::ProtectsAnotherGroup);
    use PartVisibility::{Empty, Shown};

    #[test]
    fn nothing_comes_out_of_an_open_round() {
        assert!(!round_is_released(RoundStatus::Draft));
        assert!(!round_is_released(RoundStatus::Open));
        assert!(round_is_released(RoundStatus::Closed));
        assert!(round_is_released(RoundStatus::Sealed));
    }

    #[test]
    fn four_answers_are_withheld_five_are_shown() {
        assert_eq!(
            gate(4, 5, Missing::NoAnswers, || 1),
            Figure::Suppressed {
                reason: Suppression::FewerThanK { k: 5 }
            }
        );
        assert_eq!(gate(5, 5, Missing::NoAnswers, || 1), Figure::shown(1));
        assert_eq!(
            gate(0, 5, Missing::NoAnswers, || 1),
            Figure::not_enough(Missing::NoAnswers)
        );
    }

    #[test]
    fn one_withheld_group_drags_the_next_smallest_with_it() {
        assert_eq!(
            visible_parts(&[30, 4, 12, 9], &[], 5),
            vec![Shown, HIDDEN, Shown, GUARD]
        );
    }

    #[test]
    fn two_withheld_groups_that_together_reach_k_need_no_guard() {
        assert_eq!(
            visible_parts(&[30, 4, 4], &[], 5),
            vec![Shown, HIDDEN, HIDDEN]
        );
    }

    #[test]
    fn several_tiny_groups_under_k_together_still_get_a_guard() {
        assert_eq!(
            visible_parts(&[30, 1, 2, 7], &[], 5),
            vec![Shown, HIDDEN, HIDDEN, GUARD]
        );
    }

    #[test]
    fn an_empty_group_hides_nothing_and_triggers_nothing() {
        assert_eq!(
            visible_parts(&[30, 0, 12], &[], 5),
            vec![Shown, Empty, Shown]
        );
    }

    #[test]
    fn ties_for_next_smallest_go_to_the_first_in_order() {
        assert_eq!(
            visible_parts(&[2, 8, 8], &[], 5),
            vec![HIDDEN, GUARD, Shown]
        );
    }

    #[test]
    fn the_guard_is_the_group_whose_loss_costs_the_least_weight() {
        // Groups in department order: sales, bd, marketing, engineering, ceo, with weights
        // 35, 15, 20, 20, 10. Marketing has 3 answers (< k = 5): hidden, residual 3. By the
        // smallest n the guard was sales (n 5, first of the three fives): 35 of the 100 weight
        // lost, C covering 15 + 20 + 10 = 45 %. By the least weight it is the CEO's office
        // (w 10): residual 3 + 5 = 8 ≥ 5, safe, and C covers 35 + 15 + 20 = 70 %.
        let ns = [5, 5, 3, 40, 5];
        let weights = [35.0, 15.0, 20.0, 20.0, 10.0];
        assert_eq!(
            visible_parts(&ns, &weights, 5),
            vec![Shown, Shown, HIDDEN, Shown, GUARD]
        );
        // The old choice, for the record: equal weights fall back to the smallest n.
        assert_eq!(
            visible_parts(&ns, &[], 5),
            vec![GUARD, Shown, HIDDEN, Shown, Shown]
        );
    }

    #[test]
    fn equal_weights_break_ties_by_n_then_position() {
        // bd and ceo both weigh 10: the smaller n (6) goes; between equal n the first.
        assert_eq!(
            visible_parts(&[2, 9, 6, 30], &[35.0, 10.0, 10.0, 10.0], 5),
            vec![HIDDEN, Shown, GUARD, Shown]
        );
        assert_eq!(
            visible_parts(&[2, 6, 6], &[35.0, 10.0, 10.0], 5),
            vec![HIDDEN, GUARD, Shown]
        );
    }

    proptest::proptest! {
        #[test]
        fn the_residual_is_never_between_one_and_k(
            ns in proptest::collection::vec(0u64..30, 1..8),
            ws in proptest::collection::vec(0.0f64..50.0, 8),
            k in 3u32..12,
        ) {
            let out = visible_parts(&ns, &ws[..ns.len()], k);
            let residual: u64 = ns
                .iter()
                .zip(&out)
                .filter(|(_, v)| matches!(v, PartVisibility::Hidden(_)))
                .map(|(n, _)| n)
                .sum();
            let all_hidden = out.iter().all(|v| *v != Shown);
            proptest::prop_assert!(residual == 0 || residual >= u64::from(k) || all_hidden);
            for (n, v) in ns.iter().zip(&out) {
                if *n > 0 && *n < u64::from(k) {
                    proptest::prop_assert_eq!(*v, HIDDEN_K(k));
                }
            }
        }
    }

    #[allow(non_snake_case)]
    fn HIDDEN_K(k: u32) -> PartVisibility {
        PartVisibility::Hidden(Suppression::FewerThanK { k })
    }

    #[test]
    fn comments_need_the_threshold_and_never_fewer_than_k() {
        let mut rng = StdRng::seed_from_u64(1);
        let texts = vec!["a".to_string(), "b".to_string()];
        let withheld = |threshold| Figure::Suppressed {
            reason: Suppression::BelowCommentThreshold { threshold },
        };
        assert_eq!(
            releasable_comments(9, 5, 10, texts.clone(), &mut rng),
            withheld(10)
        );
        assert!(releasable_comments(10, 5, 10, texts.clone(), &mut rng)
            .value()
            .is_some());
        // A threshold set below k is raised to k.
        assert_eq!(releasable_comments(4, 5, 2, texts, &mut rng), withheld(5));
    }

    #[test]
    fn comment_order_does_not_depend_on_storage_order() {
        let a: Vec<String> = ["x", "y", "z", "w"].iter().map(|s| s.to_string()).collect();
        let mut b = a.clone();
        b.reverse();
        let out_a = releasable_comments(20, 5, 10, a, &mut StdRng::seed_from_u64(7));
        let out_b = releasable_comments(20, 5, 10, b, &mut StdRng::seed_from_u64(7));
        assert_eq!(out_a, out_b);
    }
}
