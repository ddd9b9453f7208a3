//! Key drivers: invariants (proptests) and the rules on which analyses run.

use proptest::prelude::*;

use super::bootstrap::{decompose_with_intervals, Sample};
use super::report::{driver_reports, top_drivers, Priority};
use super::shapley::{decompose, Sums};
use super::*;
use crate::domain::department::Department;
use crate::domain::scoring::figure::{Figure, Suppression};
use crate::domain::scoring::inputs::{ItemInput, ValueCountRow};
use crate::domain::scoring::testkit::{group, item, q3, round};

/// Rows of p predictors and an outcome, values 1–5.
fn rows(p: usize) -> impl Strategy<Value = Vec<Vec<u8>>> {
    prop::collection::vec(prop::collection::vec(1u8..=5, p + 1), 8..40)
}

fn sums(p: usize, rows: &[Vec<u8>]) -> Sums {
    Sums::of_rows(p, rows.iter().map(Vec::as_slice))
}

proptest! {
    #[test]
    fn shapley_values_are_non_negative_and_sum_to_r_squared(
        (p, data) in (1usize..=6).prop_flat_map(|p| (Just(p), rows(p)))
    ) {
        if let Some((r2, phi)) = decompose(&sums(p, &data)) {
            prop_assert!((0.0..=1.0).contains(&r2));
            prop_assert!(phi.iter().all(|&v| v >= 0.0));
            let total: f64 = phi.iter().sum();
            prop_assert!((total - r2).abs() < 1e-9, "Σφ = {total}, R² = {r2}");
        }
    }

    #[test]
    fn shapley_values_follow_their_items_when_items_are_reordered(
        (p, data, seed) in (2usize..=6).prop_flat_map(|p| (Just(p), rows(p), any::<u64>()))
    ) {
        // A rotation of the predictor columns by `seed`, the outcome staying last.
        let shift = (seed as usize) % p;
        let moved: Vec<Vec<u8>> = data
            .iter()
            .map(|r| {
                let mut m: Vec<u8> = (0..p).map(|j| r[(j + shift) % p]).collect();
                m.push(r[p]);
                m
            })
            .collect();
        let a = decompose(&sums(p, &data));
        let b = decompose(&sums(p, &moved));
        prop_assert_eq!(a.is_some(), b.is_some());
        if let (Some((r2a, pa)), Some((r2b, pb))) = (a, b) {
            prop_assert!((r2a - r2b).abs() < 1e-9);
            for j in 0..p {
                prop_assert!((pb[j] - pa[(j + shift) % p]).abs() < 1e-9);
            }
        }
    }

    #[test]
    fn respondent_order_changes_no_byte_and_a_rerun_gives_the_same_bytes(
        (p, data) in (1usize..=4).prop_flat_map(|p| (Just(p), rows(p)))
    ) {
        let mut reversed = data.clone();
        reversed.reverse();
        let a = decompose_with_intervals(&Sample::new(p, data.clone()), 50, [3; 32]);
        let b = decompose_with_intervals(&Sample::new(p, reversed), 50, [3; 32]);
        let c = decompose_with_intervals(&Sample::new(p, data), 50, [3; 32]);
        // Exact equality, bit for bit: the stored bytes of a reseal are the same.
        prop_assert_eq!(format!("{a:?}"), format!("{b:?}"));
        prop_assert_eq!(format!("{a:?}"), format!("{c:?}"));
        if let Some(d) = a {
            prop_assert!(d.r_squared.low <= d.r_squared.high);
            for e in &d.importance {
                prop_assert!(e.low <= e.high && e.low >= 0.0);
            }
        }
    }
}

/// A CSAT round: the overall item, two sales items and one BD item; sales (w 35), BD (w 15)
/// and the CEO's office (w 10, 6 answers, no items of its own here), k = 5.
fn csat_round(sales: u32, bd: u32) -> RoundInput {
    let mut r = round(q3(), Audience::InternalCsat, "internal-csat");
    let section = |key: &str, d: Department| ItemInput {
        section: Some(d),
        ..item(key, QuestionKind::Likert5, None)
    };
    r.items = vec![
        item("overall", QuestionKind::Likert5, Some(Role::CsatOverall)),
        section("sales_meetings", Department::Sales),
        section("sales_roadmap", Department::Sales),
        section("bd_diligence", Department::Bd),
    ];
    r.groups = vec![
        group("sales", 35.0, 60, sales),
        group("bd", 15.0, 40, bd),
        group("ceo", 10.0, 8, 6),
    ];
    for (g, n) in [("sales", sales), ("bd", bd), ("ceo", 6)] {
        for key in ["overall", "sales_meetings", "sales_roadmap", "bd_diligence"] {
            if key != "overall" && !key.starts_with(g) {
                continue;
            }
            // Counts consistent with `responses` below: values cycle 1..=5.
            let mut counts = [0u32; 5];
            for i in 0..n {
                counts[(value(g, key, i) - 1) as usize] += 1;
            }
            for (v, &c) in counts.iter().enumerate() {
                if c > 0 {
                    r.value_counts.push(ValueCountRow {
                        group: g.into(),
                        item: key.into(),
                        value: Some(v as i32 + 1),
                        count: c,
                    });
                }
            }
        }
    }
    r
}

/// Respondent i's answer: the meetings item drives overall, roadmap is noise.
fn value(group: &str, key: &str, i: u32) -> u8 {
    let meetings = 1 + (i % 5) as u8;
    match key {
        "sales_meetings" | "bd_diligence" => meetings,
        "sales_roadmap" => 1 + ((i * 3 + 1) % 5) as u8,
        "overall" if group == "sales" => {
            if i.is_multiple_of(6) {
                meetings.max(2) - 1
            } else {
                meetings
            }
        }
        _ => meetings,
    }
}

fn responses(sales: u32, bd: u32) -> Vec<ResponseAnswers> {
    let mut out = Vec::new();
    for (g, n, keys) in [
        (
            "sales",
            sales,
            &["overall", "sales_meetings", "sales_roadmap"][..],
        ),
        ("bd", bd, &["overall", "bd_diligence"][..]),
        ("ceo", 6, &["overall"][..]),
    ] {
        for i in 0..n {
            out.push(ResponseAnswers {
                group: g.into(),
                answers: keys
                    .iter()
                    .map(|k| (k.to_string(), value(g, k, i)))
                    .collect(),
            });
        }
    }
    out
}

#[test]
fn each_csat_group_regresses_overall_on_its_own_department_items() {
    let plans = plans(&csat_round(30, 30));
    assert_eq!(plans.len(), 2);
    assert_eq!(plans[0].analysis, "sales");
    assert_eq!(plans[0].outcome, "overall");
    assert_eq!(plans[0].predictors, vec!["sales_meetings", "sales_roadmap"]);
    assert_eq!(plans[1].predictors, vec!["bd_diligence"]);
}

#[test]
fn culture_regresses_enps_on_the_likert_items_only() {
    let mut r = round(q3(), Audience::EngineeringCulture, "engineering-culture");
    r.items = vec![
        item("p1", QuestionKind::Likert5, Some(Role::Productivity)),
        item("h1", QuestionKind::Likert5, Some(Role::Happiness)),
        item("enps", QuestionKind::Nps11, Some(Role::Enps)),
        item("why", QuestionKind::Text, None),
    ];
    let plans = plans(&r);
    assert_eq!(plans.len(), 1);
    assert_eq!(plans[0].analysis, WHOLE_ROUND);
    assert_eq!(plans[0].outcome, "enps");
    assert_eq!(plans[0].predictors, vec!["p1", "h1"]);
}

#[test]
fn a_withheld_group_gets_no_analysis_and_a_small_one_no_fit() {
    // BD has 4 answers < k = 5: withheld, so not even a row; the CEO's office (6) is withheld
    // with it so BD's 4 cannot be recovered from the total. Sales has 30 ≥ 20: fitted.
    let rows = analyse_round(&csat_round(30, 4), &responses(30, 4), 20, &[1; 16]).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].analysis, "sales");
    let fit = rows[0].fit.as_ref().unwrap();
    assert_eq!(fit.n, 30);
    assert!(fit.items[0].importance.estimate > fit.items[1].importance.estimate);
    // Sales with 12 answers: shown (≥ k) but below min n 20, so stored without a fit.
    let rows = analyse_round(&csat_round(12, 30), &responses(12, 30), 20, &[1; 16]).unwrap();
    let sales = rows.iter().find(|r| r.analysis == "sales").unwrap();
    assert!(sales.fit.is_none());
    assert_eq!(sales.min_respondents, 20);
}

#[test]
fn k_raises_the_minimum() {
    let mut r = csat_round(30, 30);
    r.k = 40;
    // Both groups now have fewer than k answers: withheld, so nothing is analysed.
    assert!(analyse_round(&r, &responses(30, 30), 20, &[1; 16])
        .unwrap()
        .is_empty());
    let mut r = csat_round(30, 30);
    r.k = 25;
    let rows = analyse_round(&r, &responses(30, 30), 20, &[1; 16]).unwrap();
    assert!(rows.iter().all(|row| row.min_respondents == 25));
}

#[test]
fn a_respondent_with_n_a_on_any_item_is_left_out() {
    let mut resp = responses(30, 0);
    resp[0].answers.retain(|(k, _)| k != "sales_roadmap");
    let plan = &plans(&csat_round(30, 0))[0];
    assert_eq!(sample(plan, &resp).n(), 29);
}

#[test]
fn seeds_differ_by_round_and_group() {
    assert_ne!(seed(&[1; 16], "sales"), seed(&[1; 16], "bd"));
    assert_ne!(seed(&[1; 16], "sales"), seed(&[2; 16], "sales"));
    assert_eq!(seed(&[1; 16], "sales"), seed(&[1; 16], "sales"));
}

#[test]
fn the_scorecard_withholds_drivers_of_a_withheld_outcome_and_ranks_the_rest() {
    let mut input = csat_round(30, 30);
    input.drivers = analyse_round(&input, &responses(30, 30), 20, &[1; 16]).unwrap();
    let prepared = crate::domain::scoring::round::prepare(&input).unwrap();
    let items = crate::domain::scoring::items::item_reports(&prepared);
    let withheld = Suppression::FewerThanK { k: 5 };
    let reports = driver_reports(&prepared, &items, |a| {
        Some(if a == "bd" {
            Figure::Suppressed { reason: withheld }
        } else {
            Figure::shown(())
        })
    });
    assert_eq!(reports.len(), 2);
    let bd = reports.iter().find(|r| r.analysis == "bd").unwrap();
    assert_eq!(bd.figure, Figure::Suppressed { reason: withheld });
    let sales = reports.iter().find(|r| r.analysis == "sales").unwrap();
    let result = sales.figure.value().unwrap();
    // Most important first: meetings drive overall.
    assert_eq!(result.items[0].item, "sales_meetings");
    let shares: f64 = result.items.iter().map(|i| i.share_of_r2).sum();
    assert!((shares - 1.0).abs() < 1e-9);
    // Favourable shares: meetings 4s and 5s = 12/30 = 0.4; roadmap values (3i+1)%5+1 give
    // 4 or 5 for 12 of 30 too. Equal performance, so meetings (important) keeps up, and
    // roadmap (less important) is possible overkill: neither is below the mean.
    assert_eq!(result.items[0].favorable, Some(0.4));
    assert_eq!(result.items[0].priority, Some(Priority::KeepUp));
    let top = top_drivers(&reports, 3);
    assert_eq!(top.len(), 2);
    assert_eq!(top[0].analysis, "sales");
}

#[test]
fn importance_and_performance_place_items_on_the_grid() {
    use super::report::driver_reports;
    // Two stored items: A important (0.3 of R² 0.4) with 30 % favourable, B 0.1 with 70 %.
    // Cross-hairs: importance R²/p = 0.2, performance (0.3 + 0.7)/2 = 0.5 → A fix first,
    // B possible overkill.
    let mut r = round(q3(), Audience::InternalCsat, "internal-csat");
    let section = |key: &str| ItemInput {
        section: Some(Department::Sales),
        ..item(key, QuestionKind::Likert5, None)
    };
    r.items = vec![
        item("overall", QuestionKind::Likert5, Some(Role::CsatOverall)),
        section("a"),
        section("b"),
    ];
    r.groups = vec![group("sales", 35.0, 10, 10)];
    let rows = |key: &str, fav: u32| {
        vec![
            ValueCountRow {
                group: "sales".into(),
                item: key.into(),
                value: Some(2),
                count: 10 - fav,
            },
            ValueCountRow {
                group: "sales".into(),
                item: key.into(),
                value: Some(5),
                count: fav,
            },
        ]
    };
    r.value_counts = [rows("overall", 5), rows("a", 3), rows("b", 7)].concat();
    let est = |v: f64| Estimate {
        estimate: v,
        low: v,
        high: v,
    };
    r.drivers = vec![DriverRow {
        analysis: "sales".into(),
        outcome: "overall".into(),
        min_respondents: 20,
        fit: Some(DriverFit {
            n: 25,
            r_squared: est(0.4),
            items: vec![
                ItemImportance {
                    item: "a".into(),
                    importance: est(0.3),
                },
                ItemImportance {
                    item: "b".into(),
                    importance: est(0.1),
                },
            ],
        }),
    }];
    let prepared = crate::domain::scoring::round::prepare(&r).unwrap();
    let items = crate::domain::scoring::items::item_reports(&prepared);
    let reports = driver_reports(&prepared, &items, |_| Some(Figure::shown(())));
    let result = reports[0].figure.value().unwrap();
    assert_eq!(result.items[0].item, "a");
    assert_eq!(result.items[0].priority, Some(Priority::FixFirst));
    assert!((result.items[0].share_of_r2 - 0.75).abs() < 1e-12);
    assert_eq!(result.items[1].priority, Some(Priority::PossibleOverkill));
}
