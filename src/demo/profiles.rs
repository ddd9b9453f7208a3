//! Exact proportions: who of a round's respondents is favourable, productive, happy, aligned
//! or a promoter. Shares are turned into counts (rounded) and shuffled over the respondents,
//! so a quarter's figure is the story's number up to rounding, at any company size.

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::Rng;

use super::answers::{EnpsBand, Profile};
use super::story::CulturePlan;

fn count(share: f64, n: usize) -> usize {
    ((share * n as f64).round() as usize).min(n)
}

/// `n` flags, `round(share·n)` of them true, in random order.
pub fn flags(share: f64, n: usize, rng: &mut StdRng) -> Vec<bool> {
    let yes = count(share, n);
    let mut v: Vec<bool> = (0..n).map(|i| i < yes).collect();
    v.shuffle(rng);
    v
}

/// Internal-CSAT profiles of one group.
pub fn csat(favorable: f64, n: usize, rng: &mut StdRng) -> Vec<Profile> {
    flags(favorable, n, rng)
        .into_iter()
        .map(|favorable| Profile::Csat { favorable })
        .collect()
}

/// Alignment profiles.
pub fn alignment(aligned: f64, n: usize, rng: &mut StdRng) -> Vec<Profile> {
    flags(aligned, n, rng)
        .into_iter()
        .map(|aligned| Profile::Alignment { aligned })
        .collect()
}

/// Engineering-culture profiles: exact quadrant counts, then eNPS bands given mostly to the
/// happy (promoters) and the unhappy (detractors), as in real data.
pub fn culture(plan: &CulturePlan, n: usize, rng: &mut StdRng) -> Vec<Profile> {
    let ph = count(plan.productive_happy, n);
    let pu = count(plan.productive_unhappy, n).min(n - ph);
    let hu = count(plan.happy_unproductive, n).min(n - ph - pu);
    let mut quadrants: Vec<(bool, bool)> = (0..n)
        .map(|i| match i {
            i if i < ph => (true, true),
            i if i < ph + pu => (true, false),
            i if i < ph + pu + hu => (false, true),
            _ => (false, false),
        })
        .collect();
    quadrants.shuffle(rng);
    // Rank by a noisy "mood" score: happiness counts most, productivity a little.
    let mut order: Vec<(usize, f64)> = quadrants
        .iter()
        .enumerate()
        .map(|(i, (p, h))| {
            let score = f64::from(u8::from(*h)) + 0.4 * f64::from(u8::from(*p));
            (i, score + rng.random_range(0.0..1.2))
        })
        .collect();
    order.sort_by(|a, b| b.1.total_cmp(&a.1));
    let promoters = count(plan.promoters, n);
    let detractors = count(plan.detractors, n).min(n - promoters);
    let mut bands = vec![EnpsBand::Passive; n];
    for (rank, (i, _)) in order.iter().enumerate() {
        if rank < promoters {
            bands[*i] = EnpsBand::Promoter;
        } else if rank >= n - detractors {
            bands[*i] = EnpsBand::Detractor;
        }
    }
    quadrants
        .into_iter()
        .zip(bands)
        .map(|((productive, happy), enps)| Profile::Culture {
            productive,
            happy,
            enps,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn culture_counts_are_exact() {
        let plan = CulturePlan {
            productive_happy: 0.5,
            productive_unhappy: 0.2,
            happy_unproductive: 0.1,
            promoters: 0.4,
            detractors: 0.3,
        };
        let p = culture(&plan, 100, &mut StdRng::seed_from_u64(5));
        let ph = p
            .iter()
            .filter(|p| {
                matches!(
                    p,
                    Profile::Culture {
                        productive: true,
                        happy: true,
                        ..
                    }
                )
            })
            .count();
        let promoters = p
            .iter()
            .filter(|p| {
                matches!(
                    p,
                    Profile::Culture {
                        enps: EnpsBand::Promoter,
                        ..
                    }
                )
            })
            .count();
        assert_eq!((ph, promoters), (50, 40));
    }
}
