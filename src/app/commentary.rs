//! The CTO's short comment on a quarter, shown on the board report: set or cleared, audited.

use time::PrimitiveDateTime;

use crate::db::commentary;
use crate::db::{audit, DbConnection, DbError};
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
    conn.write_transaction(|conn| {
        commentary::delete(conn, quarter)?;
        if !text.is_empty() {
            commentary::insert(conn, quarter, text, actor, now)?;
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
            Some(&quarter.to_string()),
            None,
        )?;
        Ok::<_, DbError>(())
    })?;
    Ok(())
}

/// The commentary of a quarter, if any.
pub fn get(conn: &mut DbConnection, quarter: Quarter) -> Result<Option<String>, DbError> {
    commentary::get(conn, quarter)
}
