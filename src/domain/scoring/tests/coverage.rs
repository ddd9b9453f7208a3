//! Measure C says how much of the company it covers, and is not rated when that is too little.

use super::*;

/// A CSAT round from (group, weight, N, answers, favourable answers).
fn csat_of(groups: &[(&str, f64, u32, u32, u32)]) -> RoundInput {
    let mut r = csat_round(&[]);
    for &(key, w, big_n, n, fav) in groups {
        r.groups.push(group(key, w, big_n, n));
        if n > 0 {
            r.value_counts
                .extend(likert_rows(key, "overall", [0, n - fav, 0, fav, 0], 0));
        }
    }
    r
}

#[test]
fn protecting_a_small_group_costs_c_the_least_weight() {
    // Marketing (w 20) has 3 answers and is withheld. Sales (w 35), BD (w 15) and the CEO's
    // office (w 10) have 5 each, engineering (w 20) 30. The guard is the CEO's office, the
    // lightest shown group — not sales, the first of the smallest n — so C covers
    // (35 + 15 + 20)/100 = 70 % of the weight instead of (15 + 20 + 10)/100 = 45 %.
    let card = score(&input(vec![csat_of(&[
        ("sales", 35.0, 10, 5, 4),
        ("bd", 15.0, 10, 5, 3),
        ("marketing", 20.0, 10, 3, 1),
        ("engineering", 20.0, 60, 30, 24),
        ("ceo", 10.0, 10, 5, 5),
    ])]));
    let c = &card.measure_c;
    let used: Vec<&str> = c.groups_used.iter().map(|u| u.group.as_str()).collect();
    assert_eq!(used, ["sales", "bd", "engineering"]);
    let ceo = c.groups_left_out.iter().find(|l| l.group == "ceo").unwrap();
    assert_eq!(
        ceo.reason,
        LeftOutReason::Suppressed {
            rule: Suppression::ProtectsAnotherGroup
        }
    );
    let cov = c.coverage.unwrap();
    close(cov.share, 0.70);
    assert!(cov.rated);
    assert_ne!(c.status.rating, Rating::NotRated);
}

#[test]
fn c_below_the_coverage_threshold_is_not_rated_but_keeps_its_number() {
    // Only sales (w 35) reported enough; BD and marketing have 3 answers each (withheld,
    // together 6 ≥ k, so no guard); engineering and the CEO's office did not answer.
    // Coverage = 35/100 = 0.35 < 0.60: not rated, whatever the figure (here 0.9, green).
    let card = score(&input(vec![low_coverage_round()]));
    let c = &card.measure_c;
    close(c.weighted_csat.value().unwrap().estimate, 0.9);
    let cov = c.coverage.unwrap();
    close(cov.share, 0.35);
    assert!(!cov.rated);
    assert_eq!(c.status.rating, Rating::NotRated);
    assert_eq!(
        c.status.reason,
        "Not rated: too few departments reported (the groups in it cover 35% of the weight, below 60%)"
    );
    // The threshold is a setting: at 0.30 the same figure is rated again.
    let mut i = input(vec![low_coverage_round()]);
    i.thresholds.c_min_coverage = 0.30;
    assert_eq!(score(&i).measure_c.status.rating, Rating::Green);
}

fn low_coverage_round() -> RoundInput {
    csat_of(&[
        ("sales", 35.0, 40, 20, 18),
        ("bd", 15.0, 10, 3, 3),
        ("marketing", 20.0, 10, 3, 3),
        ("engineering", 20.0, 30, 0, 0),
        ("ceo", 10.0, 10, 0, 0),
    ])
}

#[test]
fn groups_without_weight_count_in_neither_part_of_the_coverage() {
    // A zero-weight group is never in C, and never counted against its coverage.
    let card = score(&input(vec![csat_of(&[
        ("sales", 35.0, 20, 10, 8),
        ("guild", 0.0, 20, 10, 8),
    ])]));
    close(card.measure_c.coverage.unwrap().share, 1.0);
}

#[test]
fn no_csat_round_has_no_coverage() {
    assert_eq!(score(&input(Vec::new())).measure_c.coverage, None);
}
