//! Two-sided p-values of a normal test statistic and the Benjamini–Hochberg adjustment that
//! controls the false discovery rate across all change tests of one scorecard.
//!
//! `statrs` is not a dependency, and one function does not justify one: [`erfc`] is written
//! here to full double precision (a positive-term series near 0, a continued fraction in the
//! tail) and tested against reference values.

use std::f64::consts::{FRAC_1_SQRT_2, PI};

/// The false discovery rate DESIGN "Change states" fixes.
pub const FDR_Q: f64 = 0.05;

/// The complementary error function erfc(x) = 1 − erf(x).
///
/// |x| < 2: erf(x) = (2/√π)·e^(−x²)·Σ 2ⁿx^(2n+1)/(1·3·…·(2n+1)), a series of positive terms
/// (no cancellation), and erfc = 1 − erf, which keeps ~15 digits since erfc(2) ≈ 0.005.
/// x ≥ 2: the continued fraction erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))),
/// evaluated by the modified Lentz method; it converges in a few dozen steps for x ≥ 2.
pub fn erfc(x: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    if x < 0.0 {
        return 2.0 - erfc(-x);
    }
    if x < 2.0 {
        let x2 = x * x;
        let mut term = x;
        let mut sum = x;
        let mut n = 0.0;
        while term > sum * 1e-17 {
            n += 1.0;
            term *= 2.0 * x2 / (2.0 * n + 1.0);
            sum += term;
        }
        return 1.0 - 2.0 / PI.sqrt() * (-x2).exp() * sum;
    }
    if x > 27.3 {
        // e^(−x²) underflows below the smallest subnormal.
        return 0.0;
    }
    // Lentz on b₀ + a₁/(b₁ + a₂/(b₂ + …)) with b = x and a_j = j/2.
    const TINY: f64 = 1e-300;
    let mut f = x;
    let mut c = x;
    let mut d = 0.0;
    for j in 1..500 {
        let a = f64::from(j) / 2.0;
        d = x + a * d;
        d = if d.abs() < TINY { TINY } else { d };
        c = x + a / c;
        c = if c.abs() < TINY { TINY } else { c };
        d = 1.0 / d;
        let delta = c * d;
        f *= delta;
        if (delta - 1.0).abs() < 1e-16 {
            break;
        }
    }
    (-x * x).exp() / PI.sqrt() / f
}

/// The two-sided p-value of a standard normal statistic: p = 2(1 − Φ(|z|)) = erfc(|z|/√2).
pub fn two_sided_p(z: f64) -> f64 {
    erfc(z.abs() * FRAC_1_SQRT_2).clamp(0.0, 1.0)
}

/// Benjamini–Hochberg adjusted p-values, in the order of `p`.
///
/// With the m p-values sorted ascending, p₍₁₎ ≤ … ≤ p₍ₘ₎, the adjusted value of rank i is
/// min over j ≥ i of m·p₍ⱼ₎/j, capped at 1. A test is a discovery at rate q when its adjusted
/// value is ≤ q — the same tests as the step-up rule "reject the i smallest, i the largest rank
/// with p₍ᵢ₎ ≤ i·q/m". Tied p-values get the same adjusted value, so the result does not
/// depend on the order of the input.
pub fn benjamini_hochberg(p: &[f64]) -> Vec<f64> {
    let m = p.len();
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by(|&a, &b| p[a].total_cmp(&p[b]));
    let mut adjusted = vec![1.0; m];
    let mut running = 1.0f64;
    for (rank0, &i) in order.iter().enumerate().rev() {
        // m/rank first: a ratio ≥ 1 (exactly 1 at the top rank), so rounding can never take
        // an adjusted value below its own p.
        let scaled = p[i] * (m as f64 / (rank0 + 1) as f64);
        running = running.min(scaled);
        adjusted[i] = running.clamp(0.0, 1.0);
    }
    adjusted
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn close(a: f64, b: f64, tol: f64) {
        assert!((a - b).abs() <= tol, "{a} vs {b}");
    }

    #[test]
    fn erfc_matches_reference_values() {
        // Reference values: Python's math.erfc (correctly rounded to ~1 ulp).
        let cases = [
            (0.0, 1.0),
            (0.1, 0.8875370839817152),
            (0.5, 0.4795001221869535),
            (1.0, 0.15729920705028513),
            (1.5, 0.033894853524689274),
            (2.0, 0.004677734981047265),
            (2.5, 0.0004069520174449589),
            (3.0, 2.2090496998585438e-05),
            (4.0, 1.541725790028002e-08),
            (5.0, 1.5374597944280351e-12),
            (6.0, 2.1519736712498916e-17),
            (10.0, 2.088487583762545e-45),
        ];
        for (x, want) in cases {
            let got = erfc(x);
            assert!(
                ((got - want) / want).abs() < 1e-13,
                "erfc({x}) = {got}, want {want}"
            );
            close(erfc(-x), 2.0 - want, 1e-15);
        }
        assert_eq!(erfc(40.0), 0.0);
    }

    #[test]
    fn the_critical_value_gives_five_per_cent() {
        // z = 1.959963984540054 is the 97.5 % normal quantile, so p = 2·0.025 = 0.05.
        close(two_sided_p(1.959963984540054), 0.05, 1e-15);
        close(two_sided_p(-1.959963984540054), 0.05, 1e-15);
        close(two_sided_p(0.0), 1.0, 0.0);
        // z = 4.3369947901195145 (the change fixture): p = erfc(z/√2) = 1.444440470052785e-5.
        close(two_sided_p(4.3369947901195145), 1.444440470052785e-5, 1e-18);
    }

    #[test]
    fn benjamini_hochberg_hand_computed() {
        // m = 5, p = (0.01, 0.04, 0.03, 0.005, 0.20). Sorted: 0.005, 0.01, 0.03, 0.04, 0.20.
        // m·p/rank: 0.005·5/1 = 0.025; 0.01·5/2 = 0.025; 0.03·5/3 = 0.05; 0.04·5/4 = 0.05;
        //           0.20·5/5 = 0.20.
        // Running minimum from the top: 0.20, 0.05, 0.05, 0.025, 0.025.
        // Back in input order: (0.025, 0.05, 0.05, 0.025, 0.20). At q = 0.05 four are
        // discoveries; unadjusted at 0.05 the same four (0.04 ≤ 0.05) are.
        let adj = benjamini_hochberg(&[0.01, 0.04, 0.03, 0.005, 0.20]);
        let want = [0.025, 0.05, 0.05, 0.025, 0.20];
        for (a, w) in adj.iter().zip(want) {
            close(*a, w, 1e-12);
        }
        // m = 3, p = (0.02, 0.03, 0.04): m·p/rank = 0.06, 0.045, 0.04 → running min
        // (0.04, 0.04, 0.04): all three are discoveries at 0.05 although 0.02·3 = 0.06 alone
        // would not be — the step-up rule.
        let adj = benjamini_hochberg(&[0.02, 0.03, 0.04]);
        for a in adj {
            close(a, 0.04, 1e-12);
        }
        // m = 2, p = (0.04, 0.3): 0.04·2/1 = 0.08 > 0.05 — no discovery, though 0.04 < 0.05.
        let adj = benjamini_hochberg(&[0.04, 0.3]);
        close(adj[0], 0.08, 1e-12);
        assert!(adj[0] > FDR_Q);
        assert!(benjamini_hochberg(&[]).is_empty());
    }

    proptest! {
        #[test]
        fn bh_never_flags_more_than_the_unadjusted_test(
            p in prop::collection::vec(0.0f64..=1.0, 0..40),
            q in 0.001f64..0.5,
        ) {
            let adj = benjamini_hochberg(&p);
            for (a, raw) in adj.iter().zip(&p) {
                // Each adjusted value is at least its own p, so every BH discovery is also an
                // unadjusted one.
                prop_assert!(*a >= *raw);
                prop_assert!(*a <= 1.0);
            }
            let bh = adj.iter().filter(|a| **a <= q).count();
            let raw = p.iter().filter(|x| **x <= q).count();
            prop_assert!(bh <= raw);
        }

        #[test]
        fn bh_does_not_depend_on_input_order(
            p in prop::collection::vec(prop_oneof![0.0f64..=1.0, Just(0.01), Just(0.0)], 1..30),
            seed in any::<u64>(),
        ) {
            use rand::seq::SliceRandom;
            use rand::SeedableRng;
            let mut idx: Vec<usize> = (0..p.len()).collect();
            idx.shuffle(&mut rand::rngs::StdRng::seed_from_u64(seed));
            let shuffled: Vec<f64> = idx.iter().map(|&i| p[i]).collect();
            let a = benjamini_hochberg(&p);
            let b = benjamini_hochberg(&shuffled);
            for (j, &i) in idx.iter().enumerate() {
                prop_assert_eq!(a[i].to_bits(), b[j].to_bits());
            }
        }

        #[test]
        fn p_values_are_symmetric_and_fall_with_z(z in 0.0f64..10.0, dz in 0.001f64..1.0) {
            let p = two_sided_p(z);
            prop_assert!((0.0..=1.0).contains(&p));
            prop_assert_eq!(p.to_bits(), two_sided_p(-z).to_bits());
            prop_assert!(two_sided_p(z + dz) <= p);
        }
    }
}
