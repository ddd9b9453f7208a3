//! Respondents read from the database a moment ago, by token hash. `GET /s/{token}`
//! redirects to the form, which would read the same link again a few milliseconds later,
//! and the POST would read it a third time. Only a hint: the store re-checks link, flag and
//! round under the link's lock in the same statement that writes, so an entry that went
//! stale (answered elsewhere, round closed) stores nothing; the form page trusts an entry
//! only for `FORM_FRESH`, which is the redirect's own race. Holds no answer, only what the
//! link lookup returns, for at most `KEPT_FOR`; never logged.

use crate::domain::ids::RoundId;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::db::survey::Respondent;

/// How old an entry the form page uses (the redirect from the link takes milliseconds).
pub const FORM_FRESH: Duration = Duration::from_secs(10);
/// How old an entry a submission uses (a form takes minutes to fill in).
pub const KEPT_FOR: Duration = Duration::from_secs(15 * 60);
/// At most this many entries: memory stays bounded whatever the traffic.
const MAX_ENTRIES: usize = 10_000;

/// The cache (one per server process).
#[derive(Default)]
pub struct RecentLinks {
    entries: Mutex<HashMap<String, (Instant, Respondent)>>,
}

impl RecentLinks {
    /// Remembers what the lookup of `token_hash` found (an open invitation).
    pub fn remember(&self, token_hash: &str, respondent: &Respondent) {
        self.remember_at(token_hash, respondent, Instant::now());
    }

    fn remember_at(&self, token_hash: &str, respondent: &Respondent, at: Instant) {
        let Ok(mut entries) = self.entries.lock() else {
            return;
        };
        if entries.len() >= MAX_ENTRIES && !entries.contains_key(token_hash) {
            entries.retain(|_, (seen, _)| at.saturating_duration_since(*seen) < KEPT_FOR);
            // Start over unless that freed a tenth: a scan per insert under this lock would
            // cost more than the lookups the cache saves.
            if entries.len() > MAX_ENTRIES - MAX_ENTRIES / 10 {
                entries.clear();
            }
        }
        entries.insert(token_hash.to_string(), (at, respondent.clone()));
    }

    /// The respondent of `token_hash` in round `round_id`, if read less than `max_age` ago.
    pub fn get(
        &self,
        token_hash: &str,
        round_id: RoundId,
        max_age: Duration,
    ) -> Option<Respondent> {
        self.get_at(token_hash, round_id, max_age, Instant::now())
    }

    fn get_at(
        &self,
        token_hash: &str,
        round_id: RoundId,
        max_age: Duration,
        now: Instant,
    ) -> Option<Respondent> {
        let entries = self.entries.lock().ok()?;
        let (seen, respondent) = entries.get(token_hash)?;
        (now.saturating_duration_since(*seen) < max_age && respondent.round.id == round_id)
            .then(|| respondent.clone())
    }

    /// Forgets `token_hash` (answered, or found not open).
    pub fn forget(&self, token_hash: &str) {
        if let Ok(mut entries) = self.entries.lock() {
            entries.remove(token_hash);
        }
    }

    /// Forgets every entry of a round (closed and sealed: its links are gone).
    pub fn forget_round(&self, round_id: RoundId) {
        if let Ok(mut entries) = self.entries.lock() {
            entries.retain(|_, (_, r)| r.round.id != round_id);
        }
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.entries.lock().map(|e| e.len()).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::survey::SurveyRound;

    fn rid(n: u64) -> RoundId {
        format!("00000000-0000-4000-8000-{n:012}")
            .parse()
            .expect("a round id")
    }

    fn respondent(round: RoundId) -> Respondent {
        Respondent {
            round: SurveyRound {
                id: round,
                template_hash: "h".into(),
                status: crate::domain::round::RoundStatus::Open,
                closes_on: time::macros::date!(2029 - 12 - 31),
                closes_at: time::macros::datetime!(2030-01-01 0:00),
                k: 5,
                comment_threshold: 10,
            },
            invitation_id: "i".into(),
            reporting_group: "eng".into(),
            department: crate::domain::department::Membership::Department(
                crate::domain::department::Department::Engineering,
            ),
            locale: crate::domain::locale::Locale::En,
        }
    }

    #[test]
    fn entries_are_used_only_for_their_round_and_while_fresh() {
        let cache = RecentLinks::default();
        let t0 = Instant::now();
        cache.remember_at("a", &respondent(rid(1)), t0);
        let at = |s| t0 + Duration::from_secs(s);
        assert!(cache.get_at("a", rid(1), FORM_FRESH, at(9)).is_some());
        assert!(cache.get_at("a", rid(1), FORM_FRESH, at(10)).is_none());
        assert!(cache.get_at("a", rid(1), KEPT_FOR, at(899)).is_some());
        assert!(cache.get_at("a", rid(1), KEPT_FOR, at(900)).is_none());
        assert!(
            cache.get_at("a", rid(2), KEPT_FOR, at(1)).is_none(),
            "another round"
        );
        assert!(
            cache.get_at("b", rid(1), KEPT_FOR, at(1)).is_none(),
            "another link"
        );
        cache.forget("a");
        assert!(cache.get_at("a", rid(1), KEPT_FOR, at(1)).is_none());
    }

    #[test]
    fn a_sealed_round_leaves_nothing_behind() {
        let cache = RecentLinks::default();
        cache.remember("a", &respondent(rid(1)));
        cache.remember("b", &respondent(rid(2)));
        cache.forget_round(rid(1));
        assert!(cache.get("a", rid(1), KEPT_FOR).is_none());
        assert!(cache.get("b", rid(2), KEPT_FOR).is_some());
    }

    #[test]
    fn memory_stays_bounded() {
        let cache = RecentLinks::default();
        let t0 = Instant::now();
        for i in 0..MAX_ENTRIES {
            cache.remember_at(&format!("old{i}"), &respondent(rid(0)), t0);
        }
        assert_eq!(cache.len(), MAX_ENTRIES);
        // Expired entries make room first.
        cache.remember_at("new", &respondent(rid(0)), t0 + KEPT_FOR);
        assert_eq!(cache.len(), 1);
        // When (nearly) every entry is fresh, the cache starts over rather than grow or scan
        // on every insert.
        for i in 0..MAX_ENTRIES {
            cache.remember_at(&format!("fresh{i}"), &respondent(rid(0)), t0 + KEPT_FOR);
        }
        assert_eq!(
            cache.len(),
            1,
            "started over at the limit, then kept the newest"
        );
        assert!(cache
            .get_at("fresh9999", rid(0), KEPT_FOR, t0 + KEPT_FOR)
            .is_some());
    }
}
