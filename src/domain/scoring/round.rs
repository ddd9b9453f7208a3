//! Checks one round's sufficient statistics and indexes them for the measures.
//!
//! Validation refuses contradictions (unknown keys, values off the scale, impossible index
//! tallies) with a typed error instead of guessing. Error messages name templates, groups and
//! questions but never an answer value: even a rejected input must not leak an answer.

use std::collections::HashMap;

use crate::domain::department::Department;
use crate::domain::question::{QuestionKind, Role};
use crate::domain::scoring::inputs::{GroupInput, ItemInput, RoundInput};

/// Input the engine refuses because it contradicts itself (a bug upstream, not a lack of data).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScoringError {
    /// k outside DESIGN's 3–50.
    #[error("round of template {template}: anonymity threshold k must be 3–50")]
    KOutOfRange {
        /// Template key.
        template: String,
    },
    /// Two rounds of the same template in one quarter.
    #[error("two rounds of template {template} in {quarter}; at most one is allowed")]
    DuplicateRound {
        /// Template key.
        template: String,
        /// The quarter.
        quarter: String,
    },
    /// A group key appears twice.
    #[error("round of template {template}: reporting group {group} is listed twice")]
    DuplicateGroup {
        /// Template key.
        template: String,
        /// Group key.
        group: String,
    },
    /// A question key appears twice.
    #[error("round of template {template}: question {item} is listed twice")]
    DuplicateItem {
        /// Template key.
        template: String,
        /// Question key.
        item: String,
    },
    /// A tally row names a group the round does not have.
    #[error("round of template {template}: a tally names unknown reporting group {group}")]
    UnknownGroup {
        /// Template key.
        template: String,
        /// Group key.
        group: String,
    },
    /// A tally row names a question the template does not have.
    #[error("round of template {template}: a tally names unknown question {item}")]
    UnknownItem {
        /// Template key.
        template: String,
        /// Question key.
        item: String,
    },
    /// A value outside the question's scale, or a number for a text question.
    #[error("round of template {template}: question {item} has a count outside its scale")]
    ValueOutOfScale {
        /// Template key.
        template: String,
        /// Question key.
        item: String,
    },
    /// A comment row names a question that is not free text.
    #[error("round of template {template}: question {item} is not a text question")]
    NotATextQuestion {
        /// Template key.
        template: String,
        /// Question key.
        item: String,
    },
    /// A comment count smaller than the comments given for its list.
    #[error(
        "round of template {template}: group {group} has more comments on {item} than its count"
    )]
    CommentCountTooSmall {
        /// Template key.
        template: String,
        /// Group key.
        group: String,
        /// Question key.
        item: String,
    },
    /// A question's role needs another kind (e.g. eNPS on a Likert item).
    #[error("round of template {template}: question {item} has role {role} but kind {kind}")]
    RoleKindMismatch {
        /// Template key.
        template: String,
        /// Question key.
        item: String,
        /// The role.
        role: Role,
        /// The kind.
        kind: QuestionKind,
    },
    /// An index tally whose sum is impossible for its item count on a 1–5 scale.
    #[error("round of template {template}: an index tally of group {group} is impossible")]
    ImpossibleIndexTally {
        /// Template key.
        template: String,
        /// Group key.
        group: String,
    },
    /// A negative, infinite or NaN weight.
    #[error("round of template {template}: group {group} has an invalid weight")]
    InvalidWeight {
        /// Template key.
        template: String,
        /// Group key.
        group: String,
    },
    /// More answered than delivered invitations.
    #[error("round of template {template}: group {group} answered more than it was sent")]
    AnsweredExceedsDelivered {
        /// Template key.
        template: String,
        /// Group key.
        group: String,
    },
}

/// Counts of one question in one group: per scale value (offset from the scale's low end).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ItemCounts {
    /// `values[i]` = answers with value `low + i`.
    pub values: Vec<u64>,
    /// N/A answers (excluded from n).
    pub na: u64,
}

impl ItemCounts {
    /// Non-N/A answers.
    pub fn n(&self) -> u64 {
        self.values.iter().sum()
    }

    /// Adds another group's counts (for overall figures).
    pub fn add(&mut self, other: &ItemCounts) {
        if self.values.len() < other.values.len() {
            self.values.resize(other.values.len(), 0);
        }
        for (a, b) in self.values.iter_mut().zip(&other.values) {
            *a += b;
        }
        self.na += other.na;
    }
}

/// The respondents of measure B's index tally, summed over the round's groups.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CultureTotals {
    /// Productivity index ≥ 4 and happiness index ≥ 4.
    pub productive_and_happy: u64,
    /// Productive but not happy (burnout risk).
    pub productive_unhappy: u64,
    /// Happy but not productive (friction).
    pub happy_unproductive: u64,
    /// Neither.
    pub neither: u64,
}

impl CultureTotals {
    /// Respondents with both indices.
    pub fn n(&self) -> u64 {
        self.productive_and_happy + self.productive_unhappy + self.happy_unproductive + self.neither
    }
}

/// A validated round, indexed for the measures.
#[derive(Debug, Clone)]
pub struct PreparedRound<'r> {
    /// The raw input.
    pub input: &'r RoundInput,
    /// The groups in canonical order (department order, then key) — never input order.
    pub groups: Vec<&'r GroupInput>,
    /// `counts[item][group]`, items in template order, groups in canonical order.
    pub counts: Vec<Vec<ItemCounts>>,
    /// Measure B tallies, summed.
    pub culture: CultureTotals,
    /// Measure A: (respondents with an alignment index, of whom aligned).
    pub alignment: (u64, u64),
    /// `comments[group][item]`: the texts, unsorted, borrowed from the input (a large
    /// company's comments run to megabytes; the report copies them once).
    pub comments: Vec<Vec<Vec<&'r str>>>,
    /// `comment_totals[group][item]`: how many comments the list has, sampled or not.
    pub comment_totals: Vec<Vec<u32>>,
}

/// The lowest value of a question's numeric scale (choice indices start at 0).
pub fn scale_low(kind: QuestionKind) -> i32 {
    kind.numeric_range().map_or(0, |(low, _)| low)
}

fn group_rank(g: &GroupInput) -> (usize, &str) {
    let first = g
        .departments
        .iter()
        .filter_map(|d| Department::ALL.iter().position(|x| x == d))
        .min()
        .unwrap_or(Department::ALL.len());
    (first, g.key.as_str())
}

/// An index is ≥ 4 exactly when sum ≥ 4·count (integers: no rounding at the boundary).
fn index_at_least_four(sum: u32, count: u32) -> bool {
    u64::from(sum) >= 4 * u64::from(count)
}

/// A (sum, count) pair that 1–5 answers can produce.
fn possible_index(sum: u32, count: u32) -> bool {
    let (sum, count) = (u64::from(sum), u64::from(count));
    (count == 0 && sum == 0) || (count > 0 && sum >= count && sum <= 5 * count)
}

/// Validates `input` and indexes it.
pub fn prepare(input: &RoundInput) -> Result<PreparedRound<'_>, ScoringError> {
    let template = || input.template.key.clone();
    if !(3..=50).contains(&input.k) {
        return Err(ScoringError::KOutOfRange {
            template: template(),
        });
    }
    let mut groups: Vec<&GroupInput> = input.groups.iter().collect();
    groups.sort_by(|a, b| group_rank(a).cmp(&group_rank(b)));
    let mut group_index: HashMap<&str, usize> = HashMap::with_capacity(groups.len());
    for (i, g) in groups.iter().enumerate() {
        if group_index.insert(g.key.as_str(), i).is_some() {
            return Err(ScoringError::DuplicateGroup {
                template: template(),
                group: g.key.clone(),
            });
        }
        if !g.weight.is_finite() || g.weight < 0.0 {
            return Err(ScoringError::InvalidWeight {
                template: template(),
                group: g.key.clone(),
            });
        }
        if g.answered > g.delivered {
            return Err(ScoringError::AnsweredExceedsDelivered {
                template: template(),
                group: g.key.clone(),
            });
        }
    }
    let mut item_index: HashMap<&str, usize> = HashMap::with_capacity(input.items.len());
    for (i, item) in input.items.iter().enumerate() {
        if item_index.insert(item.key.as_str(), i).is_some() {
            return Err(ScoringError::DuplicateItem {
                template: template(),
                item: item.key.clone(),
            });
        }
        check_role(input, item)?;
    }
    let find_group = |key: &str| {
        group_index
            .get(key)
            .copied()
            .ok_or_else(|| ScoringError::UnknownGroup {
                template: template(),
                group: key.to_string(),
            })
    };

    let mut counts: Vec<Vec<ItemCounts>> = input
        .items
        .iter()
        .map(|item| {
            let width = match item.kind.numeric_range() {
                Some((low, high)) => usize::try_from(high - low + 1).unwrap_or(0),
                None => 0,
            };
            vec![
                ItemCounts {
                    values: vec![0; width],
                    na: 0,
                };
                groups.len()
            ]
        })
        .collect();
    for row in &input.value_counts {
        let g = find_group(&row.group)?;
        let i = item_index.get(row.item.as_str()).copied().ok_or_else(|| {
            ScoringError::UnknownItem {
                template: template(),
                item: row.item.clone(),
            }
        })?;
        let item = &input.items[i];
        let cell = &mut counts[i][g];
        let out_of_scale = || ScoringError::ValueOutOfScale {
            template: template(),
            item: item.key.clone(),
        };
        match (row.value, item.kind) {
            (_, QuestionKind::Text) => return Err(out_of_scale()),
            (None, _) => cell.na += u64::from(row.count),
            (Some(v), QuestionKind::Choice) => {
                // Choice options are 0-based indices; the engine learns the option count only
                // from the answers, so the vector grows as needed.
                let idx = usize::try_from(v).map_err(|_| out_of_scale())?;
                if idx >= 1000 {
                    return Err(out_of_scale());
                }
                if cell.values.len() <= idx {
                    cell.values.resize(idx + 1, 0);
                }
                cell.values[idx] += u64::from(row.count);
            }
            (Some(v), kind) => {
                let low = scale_low(kind);
                let idx = v
                    .checked_sub(low)
                    .and_then(|d| usize::try_from(d).ok())
                    .ok_or_else(out_of_scale)?;
                let slot = cell.values.get_mut(idx).ok_or_else(out_of_scale)?;
                *slot += u64::from(row.count);
            }
        }
    }

    let mut culture = CultureTotals::default();
    for row in &input.culture_tallies {
        let g = find_group(&row.group)?;
        if !possible_index(row.productivity_sum, row.productivity_items)
            || !possible_index(row.happiness_sum, row.happiness_items)
        {
            return Err(ScoringError::ImpossibleIndexTally {
                template: template(),
                group: groups[g].key.clone(),
            });
        }
        // A respondent with no answered item of an index is left out of it (DESIGN).
        if row.productivity_items == 0 || row.happiness_items == 0 {
            continue;
        }
        let productive = index_at_least_four(row.productivity_sum, row.productivity_items);
        let happy = index_at_least_four(row.happiness_sum, row.happiness_items);
        let n = u64::from(row.respondents);
        match (productive, happy) {
            (true, true) => culture.productive_and_happy += n,
            (true, false) => culture.productive_unhappy += n,
            (false, true) => culture.happy_unproductive += n,
            (false, false) => culture.neither += n,
        }
    }

    let mut alignment = (0u64, 0u64);
    for row in &input.alignment_tallies {
        let g = find_group(&row.group)?;
        if !possible_index(row.alignment_sum, row.alignment_items) {
            return Err(ScoringError::ImpossibleIndexTally {
                template: template(),
                group: groups[g].key.clone(),
            });
        }
        if row.alignment_items == 0 {
            continue;
        }
        let n = u64::from(row.respondents);
        alignment.0 += n;
        if index_at_least_four(row.alignment_sum, row.alignment_items) {
            alignment.1 += n;
        }
    }

    let text_item = |item: &str| -> Result<usize, ScoringError> {
        let i = item_index
            .get(item)
            .copied()
            .ok_or_else(|| ScoringError::UnknownItem {
                template: template(),
                item: item.to_string(),
            })?;
        if input.items[i].kind != QuestionKind::Text {
            return Err(ScoringError::NotATextQuestion {
                template: template(),
                item: item.to_string(),
            });
        }
        Ok(i)
    };
    let mut comments = vec![vec![Vec::new(); input.items.len()]; groups.len()];
    for row in &input.comments {
        let g = find_group(&row.group)?;
        let i = text_item(&row.item)?;
        comments[g][i].push(row.text.as_str());
    }
    let mut comment_totals: Vec<Vec<u32>> = comments
        .iter()
        .map(|items| {
            items
                .iter()
                .map(|texts| u32::try_from(texts.len()).unwrap_or(u32::MAX))
                .collect()
        })
        .collect();
    for row in &input.comment_counts {
        let g = find_group(&row.group)?;
        let i = text_item(&row.item)?;
        if (row.count as usize) < comments[g][i].len() {
            return Err(ScoringError::CommentCountTooSmall {
                template: template(),
                group: row.group.clone(),
                item: row.item.clone(),
            });
        }
        comment_totals[g][i] = row.count;
    }

    Ok(PreparedRound {
        input,
        groups,
        counts,
        culture,
        alignment,
        comments,
        comment_totals,
    })
}

fn check_role(input: &RoundInput, item: &ItemInput) -> Result<(), ScoringError> {
    match item.role {
        Some(role) if role.required_kind() != item.kind => Err(ScoringError::RoleKindMismatch {
            template: input.template.key.clone(),
            item: item.key.clone(),
            role,
            kind: item.kind,
        }),
        _ => Ok(()),
    }
}

impl PreparedRound<'_> {
    /// Total delivered invitations of the round (N for round-level shares).
    pub fn delivered(&self) -> u64 {
        self.groups.iter().map(|g| u64::from(g.delivered)).sum()
    }

    /// Total answered invitations of the round.
    pub fn answered(&self) -> u64 {
        self.groups.iter().map(|g| u64::from(g.answered)).sum()
    }

    /// The first question with `role`, in template order.
    pub fn item_with_role(&self, role: Role) -> Option<usize> {
        self.input.items.iter().position(|i| i.role == Some(role))
    }

    /// The question's counts summed over all groups.
    pub fn overall_counts(&self, item: usize) -> ItemCounts {
        let mut total = ItemCounts::default();
        if let Some(per_group) = self.counts.get(item) {
            for c in per_group {
                total.add(c);
            }
        }
        total
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scoring::testkit::{csat_round, culture_round};

    #[test]
    fn index_of_exactly_four_counts_as_favourable() {
        // 3 items answered 4, 4, 4 → sum 12 = 4·3; 5, 3, 3 → 11 < 12.
        assert!(index_at_least_four(12, 3));
        assert!(!index_at_least_four(11, 3));
    }

    #[test]
    fn groups_come_out_in_department_order_whatever_the_input_order() {
        let mut round = csat_round(&[("sales", 10), ("marketing", 8), ("ceo+bd", 6)]);
        round.groups.reverse();
        let p = prepare(&round).unwrap();
        let keys: Vec<&str> = p.groups.iter().map(|g| g.key.as_str()).collect();
        assert_eq!(keys, ["sales", "ceo+bd", "marketing"]);
    }

    #[test]
    fn a_likert_six_is_refused_without_echoing_the_value() {
        let mut round = csat_round(&[("sales", 10)]);
        round.value_counts[0].value = Some(6);
        let err = prepare(&round).unwrap_err();
        assert!(matches!(err, ScoringError::ValueOutOfScale { .. }));
        assert!(!err.to_string().contains('6'));
    }

    #[test]
    fn impossible_index_sums_are_refused() {
        let mut round = culture_round(&[("engineering", 10)]);
        round.culture_tallies[0].productivity_sum = 30;
        assert!(matches!(
            prepare(&round),
            Err(ScoringError::ImpossibleIndexTally { .. })
        ));
    }

    #[test]
    fn k_outside_three_to_fifty_is_refused() {
        let mut round = csat_round(&[("sales", 10)]);
        round.k = 2;
        assert!(matches!(
            prepare(&round),
            Err(ScoringError::KOutOfRange { .. })
        ));
    }
}
