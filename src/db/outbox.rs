//! The outbox: claiming due messages with a lease, and recording outcomes only while the
//! claim is still ours.

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
    pub round_id: Option<String>,
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
}

/// Facts about an invitation's message, read at send time (so a fixed address is used).
pub fn facts(
    conn: &mut DbConnection,
    invitation_id: &str,
) -> Result<Option<MessageFacts>, DbError> {
    let row: Option<(String, String, bool, String, PrimitiveDateTime, bool)> = invitations::table
        .inner_join(employees::table)
        .inner_join(rounds::table)
        .filter(invitations::id.eq(invitation_id))
        .select((
            employees::name,
            employees::email,
            employees::active,
            rounds::status,
            rounds::closes_at,
            invitations::responded,
        ))
        .first(conn)
        .optional()?;
    Ok(row.map(
        |(name, email, active, status, closes_at, responded)| MessageFacts {
            recipient_name: name,
            recipient_email: email,
            round_status: status,
            round_closes_at: closes_at,
            responded,
            active,
        },
    ))
}

/// Stores a link hash for an invitation, if the claim on `message_id` is still ours.
/// Committed before the email leaves, so a delivered link always works.
pub fn store_link(
    conn: &mut DbConnection,
    message_id: &str,
    owner: &str,
    invitation_id: &str,
    round_id: &str,
    token_hash: &str,
) -> Result<bool, DbError> {
    conn.write_transaction(|conn| {
        if !still_ours(conn, message_id, owner)? {
            return Ok(false);
        }
        diesel::insert_into(invitation_links::table)
            .values((
                invitation_links::token_hash.eq(token_hash),
                invitation_links::invitation_id.eq(invitation_id),
                invitation_links::round_id.eq(round_id),
            ))
            .execute(conn)?;
        Ok(true)
    })
}

fn still_ours(conn: &mut DbConnection, message_id: &str, owner: &str) -> Result<bool, DbError> {
    Ok(outbox::table
        .filter(outbox::id.eq(message_id))
        .filter(outbox::claim_owner.eq(owner))
        .filter(outbox::status.eq("pending"))
        .count()
        .get_result::<i64>(conn)?
        == 1)
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

/// Records the outcome if the claim is still ours; returns whether it was recorded.
pub fn record(
    conn: &mut DbConnection,
    message_id: &str,
    owner: &str,
    invitation_id: Option<&str>,
    outcome: &Outcome,
    now: PrimitiveDateTime,
) -> Result<bool, DbError> {
    conn.write_transaction(|conn| {
        if !still_ours(conn, message_id, owner)? {
            return Ok(false);
        }
        let row = outbox::table.filter(outbox::id.eq(message_id));
        match outcome {
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
        Ok(true)
    })
}

/// Deletes a link whose email never left (the token was never seen by anyone).
pub fn forget_link(conn: &mut DbConnection, token_hash: &str) -> Result<(), DbError> {
    diesel::delete(invitation_links::table.find(token_hash)).execute(conn)?;
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
