//! The outbox worker: claim due messages, commit the link hash, send, record the outcome
//! only if the claim is still ours. Runs inside `serve`; `ctopulse send` drains it once.

use crate::domain::ids::RoundId;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration as StdDuration, Instant};

use time::{Duration, PrimitiveDateTime};
use tokio::sync::{watch, Mutex, Semaphore};

use super::content::{self, MessageContext, MessageKind};
use super::{Mailer, SendError};
use crate::clock;
use crate::config::Settings;
use crate::db::outbox::{self as store, Claimed, Finished, MessageFacts, NewLink, Outcome};
use crate::db::{self, DbError, DbPool};
use crate::domain::locale::Locale;
use crate::domain::survey_link::personal_link;
use crate::tokens;

/// How long a claim lasts: longer than the worst-case send (every SMTP command timing out).
pub const LEASE: Duration = Duration::minutes(5);
/// Messages claimed per batch, at least (a large SMTP pool claims more: four sends per
/// connection, so the pool stays busy between the batch's database work).
const BATCH: i64 = 200;

mod recaps;
pub use recaps::{RecapCache, RecapLoader, RecapSource};
mod retry;
mod round_facts;
mod stages;
mod stats;

pub use retry::backoff;
use stages::{Batch, Prepared, Ready, RoundFacts, Sending};
use stats::add_recorded;
pub use stats::Stats;

/// The worker. Cheap to clone; clones share the cache and rate limiter.
#[derive(Clone)]
pub struct OutboxWorker {
    pool: DbPool,
    mailer: Mailer,
    settings: Arc<Settings>,
    owner: String,
    rounds: Arc<Mutex<HashMap<RoundId, RoundFacts>>>,
    next_slot: Arc<Mutex<Instant>>,
    concurrency: Arc<Semaphore>,
    batch: i64,
    recaps: Option<RecapSource>,
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
            batch: BATCH.max(4 * parallel as i64),
            recaps: None,
        }
    }

    /// The same worker, with invitations and reminders carrying "you said, we did".
    pub fn with_recaps(mut self, source: RecapSource) -> Self {
        self.recaps = Some(source);
        self
    }

    /// Claims one batch of due messages and processes it.
    pub async fn run_once(&self) -> Result<Stats, DbError> {
        self.stream(None, true).await
    }

    /// Runs batches until a claim finds nothing due (`ctopulse send`).
    pub async fn drain(&self) -> Result<Stats, DbError> {
        self.stream(None, false).await
    }

    /// Sends batch after batch until a claim finds nothing due (or `stop` turns true), as a
    /// two-deep pipeline: the next batch is claimed, rendered and its links committed while
    /// the current one sends, and its sends start as the current batch's finish, so the SMTP
    /// pool never waits for the database. Run one batch at a time (claim, send, record), the
    /// pool idled during every batch's three transactions and sent each batch's tail at less
    /// than full concurrency: 60 % of bare lettre's rate at pool 64. Each batch still records
    /// its outcomes in one transaction once its own sends are done.
    /// With `stop`, a stop signal ends the stream: messages already being sent finish and are
    /// recorded, the rest are not started (their links are deleted; `run` releases them).
    async fn stream(
        &self,
        stop: Option<&watch::Receiver<bool>>,
        one_batch: bool,
    ) -> Result<Stats, DbError> {
        let mut total = Stats::default();
        let mut recording = tokio::task::JoinSet::new();
        let mut next = Some(self.spawn_batch());
        let mut failed = None;
        while let Some(handle) = next.take() {
            let batch = match handle.await {
                Ok(Ok(batch)) => batch,
                Ok(Err(e)) => {
                    failed = Some(e);
                    break;
                }
                Err(e) => {
                    failed = Some(DbError::Unavailable(format!("worker task failed: {e}")));
                    break;
                }
            };
            if batch.claimed == 0 {
                break;
            }
            let stopping = stop.is_some_and(|s| *s.borrow());
            if !one_batch && !stopping {
                next = Some(self.spawn_batch());
            }
            let sending = self.dispatch(batch, stop).await;
            recording.spawn(self.clone().finish(sending));
            while let Some(done) = recording.try_join_next() {
                add_recorded(&mut total, done);
            }
        }
        while let Some(done) = recording.join_next().await {
            add_recorded(&mut total, done);
        }
        match failed {
            Some(e) => Err(e),
            None => Ok(total),
        }
    }

    fn spawn_batch(&self) -> tokio::task::JoinHandle<Result<Batch, DbError>> {
        let worker = self.clone();
        tokio::spawn(async move { worker.next_batch().await })
    }

    /// Claims a batch, reads its facts, renders its messages and commits their links: three
    /// database round trips for the whole batch (claim, facts, links) rather than per message.
    async fn next_batch(&self) -> Result<Batch, DbError> {
        let pool = self.pool.clone();
        let owner = self.owner.clone();
        let batch = self.batch;
        let claimed = blocking(move || {
            let mut conn = db::pool::checkout(&pool)?;
            store::claim(&mut conn, &owner, clock::now(), LEASE, batch)
        })
        .await?;
        let mut out = Batch {
            claimed: claimed.len(),
            lost: 0,
            skipped: Vec::new(),
            ready: Vec::new(),
            now: clock::now(),
        };
        if claimed.is_empty() {
            return Ok(out);
        }
        let pool = self.pool.clone();
        let invitation_ids: Vec<String> = claimed
            .iter()
            .filter_map(|m| m.invitation_id.clone())
            .collect();
        let facts =
            blocking(move || store::facts(&mut *db::pool::checkout(&pool)?, &invitation_ids))
                .await?;
        let mut ready = Vec::new();
        for m in claimed {
            match self.prepare(m, &facts, out.now).await? {
                Prepared::Skip(f) => out.skipped.push(f),
                Prepared::Send(s) => ready.push(*s),
            }
        }
        let links: Vec<NewLink> = ready.iter().map(|r| r.link.clone()).collect();
        let (pool, owner) = (self.pool.clone(), self.owner.clone());
        let stored =
            blocking(move || store::store_links(&mut *db::pool::checkout(&pool)?, &owner, &links))
                .await?;
        out.lost = ready.len() - stored.len();
        out.ready = ready
            .into_iter()
            .filter(|r| stored.contains(&r.link.message_id))
            .collect();
        Ok(out)
    }

    /// Starts a batch's sends as send slots free up. Stopped, the rest are not started.
    async fn dispatch(&self, batch: Batch, stop: Option<&watch::Receiver<bool>>) -> Sending {
        let mut sending = Sending {
            stats: Stats {
                claimed: batch.claimed,
                lost: batch.lost,
                ..Default::default()
            },
            finished: batch.skipped,
            forget: Vec::new(),
            tasks: tokio::task::JoinSet::new(),
        };
        let now = batch.now;
        let mut ready = batch.ready.into_iter();
        for r in ready.by_ref() {
            let permit = match stop {
                None => self.concurrency.clone().acquire_owned().await,
                Some(stop) => {
                    let mut stop = stop.clone();
                    if *stop.borrow_and_update() {
                        sending.forget.push(r.link.token_hash);
                        break;
                    }
                    tokio::select! {
                        permit = self.concurrency.clone().acquire_owned() => permit,
                        _ = stop.wait_for(|stopped| *stopped) => {
                            sending.forget.push(r.link.token_hash);
                            break;
                        }
                    }
                }
            };
            let worker = self.clone();
            sending.tasks.spawn(async move {
                let _permit = permit;
                worker.send(r, now).await
            });
        }
        // Not started (stopped): their tokens were never seen; `run` releases the claims.
        sending.forget.extend(ready.map(|r| r.link.token_hash));
        sending
    }

    /// Waits for a batch's sends and records every outcome in one transaction.
    async fn finish(self, sending: Sending) -> Stats {
        let Sending {
            mut stats,
            mut finished,
            mut forget,
            mut tasks,
        } = sending;
        while let Some(done) = tasks.join_next().await {
            match done {
                Ok((f, unsent)) => {
                    forget.extend(unsent);
                    finished.push(f);
                }
                Err(e) => tracing::error!(error = %e, "outbox task failed"),
            }
        }
        for f in &finished {
            match &f.outcome {
                Outcome::Sent => stats.sent += 1,
                Outcome::Retry { .. } => stats.retried += 1,
                Outcome::Failed { .. } => stats.failed += 1,
                Outcome::Cancelled { .. } => stats.cancelled += 1,
            }
        }
        let (pool, owner) = (self.pool.clone(), self.owner.clone());
        let finished = Arc::new(finished);
        let outcomes = finished.clone();
        let recorded = blocking(move || {
            store::record(
                &mut *db::pool::checkout(&pool)?,
                &owner,
                &outcomes,
                &forget,
                clock::now(),
            )
        })
        .await;
        match recorded {
            Ok(recorded) => {
                // Another worker took these over after our lease ran out.
                for f in finished
                    .iter()
                    .filter(|f| !recorded.contains(&f.message_id))
                {
                    stats.lost += 1;
                    match f.outcome {
                        Outcome::Sent => stats.sent -= 1,
                        Outcome::Retry { .. } => stats.retried -= 1,
                        Outcome::Failed { .. } => stats.failed -= 1,
                        Outcome::Cancelled { .. } => stats.cancelled -= 1,
                    }
                }
            }
            // The claims stay ours until the lease ends; the messages are sent again then.
            Err(e) => {
                tracing::warn!(error = %e, messages = finished.len(), "outbox outcomes not recorded; the messages are retried when their lease ends")
            }
        }
        stats
    }

    /// Runs until `stop` turns true, then releases its claims: messages being sent when the
    /// signal comes finish; claimed messages not yet started go back to the queue at once.
    pub async fn run(self, mut stop: watch::Receiver<bool>) {
        loop {
            if *stop.borrow() {
                break;
            }
            // A stream ends when nothing is due (or on a stop): wait before looking again.
            if let Err(e) = self.stream(Some(&stop), false).await {
                tracing::warn!(error = %e, "outbox pass failed; retrying shortly");
            }
            tokio::select! {
                _ = tokio::time::sleep(StdDuration::from_secs(1)) => {}
                _ = stop.changed() => {}
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

    /// Decides whether a claimed message is sent, and renders it with a fresh link.
    async fn prepare(
        &self,
        m: Claimed,
        facts: &HashMap<String, MessageFacts>,
        now: PrimitiveDateTime,
    ) -> Result<Prepared, DbError> {
        let skip = |m: Claimed, reason: &str| {
            Ok(Prepared::Skip(Finished {
                message_id: m.id,
                invitation_id: m.invitation_id,
                outcome: Outcome::Cancelled {
                    reason: reason.into(),
                },
            }))
        };
        let (Some(round_id), Some(invitation_id)) = (m.round_id, m.invitation_id.clone()) else {
            return skip(m, "not an invitation message");
        };
        let Some(kind) = MessageKind::parse(&m.kind) else {
            let reason = format!("unknown message kind {}", m.kind);
            return skip(m, &reason);
        };
        let facts = match facts.get(&invitation_id) {
            None => return skip(m, "the invitation no longer exists"),
            Some(f) if f.round_status != "open" || f.round_closes_at <= now => {
                return skip(m, "the round has closed")
            }
            Some(f) if f.responded => return skip(m, "already answered"),
            Some(f) if !f.active => return skip(m, "no longer on the roster"),
            Some(f) => f,
        };
        let Some(round) = self.round_facts(round_id).await? else {
            return skip(m, "the round no longer exists");
        };
        let locale: Locale = m.locale.parse().unwrap_or(Locale::En);
        let token = tokens::new_token();
        let link = personal_link(&self.settings.server.public_url, &token, locale, round_id);
        let title = round.titles.get(&locale).cloned().unwrap_or_default();
        let duration = round.durations.get(&locale).cloned().unwrap_or_default();
        let recap = self
            .recap_view(round_id, &facts.reporting_group, locale)
            .await;
        let rendered = content::render(&MessageContext {
            kind,
            locale,
            to: &facts.recipient_email,
            recipient_name: &facts.recipient_name,
            company: &self.settings.company_name,
            survey_title: &title,
            duration: &duration,
            quarter: round.quarter,
            closes_on: round.closes_on,
            timezone: &self.settings.timezone,
            k: round.k,
            link: &link,
            sender: &self.settings.mail.from,
            recap: recap.as_ref(),
        });
        let email = match rendered {
            Ok(email) => email,
            Err(e) => {
                tracing::error!(message = %m.id, error = %e, "email not rendered");
                return skip(m, "the email could not be rendered");
            }
        };
        Ok(Prepared::Send(Box::new(Ready {
            link: NewLink {
                message_id: m.id.clone(),
                invitation_id,
                round_id,
                token_hash: tokens::hash(&token),
            },
            message: m,
            email,
        })))
    }

    /// Sends one message whose link is stored; returns its outcome and, when it did not
    /// leave, its link's hash to delete.
    async fn send(&self, r: Ready, now: PrimitiveDateTime) -> (Finished, Option<String>) {
        self.wait_for_rate_slot().await;
        // lettre's async client times only the TCP connect, not the SMTP commands: a server
        // that accepts and never answers would hold the message forever. Bound the whole send.
        let limit = StdDuration::from_secs(self.settings.mail.command_timeout_seconds);
        let result = match tokio::time::timeout(limit, self.mailer.send(&r.email)).await {
            Ok(result) => result,
            Err(_) => Err(SendError::Temporary(format!(
                "no answer from the mail server within {}s",
                limit.as_secs()
            ))),
        };
        let (outcome, unsent) = match result {
            Ok(()) => (Outcome::Sent, None),
            Err(e) => (
                self.failure_outcome(&r.message, e, now),
                Some(r.link.token_hash),
            ),
        };
        (
            Finished {
                message_id: r.message.id,
                invitation_id: r.message.invitation_id,
                outcome,
            },
            unsent,
        )
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

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, DbError> + Send + 'static,
) -> Result<T, DbError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| DbError::Unavailable(format!("worker thread failed: {e}")))?
}
