//! The inflection-point register: points, the CTO's assessment per quarter, the board's
//! confirmation or dispute.

use diesel::prelude::*;
use serde::Serialize;
use time::PrimitiveDateTime;

use super::column::malformed_in;
use super::schema::{inflection_assessments as ia, inflection_points as ip};
use super::{DbConnection, DbError};
use crate::domain::quarter::Quarter;
use crate::domain::scoring::{Assessment, Confirmation, InflectionInput};

/// Stores a new point.
pub fn insert_point(
    conn: &mut DbConnection,
    id: &str,
    title: &str,
    description: Option<&str>,
    first_seen: Quarter,
    now: PrimitiveDateTime,
) -> Result<(), DbError> {
    diesel::insert_into(ip::table)
        .values((
            ip::id.eq(id),
            ip::title.eq(title),
            ip::description.eq(description),
            ip::first_seen_quarter.eq(first_seen.to_string()),
            ip::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// Whether a point with this id exists.
pub fn point_exists(conn: &mut DbConnection, id: &str) -> Result<bool, DbError> {
    Ok(ip::table.find(id).count().get_result::<i64>(conn)? == 1)
}

/// The id of a point's assessment for a quarter, if it was assessed.
pub fn assessment_id(
    conn: &mut DbConnection,
    point: &str,
    quarter: Quarter,
) -> Result<Option<String>, DbError> {
    Ok(ia::table
        .filter(ia::point_id.eq(point))
        .filter(ia::quarter.eq(quarter.to_string()))
        .select(ia::id)
        .first(conn)
        .optional()?)
}

/// Replaces an assessment and clears the board's verdict on it.
pub fn update_assessment(
    conn: &mut DbConnection,
    id: &str,
    assessment: Assessment,
    note: Option<&str>,
    actor: &str,
    now: PrimitiveDateTime,
) -> Result<(), DbError> {
    diesel::update(ia::table.find(id))
        .set((
            ia::assessment.eq(assessment.key()),
            ia::cto_note.eq(note),
            ia::proposed_by.eq(Some(actor)),
            ia::proposed_at.eq(now),
            ia::board_state.eq(Confirmation::Unconfirmed),
            ia::board_note.eq(None::<String>),
            ia::reviewed_by.eq(None::<String>),
            ia::reviewed_at.eq(None::<time::PrimitiveDateTime>),
        ))
        .execute(conn)?;
    Ok(())
}

/// Stores a first assessment of a point for a quarter, awaiting the board.
pub fn insert_assessment(
    conn: &mut DbConnection,
    point: &str,
    quarter: Quarter,
    assessment: Assessment,
    note: Option<&str>,
    actor: &str,
    now: PrimitiveDateTime,
) -> Result<(), DbError> {
    diesel::insert_into(ia::table)
        .values((
            ia::id.eq(uuid::Uuid::new_v4().to_string()),
            ia::point_id.eq(point),
            ia::quarter.eq(quarter.to_string()),
            ia::assessment.eq(assessment.key()),
            ia::cto_note.eq(note),
            ia::proposed_by.eq(Some(actor)),
            ia::proposed_at.eq(now),
            ia::board_state.eq(Confirmation::Unconfirmed),
        ))
        .execute(conn)?;
    Ok(())
}

/// Records the board's verdict on a quarter's assessment; returns how many rows changed
/// (0: there is no assessment to review).
pub fn set_verdict(
    conn: &mut DbConnection,
    point: &str,
    quarter: Quarter,
    state: Confirmation,
    note: Option<&str>,
    actor: &str,
    now: PrimitiveDateTime,
) -> Result<usize, DbError> {
    Ok(diesel::update(
        ia::table
            .filter(ia::point_id.eq(point))
            .filter(ia::quarter.eq(quarter.to_string())),
    )
    .set((
        ia::board_state.eq(state),
        ia::board_note.eq(note),
        ia::reviewed_by.eq(Some(actor)),
        ia::reviewed_at.eq(Some(now)),
    ))
    .execute(conn)?)
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
pub fn register(conn: &mut DbConnection) -> Result<Vec<RegisterEntry>, DbError> {
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
        .map_err(malformed_in("inflection_assessments"))?;
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
