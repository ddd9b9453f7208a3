//! The CTO's short comment on a quarter, shown on the board report.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::schema::commentaries;
use super::{audit, DbConnection, DbError};
use crate::domain::quarter::Quarter;

/// Longest commentary, in characters.
pub const MAX_CHARS: usize = 600;

/// Why a commentary was refused.
#[derive(Debug, thiserror::Error)]
pub enum CommentaryError {
    #[error("the commentary is {0} characters; at most 600 fit on the report")]
    TooLong(usize),
    #[error(transparent)]
    Db(#[from] DbError),
}

/// Sets (or, with empty text, clears) the commentary of a quarter.
pub fn set(
    conn: &mut DbConnection,
    quarter: Quarter,
    text: &str,
    actor: &str,
    now: PrimitiveDateTime,
) -> Result<(), CommentaryError> {
    let text = text.trim();
    let n = text.chars().count();
    if n > MAX_CHARS {
        return Err(CommentaryError::TooLong(n));
    }
    let q = quarter.to_string();
    conn.write_transaction(|conn| {
        diesel::delete(commentaries::table.find(&q)).execute(conn)?;
        if !text.is_empty() {
            diesel::insert_into(commentaries::table)
                .values((
                    commentaries::quarter.eq(&q),
                    commentaries::body.eq(text),
                    commentaries::author.eq(Some(actor)),
                    commentaries::updated_at.eq(now),
                ))
                .execute(conn)?;
        }
        audit::record(
            conn,
            now,
            actor,
            if text.is_empty() {
                "commentary.clear"
            } else {
                "commentary.set"
            },
            "commentary",
            Some(&q),
            None,
        )?;
        Ok::<_, DbError>(())
    })?;
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
