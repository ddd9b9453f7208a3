//! Wilson score intervals on an effective sample size, and the variance they rest on.
//!
//! DESIGN "Proportions and intervals": 95 % Wilson, z = 1.959963984540054, no continuity
//! correction, on n_eff = N(n−1)/(N−n) for one group of N delivered invitations and n answers.

use serde::Serialize;

/// The two-sided 95 % normal quantile DESIGN fixes.
pub const Z95: f64 = 1.959963984540054;

/// The sample size a Wilson interval is computed on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SampleSize {
    /// Everybody invited answered: no sampling error, the interval is the point.
    Census,
    /// An effective sample size (0 gives the uninformative interval [0, 1]).
    Effective(f64),
}

/// A share with its 95 % interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Share {
    /// The point estimate, in [0, 1].
    pub estimate: f64,
    /// Lower bound of the 95 % interval.
    pub low: f64,
    /// Upper bound of the 95 % interval.
    pub high: f64,
    /// The number of answers (or respondents) the share is over.
    pub n: u64,
    /// True when everybody invited answered, so the interval is the point.
    pub census: bool,
    /// The estimate's variance, kept for the change tests but not published.
    #[serde(skip)]
    pub variance: f64,
}

/// Finite-population correction 1 − n/N, in integers first so a census is exactly 0.
///
/// Defensive: N < n (inconsistent counts) is treated as a census rather than a negative factor.
pub fn fpc(n: u64, big_n: u64) -> f64 {
    if big_n == 0 || n >= big_n {
        0.0
    } else {
        (big_n - n) as f64 / big_n as f64
    }
}

/// n_eff = N(n−1)/(N−n) for one group; a census when n ≥ N (N < n is treated as a census).
pub fn one_group_sample_size(n: u64, big_n: u64) -> SampleSize {
    if n >= big_n {
        SampleSize::Census
    } else {
        // n = 0 or 1 gives n_eff = 0: no information, interval [0, 1].
        let n_eff = big_n as f64 * n.saturating_sub(1) as f64 / (big_n - n) as f64;
        SampleSize::Effective(n_eff)
    }
}

/// Var(p) = (1 − n/N)·p(1−p)/(n − 1) for one group (sampling without replacement).
///
/// Returns `None` for n ≤ 1 outside a census, where the variance is undefined.
pub fn one_group_variance(p: f64, n: u64, big_n: u64) -> Option<f64> {
    let f = fpc(n, big_n);
    if f == 0.0 {
        Some(0.0)
    } else if n <= 1 {
        None
    } else {
        Some(f * p * (1.0 - p) / (n - 1) as f64)
    }
}

/// The Wilson score interval (low, high) for share `p` on sample size `size`.
///
/// Written as (m·p + z²/2 ± z·√(m·p(1−p) + z²/4)) / (m + z²), the standard form multiplied
/// through by m, so m = 0 is well defined ([0, 1]) and no division by zero can happen.
pub fn wilson(p: f64, size: SampleSize) -> (f64, f64) {
    let p = p.clamp(0.0, 1.0);
    match size {
        SampleSize::Census => (p, p),
        SampleSize::Effective(m) => {
            let m = if m.is_finite() && m > 0.0 { m } else { 0.0 };
            let z2 = Z95 * Z95;
            let centre = m * p + z2 / 2.0;
            let half = Z95 * (m * p * (1.0 - p) + z2 / 4.0).max(0.0).sqrt();
            let denom = m + z2;
            let low = ((centre - half) / denom).clamp(0.0, 1.0);
            let high = ((centre + half) / denom).clamp(0.0, 1.0);
            // Mathematically the Wilson interval always contains p; rounding must not undo that.
            (low.min(p), high.max(p))
        }
    }
}

/// A share x/n of one group of N delivered invitations, with its interval and variance.
///
/// Callers guarantee n > 0 (the anonymity gate has already required n ≥ k ≥ 3).
pub fn one_group_share(x: u64, n: u64, big_n: u64) -> Share {
    let estimate = if n == 0 { 0.0 } else { x as f64 / n as f64 };
    let size = one_group_sample_size(n, big_n);
    let (low, high) = wilson(estimate, size);
    Share {
        estimate,
        low,
        high,
        n,
        census: size == SampleSize::Census,
        variance: one_group_variance(estimate, n, big_n).unwrap_or(0.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-9, "{a} vs {b}");
    }

    #[test]
    fn wilson_on_a_sample_from_a_larger_group() {
        // x = 7, n = 10, N = 40: p = 0.7; n_eff = m = 40·9/30 = 12.
        // z² = 3.8414588206941254; centre = m·p + z²/2 = 8.4 + 1.9207294103470627 = 10.320729410347061
        // m·p(1−p) + z²/4 = 2.52 + 0.9603647051735313 = 3.4803647051735314; √ = 1.865573559303822
        // half = z·√ = 3.65645698674569; denom = m + z² = 15.841458820694125
        // low = 6.664272423601371 / 15.841458820694125 = 0.42068552518002017
        // high = 13.977186397092751 / 15.841458820694125 = 0.8823168721578833
        let s = one_group_share(7, 10, 40);
        close(s.estimate, 0.7);
        close(s.low, 0.42068552518002017);
        close(s.high, 0.8823168721578833);
        // Var = (1 − 10/40)·0.7·0.3/9 = 0.75·0.21/9 = 0.0175
        close(s.variance, 0.0175);
        assert!(!s.census);
    }

    #[test]
    fn census_gives_the_point() {
        let s = one_group_share(3, 8, 8);
        assert!(s.census);
        close(s.low, 0.375);
        close(s.high, 0.375);
        close(s.variance, 0.0);
    }

    #[test]
    fn more_answers_than_invitations_is_treated_as_a_census() {
        assert_eq!(one_group_sample_size(9, 5), SampleSize::Census);
        close(fpc(9, 5), 0.0);
    }

    #[test]
    fn a_single_answer_from_a_larger_group_says_nothing() {
        // n = 1, N = 10: n_eff = 10·0/9 = 0 → [0, 1]; variance undefined.
        assert_eq!(one_group_sample_size(1, 10), SampleSize::Effective(0.0));
        let (low, high) = wilson(1.0, SampleSize::Effective(0.0));
        close(low, 0.0);
        close(high, 1.0);
        assert_eq!(one_group_variance(1.0, 1, 10), None);
    }

    #[test]
    fn all_and_none_favorable_stay_in_range() {
        // p = 1, n = 10, N = 20: n_eff = 20·9/10 = 18; centre = 18 + z²/2, half = z·√(z²/4) = z²/2,
        // so low = 18/(18 + z²) = 18/21.8414588206941254 = 0.8241207763533424, high = 1.
        // p = 0 mirrors it: low = 0, high = 1 − 0.8241207763533424 = 0.17587922364665765.
        let s = one_group_share(10, 10, 20);
        close(s.low, 0.8241207763533424);
        close(s.high, 1.0);
        let s = one_group_share(0, 10, 20);
        close(s.low, 0.0);
        close(s.high, 0.17587922364665765);
    }
}
