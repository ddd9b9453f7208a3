//! Small builders for test rounds (test-only).

use time::macros::date;

use crate::domain::audience::Audience;
use crate::domain::department::Department;
use crate::domain::quarter::Quarter;
use crate::domain::question::{QuestionKind, Role};
use crate::domain::scoring::inputs::*;

/// 2026Q3, the quarter most fixtures score.
pub fn q3() -> Quarter {
    Quarter::new(2026, 3).unwrap()
}

/// A group whose departments are read from its key (`ceo+bd`).
pub fn group(key: &str, weight: f64, delivered: u32, answered: u32) -> GroupInput {
    GroupInput {
        key: key.into(),
        departments: key
            .split('+')
            .filter_map(|d| d.parse::<Department>().ok())
            .collect(),
        weight,
        delivered,
        answered,
    }
}

/// A question.
pub fn item(key: &str, kind: QuestionKind, role: Option<Role>) -> ItemInput {
    ItemInput {
        key: key.into(),
        kind,
        role,
        section: None,
        allow_na: true,
    }
}

/// Rows for a Likert item: `dist[i]` answers of value i + 1, and `na` N/A answers.
pub fn likert_rows(group: &str, item: &str, dist: [u32; 5], na: u32) -> Vec<ValueCountRow> {
    let mut rows: Vec<ValueCountRow> = dist
        .iter()
        .enumerate()
        .filter(|(_, &c)| c > 0)
        .map(|(i, &count)| ValueCountRow {
            group: group.into(),
            item: item.into(),
            value: Some(i as i32 + 1),
            count,
        })
        .collect();
    if na > 0 {
        rows.push(ValueCountRow {
            group: group.into(),
            item: item.into(),
            value: None,
            count: na,
        });
    }
    rows
}

/// Rows for a 0–10 item: `dist[v]` answers of value v.
pub fn nps_rows(group: &str, item: &str, dist: [u32; 11]) -> Vec<ValueCountRow> {
    dist.iter()
        .enumerate()
        .filter(|(_, &c)| c > 0)
        .map(|(v, &count)| ValueCountRow {
            group: group.into(),
            item: item.into(),
            value: Some(v as i32),
            count,
        })
        .collect()
}

/// An empty closed round with k = 5 and comment threshold 10.
pub fn round(quarter: Quarter, audience: Audience, template: &str) -> RoundInput {
    RoundInput {
        quarter,
        audience,
        template: TemplateRef {
            key: template.into(),
            version: 1,
            content_hash: "sha256:test".into(),
        },
        k: 5,
        comment_threshold: 10,
        status: RoundStatus::Sealed,
        groups: Vec::new(),
        items: Vec::new(),
        value_counts: Vec::new(),
        culture_tallies: Vec::new(),
        alignment_tallies: Vec::new(),
        comments: Vec::new(),
        comment_counts: Vec::new(),
        drivers: Vec::new(),
    }
}

/// An internal-CSAT round: per (group, n) the group has N = 2n invitations, n answers to the
/// overall item (70 % rounded down favorable: 5s then 4s, the rest 2s), default weights, and
/// a free-text question.
pub fn csat_round(groups: &[(&str, u32)]) -> RoundInput {
    let mut r = round(q3(), Audience::InternalCsat, "internal-csat");
    r.items = vec![
        item("overall", QuestionKind::Likert5, Some(Role::CsatOverall)),
        item("comment", QuestionKind::Text, None),
    ];
    for &(key, n) in groups {
        let weight = key
            .split('+')
            .filter_map(|d| d.parse::<Department>().ok())
            .map(Department::default_weight)
            .sum();
        r.groups.push(group(key, weight, 2 * n, n));
        let fav = n * 7 / 10;
        r.value_counts.extend(likert_rows(
            key,
            "overall",
            [0, n - fav, 0, fav / 2, fav - fav / 2],
            0,
        ));
    }
    r
}

/// An engineering-culture round: per (group, n), n respondents all with productivity 8/2 and
/// happiness 9/2 (both indices ≥ 4), N = 2n, and an eNPS item answered 9 by everyone.
pub fn culture_round(groups: &[(&str, u32)]) -> RoundInput {
    let mut r = round(q3(), Audience::EngineeringCulture, "engineering-culture");
    r.items = vec![
        item("p1", QuestionKind::Likert5, Some(Role::Productivity)),
        item("p2", QuestionKind::Likert5, Some(Role::Productivity)),
        item("h1", QuestionKind::Likert5, Some(Role::Happiness)),
        item("h2", QuestionKind::Likert5, Some(Role::Happiness)),
        item("enps", QuestionKind::Nps11, Some(Role::Enps)),
    ];
    for &(key, n) in groups {
        r.groups.push(group(key, 0.0, 2 * n, n));
        r.culture_tallies.push(CultureTallyRow {
            group: key.into(),
            productivity_sum: 8,
            productivity_items: 2,
            happiness_sum: 9,
            happiness_items: 2,
            respondents: n,
        });
        let mut dist = [0; 11];
        dist[9] = n;
        r.value_counts.extend(nps_rows(key, "enps", dist));
    }
    r
}

/// A tech-strategy-alignment round from (alignment sum, item count) rows, one respondent each:
/// the first three in group `ceo` (3 of 4 invited), the rest in `board` (of 4 invited).
pub fn alignment_round(rows: &[(u32, u32)]) -> RoundInput {
    let mut r = round(
        q3(),
        Audience::TechStrategyAlignment,
        "tech-strategy-alignment",
    );
    r.items = vec![
        item("a1", QuestionKind::Likert5, Some(Role::Alignment)),
        item("a2", QuestionKind::Likert5, Some(Role::Alignment)),
        item("a3", QuestionKind::Likert5, Some(Role::Alignment)),
    ];
    let board = rows.len().saturating_sub(3) as u32;
    r.groups = vec![
        group("ceo", 10.0, 4, 3.min(rows.len() as u32)),
        group("board", 0.0, 4, board),
    ];
    for (i, &(sum, count)) in rows.iter().enumerate() {
        r.alignment_tallies.push(AlignmentTallyRow {
            group: if i < 3 { "ceo" } else { "board" }.into(),
            alignment_sum: sum,
            alignment_items: count,
            respondents: 1,
        });
    }
    r
}

/// HR input for 2026Q3 with no events.
pub fn empty_hr() -> HrInput {
    HrInput {
        quarter_first_day: date!(2026 - 07 - 01),
        quarter_last_day: date!(2026 - 09 - 30),
        events: Vec::new(),
    }
}

/// A scorecard input for 2026Q3 from rounds.
pub fn input(rounds: Vec<RoundInput>) -> ScorecardInput {
    ScorecardInput {
        quarter: q3(),
        rounds,
        hr: empty_hr(),
        inflection_points: Vec::new(),
        thresholds: StatusThresholds::default(),
        include_comments: true,
    }
}
