//! The CTO's short comment on a quarter, shown on the board report.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::schema::commentaries;
use super::{DbConnection, DbError};
use crate::domain::quarter::Quarter;

/// Removes the commentary of a quarter, if any.
pub fn delete(conn: &mut DbConnection, quarter: Quarter) -> Result<(), DbError> {
    diesel::delete(commentaries::table.find(quarter.to_string())).execute(conn)?;
    Ok(())
}

/// Stores the commentary of a quarter (after `delete`: one per quarter).
pub fn insert(
    conn: &mut DbConnection,
    quarter: Quarter,
    body: &str,
    actor: &str,
    now: PrimitiveDateTime,
) -> Result<(), DbError> {
    diesel::insert_into(commentaries::table)
        .values((
            commentaries::quarter.eq(quarter.to_string()),
            commentaries::body.eq(body),
            commentaries::author.eq(Some(actor)),
            commentaries::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// The commentary of a quarter, if any.
pub fn get(conn: &mut DbConnection, quarter: Quarter) -> Result<Option<String>, DbError> {
    Ok(commentaries::table
        .find(quarter.to_string())
        .select(commentaries::body)
        .first(conn)
        .optional()?)
}
