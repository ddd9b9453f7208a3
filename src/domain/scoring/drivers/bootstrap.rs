//! The Shapley decomposition of one sample with 95 % bootstrap percentile intervals.
//!
//! Reproducible by construction: rows are sorted before resampling (so storage order, which
//! the seal randomises, cannot change a byte), and the caller's seed drives ChaCha8, whose
//! stream is fixed by its specification.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::shapley::{decompose, packed_len, Sums};

/// Resamples DESIGN fixes.
pub const RESAMPLES: usize = 1000;

/// A point estimate with its 95 % percentile interval.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct Estimate {
    /// The estimate on the sample itself.
    pub estimate: f64,
    /// 2.5th percentile of the resampled estimates.
    pub low: f64,
    /// 97.5th percentile of the resampled estimates.
    pub high: f64,
}

/// R² and each predictor's Shapley share of it, for one sample.
#[derive(Debug, Clone, PartialEq)]
pub struct Decomposition {
    /// Respondents in the sample.
    pub n: u64,
    /// R² of the outcome on all predictors.
    pub r_squared: Estimate,
    /// Shapley value per predictor, in the caller's predictor order.
    pub importance: Vec<Estimate>,
}

/// One sample: each row holds p predictor answers then the outcome's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sample {
    p: usize,
    rows: Vec<Vec<u8>>,
}

impl Sample {
    /// A sample of rows of p + 1 values; rows of another length are not taken.
    pub fn new(p: usize, rows: Vec<Vec<u8>>) -> Sample {
        let mut rows: Vec<Vec<u8>> = rows.into_iter().filter(|r| r.len() == p + 1).collect();
        rows.sort_unstable();
        Sample { p, rows }
    }

    /// Respondents.
    pub fn n(&self) -> usize {
        self.rows.len()
    }
}

/// The decomposition of `sample` with `resamples` bootstrap resamples drawn from `seed`;
/// `None` when the outcome does not vary in the sample itself.
///
/// Interval: the 25th and 975th of 1,000 sorted resampled values (in general, positions
/// ⌈0.025·B⌉ and ⌈0.975·B⌉ counted from 1). A resample whose outcome happens not to vary
/// explains nothing and counts as R² = 0 with every share 0.
pub fn decompose_with_intervals(
    sample: &Sample,
    resamples: usize,
    seed: [u8; 32],
) -> Option<Decomposition> {
    let p = sample.p;
    let d = p + 1;
    let full = Sums::of_rows(p, sample.rows.iter().map(Vec::as_slice));
    let (r2, phi) = decompose(&full)?;

    // Each row's values, then its products in `Sums`' packed order, laid out once so a
    // resample is a run of vector adds.
    let width = d + packed_len(d);
    let mut packed_rows: Vec<u16> = Vec::with_capacity(sample.rows.len() * width);
    for row in &sample.rows {
        packed_rows.extend(row.iter().map(|&x| u16::from(x)));
        for a in 0..d {
            for b in a..d {
                packed_rows.push(u16::from(row[a]) * u16::from(row[b]));
            }
        }
    }
    let n = sample.rows.len();
    let mut rng = ChaCha8Rng::from_seed(seed);
    let mut acc = vec![0u64; width];
    let mut r2s = Vec::with_capacity(resamples);
    let mut phis: Vec<Vec<f64>> = vec![Vec::with_capacity(resamples); p];
    for _ in 0..resamples {
        acc.iter_mut().for_each(|a| *a = 0);
        for _ in 0..n {
            let i = rng.random_range(0..n);
            let row = &packed_rows[i * width..(i + 1) * width];
            for (a, &v) in acc.iter_mut().zip(row) {
                *a += u64::from(v);
            }
        }
        let sums = Sums {
            p,
            n: n as u64,
            sum: acc[..d].to_vec(),
            prod: acc[d..].to_vec(),
        };
        let (r2_b, phi_b) = decompose(&sums).unwrap_or_else(|| (0.0, vec![0.0; p]));
        r2s.push(r2_b);
        for (list, v) in phis.iter_mut().zip(phi_b) {
            list.push(v);
        }
    }
    Some(Decomposition {
        n: n as u64,
        r_squared: with_interval(r2, r2s),
        importance: phi
            .into_iter()
            .zip(phis)
            .map(|(v, list)| with_interval(v, list))
            .collect(),
    })
}

fn with_interval(estimate: f64, mut values: Vec<f64>) -> Estimate {
    if values.is_empty() {
        return Estimate {
            estimate,
            low: estimate,
            high: estimate,
        };
    }
    values.sort_unstable_by(f64::total_cmp);
    let b = values.len();
    let at = |q: f64| {
        let rank = (q * b as f64).ceil() as usize;
        values[rank.clamp(1, b) - 1]
    };
    Estimate {
        estimate,
        low: at(0.025),
        high: at(0.975),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_are_the_25th_and_975th_of_a_thousand() {
        // Values 1..=1000 shuffled: the 25th smallest is 25, the 975th is 975.
        let values: Vec<f64> = (1..=1000).rev().map(f64::from).collect();
        let e = with_interval(0.5, values);
        assert_eq!((e.low, e.high), (25.0, 975.0));
    }

    #[test]
    fn the_interval_contains_the_estimate_on_a_clear_signal() {
        // y = x₁ with a little noise from x₂: x₁ should get most of R².
        let rows: Vec<Vec<u8>> = (0..60u8)
            .map(|i| {
                let x1 = 1 + i % 5;
                let x2 = 1 + (i / 5) % 5;
                let y = if i % 7 == 0 { x1.max(2) - 1 } else { x1 };
                vec![x1, x2, y]
            })
            .collect();
        let d = decompose_with_intervals(&Sample::new(2, rows), 200, [7; 32]).unwrap();
        assert_eq!(d.n, 60);
        let x1 = d.importance[0];
        assert!(x1.low <= x1.estimate && x1.estimate <= x1.high);
        assert!(x1.estimate > 0.8 && d.importance[1].estimate < 0.05);
    }
}
