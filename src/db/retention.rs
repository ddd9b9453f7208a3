//! The storage side of retention: which sealed rounds still hold raw answers, and deleting
//! them (responses, answers, the sealed copy of the comments) while the tallies stay.
//! Queries only — which rounds are due is `domain::retention`, the job is `app::retention`.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::column::malformed_in;
use super::schema::{responses, round_purges, rounds, sealed_comments};
use super::{DbConnection, DbError};
use crate::domain::ids::RoundId;
use crate::domain::quarter::Quarter;
use crate::domain::round::RoundStatus;

/// A sealed round not yet purged: its id and quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Queryable)]
pub struct SealedRound {
    pub id: RoundId,
    pub quarter: Quarter,
}

/// Sealed rounds whose raw answers have not been purged, oldest quarter first.
pub fn unpurged_sealed(conn: &mut DbConnection) -> Result<Vec<SealedRound>, DbError> {
    let purged = round_purges::table.select(round_purges::round_id);
    rounds::table
        .filter(rounds::status.eq(RoundStatus::Sealed))
        .filter(rounds::id.ne_all(purged))
        .order((rounds::quarter, rounds::id))
        .select((rounds::id, rounds::quarter))
        .load(conn)
        .map_err(malformed_in("rounds"))
}

/// What a round holds (or held) of raw answers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct RawCounts {
    pub responses: i64,
    pub answers: i64,
    pub comments: i64,
}

/// Counts the round's responses, their answers and its sealed comments.
pub fn raw_counts(conn: &mut DbConnection, id: RoundId) -> Result<RawCounts, DbError> {
    Ok(RawCounts {
        responses: responses::table
            .filter(responses::round_id.eq(id))
            .count()
            .get_result(conn)?,
        answers: crate::db::answer_tables::count_round(conn, id)?,
        comments: sealed_comments::table
            .filter(sealed_comments::round_id.eq(id))
            .count()
            .get_result(conn)?,
    })
}

/// Deletes the round's answers, responses and sealed comments, records the purge with
/// `counts` (taken by the caller in the same transaction) and marks the round for the seal's
/// storage scrub, which then rewrites what the deletes leave behind (and, if a stop cuts it
/// short, is finished when the server starts). Tallies are not touched.
pub fn purge(
    conn: &mut DbConnection,
    id: RoundId,
    counts: RawCounts,
    now: PrimitiveDateTime,
) -> Result<(), DbError> {
    crate::db::answer_tables::clear_round(conn, id)?;
    diesel::delete(responses::table.filter(responses::round_id.eq(id))).execute(conn)?;
    diesel::delete(sealed_comments::table.filter(sealed_comments::round_id.eq(id)))
        .execute(conn)?;
    // Pages keep samples of the round's comments under its stamp (`app::kept_tallies`).
    crate::db::scorecard::renew_tallies_stamp(conn, id)?;
    diesel::insert_into(round_purges::table)
        .values((
            round_purges::round_id.eq(id),
            round_purges::purged_at.eq(now),
            round_purges::responses.eq(counts.responses),
            round_purges::answers.eq(counts.answers),
            round_purges::comments.eq(counts.comments),
        ))
        .execute(conn)?;
    diesel::update(rounds::table.find(id))
        .set(rounds::scrub_pending.eq(true))
        .execute(conn)?;
    Ok(())
}

/// When the round's raw answers were purged, if they were.
pub fn purged_at(
    conn: &mut DbConnection,
    id: RoundId,
) -> Result<Option<PrimitiveDateTime>, DbError> {
    Ok(round_purges::table
        .find(id)
        .select(round_purges::purged_at)
        .first(conn)
        .optional()?)
}
