//! Inflection-point use cases: add a point, the CTO's assessment per quarter, the board's
//! confirmation or dispute (each audited), and the register as read.

use time::PrimitiveDateTime;

use crate::db::inflection;
pub use crate::db::inflection::RegisterEntry;
use crate::db::{audit, DbConnection, DbError};
use crate::domain::quarter::Quarter;
use crate::domain::scoring::{Assessment, Confirmation};

/// Why a register change was refused.
#[derive(Debug, thiserror::Error)]
pub enum InflectionError {
    #[error("no inflection point {0}")]
    UnknownPoint(String),
    #[error("no assessment of {point} for {quarter}; the CTO assesses it first")]
    NoAssessment { point: String, quarter: String },
    #[error("{0}")]
    Invalid(String),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for InflectionError {
    fn from(e: diesel::result::Error) -> Self {
        InflectionError::Db(e.into())
    }
}

/// Reads an assessment word.
pub fn parse_assessment(s: &str) -> Result<Assessment, InflectionError> {
    s.parse()
        .map_err(|e: crate::domain::scoring::UnknownWord| InflectionError::Invalid(e.to_string()))
}

fn clean(s: Option<&str>, max: usize, what: &str) -> Result<Option<String>, InflectionError> {
    match s.map(str::trim).filter(|s| !s.is_empty()) {
        Some(t) if t.chars().count() > max => Err(InflectionError::Invalid(format!(
            "{what} is longer than {max} characters"
        ))),
        Some(t) => Ok(Some(t.to_string())),
        None => Ok(None),
    }
}

/// Adds a point and returns its id.
pub fn add(
    conn: &mut DbConnection,
    title: &str,
    first_seen: Quarter,
    description: Option<&str>,
    actor: &str,
    now: PrimitiveDateTime,
) -> Result<String, InflectionError> {
    let title = clean(Some(title), 120, "the title")?
        .ok_or_else(|| InflectionError::Invalid("the title is empty".into()))?;
    let description = clean(description, 1000, "the description")?;
    let id = uuid::Uuid::new_v4().to_string();
    conn.write_transaction(|conn| {
        inflection::insert_point(conn, &id, &title, description.as_deref(), first_seen, now)?;
        audit::record(
            conn,
            now,
            actor,
            "inflection.add",
            "inflection_point",
            Some(&id),
            Some(&format!("first_seen={first_seen}")),
        )?;
        Ok::<_, InflectionError>(())
    })?;
    Ok(id)
}

/// The CTO's assessment of a point for a quarter (replaces an earlier one and clears the
/// board's verdict, which was about the old assessment).
pub fn assess(
    conn: &mut DbConnection,
    point: &str,
    quarter: Quarter,
    assessment: Assessment,
    note: Option<&str>,
    actor: &str,
    now: PrimitiveDateTime,
) -> Result<(), InflectionError> {
    let note = clean(note, 1000, "the note")?;
    conn.write_transaction(|conn| {
        if !inflection::point_exists(conn, point)? {
            return Err(InflectionError::UnknownPoint(point.into()));
        }
        match inflection::assessment_id(conn, point, quarter)? {
            Some(id) => {
                inflection::update_assessment(conn, &id, assessment, note.as_deref(), actor, now)?
            }
            None => inflection::insert_assessment(
                conn,
                point,
                quarter,
                assessment,
                note.as_deref(),
                actor,
                now,
            )?,
        }
        audit::record(
            conn,
            now,
            actor,
            "inflection.assess",
            "inflection_point",
            Some(point),
            Some(&format!(
                "quarter={quarter} assessment={}",
                assessment.key()
            )),
        )?;
        Ok(())
    })
}

/// A board member confirms (or disputes) the CTO's assessment for a quarter.
pub fn confirm(
    conn: &mut DbConnection,
    point: &str,
    quarter: Quarter,
    dispute: bool,
    note: Option<&str>,
    actor: &str,
    now: PrimitiveDateTime,
) -> Result<(), InflectionError> {
    let note = clean(note, 1000, "the note")?;
    if dispute && note.is_none() {
        return Err(InflectionError::Invalid(
            "a dispute needs a note saying why".into(),
        ));
    }
    conn.write_transaction(|conn| {
        if !inflection::point_exists(conn, point)? {
            return Err(InflectionError::UnknownPoint(point.into()));
        }
        let state = if dispute {
            Confirmation::Disputed
        } else {
            Confirmation::Confirmed
        };
        let n = inflection::set_verdict(conn, point, quarter, state, note.as_deref(), actor, now)?;
        if n == 0 {
            return Err(InflectionError::NoAssessment {
                point: point.into(),
                quarter: quarter.to_string(),
            });
        }
        audit::record(
            conn,
            now,
            actor,
            &format!("inflection.{}", if dispute { "dispute" } else { "confirm" }),
            "inflection_point",
            Some(point),
            Some(&format!("quarter={quarter}")),
        )?;
        Ok(())
    })
}

/// The whole register: every point with every assessment (points never assessed appear once).
pub fn register(conn: &mut DbConnection) -> Result<Vec<RegisterEntry>, InflectionError> {
    Ok(inflection::register(conn)?)
}
