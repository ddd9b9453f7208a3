//! HR events behind measure B's lagging indicators.

use diesel::prelude::*;
use time::{Date, PrimitiveDateTime};

use super::column::malformed_in;
use super::schema::hr_events;
use super::{audit, DbConnection, DbError};
use crate::domain::scoring::{HrEvent, HrEventKind};

/// What an import did.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct HrImportReport {
    pub added: usize,
    pub replaced: usize,
    pub unchanged: usize,
}

/// Stores events; an event with the same (date, event, regretted, top_talent) replaces the
/// stored count, so re-importing the same file changes nothing.
pub fn import(
    conn: &mut DbConnection,
    events: &[HrEvent],
    actor: &str,
    now: PrimitiveDateTime,
) -> Result<HrImportReport, DbError> {
    conn.write_transaction(|conn| {
        let mut report = HrImportReport::default();
        for e in events {
            let key = e.kind;
            let existing: Option<(String, i32)> = hr_events::table
                .filter(hr_events::event_date.eq(e.date))
                .filter(hr_events::event.eq(key))
                .filter(hr_events::regretted.eq(e.regretted))
                .filter(hr_events::top_talent.eq(e.top_talent))
                .select((hr_events::id, hr_events::count))
                .first(conn)
                .optional()?;
            match existing {
                Some((_, c)) if c == e.count as i32 => report.unchanged += 1,
                Some((id, _)) => {
                    diesel::update(hr_events::table.find(id))
                        .set(hr_events::count.eq(e.count as i32))
                        .execute(conn)?;
                    report.replaced += 1;
                }
                None => {
                    diesel::insert_into(hr_events::table)
                        .values((
                            hr_events::id.eq(uuid::Uuid::new_v4().to_string()),
                            hr_events::event_date.eq(e.date),
                            hr_events::event.eq(key),
                            hr_events::count.eq(e.count as i32),
                            hr_events::regretted.eq(e.regretted),
                            hr_events::top_talent.eq(e.top_talent),
                            hr_events::created_at.eq(now),
                        ))
                        .execute(conn)?;
                    report.added += 1;
                }
            }
        }
        let detail = format!(
            "added={} replaced={} unchanged={}",
            report.added, report.replaced, report.unchanged
        );
        audit::record(
            conn,
            now,
            actor,
            "hr.import",
            "hr_events",
            None,
            Some(&detail),
        )?;
        Ok(report)
    })
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
