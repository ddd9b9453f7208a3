//! Relative importance of predictors: the Shapley decomposition of an OLS regression's R²,
//! exact over every subset of predictors (DESIGN "Key drivers").
//!
//! Everything is computed from the centred sums of squares and cross-products, made from
//! integer sums so they do not depend on the order of respondents.

/// The most predictors an exact decomposition takes: 2^15 = 32,768 subsets. The shipped
/// templates ask at most about 12 items of one group.
pub const MAX_PREDICTORS: usize = 15;

/// A pivot smaller than this share of the predictor's own sum of squares means the predictor
/// is (almost) a linear combination of those already in the model: it adds nothing.
const COLLINEAR: f64 = 1e-10;

/// Integer sums of one sample: n, Σxₐ and Σxₐx_b over the p predictors and the outcome
/// (index p). Products are packed in the upper triangle, row by row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sums {
    /// Predictors p.
    pub p: usize,
    /// Respondents.
    pub n: u64,
    /// Σxₐ, length p + 1.
    pub sum: Vec<u64>,
    /// Σxₐx_b for a ≤ b, length (p + 1)(p + 2)/2.
    pub prod: Vec<u64>,
}

/// Position of (a, b), a ≤ b, in a packed upper triangle of dimension `d`.
pub fn packed(d: usize, a: usize, b: usize) -> usize {
    a * d - a * (a + 1) / 2 + b
}

/// Length of a packed upper triangle of dimension `d`.
pub fn packed_len(d: usize) -> usize {
    d * (d + 1) / 2
}

impl Sums {
    /// The sums of `rows`, each p predictor values then the outcome.
    pub fn of_rows<'a>(p: usize, rows: impl IntoIterator<Item = &'a [u8]>) -> Sums {
        let d = p + 1;
        let mut s = Sums {
            p,
            n: 0,
            sum: vec![0; d],
            prod: vec![0; packed_len(d)],
        };
        for row in rows {
            s.n += 1;
            for (a, &xa) in row.iter().enumerate().take(d) {
                let xa = u64::from(xa);
                s.sum[a] += xa;
                for (b, &xb) in row.iter().enumerate().take(d).skip(a) {
                    s.prod[packed(d, a, b)] += xa * u64::from(xb);
                }
            }
        }
        s
    }

    /// The centred cross-product matrix, (p + 1)², row-major:
    /// Mₐ_b = Σxₐx_b − ΣxₐΣx_b/n, formed exactly in integers as (n·Σxₐx_b − ΣxₐΣx_b)/n.
    pub fn centred(&self) -> Vec<f64> {
        let d = self.p + 1;
        let n = i128::from(self.n);
        let mut m = vec![0.0; d * d];
        if self.n == 0 {
            return m;
        }
        for a in 0..d {
            for b in a..d {
                let num = n * i128::from(self.prod[packed(d, a, b)])
                    - i128::from(self.sum[a]) * i128::from(self.sum[b]);
                let v = num as f64 / self.n as f64;
                m[a * d + b] = v;
                m[b * d + a] = v;
            }
        }
        m
    }
}

/// R² of the regression of the outcome on every subset of the p predictors, indexed by the
/// subset's bit mask (bit j = predictor j), from the centred matrix `m` ((p + 1)², outcome
/// last). `None` when the outcome does not vary (R² is undefined).
///
/// One sweep per subset: a depth-first walk decides predictor j at depth j, and sweeping it
/// only updates the predictors still undecided and the outcome, so the whole table costs
/// about 6·2ᵖ multiplications instead of a regression per subset.
pub fn subset_r2(p: usize, m: &[f64]) -> Option<Vec<f64>> {
    let d = p + 1;
    let syy = m[p * d + p];
    if syy.is_nan() || syy <= 0.0 {
        return None;
    }
    let diag: Vec<f64> = (0..p).map(|j| m[j * d + j]).collect();
    let mut bufs = vec![vec![0.0; d * d]; p + 1];
    bufs[0].copy_from_slice(m);
    let mut out = vec![0.0; 1 << p];
    walk(
        &Walk {
            p,
            syy,
            diag: &diag,
        },
        &mut bufs,
        0,
        0,
        0,
        &mut out,
    );
    Some(out)
}

struct Walk<'a> {
    p: usize,
    syy: f64,
    diag: &'a [f64],
}

/// Decides predictor `j` on the matrix in `bufs[src]`; sweeping writes `bufs[j + 1]`, which
/// no caller on the current path still reads (they all hold `src ≤ j`).
fn walk(w: &Walk<'_>, bufs: &mut [Vec<f64>], j: usize, src: usize, mask: usize, out: &mut [f64]) {
    let p = w.p;
    let d = p + 1;
    if j == p {
        let resid = bufs[src][p * d + p];
        out[mask] = (1.0 - resid / w.syy).clamp(0.0, 1.0);
        return;
    }
    walk(w, bufs, j + 1, src, mask, out);
    let pivot = bufs[src][j * d + j];
    let with_j = mask | (1 << j);
    if w.diag[j] <= 0.0 || pivot <= COLLINEAR * w.diag[j] {
        // A constant or collinear predictor explains nothing more: same fit as without it.
        walk(w, bufs, j + 1, src, with_j, out);
        return;
    }
    let (lower, upper) = bufs.split_at_mut(j + 1);
    let a = &lower[src];
    let b = &mut upper[0];
    // Only the undecided predictors j+1..p−1 and the outcome p matter further down.
    for r in (j + 1)..d {
        let f = a[r * d + j] / pivot;
        for c in r..d {
            let v = a[r * d + c] - f * a[j * d + c];
            b[r * d + c] = v;
            b[c * d + r] = v;
        }
    }
    walk(w, bufs, j + 1, j + 1, with_j, out);
}

/// The Shapley value of each predictor in the game "R² of a subset":
/// φⱼ = Σ over S ∌ j of |S|!(p − |S| − 1)!/p! · (R²(S ∪ {j}) − R²(S)).
///
/// They sum to R² of all predictors. Each marginal gain is ≥ 0 in exact arithmetic (adding a
/// predictor never lowers R²); rounding can leave −1e-17, so values are clamped at 0.
pub fn shapley(p: usize, r2: &[f64]) -> Vec<f64> {
    if p == 0 {
        return Vec::new();
    }
    // |S|!(p−|S|−1)!/p! = 1 / (p · C(p−1, |S|)).
    let mut weight = vec![0.0; p];
    let mut binom = 1.0_f64;
    for (s, w) in weight.iter_mut().enumerate() {
        *w = 1.0 / (p as f64 * binom);
        binom = binom * (p - 1 - s) as f64 / (s + 1) as f64;
    }
    (0..p)
        .map(|j| {
            let bit = 1usize << j;
            let total: f64 = (0..r2.len())
                .filter(|mask| mask & bit == 0)
                .map(|mask| weight[mask.count_ones() as usize] * (r2[mask | bit] - r2[mask]))
                .sum();
            total.max(0.0)
        })
        .collect()
}

/// R² of the full model and the Shapley value of each predictor, from the sums; `None` when
/// the outcome does not vary.
pub fn decompose(sums: &Sums) -> Option<(f64, Vec<f64>)> {
    let r2 = subset_r2(sums.p, &sums.centred())?;
    let full = r2[(1 << sums.p) - 1];
    Some((full, shapley(sums.p, &r2)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-9, "{a} vs {b}");
    }

    /// Three predictors, six respondents (x₁, x₂, x₃, y):
    /// (1,2,1,1) (2,1,2,2) (3,3,2,2) (4,3,4,4) (5,4,3,5) (3,5,5,4).
    fn fixture() -> Sums {
        let rows: [[u8; 4]; 6] = [
            [1, 2, 1, 1],
            [2, 1, 2, 2],
            [3, 3, 2, 2],
            [4, 3, 4, 4],
            [5, 4, 3, 5],
            [3, 5, 5, 4],
        ];
        Sums::of_rows(3, rows.iter().map(|r| &r[..]))
    }

    #[test]
    fn centred_cross_products_fixture() {
        // Sums: Σx₁ = 18, Σx₂ = 18, Σx₃ = 17, Σy = 18 (n = 6).
        // Sx₁x₁ = 64 − 18·18/6 = 10; Sx₁x₂ = 60 − 54 = 6; Sx₁x₃ = 57 − 51 = 6;
        // Sx₁y = 64 − 54 = 10; Sx₂x₂ = 64 − 54 = 10; Sx₂x₃ = 59 − 51 = 8; Sx₂y = 62 − 54 = 8;
        // Sx₃x₃ = 59 − 289/6 = 65/6; Sx₃y = 60 − 51 = 9; Syy = 66 − 54 = 12.
        let m = fixture().centred();
        let want = [
            10.0,
            6.0,
            6.0,
            10.0, //
            6.0,
            10.0,
            8.0,
            8.0, //
            6.0,
            8.0,
            65.0 / 6.0,
            9.0, //
            10.0,
            8.0,
            9.0,
            12.0,
        ];
        for (a, b) in m.iter().zip(want) {
            close(*a, b);
        }
    }

    #[test]
    fn hand_computed_shapley_on_three_items() {
        // From the centred matrix above (Syy = 12), R² = c'·A⁻¹·c / Syy, in fractions:
        // R²(x₁) = 10²/(10·12) = 5/6
        // R²(x₂) = 8²/(10·12) = 8/15
        // R²(x₃) = 9²/((65/6)·12) = 81/130
        // R²(x₁,x₂): b = [[10,6],[6,10]]⁻¹·[10,8] = [13/16, 5/16];
        //   SSR = 10·13/16 + 8·5/16 = 170/16; R² = 170/192 = 85/96
        // R²(x₁,x₃): b = [163/217, 90/217]; SSR = (1630 + 810)/217 = 2440/217; R² = 610/651
        // R²(x₂,x₃): b = [44/133, 78/133]; SSR = (352 + 702)/133 = 1054/133; R² = 527/798
        // R²(x₁,x₂,x₃): b = [299/404, 19/404, 39/101];
        //   SSR = (2990 + 152 + 1404)/404 = 4546/404; R² = 4546/4848 = 2273/2424
        // Shapley weights by |S| for p = 3: 0 → 1/3, 1 → 1/6, 2 → 1/3:
        //   φ₁ = ⅓·5/6 + ⅙(85/96 − 8/15) + ⅙(610/651 − 81/130) + ⅓(2273/2424 − 527/798)
        //      = 2500866409/5196959040 = 0.4812172637404508
        //   φ₂ = ⅓·8/15 + ⅙(85/96 − 5/6) + ⅙(527/798 − 81/130) + ⅓(2273/2424 − 610/651)
        //      = 143219119/742422720 = 0.19290778035456674
        //   φ₃ = ⅓·81/130 + ⅙(610/651 − 5/6) + ⅙(527/798 − 8/15) + ⅓(2273/2424 − 85/96)
        //      = 228303473/866159840 = 0.2635812265320452
        //   φ₁ + φ₂ + φ₃ = 2273/2424 = 0.9377062706270627 = R²(x₁,x₂,x₃).
        let (r2, phi) = decompose(&fixture()).unwrap();
        close(r2, 2273.0 / 2424.0);
        close(phi[0], 0.4812172637404508);
        close(phi[1], 0.19290778035456674);
        close(phi[2], 0.2635812265320452);
        let table = subset_r2(3, &fixture().centred()).unwrap();
        close(table[0b001], 5.0 / 6.0);
        close(table[0b010], 8.0 / 15.0);
        close(table[0b100], 81.0 / 130.0);
        close(table[0b011], 85.0 / 96.0);
        close(table[0b101], 610.0 / 651.0);
        close(table[0b110], 527.0 / 798.0);
    }

    #[test]
    fn a_constant_outcome_has_no_r_squared() {
        let rows: [[u8; 2]; 3] = [[1, 3], [2, 3], [5, 3]];
        assert!(decompose(&Sums::of_rows(1, rows.iter().map(|r| &r[..]))).is_none());
    }

    #[test]
    fn a_constant_or_duplicated_predictor_gets_nothing_or_half() {
        // x₂ constant: it explains nothing; x₃ = x₁: the two share x₁'s R² equally.
        let rows: [[u8; 4]; 4] = [[1, 4, 1, 1], [2, 4, 2, 3], [3, 4, 3, 2], [4, 4, 4, 4]];
        let (r2, phi) = decompose(&Sums::of_rows(3, rows.iter().map(|r| &r[..]))).unwrap();
        // Σx₁ = Σy = 10, n = 4: Sx₁x₁ = 30 − 25 = 5; Sx₁y = (1 + 6 + 6 + 16) − 25 = 4;
        // Syy = 30 − 25 = 5; R² = 4²/(5·5) = 0.64, split 0.32 + 0.32 between x₁ and x₃.
        close(r2, 0.64);
        close(phi[1], 0.0);
        close(phi[0], 0.32);
        close(phi[2], 0.32);
    }
}
