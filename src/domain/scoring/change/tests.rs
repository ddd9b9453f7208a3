use proptest::prelude::*;

use super::*;
use crate::domain::scoring::figure::Figure;
use crate::domain::scoring::interval::one_group_variance;

fn basis(groups: &[&str], weights: &[f64]) -> Basis {
    Basis {
        template: "internal-csat".into(),
        version: 1,
        groups: groups.iter().map(|s| s.to_string()).collect(),
        weights: weights.to_vec(),
    }
}

fn point(x: f64, var: f64, b: Basis) -> MetricPoint {
    MetricPoint {
        value: Figure::shown((x, var)),
        basis: Some(b),
    }
}

fn cmp(metric: Metric, prev: MetricPoint, cur: MetricPoint) -> Comparison {
    let q3 = Quarter::new(2026, 3).unwrap();
    Comparison {
        metric,
        group: None,
        from: (q3.prev(), prev),
        to: (q3, cur),
    }
}

fn ceo(x: f64, var: f64) -> MetricPoint {
    point(x, var, basis(&["ceo"], &[]))
}

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-12, "{a} vs {b}");
}

fn one(c: Comparison) -> ChangeState {
    detect_changes(&[c]).remove(0).state
}

#[test]
fn a_large_and_significant_drop_is_changed() {
    // Q2: 60/80 of N 200, Q3: 40/80 of N 200.
    // Var₁ = (1 − 80/200)·0.75·0.25/79 = 0.6·0.1875/79 = 0.0014240506329113922
    // Var₂ = 0.6·0.25/79 = 0.0018987341772151898
    // Δ = −0.25; √(Var₁ + Var₂) = 0.05764360164082898; z = −4.3369947901195145
    // p = erfc(4.3369947901195145/√2) = 1.444440470052785e-5; one test, so adjusted p = p.
    // 95 % interval: −0.25 ± 1.959963984540054·0.05764360164082898
    //   = [−0.3629793831551988, −0.1370206168448012]
    let v1 = one_group_variance(0.75, 80, 200).unwrap();
    let v2 = one_group_variance(0.5, 80, 200).unwrap();
    close(v1, 0.0014240506329113922);
    match one(cmp(Metric::Alignment, ceo(0.75, v1), ceo(0.5, v2))) {
        ChangeState::Changed { direction, test } => {
            assert_eq!(direction, Direction::Down);
            close(test.change, -0.25);
            close(test.p, 1.444440470052785e-5);
            close(test.adjusted_p, test.p);
            close(test.low, -0.3629793831551988);
            close(test.high, -0.1370206168448012);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn two_censuses_ten_points_apart_changed_despite_floating_point() {
    // No variance: Δ = 0.7 − 0.6 ≠ 0 is exact, p = 0; the interval is the point.
    match one(cmp(Metric::Alignment, ceo(0.6, 0.0), ceo(0.7, 0.0))) {
        ChangeState::Changed { direction, test } => {
            assert_eq!(direction, Direction::Up);
            assert_eq!(test.p, 0.0);
            close(test.low, test.high);
        }
        other => panic!("{other:?}"),
    }
    // Equal censuses: p = 1, interval [0, 0] inside ±10 points.
    match one(cmp(Metric::Alignment, ceo(0.6, 0.0), ceo(0.6, 0.0))) {
        ChangeState::NoRealChange { test } => assert_eq!(test.p, 1.0),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_small_precise_change_is_no_real_change() {
    // Δ = 0.02, Var₁ + Var₂ = 0.0008, √ = 0.028284271247461905, z = 0.7071067811865476,
    // p = erfc(0.5) = 0.4795001221869535.
    // Interval 0.02 ± 1.959963984540054·0.0282842712 = [−0.03543615297398711, 0.07543615297398712],
    // inside ±0.10.
    match one(cmp(Metric::Alignment, ceo(0.70, 0.0004), ceo(0.72, 0.0004))) {
        ChangeState::NoRealChange { test } => {
            close(test.p, 0.4795001221869535);
            close(test.low, -0.03543615297398711);
            close(test.high, 0.07543615297398712);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_large_but_noisy_change_cant_tell() {
    // Δ = 0.2, Var₁ + Var₂ = 0.02 → z = 1.4142135623730951, p = erfc(1) = 0.15729920705028513;
    // interval [−0.07718076486993553, 0.47718076486993555] reaches past both ±0.10.
    match one(cmp(Metric::Alignment, ceo(0.5, 0.01), ceo(0.7, 0.01))) {
        ChangeState::CantTell { test } => {
            close(test.p, 0.15729920705028513);
            close(test.low, -0.07718076486993553);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_adjustment_over_all_tests_turns_a_lone_change_into_cant_tell() {
    // Test 1: Δ = 0.12, Var₁ + Var₂ = 0.003, √ = 0.05477225575051661, z = 2.1908902300206643,
    //   p₁ = 0.028459736916310593; interval [0.012648351376970568, 0.22735164862302942].
    // Test 2: the precise small change above, p₂ = 0.4795001221869535.
    // BH, m = 2: sorted p₁ < p₂; 2·p₁/1 = 0.056919473832621185, 2·p₂/2 = p₂;
    //   adjusted = (min(0.0569…, p₂), p₂) = (0.056919473832621185, 0.4795001221869535).
    // 0.0569 > 0.05: test 1 is no discovery; its interval crosses +0.10, so "can't tell".
    // Alone (m = 1) it would have been "changed".
    let big = || cmp(Metric::Alignment, ceo(0.5, 0.0015), ceo(0.62, 0.0015));
    let small = cmp(Metric::WeightedCsat, ceo(0.70, 0.0004), ceo(0.72, 0.0004));
    assert!(matches!(one(big()), ChangeState::Changed { .. }));
    let out = detect_changes(&[big(), small]);
    match &out[0].state {
        ChangeState::CantTell { test } => {
            close(test.p, 0.028459736916310593);
            close(test.adjusted_p, 0.056919473832621185);
            close(test.low, 0.012648351376970568);
            close(test.high, 0.22735164862302942);
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(out[1].state, ChangeState::NoRealChange { .. }));
    assert_eq!(out[1].metric, Metric::WeightedCsat);
}

#[test]
fn not_comparable_and_missing_figures_are_not_tests() {
    // Beside the lone "changed" test: a not-comparable pair and a missing figure. Neither
    // counts in m, so the test's adjusted p stays its own p.
    let big = cmp(Metric::Alignment, ceo(0.5, 0.0015), ceo(0.62, 0.0015));
    let other = cmp(
        Metric::WeightedCsat,
        point(0.5, 0.0, basis(&["sales", "bd"], &[0.7, 0.3])),
        point(0.9, 0.0, basis(&["sales", "bd"], &[0.6, 0.4])),
    );
    let missing = cmp(
        Metric::Enps,
        MetricPoint {
            value: Figure::not_enough(crate::domain::scoring::missing::Missing::NoAnswers),
            basis: None,
        },
        ceo(10.0, 4.0),
    );
    let out = detect_changes(&[big, other, missing]);
    match &out[0].state {
        ChangeState::Changed { test, .. } => close(test.adjusted_p, 0.028459736916310593),
        s => panic!("{s:?}"),
    }
    assert!(matches!(out[1].state, ChangeState::NotComparable { .. }));
    assert!(matches!(out[2].state, ChangeState::NotEnoughData { .. }));
}

#[test]
fn a_missing_figure_says_which_quarter_and_why_in_the_api_as_before() {
    let missing = |why| MetricPoint {
        value: why,
        basis: None,
    };
    let no_answers = Figure::not_enough(crate::domain::scoring::missing::Missing::NoAnswers);
    let state = one(cmp(Metric::Enps, missing(no_answers), ceo(10.0, 4.0)));
    assert_eq!(
        serde_json::to_value(&state).unwrap(),
        serde_json::json!({"state": "not_enough_data", "reason": "no figure for 2026Q2: no answers"})
    );
    let withheld = Figure::Suppressed {
        reason: crate::domain::scoring::figure::Suppression::FewerThanK { k: 5 },
    };
    let state = one(cmp(Metric::Enps, ceo(10.0, 4.0), missing(withheld)));
    assert_eq!(
        serde_json::to_value(&state).unwrap()["reason"],
        "no figure for 2026Q3: suppressed: fewer than 5 answers"
    );
    // Both shown, one resting on no round.
    let state = one(cmp(
        Metric::Enps,
        ceo(10.0, 4.0),
        missing(Figure::shown((12.0, 4.0))),
    ));
    assert_eq!(
        state,
        ChangeState::NotEnoughData {
            reason: NoFigure::Unanchored
        }
    );
    assert_eq!(
        serde_json::to_value(&state).unwrap()["reason"],
        "a figure has nothing it rests on"
    );
}

#[test]
fn changed_groups_or_version_are_not_comparable() {
    let s = one(cmp(
        Metric::WeightedCsat,
        point(0.5, 0.0, basis(&["sales", "bd"], &[0.7, 0.3])),
        point(0.9, 0.0, basis(&["sales"], &[1.0])),
    ));
    assert!(matches!(s, ChangeState::NotComparable { .. }));
    let mut b = basis(&["sales"], &[1.0]);
    b.version = 2;
    let s = one(cmp(
        Metric::GroupCsat,
        point(0.5, 0.0, basis(&["sales"], &[1.0])),
        point(0.9, 0.0, b),
    ));
    assert!(matches!(s, ChangeState::NotComparable { .. }));
}

#[test]
fn enps_uses_ten_points_not_a_tenth() {
    let eng = |x| point(x, 4.0, basis(&["engineering"], &[]));
    // Δ = 5, √8 = 2.828…: interval 5 ± 5.54 = [−0.54, 10.54] crosses +10: can't tell.
    assert!(matches!(
        one(cmp(Metric::Enps, eng(10.0), eng(15.0))),
        ChangeState::CantTell { .. }
    ));
    // Δ = 15, z = 5.303300858899106, p = 1.1372725656979743e-07: changed.
    match one(cmp(Metric::Enps, eng(10.0), eng(25.0))) {
        ChangeState::Changed { direction, test } => {
            assert_eq!(direction, Direction::Up);
            assert!((test.p - 1.1372725656979743e-07).abs() < 1e-18);
        }
        s => panic!("{s:?}"),
    }
}

fn arb_comparison() -> impl Strategy<Value = Comparison> {
    (
        prop_oneof![
            Just(Metric::Alignment),
            Just(Metric::Enps),
            Just(Metric::GroupCsat)
        ],
        0.0f64..1.0,
        0.0f64..1.0,
        prop_oneof![Just(0.0), 0.0f64..0.02],
        prop_oneof![Just(0.0), 0.0f64..0.02],
        any::<bool>(),
    )
        .prop_map(|(m, x1, x2, v1, v2, same)| {
            let scale = if m == Metric::Enps { 100.0 } else { 1.0 };
            let b2 = if same {
                basis(&["ceo"], &[])
            } else {
                basis(&["bd"], &[])
            };
            cmp(
                m,
                point(x1 * scale, v1 * scale * scale, basis(&["ceo"], &[])),
                point(x2 * scale, v2 * scale * scale, b2),
            )
        })
}

proptest! {
    #[test]
    fn states_follow_their_definitions(cs in prop::collection::vec(arb_comparison(), 1..20)) {
        for (c, out) in cs.iter().zip(detect_changes(&cs)) {
            let floor = c.metric.floor();
            match out.state {
                ChangeState::Changed { test, .. } => {
                    prop_assert!(test.adjusted_p <= FDR_Q);
                    prop_assert!(test.change.abs() >= floor - 1e-9);
                }
                ChangeState::NoRealChange { test } => {
                    prop_assert!(test.low > -floor && test.high < floor);
                }
                ChangeState::CantTell { test } => {
                    prop_assert!(test.adjusted_p >= test.p);
                }
                ChangeState::NotComparable { .. } => {
                    prop_assert_ne!(&c.from.1.basis, &c.to.1.basis);
                }
                ChangeState::NotEnoughData { .. } => prop_assert!(false),
            }
        }
    }

    #[test]
    fn states_do_not_depend_on_the_order_of_comparisons(
        cs in prop::collection::vec(arb_comparison(), 1..15),
    ) {
        let mut reversed = cs.clone();
        reversed.reverse();
        let mut a = detect_changes(&cs);
        a.reverse();
        prop_assert_eq!(a, detect_changes(&reversed));
    }
}

#[test]
fn the_api_says_each_incomparable_cause_in_the_english_it_always_has() {
    let groups = |g: &[&str]| g.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let cases = [
        (
            Incomparable::Template {
                from: ("internal-csat".into(), 1),
                to: ("internal-csat".into(), 2),
            },
            "the template changed from internal-csat v1 to internal-csat v2",
        ),
        (
            Incomparable::NewGroup("marketing".into()),
            "the earlier round had no reporting group marketing",
        ),
        (
            Incomparable::Groups {
                before: groups(&["sales", "bd"]),
                after: groups(&["sales"]),
            },
            "the reported groups differ (sales, bd then sales)",
        ),
        (Incomparable::Weights, "the group weights differ"),
    ];
    for (reason, english) in cases {
        let state = ChangeState::NotComparable { reason };
        assert_eq!(
            serde_json::to_value(&state).unwrap(),
            serde_json::json!({"state": "not_comparable", "reason": english})
        );
    }
}
