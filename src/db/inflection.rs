//! The inflection-point register: points, the CTO's assessment per quarter, the board's
//! confirmation or dispute.

use diesel::prelude::*;
use serde::Serialize;
use time::PrimitiveDateTime;

use super::column::malformed_in;
use super::schema::{inflection_assessments as ia, inflection_points as ip};
use super::{audit, DbConnection, DbError};
use crate::domain::quarter::Quarter;
use crate::domain::scoring::{Assessment, Confirmation, InflectionInput};

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
        diesel::insert_into(ip::table)
            .values((
                ip::id.eq(&id),
                ip::title.eq(&title),
                ip::description.eq(&description),
                ip::first_seen_quarter.eq(first_seen.to_string()),
                ip::created_at.eq(now),
            ))
            .execute(conn)?;
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

fn point_exists(conn: &mut DbConnection, id: &str) -> Result<bool, InflectionError> {
    Ok(ip::table.find(id).count().get_result::<i64>(conn)? == 1)
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
        if !point_exists(conn, point)? {
            return Err(InflectionError::UnknownPoint(point.into()));
        }
        let q = quarter.to_string();
        let existing: Option<String> = ia::table
            .filter(ia::point_id.eq(point))
            .filter(ia::quarter.eq(&q))
            .select(ia::id)
            .first(conn)
            .optional()?;
        match existing {
            Some(id) => {
                diesel::update(ia::table.find(id))
                    .set((
                        ia::assessment.eq(assessment.key()),
                        ia::cto_note.eq(&note),
                        ia::proposed_by.eq(Some(actor)),
                        ia::proposed_at.eq(now),
                        ia::board_state.eq(Confirmation::Unconfirmed),
                        ia::board_note.eq(None::<String>),
                        ia::reviewed_by.eq(None::<String>),
                        ia::reviewed_at.eq(None::<time::PrimitiveDateTime>),
                    ))
                    .execute(conn)?;
            }
            None => {
                diesel::insert_into(ia::table)
                    .values((
                        ia::id.eq(uuid::Uuid::new_v4().to_string()),
                        ia::point_id.eq(point),
                        ia::quarter.eq(&q),
                        ia::assessment.eq(assessment.key()),
                        ia::cto_note.eq(&note),
                        ia::proposed_by.eq(Some(actor)),
                        ia::proposed_at.eq(now),
                        ia::board_state.eq(Confirmation::Unconfirmed),
                    ))
                    .execute(conn)?;
            }
        }
        audit::record(
            conn,
            now,
            actor,
            "inflection.assess",
            "inflection_point",
            Some(point),
            Some(&format!("quarter={q} assessment={}", assessment.key())),
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
        if !point_exists(conn, point)? {
            return Err(InflectionError::UnknownPoint(point.into()));
        }
        let q = quarter.to_string();
        let state = if dispute {
            Confirmation::Disputed
        } else {
            Confirmation::Confirmed
        };
        let n = diesel::update(
            ia::table
                .filter(ia::point_id.eq(point))
                .filter(ia::quarter.eq(&q)),
        )
        .set((
            ia::board_state.eq(state),
            ia::board_note.eq(&note),
            ia::reviewed_by.eq(Some(actor)),
            ia::reviewed_at.eq(Some(now)),
        ))
        .execute(conn)?;
        if n == 0 {
            return Err(InflectionError::NoAssessment {
                point: point.into(),
                quarter: q,
            });
        }
        audit::record(
            conn,
            now,
            actor,
            &format!("inflection.{}", if dispute { "dispute" } else { "confirm" }),
            "inflection_point",
            Some(point),
            Some(&format!("quarter={q}")),
        )?;
        Ok(())
    })
}

/// One register line: a point and its assessment for one quarter.
#[derive(Debug, Clone, Serialize)]
pub struct RegisterEntry {
    pub point_id: String,
    pub title: String,
    pub description: Option<String>,
    pub first_seen_quarter: String,
    pub quarter: Option<String>,
    pub assessment: Option<String>,
    pub cto_note: Option<String>,
    pub board_state: Option<String>,
    pub board_note: Option<String>,
}

/// One assessment's columns, as loaded (typed: a malformed state is an error, not a gap).
type AssessmentCols = (
    String,
    Assessment,
    Option<String>,
    Confirmation,
    Option<String>,
);
/// A quarter's assessment row: title, assessment, board state, CTO note, board note.
type QuarterRow = (
    String,
    Assessment,
    Confirmation,
    Option<String>,
    Option<String>,
);
/// One register row's columns, as loaded.
type RegisterRow = (
    String,
    String,
    Option<String>,
    String,
    Option<AssessmentCols>,
);

/// The whole register: every point with every assessment (points never assessed appear once).
pub fn register(conn: &mut DbConnection) -> Result<Vec<RegisterEntry>, InflectionError> {
    let rows: Vec<RegisterRow> = ip::table
        .left_join(ia::table)
        .select((
            ip::id,
            ip::title,
            ip::description,
            ip::first_seen_quarter,
            (
                ia::quarter,
                ia::assessment,
                ia::cto_note,
                ia::board_state,
                ia::board_note,
            )
                .nullable(),
        ))
        .order((ip::first_seen_quarter.desc(), ip::title, ia::quarter.desc()))
        .load(conn)
        .map_err(|e| InflectionError::Db(malformed_in("inflection_assessments")(e)))?;
    Ok(rows
        .into_iter()
        .map(|(point_id, title, description, first_seen_quarter, a)| {
            let (quarter, assessment, cto_note, board_state, board_note) = match a {
                Some((q, a, n, b, bn)) => {
                    (Some(q), Some(a.to_string()), n, Some(b.to_string()), bn)
                }
                None => (None, None, None, None, None),
            };
            RegisterEntry {
                point_id,
                title,
                description,
                first_seen_quarter,
                quarter,
                assessment,
                cto_note,
                board_state,
                board_note,
            }
        })
        .collect())
}

/// The assessments of one quarter, for the scoring engine.
pub fn for_quarter(
    conn: &mut DbConnection,
    quarter: Quarter,
) -> Result<Vec<InflectionInput>, DbError> {
    let rows: Vec<QuarterRow> = ia::table
        .inner_join(ip::table)
        .filter(ia::quarter.eq(quarter.to_string()))
        .select((
            ip::title,
            ia::assessment,
            ia::board_state,
            ia::cto_note,
            ia::board_note,
        ))
        .order(ip::title)
        .load(conn)
        .map_err(malformed_in("inflection_assessments"))?;
    Ok(rows
        .into_iter()
        .map(
            |(title, assessment, confirmation, cto, board)| InflectionInput {
                title,
                assessment,
                confirmation,
                notes: [cto, board]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" — "),
            },
        )
        .collect())
}
