//! Scorecard-level stories: fixtures with hand-computed values, edge cases, and properties.

use proptest::prelude::*;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::SeedableRng;

use crate::domain::audience::Audience;
use crate::domain::question::{QuestionKind, Role};
use crate::domain::scoring::change::{ChangeState, Direction};
use crate::domain::scoring::csat::{weighted_share, LeftOutReason};
use crate::domain::scoring::culture::enps_score;
use crate::domain::scoring::figure::{Figure, Suppression};
use crate::domain::scoring::inputs::*;
use crate::domain::scoring::interval::one_group_share;
use crate::domain::scoring::missing::Missing;
use crate::domain::scoring::scorecard::{build_scorecard, Scorecard};
use crate::domain::scoring::status::Rating;
use crate::domain::scoring::testkit::*;
use crate::domain::scoring::trend::Metric;
use crate::domain::scoring::ScoringError;

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-9, "{a} vs {b}");
}

fn score(input: &ScorecardInput) -> Scorecard {
    build_scorecard(input, &mut StdRng::seed_from_u64(42)).unwrap()
}

fn json(card: &Scorecard) -> String {
    serde_json::to_string(card).unwrap()
}

/// sales: w 35, N 20, 10 answers (2×2, 4×4, 4×5 → 8 favorable);
/// marketing: w 20, N 12, 6 answers (3×2, 3×4 → 3 favorable).
fn two_group_csat_round() -> RoundInput {
    let mut r = round(q3(), Audience::InternalCsat, "internal-csat");
    r.items = vec![item(
        "overall",
        QuestionKind::Likert5,
        Some(Role::CsatOverall),
    )];
    r.groups = vec![
        group("sales", 35.0, 20, 10),
        group("marketing", 20.0, 12, 6),
    ];
    r.value_counts = likert_rows("sales", "overall", [0, 2, 0, 4, 4], 0);
    r.value_counts
        .extend(likert_rows("marketing", "overall", [0, 3, 0, 3, 0], 0));
    r
}

#[test]
fn measure_c_fixture_end_to_end() {
    let card = score(&input(vec![two_group_csat_round()]));
    let c = card.measure_c.weighted_csat.value().unwrap();
    // Same arithmetic as csat::tests::weighted_csat_of_two_groups_fixture:
    // C = (35·0.8 + 20·0.5)/55 = 0.6909090909090909; interval [0.5147641851231907,
    // 0.8248663125896343] on n_eff = 30.925531914893618.
    close(c.estimate, 0.6909090909090909);
    close(c.low, 0.5147641851231907);
    close(c.high, 0.8248663125896343);
    assert_eq!(card.measure_c.groups_used.len(), 2);
    // 35/55 = 0.6363636363636364
    close(
        card.measure_c.groups_used[0].weight_share,
        0.6363636363636364,
    );
    assert_eq!(card.measure_c.status.rating, Rating::Amber);
    assert_eq!(
        card.measure_c.status.reason,
        "Amber: weighted CSAT is 69.1% (below 75%)"
    );
    // Response rate of sales: 10/20 = 0.5.
    let sales = &card.rounds[0].groups[0];
    assert_eq!(sales.key, "sales");
    assert_eq!(sales.response_rate, Figure::shown(0.5));
}

#[test]
fn measure_b_fixture_end_to_end() {
    let mut r = culture_round(&[]);
    r.groups = vec![group("engineering", 0.0, 25, 14)];
    let row = |p, pc, h, hc, n| CultureTallyRow {
        group: "engineering".into(),
        productivity_sum: p,
        productivity_items: pc,
        happiness_sum: h,
        happiness_items: hc,
        respondents: n,
    };
    r.culture_tallies = vec![
        row(8, 2, 9, 2, 6), // productive & happy
        row(8, 2, 6, 2, 3), // burnout risk: happiness 3 < 4
        row(7, 2, 8, 2, 2), // friction: productivity 3.5 < 4
        row(5, 2, 5, 2, 1), // neither
        row(0, 0, 8, 2, 2), // no productivity answer: left out of the index
    ];
    // eNPS: 6 nines, 3 eights, 3 fives (12 answers).
    let mut dist = [0; 11];
    dist[9] = 6;
    dist[8] = 3;
    dist[5] = 3;
    r.value_counts = nps_rows("engineering", "enps", dist);
    let card = score(&input(vec![r]));
    let b = &card.measure_b;
    // n = 6 + 3 + 2 + 1 = 12; x = 6; p = 0.5; N = 25 → n_eff = 25·11/13 = 21.153846153846153
    // centre = 10.576923076923077 + 1.9207294103470627 = 12.49765248727014
    // √(21.153846153846153·0.25 + 0.9603647051735313) = √6.24882624363507 = 2.499765237704347
    // half = 4.8994498357057275; denom = 24.99530497454028
    // low = 7.598202651564412/24.99530497454028 = 0.30398519479173347
    // high = 17.39710232297587/24.99530497454028 = 0.6960148052082665
    let ph = b.productive_and_happy.value().unwrap();
    assert_eq!(ph.n, 12);
    close(ph.estimate, 0.5);
    close(ph.low, 0.30398519479173347);
    close(ph.high, 0.6960148052082665);
    let q = b.quadrants.value().unwrap();
    assert_eq!(
        (
            q.productive_and_happy,
            q.burnout_risk,
            q.friction,
            q.neither
        ),
        (6, 3, 2, 1)
    );
    // eNPS: p⁺ = 6/12, p⁻ = 3/12 → 25; Var = 1e4·(0.75 − 0.0625)/12 = 572.9166666666666;
    // SE = 23.935677693908453; interval = 25 ∓ z·SE = [−21.913066225619303, 71.9130662256193]
    let e = b.enps.value().unwrap();
    close(e.score, 25.0);
    close(e.low, -21.913066225619303);
    close(e.high, 71.9130662256193);
    // 50 % < 60 % → amber; the lagging indicators have no data and breach nothing.
    assert_eq!(b.status.rating, Rating::Amber);
}

#[test]
fn suppressed_group_never_drawn_as_zero() {
    let mut r = csat_round(&[("sales", 30), ("marketing", 12)]);
    r.groups.push(group("bd", 15.0, 8, 4));
    r.value_counts
        .extend(likert_rows("bd", "overall", [4, 0, 0, 0, 0], 0));
    let card = score(&input(vec![r]));
    let bd = card.rounds[0]
        .groups
        .iter()
        .find(|g| g.key == "bd")
        .unwrap();
    let csat = bd.csat.as_ref().unwrap();
    assert_eq!(
        csat,
        &Figure::Suppressed {
            reason: Suppression::FewerThanK { k: 5 }
        }
    );
    let text = serde_json::to_string(csat).unwrap();
    assert!(
        !text.contains("estimate") && !text.contains("\"n\""),
        "{text}"
    );
}

#[test]
fn one_withheld_group_drags_the_lightest_shown_group_out_of_c() {
    // sales 30 (w 35), bd 4 (< k, w 15), marketing 9 (w 20): marketing weighs least of the
    // shown groups and is withheld too, otherwise overall − sales − marketing = bd.
    let card = score(&input(vec![csat_round(&[
        ("sales", 30),
        ("bd", 4),
        ("marketing", 9),
    ])]));
    let c = &card.measure_c;
    assert_eq!(c.groups_used.len(), 1);
    assert_eq!(c.groups_used[0].group, "sales");
    let reasons: Vec<(&str, LeftOutReason)> = c
        .groups_left_out
        .iter()
        .map(|l| (l.group.as_str(), l.reason))
        .collect();
    assert_eq!(
        reasons,
        vec![
            (
                "bd",
                LeftOutReason::Suppressed {
                    rule: Suppression::FewerThanK { k: 5 }
                }
            ),
            (
                "marketing",
                LeftOutReason::Suppressed {
                    rule: Suppression::ProtectsAnotherGroup
                }
            ),
        ]
    );
    // The overall item figure still covers everybody (43 answers).
    assert_eq!(card.rounds[0].items[0].overall.value().unwrap().n, 43);
}

#[test]
fn one_reported_group_gives_its_own_csat_and_interval() {
    let card = score(&input(vec![csat_round(&[("sales", 10)])]));
    let c = card.measure_c.weighted_csat.value().unwrap();
    // 7 of 10 favorable, N = 20 — the group's own share and interval.
    let g = one_group_share(7, 10, 20);
    close(c.estimate, g.estimate);
    close(c.low, g.low);
    close(c.high, g.high);
}

#[test]
fn every_group_suppressed_is_not_enough_data() {
    let card = score(&input(vec![csat_round(&[("sales", 4), ("bd", 3)])]));
    assert_eq!(
        card.measure_c.weighted_csat,
        Figure::not_enough(Missing::NoGroupToWeigh)
    );
    assert_eq!(card.measure_c.status.rating, Rating::NotRated);
    // 7 answers in total ≥ k: the overall item figure may be shown, since no group is.
    assert_eq!(card.rounds[0].items[0].overall.value().unwrap().n, 7);
}

#[test]
fn zero_weights_are_not_enough_data_not_a_division_by_zero() {
    let mut r = csat_round(&[("sales", 10), ("marketing", 10)]);
    for g in &mut r.groups {
        g.weight = 0.0;
    }
    let card = score(&input(vec![r]));
    assert_eq!(
        card.measure_c.weighted_csat,
        Figure::not_enough(Missing::ZeroWeights)
    );
    assert!(card
        .measure_c
        .groups_left_out
        .iter()
        .all(|l| l.reason == LeftOutReason::ZeroWeight));
}

#[test]
fn all_na_answers_leave_the_group_out_for_lack_of_answers() {
    let mut r = csat_round(&[("sales", 10)]);
    r.groups.push(group("marketing", 20.0, 10, 8));
    r.value_counts
        .extend(likert_rows("marketing", "overall", [0; 5], 8));
    let card = score(&input(vec![r]));
    let left = &card.measure_c.groups_left_out[0];
    assert_eq!(left.group, "marketing");
    assert_eq!(left.reason, LeftOutReason::NoOverallAnswers);
}

#[test]
fn n_equal_to_k_is_shown() {
    let card = score(&input(vec![csat_round(&[("sales", 5)])]));
    assert!(card.measure_c.weighted_csat.value().is_some());
}

#[test]
fn a_census_has_a_point_interval() {
    let mut r = csat_round(&[("sales", 10)]);
    r.groups[0].delivered = 10;
    let card = score(&input(vec![r]));
    let c = card.measure_c.weighted_csat.value().unwrap();
    assert!(c.census);
    close(c.low, 0.7);
    close(c.high, 0.7);
}

#[test]
fn all_favorable_is_green_and_none_favorable_is_red() {
    let mut r = two_group_csat_round();
    r.value_counts = likert_rows("sales", "overall", [0, 0, 0, 0, 10], 0);
    r.value_counts
        .extend(likert_rows("marketing", "overall", [0, 0, 0, 6, 0], 0));
    let card = score(&input(vec![r.clone()]));
    let c = card.measure_c.weighted_csat.value().unwrap();
    close(c.estimate, 1.0);
    close(c.high, 1.0);
    assert!(c.low < 1.0);
    assert_eq!(card.measure_c.status.rating, Rating::Green);

    r.value_counts = likert_rows("sales", "overall", [10, 0, 0, 0, 0], 0);
    r.value_counts
        .extend(likert_rows("marketing", "overall", [0, 6, 0, 0, 0], 0));
    let card = score(&input(vec![r]));
    let c = card.measure_c.weighted_csat.value().unwrap();
    close(c.estimate, 0.0);
    close(c.low, 0.0);
    assert_eq!(card.measure_c.status.rating, Rating::Red);
}

#[test]
fn enps_all_promoters_is_a_hundred() {
    let card = score(&input(vec![culture_round(&[("engineering", 12)])]));
    let e = card.measure_b.enps.value().unwrap();
    close(e.score, 100.0);
    close(e.low, 100.0);
    close(e.high, 100.0);
}

#[test]
fn a_template_without_happiness_cannot_rate_b() {
    let mut r = culture_round(&[("engineering", 12)]);
    r.items.retain(|i| i.role != Some(Role::Happiness));
    let card = score(&input(vec![r]));
    match &card.measure_b.productive_and_happy {
        Figure::NotEnoughData { reason } => {
            assert!(reason.to_string().contains("happiness"), "{reason}")
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(card.measure_b.status.rating, Rating::NotRated);
}

#[test]
fn no_rounds_at_all_is_not_enough_data_everywhere() {
    let card = score(&input(vec![]));
    assert!(card.rounds.is_empty());
    assert_eq!(card.measure_a.status.rating, Rating::NotRated);
    assert_eq!(card.measure_b.status.rating, Rating::NotRated);
    assert_eq!(card.measure_c.status.rating, Rating::NotRated);
    assert_eq!(card.trends.len(), 4);
    assert!(card.trends.iter().all(|t| t.points.len() == 8));
    assert!(!json(&card).contains("NaN"));
}

#[test]
fn an_open_round_leaves_no_trace() {
    let mut open = csat_round(&[("sales", 30), ("marketing", 12)]);
    open.status = RoundStatus::Open;
    let with = score(&input(vec![open, culture_round(&[("engineering", 9)])]));
    let without = score(&input(vec![culture_round(&[("engineering", 9)])]));
    assert_eq!(json(&with), json(&without));
}

#[test]
fn missed_inflection_point_turns_a_red() {
    let mut i = input(vec![alignment_round(&[(15, 3); 6])]);
    i.inflection_points = vec![InflectionInput {
        title: "LLM platforms".into(),
        assessment: Assessment::Missed,
        confirmation: Confirmation::Confirmed,
        notes: String::new(),
    }];
    let card = score(&i);
    assert!(card.measure_a.alignment.value().unwrap().estimate > 0.99);
    assert_eq!(card.measure_a.status.rating, Rating::Red);
    assert_eq!(
        card.measure_a.status.reason,
        "Red: the inflection point 'LLM platforms' was assessed as missed"
    );
}

#[test]
fn comments_below_the_threshold_are_withheld_and_the_rest_shuffled() {
    let mut r = csat_round(&[("sales", 12), ("marketing", 9)]);
    for (g, t) in [
        ("sales", "a"),
        ("sales", "b"),
        ("sales", "c"),
        ("marketing", "m"),
    ] {
        r.comments.push(CommentRow {
            group: g.into(),
            item: "comment".into(),
            text: t.into(),
        });
    }
    let card = score(&input(vec![r.clone()]));
    let blocks = &card.rounds[0].comments;
    assert_eq!(blocks.len(), 2);
    let mut shown = blocks[0].comments.value().unwrap().clone();
    shown.sort();
    assert_eq!(shown, ["a", "b", "c"]);
    assert_eq!(
        blocks[1].comments,
        Figure::Suppressed {
            reason: Suppression::BelowCommentThreshold { threshold: 10 }
        }
    );
    // A shown list says its size (3 comments); a withheld one says nothing, not even 1.
    assert_eq!(blocks[0].total, Some(3));
    assert_eq!(blocks[1].total, None);
    // Without comments requested there are none at all.
    let mut i = input(vec![r]);
    i.include_comments = false;
    assert!(score(&i).rounds[0].comments.is_empty());
}

fn comment(group: &str, text: &str) -> CommentRow {
    CommentRow {
        group: group.into(),
        item: "comment".into(),
        text: text.into(),
    }
}

fn count(group: &str, item: &str, count: u32) -> CommentCount {
    CommentCount {
        group: group.into(),
        item: item.into(),
        count,
    }
}

#[test]
fn a_sampled_list_says_its_full_size_and_a_withheld_one_still_says_nothing() {
    let mut r = csat_round(&[("sales", 12), ("marketing", 9)]);
    // Sales wrote 40 comments, of which 2 were read; marketing's 7 are below the threshold.
    r.comments = vec![comment("sales", "a"), comment("sales", "b")];
    r.comment_counts = vec![
        count("sales", "comment", 40),
        count("marketing", "comment", 7),
    ];
    let card = score(&input(vec![r]));
    let blocks = &card.rounds[0].comments;
    assert_eq!(blocks[0].comments.value().map(Vec::len), Some(2));
    assert_eq!(blocks[0].total, Some(40));
    assert!(blocks[1].comments.value().is_none());
    assert_eq!(blocks[1].total, None);
}

#[test]
fn a_comment_count_must_name_a_text_question_and_cover_its_sample() {
    let base = || {
        let mut r = csat_round(&[("sales", 12)]);
        r.comments = vec![comment("sales", "a"), comment("sales", "b")];
        r
    };
    // 1 counted but 2 read: the stored data disagrees with itself.
    let mut r = base();
    r.comment_counts = vec![count("sales", "comment", 1)];
    assert!(matches!(
        build_scorecard(&input(vec![r]), &mut StdRng::seed_from_u64(1)),
        Err(ScoringError::CommentCountTooSmall { .. })
    ));
    let mut r = base();
    r.comment_counts = vec![count("sales", "overall", 5)];
    assert!(matches!(
        build_scorecard(&input(vec![r]), &mut StdRng::seed_from_u64(1)),
        Err(ScoringError::NotATextQuestion { .. })
    ));
    let mut r = base();
    r.comment_counts = vec![count("nobody", "comment", 5)];
    assert!(build_scorecard(&input(vec![r]), &mut StdRng::seed_from_u64(1)).is_err());
}

/// The same internal-CSAT round in 2026Q2 and 2026Q3 with different sales answers.
fn two_quarters(q2_sales_fav: u32, q3_sales_fav: u32) -> ScorecardInput {
    let make = |quarter, fav: u32| {
        let mut r = csat_round(&[]);
        r.quarter = quarter;
        r.groups = vec![group("sales", 35.0, 400, 200)];
        r.value_counts = likert_rows("sales", "overall", [0, 200 - fav, 0, fav, 0], 0);
        r
    };
    input(vec![
        make(q3().prev(), q2_sales_fav),
        make(q3(), q3_sales_fav),
    ])
}

#[test]
fn a_thirty_point_csat_drop_is_changed_down() {
    let card = score(&two_quarters(160, 100));
    let c = card
        .changes
        .iter()
        .find(|s| s.metric == Metric::WeightedCsat)
        .unwrap();
    // Δ = 0.5 − 0.8 = −0.3; Var₁ = 0.5·0.16/199, Var₂ = 0.5·0.25/199 → z = 0.3/0.0442719 ≈ 6.78.
    match &c.state {
        ChangeState::Changed { direction, test } => {
            assert_eq!(*direction, Direction::Down);
            close(test.change, -0.3);
        }
        other => panic!("{other:?}"),
    }
    let trend = card
        .trends
        .iter()
        .find(|t| t.metric == Metric::WeightedCsat)
        .unwrap();
    assert_eq!(trend.points.len(), 8);
    assert_eq!(trend.points[6].value, Figure::shown(0.8));
    assert!(matches!(
        trend.points[0].value,
        Figure::NotEnoughData { .. }
    ));
}

#[test]
fn changed_weights_make_quarters_not_comparable() {
    let mut i = two_quarters(160, 100);
    i.rounds[1].groups.push(group("marketing", 20.0, 20, 10));
    i.rounds[1]
        .value_counts
        .extend(likert_rows("marketing", "overall", [0, 0, 0, 10, 0], 0));
    let card = score(&i);
    let c = card
        .changes
        .iter()
        .find(|s| s.metric == Metric::WeightedCsat)
        .unwrap();
    assert!(matches!(c.state, ChangeState::NotComparable { .. }));
}

#[test]
fn a_tally_naming_an_unknown_group_is_refused() {
    let mut r = csat_round(&[("sales", 10)]);
    r.value_counts[0].group = "legal".into();
    assert!(build_scorecard(&input(vec![r]), &mut StdRng::seed_from_u64(1)).is_err());
}

mod changes;
mod coverage;
mod properties;
