//! What this process keeps in memory of closed rounds: their tallies and key drivers, the
//! bulk of every results page (a scorecard and its trend read eight quarters of rounds; the
//! dashboard reads them again for the actions it follows), and the samples of their sealed
//! comments that pages show. They change only when rewritten (a retally, drivers recomputed,
//! a purge), and every rewrite renews the round's stamp in the same transaction
//! (`db::scorecard::renew_tallies_stamp`), so a round read with another stamp than the one
//! kept is read from the database again, on every instance. Nothing here is a person's
//! answer: only the sealed aggregates and the seal's copy of the comments, which the pages
//! show as they are.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use crate::db::scorecard::SealedTallies;
use crate::domain::ids::RoundId;
use crate::domain::scoring::drivers::DriverRow;
use crate::domain::scoring::{CommentCount, CommentRow};

/// A closed round's tallies and key drivers as stored under one stamp.
#[derive(Debug, Default)]
pub struct Kept {
    pub tallies: SealedTallies,
    pub drivers: Vec<DriverRow>,
    /// Samples of its sealed comments read under the same stamp, by comments per list.
    samples: Mutex<HashMap<u32, Arc<CommentSample>>>,
}

/// Up to n comments of each group × text question, with each list's size.
pub type CommentSample = (Vec<CommentRow>, Vec<CommentCount>);

impl Kept {
    pub fn new(tallies: SealedTallies, drivers: Vec<DriverRow>) -> Self {
        Kept {
            tallies,
            drivers,
            samples: Mutex::default(),
        }
    }

    /// The sample of `per_list` comments per list kept with these tallies, if one was read.
    pub fn sample(&self, per_list: u32) -> Option<Arc<CommentSample>> {
        let samples = self.samples.lock().unwrap_or_else(PoisonError::into_inner);
        samples.get(&per_list).cloned()
    }

    /// Keeps a sample read under these tallies' stamp. Pages ask for one or two sizes.
    pub fn keep_sample(&self, per_list: u32, sample: Arc<CommentSample>) {
        let mut samples = self.samples.lock().unwrap_or_else(PoisonError::into_inner);
        if samples.len() >= MAX_SAMPLE_SIZES {
            samples.clear();
        }
        samples.insert(per_list, sample);
    }
}

/// Sample sizes kept per round at most (the settings name one; an API caller may ask others).
const MAX_SAMPLE_SIZES: usize = 4;

/// Rounds kept at most: eight quarters of a few surveys each is the working set; a page of
/// older quarters reads what it needs again. Past this, everything kept is let go.
const MAX_ROUNDS: usize = 256;

type Store = Mutex<HashMap<RoundId, (String, Arc<Kept>)>>;

fn store() -> &'static Store {
    static KEPT: OnceLock<Store> = OnceLock::new();
    KEPT.get_or_init(Store::default)
}

/// What is kept of `round` under `stamp`, if anything.
pub fn get(round: RoundId, stamp: &str) -> Option<Arc<Kept>> {
    // A panic elsewhere while holding the lock leaves a map that is still whole.
    let kept = store().lock().unwrap_or_else(PoisonError::into_inner);
    kept.get(&round)
        .filter(|(s, _)| s == stamp)
        .map(|(_, k)| Arc::clone(k))
}

/// Keeps `kept` as `round`'s tallies under `stamp`, in place of any older stamp's.
pub fn keep(round: RoundId, stamp: &str, kept: Arc<Kept>) {
    let mut map = store().lock().unwrap_or_else(PoisonError::into_inner);
    if map.len() >= MAX_ROUNDS && !map.contains_key(&round) {
        map.clear();
    }
    map.insert(round, (stamp.to_string(), kept));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_round_is_found_under_its_stamp_only() {
        let round = RoundId::random();
        assert!(get(round, "a").is_none());
        keep(round, "a", Arc::new(Kept::default()));
        assert!(get(round, "a").is_some());
        assert!(get(round, "b").is_none(), "another stamp is a miss");
        keep(round, "b", Arc::new(Kept::default()));
        assert!(
            get(round, "a").is_none(),
            "the old stamp's tallies are gone"
        );
        assert!(get(round, "b").is_some());
    }

    #[test]
    fn samples_are_kept_by_size_and_stay_bounded() {
        let kept = Kept::default();
        assert!(kept.sample(3).is_none());
        kept.keep_sample(3, Arc::new((Vec::new(), Vec::new())));
        assert!(kept.sample(3).is_some());
        assert!(kept.sample(5).is_none(), "another size is a miss");
        for n in 10..20 {
            kept.keep_sample(n, Arc::new((Vec::new(), Vec::new())));
        }
        let held = kept
            .samples
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len();
        assert!(held <= MAX_SAMPLE_SIZES, "{held} sizes kept");
    }

    #[test]
    fn what_is_kept_stays_bounded() {
        for _ in 0..(MAX_ROUNDS * 2) {
            keep(RoundId::random(), "s", Arc::new(Kept::default()));
        }
        let len = store().lock().unwrap_or_else(PoisonError::into_inner).len();
        assert!(len <= MAX_ROUNDS, "{len} rounds kept");
    }
}
