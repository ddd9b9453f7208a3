//! What the CTO and the board may see of an open round's participation (DESIGN "Response
//! rate": per-group progress only for groups of at least k invitations). Admins see exact,
//! live counts — they send the reminders — and none of this applies to them.
//!
//! Two leaks are closed here:
//!
//! * **Small groups.** A group of one person shows the moment that person answers. A group
//!   with fewer than k invitations is withheld, and so is the overall total when it would give
//!   such a group away by subtraction (the same complementary rule as results,
//!   [`anonymity::visible_parts`], applied to invitation counts).
//! * **Timing.** Counts for these readers are as of the start of an hour ([`hour_start`]),
//!   taken by the server at that moment, never when a reader asks: a reader cannot choose when
//!   the counts are taken, so a change tells at best in which hour someone answered.

use time::PrimitiveDateTime;

use crate::domain::anonymity::{self, PartVisibility};
use crate::domain::scoring::figure::Suppression;

/// Why a participation count is not shown to the CTO or the board.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Withheld {
    /// The group has fewer than k invitations.
    FewerThanK { k: u32 },
    /// Shown, it would let a smaller group's count be worked out by subtraction.
    ProtectsAnotherGroup,
    /// The round has fewer than k invitations in all.
    RoundBelowK { k: u32 },
    /// Strict mode: per-group progress is for admins only.
    StrictMode,
    /// No hourly count has been taken since the server started; the first comes at `next`.
    NotYetCounted { next: PrimitiveDateTime },
}

impl Withheld {
    /// The reason in words, for the API and the pages.
    pub fn reason(&self) -> String {
        match self {
            Withheld::FewerThanK { k } => {
                format!("withheld: this group has fewer than {k} invitations (k = {k})")
            }
            Withheld::ProtectsAnotherGroup => {
                "withheld: shown, it would reveal a smaller group's count by subtraction".into()
            }
            Withheld::RoundBelowK { k } => {
                format!("withheld: this round has fewer than {k} invitations (k = {k})")
            }
            Withheld::StrictMode => {
                "withheld: strict mode is on; per-group progress is for admins only".into()
            }
            Withheld::NotYetCounted { next } => format!(
                "counts are taken at the start of each hour; the first is at {:02}:00 UTC",
                next.hour()
            ),
        }
    }
}

/// Which of a round's groups (by their invitation counts, in group order) and whether its
/// overall row the CTO and the board may see; `None` = shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderView {
    pub groups: Vec<Option<Withheld>>,
    pub overall: Option<Withheld>,
}

/// Decides what the CTO and the board see of a round with these invitation counts per group.
///
/// Invitation counts, not answers, decide: they are fixed at launch, so what is withheld does
/// not change as people answer (a count that appears when someone answers would itself tell).
/// The overall row is the sum of every group; minus the shown groups it gives the withheld
/// groups' sum, which is harmless only when those hold at least k invitations together — so
/// the complementary rule hides more groups until they do, and the overall row is withheld
/// only when the whole round has fewer than k invitations. In strict mode every group is
/// withheld and the overall row (at least k invitations) is all that remains.
pub fn reader_view(invited: &[u64], k: u32, strict: bool) -> ReaderView {
    let total: u64 = invited.iter().sum();
    let overall = (total < u64::from(k)).then_some(Withheld::RoundBelowK { k });
    let groups = if strict {
        vec![Some(Withheld::StrictMode); invited.len()]
    } else {
        // Participation carries no weight: all parts weigh the same, so the smallest goes.
        anonymity::visible_parts(invited, &[], k)
            .into_iter()
            .map(|v| match v {
                PartVisibility::Shown | PartVisibility::Empty => None,
                PartVisibility::Hidden(Suppression::ProtectsAnotherGroup) => {
                    Some(Withheld::ProtectsAnotherGroup)
                }
                PartVisibility::Hidden(_) => Some(Withheld::FewerThanK { k }),
            })
            .collect()
    };
    ReaderView { groups, overall }
}

/// The start of the hour `t` falls in: the moment the readers' counts are taken.
pub fn hour_start(t: PrimitiveDateTime) -> PrimitiveDateTime {
    t.replace_minute(0)
        .and_then(|t| t.replace_second(0))
        .and_then(|t| t.replace_nanosecond(0))
        .unwrap_or(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn a_one_person_group_is_withheld_and_so_is_the_next_smallest() {
        // Groups of 1, 12 and 30 invitations, k = 5. The 1 is withheld (fewer than k); the
        // overall 43 minus 12 minus 30 would give it back, so the smallest shown group (12)
        // is withheld too: 43 − 30 = 13 invitations' worth, at least k.
        let v = reader_view(&[1, 12, 30], 5, false);
        assert_eq!(
            v.groups,
            [
                Some(Withheld::FewerThanK { k: 5 }),
                Some(Withheld::ProtectsAnotherGroup),
                None
            ]
        );
        assert_eq!(v.overall, None);
    }

    #[test]
    fn small_groups_that_reach_k_together_need_no_other_group_withheld() {
        // 2 + 3 = 5 ≥ k = 5: the overall minus the 40 gives only an aggregate of 5.
        let v = reader_view(&[2, 3, 40], 5, false);
        assert_eq!(
            v.groups,
            [
                Some(Withheld::FewerThanK { k: 5 }),
                Some(Withheld::FewerThanK { k: 5 }),
                None
            ]
        );
        assert_eq!(v.overall, None);
    }

    #[test]
    fn a_round_below_k_shows_nothing_at_all() {
        // 1 + 2 = 3 < 5: every group and the overall row are withheld.
        let v = reader_view(&[1, 2], 5, false);
        assert!(v.groups.iter().all(Option::is_some), "{v:?}");
        assert_eq!(v.overall, Some(Withheld::RoundBelowK { k: 5 }));
    }

    #[test]
    fn strict_mode_withholds_every_group_and_keeps_the_overall_row() {
        let v = reader_view(&[20, 30], 10, true);
        assert_eq!(v.groups, [Some(Withheld::StrictMode); 2]);
        assert_eq!(v.overall, None);
    }

    #[test]
    fn groups_of_k_or_more_are_shown() {
        let v = reader_view(&[5, 9], 5, false);
        assert_eq!(v.groups, [None, None]);
        assert_eq!(v.overall, None);
    }

    #[test]
    fn counts_are_taken_at_the_start_of_the_hour() {
        assert_eq!(
            hour_start(datetime!(2026-12-03 09:59:59.999999)),
            datetime!(2026-12-03 09:00)
        );
        assert_eq!(
            hour_start(datetime!(2026-12-03 10:00)),
            datetime!(2026-12-03 10:00)
        );
    }
}
