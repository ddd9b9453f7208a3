//! "You said, we did" for invitations and reminders: read through the caller's source, kept
//! per round a short while, per recipient's group and language.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::{blocking, OutboxWorker};
use crate::db;
use crate::domain::actions::recap::{recap_view, RecapView, RoundRecap};
use crate::domain::ids::RoundId;
use crate::domain::locale::Locale;

/// Recaps per round, kept a short while: the survey page and the emails read them on every
/// request, and an action's status may change while a round is open.
#[derive(Clone, Default)]
pub struct RecapCache {
    inner: Arc<Mutex<HashMap<RoundId, Kept>>>,
}

/// A recap and when it was computed.
type Kept = (Instant, Arc<RoundRecap>);

impl RecapCache {
    /// How long a recap is reused.
    pub const TTL: Duration = Duration::from_secs(60);

    /// The recap of `round` computed less than [`Self::TTL`] before `now`.
    pub fn cached(&self, round: RoundId, now: Instant) -> Option<Arc<RoundRecap>> {
        let map = self.inner.lock().ok()?;
        map.get(&round)
            .filter(|(at, _)| now.saturating_duration_since(*at) < Self::TTL)
            .map(|(_, r)| r.clone())
    }

    /// Keeps `recap` for `round` from `now`.
    pub fn store(&self, round: RoundId, recap: Arc<RoundRecap>, now: Instant) {
        if let Ok(mut map) = self.inner.lock() {
            map.retain(|_, (at, _)| now.saturating_duration_since(*at) < Self::TTL);
            map.insert(round, (now, recap));
        }
    }
}

/// Loads (and caches) a round's recap; wired by the caller, so `mail/` needs nothing of the
/// use cases behind it.
pub type RecapLoader =
    Arc<dyn Fn(&mut db::DbConnection, RoundId) -> Result<Arc<RoundRecap>, String> + Send + Sync>;

/// Where the worker reads a round's "you said, we did": the cache it shares with the loader,
/// and the loader. An error is logged and the email goes without.
#[derive(Clone)]
pub struct RecapSource {
    pub cache: RecapCache,
    pub load: RecapLoader,
}

impl OutboxWorker {
    /// The recap a recipient of `group` reads in `locale`; `None` without a source, without
    /// anything to show, or when it cannot be read (logged: the email goes without it).
    pub(super) async fn recap_view(
        &self,
        round: RoundId,
        group: &str,
        locale: Locale,
    ) -> Option<RecapView> {
        let source = self.recaps.clone()?;
        // The common case, every message after a round's first: no database, no thread.
        if let Some(recap) = source.cache.cached(round, Instant::now()) {
            return recap_view(&recap, group, locale, self.settings.default_locale);
        }
        let pool = self.pool.clone();
        let load = source.load.clone();
        let read = blocking(move || {
            let mut conn = db::pool::checkout(&pool)?;
            Ok(load(&mut conn, round))
        })
        .await;
        let recap = match read {
            Ok(Ok(r)) => r,
            Ok(Err(e)) => {
                tracing::warn!(%round, error = %e, "no recap for the email");
                return None;
            }
            Err(e) => {
                tracing::warn!(%round, error = %e, "no recap for the email");
                return None;
            }
        };
        recap_view(
            Arc::as_ref(&recap),
            group,
            locale,
            self.settings.default_locale,
        )
    }
}
