//! Properties of the scorecard over generated inputs.

use super::*;

/// Random Likert distribution of exactly `n` answers.
fn dist_of(n: u32) -> impl Strategy<Value = [u32; 5]> {
    prop::collection::vec(0..5usize, n as usize).prop_map(|v| {
        let mut d = [0u32; 5];
        for i in v {
            d[i] += 1;
        }
        d
    })
}

/// An internal-CSAT round from per-group (key, weight, delivered, distribution).
fn csat_round_from(groups: &[(&str, f64, u32, [u32; 5])]) -> RoundInput {
    let mut r = round(q3(), Audience::InternalCsat, "internal-csat");
    r.items = vec![
        item("overall", QuestionKind::Likert5, Some(Role::CsatOverall)),
        item("other", QuestionKind::Likert5, None),
    ];
    for &(key, w, delivered, d) in groups {
        let n: u32 = d.iter().sum();
        r.groups.push(group(key, w, delivered.max(n), n));
        r.value_counts.extend(likert_rows(key, "overall", d, 0));
        r.value_counts.extend(likert_rows(key, "other", d, 1));
    }
    r
}

const KEYS: [&str; 5] = ["sales", "bd", "marketing", "engineering", "ceo"];

fn random_groups() -> impl Strategy<Value = Vec<(f64, u32, [u32; 5])>> {
    prop::collection::vec(
        (0.0..50.0f64, 0u32..40, (0u32..30).prop_flat_map(dist_of)),
        1..=5,
    )
}

fn with_keys(groups: &[(f64, u32, [u32; 5])]) -> Vec<(&'static str, f64, u32, [u32; 5])> {
    groups
        .iter()
        .zip(KEYS)
        .map(|(&(w, extra, d), k)| (k, w, d.iter().sum::<u32>() + extra, d))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn shares_and_intervals_stay_in_unit_range_and_contain_the_estimate(
        n in 1u64..500, x_frac in 0.0..=1.0f64, extra in 0u64..500,
    ) {
        let x = ((n as f64) * x_frac).floor() as u64;
        let s = one_group_share(x, n, n + extra);
        prop_assert!((0.0..=1.0).contains(&s.estimate));
        prop_assert!(0.0 <= s.low && s.low <= s.estimate && s.estimate <= s.high && s.high <= 1.0);
    }

    #[test]
    fn weighted_csat_stays_in_unit_range_and_contains_the_estimate(
        groups in random_groups()
    ) {
        let card = score(&input(vec![csat_round_from(&with_keys(&groups))]));
        if let Some(c) = card.measure_c.weighted_csat.value() {
            prop_assert!(0.0 <= c.low && c.low <= c.estimate && c.estimate <= c.high && c.high <= 1.0);
        }
        prop_assert!(!json(&card).contains("null,\"low\""));
    }

    #[test]
    fn permuting_rows_and_groups_changes_nothing(groups in random_groups(), seed in any::<u64>()) {
        let r = csat_round_from(&with_keys(&groups));
        let mut shuffled = r.clone();
        let mut rng = StdRng::seed_from_u64(seed);
        shuffled.groups.shuffle(&mut rng);
        shuffled.value_counts.shuffle(&mut rng);
        prop_assert_eq!(json(&score(&input(vec![r]))), json(&score(&input(vec![shuffled]))));
    }

    #[test]
    fn weights_are_scale_invariant(groups in random_groups(), scale in 0.001..1000.0f64) {
        let r = csat_round_from(&with_keys(&groups));
        let mut scaled = r.clone();
        for g in &mut scaled.groups {
            g.weight *= scale;
        }
        let a = score(&input(vec![r])).measure_c.weighted_csat;
        let b = score(&input(vec![scaled])).measure_c.weighted_csat;
        match (a.value(), b.value()) {
            (Some(a), Some(b)) => {
                prop_assert!((a.estimate - b.estimate).abs() < 1e-9);
                prop_assert!((a.low - b.low).abs() < 1e-9);
                prop_assert!((a.high - b.high).abs() < 1e-9);
            }
            (None, None) => {}
            _ => prop_assert!(false, "one scaled, one not"),
        }
    }

    #[test]
    fn weighted_share_is_scale_invariant_directly(
        parts in prop::collection::vec((0.1..50.0f64, 0.0..=1.0f64, 3u64..50, 0u64..50), 1..6),
        scale in 0.001..1000.0f64,
    ) {
        let parts: Vec<(f64, f64, u64, u64)> =
            parts.into_iter().map(|(w, p, n, e)| (w, p, n, n + e)).collect();
        let scaled: Vec<_> = parts.iter().map(|&(w, p, n, big)| (w * scale, p, n, big)).collect();
        let (a, b) = (weighted_share(&parts), weighted_share(&scaled));
        prop_assert!((a.estimate - b.estimate).abs() < 1e-9);
        prop_assert!((a.low - b.low).abs() < 1e-9 && (a.high - b.high).abs() < 1e-9);
    }

    #[test]
    fn enps_stays_within_plus_minus_a_hundred(p in 0u64..200, d in 0u64..200, passive in 0u64..200) {
        let n = p + d + passive;
        prop_assume!(n > 0);
        let e = enps_score(p, d, n);
        prop_assert!(-100.0 <= e.low && e.low <= e.score && e.score <= e.high && e.high <= 100.0);
    }

    /// An attacker holding the whole serialised scorecard cannot tell two worlds apart that
    /// differ in the withheld group's answers. `bd` (n < k) is withheld; `marketing`, the
    /// next-smallest, is withheld to protect it. World 2 gives bd other answers and
    /// marketing the difference, so every total is the same: identical output means bd's
    /// figure cannot be recovered from any output of the engine.
    #[test]
    fn attacker_cannot_recover_a_suppressed_group(
        n_bd in 1u32..5,
        base in dist_of(10),
        extra_sales in 1u32..20,
        sales in dist_of(40),
        seed in any::<u64>(),
    ) {
        let mut rng = StdRng::seed_from_u64(seed);
        let random_dist = |rng: &mut StdRng| {
            let mut d = [0u32; 5];
            for _ in 0..n_bd {
                d[rand::Rng::random_range(rng, 0..5)] += 1;
            }
            d
        };
        let bd1 = random_dist(&mut rng);
        let bd2 = random_dist(&mut rng);
        // Marketing has at least n_bd in every value so it can absorb any difference.
        let mkt1: [u32; 5] = std::array::from_fn(|i| base[i] + n_bd);
        let mkt2: [u32; 5] = std::array::from_fn(|i| mkt1[i] + bd1[i] - bd2[i]);
        let mkt_n: u32 = mkt1.iter().sum();
        // Sales is bigger than marketing, so marketing is the next-smallest.
        let mut sales_d = sales;
        sales_d[4] += mkt_n + extra_sales;
        let world = |bd: [u32; 5], mkt: [u32; 5]| {
            csat_round_from(&[
                ("sales", 35.0, 200, sales_d),
                ("bd", 15.0, 10, bd),
                ("marketing", 20.0, 100, mkt),
            ])
        };
        let one = score(&input(vec![world(bd1, mkt1), culture_round(&[("engineering", 9)])]));
        let two = score(&input(vec![world(bd2, mkt2), culture_round(&[("engineering", 9)])]));
        let bd_withheld = matches!(one.rounds[1].groups[1].csat, Some(Figure::Suppressed { .. }));
        prop_assert!(bd_withheld);
        prop_assert_eq!(json(&one), json(&two));
    }

    /// The action follow-through scores each quarter from its own rounds only
    /// (`app::scorecard::own_quarter_inputs`): that is sound only while a quarter's measures,
    /// rounds and items never depend on an earlier quarter's rounds.
    #[test]
    fn a_quarters_own_figures_ignore_earlier_quarters(
        now in random_groups(),
        before in random_groups(),
        earlier in random_groups(),
    ) {
        let at = |groups: &[(f64, u32, [u32; 5])], back: usize| {
            let mut r = csat_round_from(&with_keys(groups));
            for _ in 0..back {
                r.quarter = r.quarter.prev();
            }
            r
        };
        let own = input(vec![at(&now, 0), culture_round(&[("engineering", 9)])]);
        let mut full = own.clone();
        full.rounds.extend([at(&before, 1), at(&earlier, 7)]);
        let (a, b) = (score(&own), score(&full));
        prop_assert_eq!(serde_json::to_string(&a.measure_a).unwrap(), serde_json::to_string(&b.measure_a).unwrap());
        prop_assert_eq!(serde_json::to_string(&a.measure_b).unwrap(), serde_json::to_string(&b.measure_b).unwrap());
        prop_assert_eq!(serde_json::to_string(&a.measure_c).unwrap(), serde_json::to_string(&b.measure_c).unwrap());
        prop_assert_eq!(serde_json::to_string(&a.rounds).unwrap(), serde_json::to_string(&b.rounds).unwrap());
    }
}
