//! Survey schedules, the record of each scheduled step (claimed with a lease like an outbox
//! row, so that with several instances a step happens once), and reminder waves.

use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error as DieselError};
use time::PrimitiveDateTime;

use super::schema::{reminder_waves as w, schedule_steps as st, schedules as s};
use super::{DbConnection, DbError};
use crate::domain::ids::RoundId;

/// A schedule as stored.
#[derive(Debug, Clone, PartialEq, Queryable, Insertable, AsChangeset)]
#[diesel(table_name = s)]
pub struct ScheduleRow {
    pub template_key: String,
    pub launch_day: i32,
    pub days_open: i32,
    /// `3,5`.
    pub reminder_days: String,
    /// JSON list of merges, each a list of department keys.
    pub merges: String,
    pub enabled: bool,
    pub updated_by: String,
    pub updated_at: PrimitiveDateTime,
}

/// Every schedule, by survey key.
pub fn all(conn: &mut DbConnection) -> Result<Vec<ScheduleRow>, DbError> {
    Ok(s::table.order(s::template_key).load(conn)?)
}

/// One survey's schedule.
pub fn get(conn: &mut DbConnection, key: &str) -> Result<Option<ScheduleRow>, DbError> {
    Ok(s::table.find(key).first(conn).optional()?)
}

/// Writes a survey's schedule, replacing the one it had.
pub fn put(conn: &mut DbConnection, row: &ScheduleRow) -> Result<(), DbError> {
    let updated = diesel::update(s::table.find(&row.template_key))
        .set(row)
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(s::table).values(row).execute(conn)?;
    }
    Ok(())
}

/// Removes a survey's schedule; whether it had one.
pub fn remove(conn: &mut DbConnection, key: &str) -> Result<bool, DbError> {
    Ok(diesel::delete(s::table.find(key)).execute(conn)? > 0)
}

/// A scheduled step's record.
#[derive(Debug, Clone, PartialEq, Queryable)]
pub struct StepRow {
    pub template_key: String,
    pub quarter: String,
    pub step: String,
    pub claim_owner: Option<String>,
    pub lease_expires_at: Option<PrimitiveDateTime>,
    pub done_at: Option<PrimitiveDateTime>,
    pub outcome: Option<String>,
}

/// The records of one survey's steps in a quarter.
pub fn steps(conn: &mut DbConnection, key: &str, quarter: &str) -> Result<Vec<StepRow>, DbError> {
    Ok(st::table
        .filter(st::template_key.eq(key))
        .filter(st::quarter.eq(quarter))
        .order(st::step)
        .load(conn)?)
}

/// The latest step records of every survey, newest first (for the admin page).
pub fn recent_steps(conn: &mut DbConnection, limit: i64) -> Result<Vec<StepRow>, DbError> {
    Ok(st::table
        .filter(st::done_at.is_not_null())
        .order(st::done_at.desc())
        .limit(limit)
        .load(conn)?)
}

/// Claims a step for `owner` until `lease_until`: true if this owner may take it now. A step
/// nobody has recorded is claimed by inserting its row (the primary key lets one insert win);
/// one claimed by an owner whose lease has run out (it stopped mid-step) is taken over; a
/// done step, or one under a live lease, is not. Run outside a transaction: a lost insert
/// race is a unique violation, which would abort an enclosing PostgreSQL transaction.
pub fn claim(
    conn: &mut DbConnection,
    (key, quarter, step): (&str, &str, &str),
    owner: &str,
    now: PrimitiveDateTime,
    lease_until: PrimitiveDateTime,
) -> Result<bool, DbError> {
    let inserted = diesel::insert_into(st::table)
        .values((
            st::template_key.eq(key),
            st::quarter.eq(quarter),
            st::step.eq(step),
            st::claim_owner.eq(owner),
            st::lease_expires_at.eq(lease_until),
        ))
        .execute(conn);
    match inserted {
        Ok(_) => return Ok(true),
        Err(DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {}
        Err(e) => return Err(e.into()),
    }
    let taken = diesel::update(
        st::table
            .filter(st::template_key.eq(key))
            .filter(st::quarter.eq(quarter))
            .filter(st::step.eq(step))
            .filter(st::done_at.is_null())
            .filter(st::lease_expires_at.le(now)),
    )
    .set((
        st::claim_owner.eq(owner),
        st::lease_expires_at.eq(lease_until),
    ))
    .execute(conn)?;
    Ok(taken == 1)
}

/// Records a claimed step as done with what it did; false (and nothing written) if the
/// claim was lost to another owner meanwhile.
pub fn finish(
    conn: &mut DbConnection,
    (key, quarter, step): (&str, &str, &str),
    owner: &str,
    now: PrimitiveDateTime,
    outcome: &str,
) -> Result<bool, DbError> {
    let n = diesel::update(
        st::table
            .filter(st::template_key.eq(key))
            .filter(st::quarter.eq(quarter))
            .filter(st::step.eq(step))
            .filter(st::claim_owner.eq(owner))
            .filter(st::done_at.is_null()),
    )
    .set((
        st::done_at.eq(Some(now)),
        st::outcome.eq(Some(outcome)),
        st::lease_expires_at.eq(None::<PrimitiveDateTime>),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// A reminder wave as stored.
#[derive(Debug, Clone, PartialEq, Queryable, Insertable)]
#[diesel(table_name = w)]
pub struct WaveRow {
    pub id: String,
    pub round_id: RoundId,
    pub queued_at: PrimitiveDateTime,
    pub trigger: String,
    pub actor: String,
    pub reminders: i32,
    pub reinvites: i32,
    pub held_back: i32,
}

/// Records a wave.
pub fn insert_wave(conn: &mut DbConnection, row: &WaveRow) -> Result<(), DbError> {
    diesel::insert_into(w::table).values(row).execute(conn)?;
    Ok(())
}

/// A round's waves, oldest first.
pub fn waves(conn: &mut DbConnection, round: RoundId) -> Result<Vec<WaveRow>, DbError> {
    Ok(w::table
        .filter(w::round_id.eq(round))
        .order(w::queued_at)
        .load(conn)?)
}
