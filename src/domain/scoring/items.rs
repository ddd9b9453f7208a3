//! Item-level figures: per question, per reporting group and overall.

use serde::Serialize;

use crate::domain::anonymity::{gate, visible_parts, PartVisibility};
use crate::domain::department::Department;
use crate::domain::question::{QuestionKind, Role};
use crate::domain::scoring::csat::overall_item;
use crate::domain::scoring::figure::Figure;
use crate::domain::scoring::interval::{one_group_share, Share};
use crate::domain::scoring::missing::Missing;
use crate::domain::scoring::round::{scale_low, ItemCounts, PreparedRound};

/// How many answers had one value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ValueCount {
    /// The answer value (1–5, 0–10, or a choice index).
    pub value: i32,
    /// How many answers had it.
    pub count: u64,
}

/// The figures of one question over one set of answers.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct ItemStats {
    /// Answers, N/A excluded.
    pub n: u64,
    /// Mean answer (Likert and 0–10 items only).
    pub mean: Option<f64>,
    /// Share answering 4 or 5, with its interval (Likert items only).
    pub favorable: Option<Share>,
    /// Counts per value: the full scale for Likert and 0–10, the chosen options for choice.
    pub distribution: Vec<ValueCount>,
}

/// One group's figure for a question.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct GroupItemFigure {
    /// Reporting group key.
    pub group: String,
    /// The figure, or why it is absent.
    pub figure: Figure<ItemStats>,
}

/// One question's figures.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct ItemReport {
    /// Question key.
    pub key: String,
    /// Question kind.
    pub kind: QuestionKind,
    /// Scoring role, if any.
    pub role: Option<Role>,
    /// Department section, if any.
    pub section: Option<Department>,
    /// Over every group of the round.
    pub overall: Figure<ItemStats>,
    /// Per reporting group, in department order.
    pub groups: Vec<GroupItemFigure>,
}

/// Computes a shown figure; called only after the anonymity gate let it through.
pub fn item_stats(kind: QuestionKind, counts: &ItemCounts, delivered: u64) -> ItemStats {
    let n = counts.n();
    let low = scale_low(kind);
    let numeric = matches!(kind, QuestionKind::Likert5 | QuestionKind::Nps11);
    let distribution = counts
        .values
        .iter()
        .enumerate()
        .filter(|(_, &c)| numeric || c > 0)
        .map(|(i, &count)| ValueCount {
            value: low + i32::try_from(i).unwrap_or(i32::MAX - low),
            count,
        })
        .collect::<Vec<_>>();
    let mean = (numeric && n > 0).then(|| {
        let total: f64 = distribution
            .iter()
            .map(|vc| f64::from(vc.value) * vc.count as f64)
            .sum();
        total / n as f64
    });
    let favorable = (kind == QuestionKind::Likert5 && n > 0).then(|| {
        // Values 4 and 5 sit at offsets 3 and 4 of the 1–5 scale.
        let x: u64 = counts.values.iter().skip(3).sum();
        one_group_share(x, n, delivered)
    });
    ItemStats {
        n,
        mean,
        favorable,
        distribution,
    }
}

/// The figures of every numeric question of a round, with every anonymity rule applied.
///
/// Per group: the own-n gate plus complementary suppression against the overall figure; in
/// a CSAT round the guard is the group whose loss costs measure C the least weight.
/// Overall: its own n gate; N for its interval is the delivered invitations of the audience
/// asked ([`audience_delivered`]), so a department-only item's total is that group's figure.
pub fn item_reports(round: &PreparedRound<'_>) -> Vec<ItemReport> {
    let k = round.input.k;
    // Weights only matter where a weighted total (measure C) is built from the groups.
    let weights: Vec<f64> = if overall_item(round).is_some() {
        round.groups.iter().map(|g| g.weight).collect()
    } else {
        Vec::new()
    };
    round
        .input
        .items
        .iter()
        .enumerate()
        .filter(|(_, item)| item.kind != QuestionKind::Text)
        .map(|(i, item)| {
            let per_group = &round.counts[i];
            let ns: Vec<u64> = per_group.iter().map(ItemCounts::n).collect();
            let visibility = visible_parts(&ns, &weights, k);
            let groups = round
                .groups
                .iter()
                .zip(per_group)
                .zip(&visibility)
                .map(|((g, counts), vis)| GroupItemFigure {
                    group: g.key.clone(),
                    figure: match vis {
                        PartVisibility::Empty => Figure::not_enough(Missing::NoAnswers),
                        PartVisibility::Hidden(reason) => Figure::Suppressed { reason: *reason },
                        PartVisibility::Shown => {
                            Figure::shown(item_stats(item.kind, counts, u64::from(g.delivered)))
                        }
                    },
                })
                .collect();
            let total = round.overall_counts(i);
            let overall = gate(total.n(), k, Missing::NoAnswers, || {
                item_stats(
                    item.kind,
                    &total,
                    audience_delivered(round, i, item.section),
                )
            });
            ItemReport {
                key: item.key.clone(),
                kind: item.kind,
                role: item.role,
                section: item.section,
                overall,
                groups,
            }
        })
        .collect()
}

/// N of the audience asked question `item`: every group for a question all respondents see;
/// for a department section, the groups that include that department, and any other group
/// that has answers to it (a count, N/A included, cannot come from people never asked).
///
/// A merged group (`bd+ceo`) counts whole: the engine does not know how many of its invitees
/// belong to the section's department, and a larger N only widens the interval.
pub fn audience_delivered(
    round: &PreparedRound<'_>,
    item: usize,
    section: Option<Department>,
) -> u64 {
    let Some(dept) = section else {
        return round.delivered();
    };
    let counts = round.counts.get(item);
    round
        .groups
        .iter()
        .enumerate()
        .filter(|(gi, g)| {
            g.departments.contains(&dept)
                || counts
                    .and_then(|c| c.get(*gi))
                    .is_some_and(|c| c.n() + c.na > 0)
        })
        .map(|(_, g)| u64::from(g.delivered))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-9, "{a} vs {b}");
    }

    #[test]
    fn likert_item_fixture() {
        // Answers 1×1, 2×1, 3×2, 4×3, 5×3 (n = 10) from a group of N = 40.
        let counts = ItemCounts {
            values: vec![1, 1, 2, 3, 3],
            na: 2,
        };
        let s = item_stats(QuestionKind::Likert5, &counts, 40);
        assert_eq!(s.n, 10);
        // mean = (1 + 2 + 6 + 12 + 15)/10 = 36/10 = 3.6
        close(s.mean.unwrap(), 3.6);
        // favorable = (3 + 3)/10 = 0.6; n_eff = 40·9/30 = 12; Wilson with m = 12, p = 0.6:
        // centre = m·p + z²/2 = 7.2 + 1.9207294103470627 = 9.120729410347062
        // √(m·p(1−p) + z²/4) = √(2.88 + 0.9603647051735313) = √3.8403647051735312 = 1.959684848431893
        // half = z·√ = 3.8409117239753447; denom = m + z² = 15.841458820694125
        // low = 5.279817686371717/15.841458820694125 = 0.33329112843285297
        // high = 12.961641134322406/15.841458820694125 = 0.8182100702360987
        let fav = s.favorable.unwrap();
        close(fav.estimate, 0.6);
        close(fav.low, 0.33329112843285297);
        close(fav.high, 0.8182100702360987);
        assert_eq!(s.distribution.len(), 5);
        assert_eq!(s.distribution[4], ValueCount { value: 5, count: 3 });
    }

    #[test]
    fn a_department_only_items_total_is_that_groups_figure() {
        use crate::domain::scoring::round::prepare;
        use crate::domain::scoring::testkit::{group, item, likert_rows, q3, round};
        // Sales: 81 delivered, 60 answered the sales-only item (dist 2, 3, 5, 20, 30 → 50 of
        // 60 favourable). BD (40 delivered) and marketing (30) were never asked it.
        // Group figure: N = 81, n_eff = 81·59/21 = 227.57…; the total used to take N = 151
        // (n_eff = 151·59/91 = 97.9…), a wider interval for the same answers. Now its N is
        // the audience asked, 81, and the two figures are the same.
        let mut r = round(
            q3(),
            crate::domain::audience::Audience::InternalCsat,
            "internal-csat",
        );
        r.groups = vec![
            group("sales", 35.0, 81, 61),
            group("bd", 15.0, 40, 30),
            group("marketing", 20.0, 30, 20),
        ];
        let mut meetings = item("sales_meetings", QuestionKind::Likert5, None);
        meetings.section = Some(Department::Sales);
        r.items = vec![meetings];
        r.value_counts = likert_rows("sales", "sales_meetings", [2, 3, 5, 20, 30], 1);
        let prepared = prepare(&r).unwrap();
        assert_eq!(
            audience_delivered(&prepared, 0, Some(Department::Sales)),
            81
        );
        let report = &item_reports(&prepared)[0];
        let total = report.overall.value().unwrap();
        let sales = report.groups[0].figure.value().unwrap();
        assert_eq!(total, sales);
        let fav = total.favorable.unwrap();
        let old = one_group_share(50, 60, 151);
        assert!(old.low < fav.low && old.high > fav.high);
        // An item everyone sees keeps the whole round as N.
        assert_eq!(audience_delivered(&prepared, 0, None), 151);
    }

    #[test]
    fn a_group_that_answered_a_section_counts_in_its_audience() {
        use crate::domain::scoring::round::prepare;
        use crate::domain::scoring::testkit::{group, item, likert_rows, q3, round};
        // bd+ceo includes bd: 50 delivered. Sales answered the bd item too (say a template
        // change mid-round): its 81 count. Marketing (30) neither: N = 131.
        let mut r = round(
            q3(),
            crate::domain::audience::Audience::InternalCsat,
            "internal-csat",
        );
        r.groups = vec![
            group("sales", 35.0, 81, 60),
            group("bd+ceo", 25.0, 50, 30),
            group("marketing", 20.0, 30, 20),
        ];
        let mut partners = item("partners", QuestionKind::Likert5, None);
        partners.section = Some(Department::Bd);
        r.items = vec![partners];
        r.value_counts = likert_rows("bd+ceo", "partners", [0, 0, 5, 10, 10], 0);
        r.value_counts
            .extend(likert_rows("sales", "partners", [0, 0, 0, 0, 0], 2));
        let prepared = prepare(&r).unwrap();
        assert_eq!(audience_delivered(&prepared, 0, Some(Department::Bd)), 131);
    }

    #[test]
    fn choice_item_lists_only_chosen_options_and_has_no_mean() {
        let counts = ItemCounts {
            values: vec![2, 0, 5],
            na: 0,
        };
        let s = item_stats(QuestionKind::Choice, &counts, 20);
        assert_eq!(s.mean, None);
        assert_eq!(s.favorable, None);
        assert_eq!(
            s.distribution,
            vec![
                ValueCount { value: 0, count: 2 },
                ValueCount { value: 2, count: 5 }
            ]
        );
    }
}
