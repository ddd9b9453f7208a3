//! HR events behind measure B's lagging indicators: importing them, audited.

use time::PrimitiveDateTime;

use crate::db::hr;
use crate::db::{audit, DbConnection, DbError};
use crate::domain::scoring::HrEvent;

/// What an import did.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct HrImportReport {
    pub added: usize,
    pub replaced: usize,
    pub unchanged: usize,
}

/// Why an import failed (the file itself is checked before, by `domain::hr::parse`).
#[derive(Debug, thiserror::Error)]
pub enum HrImportError {
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for HrImportError {
    fn from(e: diesel::result::Error) -> Self {
        HrImportError::Db(e.into())
    }
}

/// Stores events; an event with the same (date, event, regretted, top_talent) replaces the
/// stored count, so re-importing the same file changes nothing.
pub fn import(
    conn: &mut DbConnection,
    events: &[HrEvent],
    actor: &str,
    now: PrimitiveDateTime,
) -> Result<HrImportReport, HrImportError> {
    conn.write_transaction(|conn| {
        let mut report = HrImportReport::default();
        for e in events {
            match hr::find_same(conn, e)? {
                Some((_, c)) if c == e.count as i32 => report.unchanged += 1,
                Some((id, _)) => {
                    hr::update_count(conn, &id, e.count)?;
                    report.replaced += 1;
                }
                None => {
                    hr::insert(conn, e, now)?;
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
