//! The outbox worker: claim due messages, commit the link hash, send, record the outcome
//! only if the claim is still ours. Runs inside `serve`; `ctopulse send` drains it once.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration as StdDuration, Instant};

use serde::Serialize;
use time::{Duration, PrimitiveDateTime};
use tokio::sync::{watch, Mutex, Semaphore};

use super::content::{self, MessageContext, MessageKind};
use super::{Mailer, SendError};
use crate::clock;
use crate::config::Settings;
use crate::db::outbox::{self as store, Claimed, Outcome};
use crate::db::{self, rounds, DbError, DbPool};
use crate::domain::locale::Locale;
use crate::domain::quarter::Quarter;
use crate::tokens;

/// How long a claim lasts: longer than the worst-case send (every SMTP command timing out).
pub const LEASE: Duration = Duration::minutes(5);
/// Messages claimed per batch.
const BATCH: i64 = 200;

/// What one pass did.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Stats {
    pub claimed: usize,
    pub sent: usize,
    pub retried: usize,
    pub failed: usize,
    pub cancelled: usize,
    /// Claims another worker took over before we recorded (lease expired).
    pub lost: usize,
}

impl Stats {
    fn add(&mut self, o: &Stats) {
        self.claimed += o.claimed;
        self.sent += o.sent;
        self.retried += o.retried;
        self.failed += o.failed;
        self.cancelled += o.cancelled;
        self.lost += o.lost;
    }
}

/// What a message about a round needs, cached per round (parsing the template per message
/// would dominate a 100,000-invitation launch).
#[derive(Clone)]
struct RoundFacts {
    titles: HashMap<Locale, String>,
    quarter: Quarter,
    closes_on: time::Date,
    k: u32,
}

/// The worker. Cheap to clone; clones share the cache and rate limiter.
#[derive(Clone)]
pub struct OutboxWorker {
    pool: DbPool,
    mailer: Mailer,
    settings: Arc<Settings>,
    owner: String,
    rounds: Arc<Mutex<HashMap<String, RoundFacts>>>,
    next_slot: Arc<Mutex<Instant>>,
    concurrency: Arc<Semaphore>,
}

impl OutboxWorker {
    /// A worker with a unique claim owner name.
    pub fn new(pool: DbPool, mailer: Mailer, settings: Arc<Settings>) -> Self {
        let parallel = match mailer {
            Mailer::Smtp { .. } => settings.mail.smtp_pool_size as usize,
            _ => 8,
        };
        OutboxWorker {
            pool,
            mailer,
            owner: format!("worker-{}", uuid::Uuid::new_v4()),
            settings,
            rounds: Arc::default(),
            next_slot: Arc::new(Mutex::new(Instant::now())),
            concurrency: Arc::new(Semaphore::new(parallel.max(1))),
        }
    }

    /// Claims one batch of due messages and processes it.
    pub async fn run_once(&self) -> Result<Stats, DbError> {
        self.pass(None).await
    }

    /// One pass. With `stop`, a stop signal ends the pass early: messages already being sent
    /// finish and are recorded, the rest of the batch is not started (`run` releases it).
    async fn pass(&self, stop: Option<&watch::Receiver<bool>>) -> Result<Stats, DbError> {
        let pool = self.pool.clone();
        let owner = self.owner.clone();
        let claimed = blocking(move || {
            let mut conn = db::pool::checkout(&pool)?;
            store::claim(&mut conn, &owner, clock::now(), LEASE, BATCH)
        })
        .await?;
        let mut stats = Stats {
            claimed: claimed.len(),
            ..Default::default()
        };
        let mut tasks = tokio::task::JoinSet::new();
        for message in claimed {
            let worker = self.clone();
            let permit = match stop {
                None => self.concurrency.clone().acquire_owned().await,
                Some(stop) => {
                    let mut stop = stop.clone();
                    if *stop.borrow_and_update() {
                        break;
                    }
                    tokio::select! {
                        permit = self.concurrency.clone().acquire_owned() => permit,
                        _ = stop.wait_for(|stopped| *stopped) => break,
                    }
                }
            };
            tasks.spawn(async move {
                let _permit = permit;
                worker.process(message).await
            });
        }
        while let Some(done) = tasks.join_next().await {
            match done {
                Ok(Ok(s)) => stats.add(&s),
                Ok(Err(e)) => {
                    tracing::warn!(error = %e, "outbox message left for retry after a database error")
                }
                Err(e) => tracing::error!(error = %e, "outbox task failed"),
            }
        }
        Ok(stats)
    }

    /// Runs passes until nothing is due (`ctopulse send`).
    pub async fn drain(&self) -> Result<Stats, DbError> {
        let mut total = Stats::default();
        loop {
            let s = self.run_once().await?;
            total.add(&s);
            if s.claimed == 0 {
                return Ok(total);
            }
        }
    }

    /// Runs until `stop` turns true, then releases its claims: messages being sent when the
    /// signal comes finish; claimed messages not yet started go back to the queue at once.
    pub async fn run(self, mut stop: watch::Receiver<bool>) {
        loop {
            if *stop.borrow() {
                break;
            }
            let idle = match self.pass(Some(&stop)).await {
                Ok(s) => s.claimed == 0,
                Err(e) => {
                    tracing::warn!(error = %e, "outbox pass failed; retrying shortly");
                    true
                }
            };
            if idle {
                tokio::select! {
                    _ = tokio::time::sleep(StdDuration::from_secs(1)) => {}
                    _ = stop.changed() => {}
                }
            }
        }
        let pool = self.pool.clone();
        let owner = self.owner.clone();
        match blocking(move || store::release(&mut *db::pool::checkout(&pool)?, &owner)).await {
            Ok(n) if n > 0 => tracing::info!(released = n, "outbox claims released"),
            Ok(_) => {}
            Err(e) => {
                tracing::warn!(error = %e, "could not release outbox claims; they expire with their lease")
            }
        }
    }

    async fn process(&self, m: Claimed) -> Result<Stats, DbError> {
        let mut stats = Stats::default();
        let outcome = self.deliver(&m).await?;
        let Some(outcome) = outcome else {
            stats.lost += 1;
            return Ok(stats);
        };
        match &outcome {
            Outcome::Sent => stats.sent += 1,
            Outcome::Retry { .. } => stats.retried += 1,
            Outcome::Failed { .. } => stats.failed += 1,
            Outcome::Cancelled { .. } => stats.cancelled += 1,
        }
        let pool = self.pool.clone();
        let owner = self.owner.clone();
        let id = m.id.clone();
        let inv = m.invitation_id.clone();
        let recorded = blocking(move || {
            let mut conn = db::pool::checkout(&pool)?;
            store::record(
                &mut conn,
                &id,
                &owner,
                inv.as_deref(),
                &outcome,
                clock::now(),
            )
        })
        .await?;
        if !recorded {
            // Another worker took the message over after our lease ran out.
            stats = Stats {
                lost: 1,
                ..Default::default()
            };
        }
        Ok(stats)
    }

    /// Sends one message; `None` when the claim was lost before sending.
    async fn deliver(&self, m: &Claimed) -> Result<Option<Outcome>, DbError> {
        let (Some(round_id), Some(invitation_id)) = (m.round_id.clone(), m.invitation_id.clone())
        else {
            return Ok(Some(Outcome::Cancelled {
                reason: "not an invitation message".into(),
            }));
        };
        let Some(kind) = MessageKind::parse(&m.kind) else {
            return Ok(Some(Outcome::Cancelled {
                reason: format!("unknown message kind {}", m.kind),
            }));
        };
        let pool = self.pool.clone();
        let inv = invitation_id.clone();
        let facts = blocking(move || store::facts(&mut *db::pool::checkout(&pool)?, &inv)).await?;
        let now = clock::now();
        let facts = match facts {
            None => {
                return Ok(Some(Outcome::Cancelled {
                    reason: "the invitation no longer exists".into(),
                }))
            }
            Some(f) if f.round_status != "open" || f.round_closes_at <= now => {
                return Ok(Some(Outcome::Cancelled {
                    reason: "the round has closed".into(),
                }))
            }
            Some(f) if f.responded => {
                return Ok(Some(Outcome::Cancelled {
                    reason: "already answered".into(),
                }))
            }
            Some(f) if !f.active => {
                return Ok(Some(Outcome::Cancelled {
                    reason: "no longer on the roster".into(),
                }))
            }
            Some(f) => f,
        };
        let round = self.round_facts(&round_id).await?;
        let locale: Locale = m.locale.parse().unwrap_or(Locale::En);

        let token = tokens::new_token();
        let hash = tokens::hash(&token);
        let (pool, owner, mid, rid, inv, h) = (
            self.pool.clone(),
            self.owner.clone(),
            m.id.clone(),
            round_id.clone(),
            invitation_id.clone(),
            hash.clone(),
        );
        let stored = blocking(move || {
            store::store_link(
                &mut *db::pool::checkout(&pool)?,
                &mid,
                &owner,
                &inv,
                &rid,
                &h,
            )
        })
        .await?;
        if !stored {
            return Ok(None);
        }
        let link = format!("{}/s/{}", self.settings.public_url, token);
        let title = round.titles.get(&locale).cloned().unwrap_or_default();
        let email = content::render(&MessageContext {
            kind,
            locale,
            to: &facts.recipient_email,
            recipient_name: &facts.recipient_name,
            company: &self.settings.company_name,
            survey_title: &title,
            quarter: round.quarter,
            closes_on: round.closes_on,
            timezone: &self.settings.timezone,
            k: round.k,
            link: &link,
            sender: &self.settings.mail.from,
            sample: false,
        });
        self.wait_for_rate_slot().await;
        // lettre's async client times only the TCP connect, not the SMTP commands: a server
        // that accepts and never answers would hold the message forever. Bound the whole send.
        let limit = StdDuration::from_secs(self.settings.mail.command_timeout_seconds);
        let result = match tokio::time::timeout(limit, self.mailer.send(&email)).await {
            Ok(r) => r,
            Err(_) => Err(SendError::Temporary(format!(
                "no answer from the mail server within {}s",
                limit.as_secs()
            ))),
        };
        let outcome = match result {
            Ok(()) => Outcome::Sent,
            Err(e) => {
                // The token was never seen by anyone: its hash can go.
                let pool = self.pool.clone();
                let _ =
                    blocking(move || store::forget_link(&mut *db::pool::checkout(&pool)?, &hash))
                        .await;
                self.failure_outcome(m, e, now)
            }
        };
        Ok(Some(outcome))
    }

    fn failure_outcome(&self, m: &Claimed, e: SendError, now: PrimitiveDateTime) -> Outcome {
        match e {
            SendError::Permanent(reason) => {
                tracing::warn!(message = %m.id, %reason, "mail refused permanently; invitation marked undeliverable");
                Outcome::Failed { error: reason }
            }
            SendError::Temporary(reason) => {
                let limit = Duration::hours(self.settings.mail.retry_limit_hours as i64);
                let next = now + backoff(m.attempts);
                if next - m.created_at > limit {
                    Outcome::Failed {
                        error: format!(
                            "gave up after {} attempts over {} h: {reason}",
                            m.attempts + 1,
                            self.settings.mail.retry_limit_hours
                        ),
                    }
                } else {
                    tracing::info!(message = %m.id, %reason, attempt = m.attempts + 1, "mail failed temporarily; will retry");
                    Outcome::Retry {
                        error: reason,
                        next_attempt_at: next,
                    }
                }
            }
        }
    }

    async fn round_facts(&self, round_id: &str) -> Result<RoundFacts, DbError> {
        if let Some(f) = self.rounds.lock().await.get(round_id) {
            return Ok(f.clone());
        }
        let pool = self.pool.clone();
        let id = round_id.to_string();
        let round = blocking(move || {
            rounds::get(&mut *db::pool::checkout(&pool)?, &id).map_err(|e| match e {
                rounds::RoundError::Db(d) => d,
                other => DbError::Migration(other.to_string()),
            })
        })
        .await?;
        let titles = match round.template() {
            Ok(t) => Locale::ALL
                .iter()
                .map(|l| (*l, t.title().get(*l).to_string()))
                .collect(),
            Err(_) => HashMap::new(),
        };
        let facts = RoundFacts {
            titles,
            quarter: round
                .quarter()
                .unwrap_or_else(|| Quarter::containing(round.closes_on, 1)),
            closes_on: round.closes_on,
            k: round.k.max(0) as u32,
        };
        self.rounds
            .lock()
            .await
            .insert(round_id.to_string(), facts.clone());
        Ok(facts)
    }

    async fn wait_for_rate_slot(&self) {
        let rate = self.settings.mail.send_rate_per_second;
        if rate <= 0.0 {
            return;
        }
        let wait = {
            let mut next = self.next_slot.lock().await;
            let now = Instant::now();
            let slot = (*next).max(now);
            *next = slot + StdDuration::from_secs_f64(1.0 / rate);
            slot - now
        };
        if !wait.is_zero() {
            tokio::time::sleep(wait).await;
        }
    }
}

/// Exponential backoff: 30 s, 1 min, 2 min, … capped at one hour.
pub fn backoff(attempts: i32) -> Duration {
    let secs = 30i64.saturating_mul(1i64 << attempts.clamp(0, 20));
    Duration::seconds(secs.min(3600))
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, DbError> + Send + 'static,
) -> Result<T, DbError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| DbError::Unavailable(format!("worker thread failed: {e}")))?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_caps() {
        assert_eq!(backoff(0), Duration::seconds(30));
        assert_eq!(backoff(1), Duration::seconds(60));
        assert_eq!(backoff(3), Duration::seconds(240));
        assert_eq!(backoff(10), Duration::seconds(3600));
        assert_eq!(backoff(1000), Duration::seconds(3600));
    }
}
