//! SQLite: survey submissions stored by group commit. Every submission waiting for the
//! database's write turn when a transaction ends is stored in the next one, each in a
//! savepoint of its own, so one commit (one WAL sync, one hand-over of the turn) serves all of
//! them. Each submitter is answered only after the commit that holds its submission, so an
//! acknowledged answer is as durable as with a transaction each; one refused or failed
//! submission rolls back its savepoint only. SQLite stamps rows with no transaction id, so
//! sharing a transaction links nothing to anything (PostgreSQL stores each submission on its
//! own, see `survey::SubmitPg`).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::pool;
use super::schema::responses;
use super::survey_sql;
use super::{DbConnection, DbError};
use crate::domain::ids::RoundId;
use crate::domain::survey_form::AnswerValue;

/// One submission to store: the link and invitation a lookup found, and the checked answers.
pub struct StoreJob {
    pub token_hash: String,
    pub invitation_id: String,
    pub reporting_group: String,
    pub round_id: RoundId,
    pub now: PrimitiveDateTime,
    pub answers: Vec<AnswerValue>,
}

/// What storing a submission did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stored {
    /// The response and its answers are committed and the invitation marked answered.
    Yes,
    /// Nothing stored: since the lookup the link was answered, deleted or its round closed.
    NotFlipped,
}

type Slot = Arc<Mutex<Option<Result<Stored, DbError>>>>;

struct Entry {
    job: StoreJob,
    slot: Slot,
}

type Queue = Arc<Mutex<Vec<Entry>>>;

/// The submissions waiting, per database file of this process.
fn queue_for(database: &str) -> Queue {
    static QUEUES: OnceLock<Mutex<HashMap<String, Queue>>> = OnceLock::new();
    QUEUES
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .entry(database.to_string())
        .or_default()
        .clone()
}

/// Stores `job`, together with whatever other submissions wait for the write turn.
pub fn store(conn: &mut DbConnection, job: StoreJob) -> Result<Stored, DbError> {
    let DbConnection::Sqlite(inner) = conn else {
        // PostgreSQL stores through `ctopulse_submit`, whose two transactions keep the
        // response's transaction id apart from the invitation's; this one would not.
        return Err(not_sqlite());
    };
    let database = pool::database_key(inner);
    let queue = queue_for(&database);
    let slot: Slot = Arc::default();
    lock(&queue).push(Entry {
        job,
        slot: slot.clone(),
    });
    // A transaction that ends while this one waits may store it: its outcome is then ready
    // without the turn (the leader fills the slots before it hands the turn on).
    let turn = pool::sqlite_writer_unless(&database, &|| lock(&slot).is_some());
    if let Some(done) = lock(&slot).take() {
        return done;
    }
    let Some(_turn) = turn else {
        return Err(DbError::NotCommitted(
            "the write turn was given up without an outcome".into(),
        ));
    };
    let batch = std::mem::take(&mut *lock(&queue));
    let slots: Vec<Slot> = batch.iter().map(|e| e.slot.clone()).collect();
    if batch.len() > 1 {
        // Others' answers are acknowledged on this connection's commit: it must sync, even
        // where this thread had traded that away (the demo's seed, `fast_commits`).
        diesel::connection::SimpleConnection::batch_execute(inner, "PRAGMA synchronous = FULL")?;
    }
    let mut results: Vec<(Slot, Result<Stored, DbError>)> = Vec::with_capacity(batch.len());
    // `transaction` inside a transaction is a savepoint; the turn is this thread's already.
    let committed = conn.write_transaction(|c| {
        for Entry { job, slot } in batch {
            results.push((slot, c.transaction(|c| job.run(c))));
        }
        Ok::<_, DbError>(())
    });
    let outcomes = match committed {
        Ok(()) => results,
        // Nothing of the batch was stored (its savepoints went with the transaction).
        Err(e) => slots
            .into_iter()
            .map(|s| (s, Err(not_committed(&e))))
            .collect(),
    };
    // This thread's own entry was queued before it waited for the turn, and no other
    // transaction took it (its slot was empty), so it is in this batch.
    publish(outcomes, &slot).unwrap_or_else(|| {
        Err(DbError::NotCommitted(
            "the submission was not queued".into(),
        ))
    })
}

/// Hands every submission of the batch its outcome, and returns this thread's own.
fn publish(
    outcomes: Vec<(Slot, Result<Stored, DbError>)>,
    own: &Slot,
) -> Option<Result<Stored, DbError>> {
    let mut mine = None;
    for (slot, result) in outcomes {
        if Arc::ptr_eq(&slot, own) {
            mine = Some(result);
        } else {
            *lock(&slot) = Some(result);
        }
    }
    mine
}

/// The error every submission of a batch whose commit failed gets: nothing of it was stored.
fn not_committed(e: &DbError) -> DbError {
    match e {
        DbError::Full(m) => DbError::Full(m.clone()),
        DbError::Unavailable(m) => DbError::Unavailable(m.clone()),
        other => DbError::NotCommitted(other.to_string()),
    }
}

/// Why a PostgreSQL connection cannot store here.
fn not_sqlite() -> DbError {
    DbError::NotCommitted(
        "group commit is SQLite's; PostgreSQL stores through ctopulse_submit".into(),
    )
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl StoreJob {
    /// The flag flips only while the link exists, the invitation is unanswered and the round
    /// takes answers: what makes an answer count once, whatever happened since the lookup.
    fn run(self, conn: &mut DbConnection) -> Result<Stored, DbError> {
        let DbConnection::Sqlite(conn) = conn else {
            return Err(not_sqlite());
        };
        let flipped = survey_sql::Flip {
            invitation_id: &self.invitation_id,
            token_hash: &self.token_hash,
            round_id: self.round_id,
            now: self.now,
        }
        .execute(conn)?;
        if flipped == 0 {
            return Ok(Stored::NotFlipped);
        }
        // A random v4 id and nothing else: no invitation, person, locale or time.
        let response_id = uuid::Uuid::new_v4().to_string();
        diesel::insert_into(responses::table)
            .values((
                responses::id.eq(&response_id),
                responses::round_id.eq(self.round_id),
                responses::reporting_group.eq(&self.reporting_group),
            ))
            .execute(conn)?;
        if !self.answers.is_empty() {
            survey_sql::AnswerRows {
                response_id: &response_id,
                round_id: self.round_id,
                answers: &self.answers,
            }
            .execute(conn)?;
        }
        Ok(Stored::Yes)
    }
}
