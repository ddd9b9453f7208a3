//! The outbox: claiming due messages with a lease, and recording outcomes only while the
//! claim is still ours.

use crate::domain::ids::RoundId;
use std::collections::{HashMap, HashSet};

use diesel::prelude::*;
use diesel::sql_types::{Integer, Text, Timestamp};
use time::{Duration, PrimitiveDateTime};

use super::schema::{employees, invitation_links, invitations, outbox, rounds};
use super::{DbConnection, DbError};

/// A claimed message.
#[derive(Debug, Clone, QueryableByName)]
pub struct Claimed {
    #[diesel(sql_type = Text)]
    pub id: String,
    #[diesel(sql_type = Text)]
    pub kind: String,
    #[diesel(sql_type = Text)]
    pub recipient: String,
    #[diesel(sql_type = diesel::sql_types::Nullable<Text>)]
    pub round_id: Option<RoundId>,
    #[diesel(sql_type = diesel::sql_types::Nullable<Text>)]
    pub invitation_id: Option<String>,
    #[diesel(sql_type = Text)]
    pub locale: String,
    #[diesel(sql_type = Integer)]
    pub attempts: i32,
    #[diesel(sql_type = Timestamp)]
    pub created_at: PrimitiveDateTime,
}

/// Claims up to `limit` due messages for `owner` until `now + lease`. Expired claims of
/// other workers (a crashed instance) are taken over.
pub fn claim(
    conn: &mut DbConnection,
    owner: &str,
    now: PrimitiveDateTime,
    lease: Duration,
    limit: i64,
) -> Result<Vec<Claimed>, DbError> {
    let until = now + lease;
    conn.write_transaction(|conn| {
        let rows = match conn {
            DbConnection::Pg(c) => diesel::sql_query(
                "UPDATE outbox SET claim_owner = $1, lease_expires_at = $2 WHERE id IN ( \
                   SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= $3 \
                   AND (claim_owner IS NULL OR lease_expires_at < $3) \
                   ORDER BY next_attempt_at LIMIT $4 FOR UPDATE SKIP LOCKED) \
                 RETURNING id, kind, recipient, round_id, invitation_id, locale, attempts, created_at",
            )
            .bind::<Text, _>(owner)
            .bind::<Timestamp, _>(until)
            .bind::<Timestamp, _>(now)
            .bind::<diesel::sql_types::BigInt, _>(limit)
            .load::<Claimed>(c)?,
            DbConnection::Sqlite(c) => diesel::sql_query(
                "UPDATE outbox SET claim_owner = ?1, lease_expires_at = ?2 WHERE id IN ( \
                   SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= ?3 \
                   AND (claim_owner IS NULL OR lease_expires_at < ?3) \
                   ORDER BY next_attempt_at LIMIT ?4) \
                 RETURNING id, kind, recipient, round_id, invitation_id, locale, attempts, created_at",
            )
            .bind::<Text, _>(owner)
            .bind::<Timestamp, _>(until)
            .bind::<Timestamp, _>(now)
            .bind::<diesel::sql_types::BigInt, _>(limit)
            .load::<Claimed>(c)?,
        };
        Ok(rows)
    })
}

/// Everything needed to render one message.
#[derive(Debug, Clone)]
pub struct MessageFacts {
    pub recipient_name: String,
    pub recipient_email: String,
    pub round_status: String,
    pub round_closes_at: PrimitiveDateTime,
    pub responded: bool,
    pub active: bool,
    /// The invitee's reporting group ("you said, we did" is per group).
    pub reporting_group: String,
}

/// invitation id, name, email, active, round status, closes at, responded, reporting group.
type FactsRow = (
    String,
    String,
    String,
    bool,
    String,
    PrimitiveDateTime,
    bool,
    String,
);

/// Facts about the messages of a batch of invitations, keyed by invitation id, read just
/// before sending (so a fixed address is used). One query per 500 invitations.
pub fn facts(
    conn: &mut DbConnection,
    invitation_ids: &[String],
) -> Result<HashMap<String, MessageFacts>, DbError> {
    let mut out = HashMap::with_capacity(invitation_ids.len());
    for chunk in invitation_ids.chunks(CHUNK) {
        let rows: Vec<FactsRow> = invitations::table
            .inner_join(employees::table)
            .inner_join(rounds::table)
            .filter(invitations::id.eq_any(chunk))
            .select((
                invitations::id,
                employees::name,
                employees::email,
                employees::active,
                rounds::status,
                rounds::closes_at,
                invitations::responded,
                invitations::reporting_group,
            ))
            .load(conn)?;
        for (id, name, email, active, status, closes_at, responded, reporting_group) in rows {
            out.insert(
                id,
                MessageFacts {
                    recipient_name: name,
                    recipient_email: email,
                    round_status: status,
                    round_closes_at: closes_at,
                    responded,
                    active,
                    reporting_group,
                },
            );
        }
    }
    Ok(out)
}

/// Bound parameters per `IN (…)` list or multi-row insert: far below both backends' limits.
const CHUNK: usize = 500;

/// A link to store before its message leaves.
#[derive(Debug, Clone)]
pub struct NewLink {
    pub message_id: String,
    pub invitation_id: String,
    pub round_id: RoundId,
    pub token_hash: String,
}

/// Stores the links of the messages whose claim is still ours, in one transaction, and
/// returns those messages' ids. Committed before any email leaves, so a delivered link
/// always works.
pub fn store_links(
    conn: &mut DbConnection,
    owner: &str,
    links: &[NewLink],
) -> Result<HashSet<String>, DbError> {
    if links.is_empty() {
        return Ok(HashSet::new());
    }
    conn.write_transaction(|conn| {
        let ids: Vec<String> = links.iter().map(|l| l.message_id.clone()).collect();
        let ours = still_ours(conn, &ids, owner)?;
        let rows: Vec<_> = links
            .iter()
            .filter(|l| ours.contains(&l.message_id))
            .map(|l| {
                (
                    invitation_links::token_hash.eq(&l.token_hash),
                    invitation_links::invitation_id.eq(&l.invitation_id),
                    invitation_links::round_id.eq(&l.round_id),
                )
            })
            .collect();
        for chunk in rows.chunks(CHUNK) {
            crate::db::insert_rows!(conn, invitation_links::table, chunk)?;
        }
        Ok(ours)
    })
}

/// Which of `message_ids` are still claimed by `owner` and pending.
fn still_ours(
    conn: &mut DbConnection,
    message_ids: &[String],
    owner: &str,
) -> Result<HashSet<String>, DbError> {
    let mut ours = HashSet::with_capacity(message_ids.len());
    for chunk in message_ids.chunks(CHUNK) {
        let query = outbox::table
            .filter(outbox::id.eq_any(chunk))
            .filter(outbox::claim_owner.eq(owner))
            .filter(outbox::status.eq("pending"))
            .select(outbox::id);
        // Locked on PostgreSQL: a seal cancelling these messages then waits for this
        // transaction and deletes the links it stored with the round's others, or it came
        // first and they are no longer ours. (SQLite writers take turns.)
        let found: Vec<String> = match conn {
            DbConnection::Pg(c) => query.for_update().load(c)?,
            DbConnection::Sqlite(c) => query.load(c)?,
        };
        ours.extend(found);
    }
    Ok(ours)
}

/// How a send ended.
#[derive(Debug, Clone)]
pub enum Outcome {
    Sent,
    /// Retry at `next_attempt_at`.
    Retry {
        error: String,
        next_attempt_at: PrimitiveDateTime,
    },
    /// Give up; the invitation is marked undeliverable with the reason.
    Failed {
        error: String,
    },
    /// Not sent and never will be (round closed, already answered, person inactive).
    Cancelled {
        reason: String,
    },
}

/// How one message of a batch ended.
#[derive(Debug, Clone)]
pub struct Finished {
    pub message_id: String,
    pub invitation_id: Option<String>,
    pub outcome: Outcome,
}

/// Records the outcomes whose claim is still ours and deletes `forget` (links of messages
/// that never left: nobody saw those tokens), in one transaction. Returns the ids recorded.
pub fn record(
    conn: &mut DbConnection,
    owner: &str,
    finished: &[Finished],
    forget: &[String],
    now: PrimitiveDateTime,
) -> Result<HashSet<String>, DbError> {
    if finished.is_empty() && forget.is_empty() {
        return Ok(HashSet::new());
    }
    conn.write_transaction(|conn| {
        let ids: Vec<String> = finished.iter().map(|f| f.message_id.clone()).collect();
        let ours = still_ours(conn, &ids, owner)?;
        for f in finished.iter().filter(|f| ours.contains(&f.message_id)) {
            apply(conn, f, now)?;
        }
        for chunk in forget.chunks(CHUNK) {
            diesel::delete(
                invitation_links::table.filter(invitation_links::token_hash.eq_any(chunk)),
            )
            .execute(conn)?;
        }
        Ok(ours)
    })
}

fn apply(conn: &mut DbConnection, f: &Finished, now: PrimitiveDateTime) -> Result<(), DbError> {
    let row = outbox::table.filter(outbox::id.eq(&f.message_id));
    let invitation_id = f.invitation_id.as_deref();
    match &f.outcome {
        Outcome::Sent => {
            diesel::update(row)
                .set((
                    outbox::status.eq("sent"),
                    outbox::sent_at.eq(Some(now)),
                    outbox::attempts.eq(outbox::attempts + 1),
                    outbox::claim_owner.eq(None::<String>),
                    outbox::lease_expires_at.eq(None::<PrimitiveDateTime>),
                ))
                .execute(conn)?;
            if let Some(inv) = invitation_id {
                diesel::update(invitations::table.find(inv))
                    .set(invitations::emails_sent.eq(invitations::emails_sent + 1))
                    .execute(conn)?;
            }
        }
        Outcome::Retry {
            error,
            next_attempt_at,
        } => {
            diesel::update(row)
                .set((
                    outbox::attempts.eq(outbox::attempts + 1),
                    outbox::last_error.eq(Some(truncate(error))),
                    outbox::next_attempt_at.eq(*next_attempt_at),
                    outbox::claim_owner.eq(None::<String>),
                    outbox::lease_expires_at.eq(None::<PrimitiveDateTime>),
                ))
                .execute(conn)?;
        }
        Outcome::Failed { error } => {
            diesel::update(row)
                .set((
                    outbox::status.eq("failed"),
                    outbox::attempts.eq(outbox::attempts + 1),
                    outbox::last_error.eq(Some(truncate(error))),
                    outbox::claim_owner.eq(None::<String>),
                    outbox::lease_expires_at.eq(None::<PrimitiveDateTime>),
                ))
                .execute(conn)?;
            if let Some(inv) = invitation_id {
                diesel::update(invitations::table.find(inv))
                    .set((
                        invitations::undeliverable.eq(true),
                        invitations::undeliverable_reason.eq(Some(truncate(error))),
                    ))
                    .execute(conn)?;
            }
        }
        Outcome::Cancelled { reason } => {
            diesel::update(row)
                .set((
                    outbox::status.eq("cancelled"),
                    outbox::last_error.eq(Some(truncate(reason))),
                    outbox::claim_owner.eq(None::<String>),
                    outbox::lease_expires_at.eq(None::<PrimitiveDateTime>),
                ))
                .execute(conn)?;
        }
    }
    Ok(())
}

/// Releases every claim of `owner` (graceful shutdown), so another worker can send at once.
pub fn release(conn: &mut DbConnection, owner: &str) -> Result<usize, DbError> {
    Ok(diesel::update(
        outbox::table
            .filter(outbox::claim_owner.eq(owner))
            .filter(outbox::status.eq("pending")),
    )
    .set((
        outbox::claim_owner.eq(None::<String>),
        outbox::lease_expires_at.eq(None::<PrimitiveDateTime>),
    ))
    .execute(conn)?)
}

/// Messages still waiting, and when the next one is due.
pub fn pending(conn: &mut DbConnection) -> Result<(i64, Option<PrimitiveDateTime>), DbError> {
    let count = outbox::table
        .filter(outbox::status.eq("pending"))
        .count()
        .get_result(conn)?;
    let next = outbox::table
        .filter(outbox::status.eq("pending"))
        .select(diesel::dsl::min(outbox::next_attempt_at))
        .first::<Option<PrimitiveDateTime>>(conn)?;
    Ok((count, next))
}

fn truncate(s: &str) -> String {
    s.chars().take(500).collect()
}
