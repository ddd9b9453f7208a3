//! Key drivers, computed once when a round is sealed (and again when its tallies are rebuilt)
//! from the sealed answers, and stored beside the tallies.

use super::RoundError;
use crate::app::round_input::{round_input, CommentsRead};
use crate::db::seal::{self, RoundRows};
use crate::db::{drivers, scorecard, DbConnection};
use crate::domain::ids::RoundId;
use crate::domain::question::QuestionKind;
use crate::domain::scoring::drivers::analyse_round;
use crate::domain::template::Template;

/// What the seal needs to know beyond the round itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SealOptions {
    /// The least complete answers a key-driver analysis needs (`[drivers] min_respondents`;
    /// the round's k raises it).
    pub driver_min_respondents: u32,
}

impl Default for SealOptions {
    fn default() -> Self {
        SealOptions {
            driver_min_respondents: crate::domain::scoring::drivers::DEFAULT_MIN_RESPONDENTS,
        }
    }
}

/// Computes and stores the round's key drivers from its tallies (for the anonymity rules) and
/// its sealed answers (the round's [`RoundRows`]). Runs inside the caller's transaction, after
/// the tallies are written.
/// Returns how many analyses were stored.
pub fn compute(
    conn: &mut DbConnection,
    rows: &RoundRows,
    id: RoundId,
    template: &Template,
    options: SealOptions,
) -> Result<usize, RoundError> {
    let Some(closed) = scorecard::closed_round(conn, id)? else {
        return Err(RoundError::NotFound(id.to_string()));
    };
    let input = round_input(conn, &closed, template, CommentsRead::None)?;
    let numeric: Vec<String> = template
        .questions()
        .filter(|q| matches!(q.kind(), QuestionKind::Likert5 | QuestionKind::Nps11))
        .map(|q| q.key().to_string())
        .collect();
    let responses = drivers::numeric_answers(conn, rows, &numeric)?;
    let rows = match analyse_round(
        &input,
        &responses,
        options.driver_min_respondents,
        id.as_bytes(),
    ) {
        Ok(rows) => rows,
        // Tallies the engine refuses are refused again, with the same error, by every
        // scorecard of the round; the seal itself must not fail for an analysis on top.
        Err(e) => {
            tracing::warn!(round = %id, error = %e, "key drivers not computed: the round's tallies are inconsistent");
            Vec::new()
        }
    };
    drivers::replace(conn, id, &rows)?;
    Ok(rows.len())
}

/// Recomputes and stores the key drivers of a sealed round on their own, in a transaction of
/// their own (the benchmark times this part of the seal alone).
pub fn recompute(
    conn: &mut DbConnection,
    id: RoundId,
    template: &Template,
    options: SealOptions,
) -> Result<usize, RoundError> {
    conn.write_transaction(|c| {
        let rows = seal::round_rows(c, id, None)?;
        let stored = compute(c, &rows, id, template, options)?;
        seal::finish_round_rows(c, rows)?;
        Ok(stored)
    })
}
