//! HR events behind measure B's lagging indicators.

use diesel::prelude::*;
use time::{Date, PrimitiveDateTime};

use super::column::malformed_in;
use super::schema::hr_events;
use super::{DbConnection, DbError};
use crate::domain::scoring::{HrEvent, HrEventKind};

/// The stored (id, count) of the event with the same date, kind and flags, if any.
pub fn find_same(conn: &mut DbConnection, e: &HrEvent) -> Result<Option<(String, i32)>, DbError> {
    Ok(hr_events::table
        .filter(hr_events::event_date.eq(e.date))
        .filter(hr_events::event.eq(e.kind))
        .filter(hr_events::regretted.eq(e.regretted))
        .filter(hr_events::top_talent.eq(e.top_talent))
        .select((hr_events::id, hr_events::count))
        .first(conn)
        .optional()?)
}

/// Replaces a stored event's count.
pub fn update_count(conn: &mut DbConnection, id: &str, count: u32) -> Result<(), DbError> {
    diesel::update(hr_events::table.find(id))
        .set(hr_events::count.eq(count as i32))
        .execute(conn)?;
    Ok(())
}

/// Stores a new event.
pub fn insert(conn: &mut DbConnection, e: &HrEvent, now: PrimitiveDateTime) -> Result<(), DbError> {
    diesel::insert_into(hr_events::table)
        .values((
            hr_events::id.eq(uuid::Uuid::new_v4().to_string()),
            hr_events::event_date.eq(e.date),
            hr_events::event.eq(e.kind),
            hr_events::count.eq(e.count as i32),
            hr_events::regretted.eq(e.regretted),
            hr_events::top_talent.eq(e.top_talent),
            hr_events::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// Events dated within `[from, to]`.
pub fn between(conn: &mut DbConnection, from: Date, to: Date) -> Result<Vec<HrEvent>, DbError> {
    let rows: Vec<(Date, HrEventKind, i32, bool, bool)> = hr_events::table
        .filter(hr_events::event_date.ge(from))
        .filter(hr_events::event_date.le(to))
        .select((
            hr_events::event_date,
            hr_events::event,
            hr_events::count,
            hr_events::regretted,
            hr_events::top_talent,
        ))
        .order(hr_events::event_date)
        .load(conn)
        .map_err(malformed_in("hr_events"))?;
    Ok(rows
        .into_iter()
        .map(|(date, kind, count, regretted, top_talent)| HrEvent {
            date,
            kind,
            count: count.max(0) as u32,
            regretted,
            top_talent,
        })
        .collect())
}
