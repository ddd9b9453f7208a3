//! What every email of a round says about it, read once per round and kept.

use std::collections::HashMap;

use super::stages::RoundFacts;
use super::{blocking, content, OutboxWorker};
use crate::db::{self, rounds, DbError};
use crate::domain::ids::RoundId;
use crate::domain::locale::Locale;
use crate::domain::quarter::Quarter;

impl OutboxWorker {
    /// What every email of a round says about it (cached); `None` if the round is gone.
    pub(super) async fn round_facts(
        &self,
        round_id: RoundId,
    ) -> Result<Option<RoundFacts>, DbError> {
        if let Some(f) = self.rounds.lock().await.get(&round_id) {
            return Ok(Some(f.clone()));
        }
        let pool = self.pool.clone();
        let found =
            blocking(move || rounds::find(&mut *db::pool::checkout(&pool)?, round_id)).await?;
        let Some(round) = found else {
            return Ok(None);
        };
        let (titles, durations) = match round.template() {
            Ok(t) => (
                Locale::ALL
                    .iter()
                    .map(|l| (*l, t.title().get(*l).to_string()))
                    .collect(),
                Locale::ALL
                    .iter()
                    .map(|l| {
                        (
                            *l,
                            content::duration_sentence(t.intro().get(*l)).to_string(),
                        )
                    })
                    .collect(),
            ),
            Err(_) => (HashMap::new(), HashMap::new()),
        };
        let facts = RoundFacts {
            titles,
            durations,
            quarter: round
                .quarter()
                .unwrap_or_else(|| Quarter::containing(round.closes_on, 1)),
            closes_on: round.closes_on,
            k: round.k.max(0) as u32,
        };
        self.rounds.lock().await.insert(round_id, facts.clone());
        Ok(Some(facts))
    }
}
