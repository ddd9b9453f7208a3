//! Change states on a whole scorecard: every group's CSAT is compared beside the headline
//! figures, and all of them share one false-discovery-rate adjustment.

use super::*;

/// An internal-CSAT round of `quarter` with (group, weight, favourable of 200 answers, N 400).
fn csat(quarter: crate::domain::quarter::Quarter, groups: &[(&str, f64, u32)]) -> RoundInput {
    let mut r = csat_round(&[]);
    r.quarter = quarter;
    for &(key, w, fav) in groups {
        r.groups.push(group(key, w, 400, 200));
        r.value_counts
            .extend(likert_rows(key, "overall", [0, 200 - fav, 0, fav, 0], 0));
    }
    r
}

fn change_of<'c>(card: &'c Scorecard, metric: Metric, group: Option<&str>) -> &'c ChangeState {
    &card
        .changes
        .iter()
        .find(|c| c.metric == metric && c.group.as_deref() == group)
        .unwrap()
        .state
}

#[test]
fn each_groups_csat_is_compared_and_adjusted_with_the_rest() {
    // Sales 0.8 → 0.5 (200 of N 400 each quarter), BD 0.7 → 0.7.
    // BD: Var = (1 − 200/400)·0.7·0.3/199 = 0.000527638190954774 each quarter;
    //   Δ = 0, interval ±1.959963984540054·√0.0010552763819095478 = ±0.06366946493851361, inside ±0.10;
    //   p = 1. Three tests (C, sales, BD; A and B have no round, so they are no tests):
    //   BD has the largest p, so its adjusted p is 3·1/3 = 1.
    let q3 = q3();
    let card = score(&input(vec![
        csat(q3.prev(), &[("sales", 35.0, 160), ("bd", 15.0, 140)]),
        csat(q3, &[("sales", 35.0, 100), ("bd", 15.0, 140)]),
    ]));
    let tests = card
        .changes
        .iter()
        .filter(|c| c.state.test().is_some())
        .count();
    assert_eq!(tests, 3);
    assert!(matches!(
        change_of(&card, Metric::GroupCsat, Some("sales")),
        ChangeState::Changed {
            direction: Direction::Down,
            ..
        }
    ));
    match change_of(&card, Metric::GroupCsat, Some("bd")) {
        ChangeState::NoRealChange { test } => {
            close(test.change, 0.0);
            close(test.high, 0.06366946493851361);
            close(test.p, 1.0);
            close(test.adjusted_p, 1.0);
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        change_of(&card, Metric::Alignment, None),
        ChangeState::NotEnoughData { .. }
    ));
}

#[test]
fn a_group_the_earlier_round_did_not_have_is_not_comparable() {
    let q3 = q3();
    let card = score(&input(vec![
        csat(q3.prev(), &[("sales", 35.0, 160)]),
        csat(q3, &[("sales", 35.0, 150), ("marketing", 20.0, 150)]),
    ]));
    match change_of(&card, Metric::GroupCsat, Some("marketing")) {
        ChangeState::NotComparable { reason } => {
            assert_eq!(
                reason.to_string(),
                "the earlier round had no reporting group marketing"
            )
        }
        other => panic!("{other:?}"),
    }
    // C rests on other groups now; sales itself is still comparable.
    assert!(matches!(
        change_of(&card, Metric::WeightedCsat, None),
        ChangeState::NotComparable { .. }
    ));
    assert!(change_of(&card, Metric::GroupCsat, Some("sales"))
        .test()
        .is_some());
}

#[test]
fn a_new_template_version_makes_every_group_not_comparable() {
    let q3 = q3();
    let mut later = csat(q3, &[("sales", 35.0, 100)]);
    later.template.version = 2;
    let card = score(&input(vec![
        csat(q3.prev(), &[("sales", 35.0, 160)]),
        later,
    ]));
    assert!(matches!(
        change_of(&card, Metric::GroupCsat, Some("sales")),
        ChangeState::NotComparable { .. }
    ));
}

#[test]
fn a_withheld_group_the_quarter_before_is_not_enough_data_and_no_test() {
    let q3 = q3();
    let mut earlier = csat(q3.prev(), &[("sales", 35.0, 160)]);
    earlier.groups.push(group("bd", 15.0, 10, 3));
    earlier
        .value_counts
        .extend(likert_rows("bd", "overall", [0, 0, 0, 3, 0], 0));
    // Sales (n 200) is withheld too, to protect BD: nothing of the earlier quarter is shown.
    let card = score(&input(vec![
        earlier,
        csat(q3, &[("sales", 35.0, 100), ("bd", 15.0, 140)]),
    ]));
    assert!(matches!(
        change_of(&card, Metric::GroupCsat, Some("bd")),
        ChangeState::NotEnoughData { .. }
    ));
    assert!(card.changes.iter().all(|c| c.state.test().is_none()));
}
