//! Key-driver analyses stored at seal, and the sealed answers they are computed from.

use std::collections::HashMap;

use diesel::prelude::*;

use super::schema::{driver_analyses, driver_items};
use super::seal::RoundRows;
use super::{DbConnection, DbError};
use crate::domain::ids::RoundId;
use crate::domain::scoring::drivers::{
    DriverFit, DriverRow, Estimate, ItemImportance, ResponseAnswers,
};

/// The round's numeric answers to `keys`, one entry per response, known only by group, from
/// its [`RoundRows`] (the seal's rows under their fresh ids, or a retally's read of the
/// sealed tables), so nothing here links an answer to a person; the caller sorts what it
/// resamples. Without keys, or with one that is not a plain template key, there is nothing
/// to read (such a key never reaches SQL).
pub fn numeric_answers(
    conn: &mut DbConnection,
    _rows: &RoundRows,
    keys: &[String],
) -> Result<Vec<ResponseAnswers>, DbError> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::Text)]
        id: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        reporting_group: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        question_key: String,
        #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Integer>)]
        value: Option<i32>,
    }
    let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
    let Some(listed) = super::seal::sql_key_list(&keys) else {
        return Ok(Vec::new());
    };
    let rows: Vec<Row> = diesel::sql_query(format!(
        "SELECT id, reporting_group, question_key, value FROM round_rows \
         WHERE value IS NOT NULL AND question_key IN ({listed})"
    ))
    .load(conn)?;
    let mut by_response: HashMap<String, ResponseAnswers> = HashMap::new();
    for Row {
        id,
        reporting_group: group,
        question_key: key,
        value,
    } in rows
    {
        // Scale values are 0–10; anything else is not an answer a driver can use.
        let Some(v) = value.and_then(|v| u8::try_from(v).ok()) else {
            continue;
        };
        by_response
            .entry(id)
            .or_insert_with(|| ResponseAnswers {
                group,
                answers: Vec::new(),
            })
            .answers
            .push((key, v));
    }
    Ok(by_response.into_values().collect())
}

/// Replaces the round's stored analyses with `rows`.
pub fn replace(
    conn: &mut DbConnection,
    round_id: RoundId,
    rows: &[DriverRow],
) -> Result<(), DbError> {
    super::scorecard::renew_tallies_stamp(conn, round_id)?;
    diesel::delete(driver_items::table.filter(driver_items::round_id.eq(round_id)))
        .execute(conn)?;
    diesel::delete(driver_analyses::table.filter(driver_analyses::round_id.eq(round_id)))
        .execute(conn)?;
    for row in rows {
        let fit = row.fit.as_ref();
        diesel::insert_into(driver_analyses::table)
            .values((
                driver_analyses::round_id.eq(round_id),
                driver_analyses::analysis.eq(&row.analysis),
                driver_analyses::outcome_key.eq(&row.outcome),
                driver_analyses::min_respondents
                    .eq(i32::try_from(row.min_respondents).unwrap_or(i32::MAX)),
                driver_analyses::respondents
                    .eq(fit.map(|f| i64::try_from(f.n).unwrap_or(i64::MAX))),
                driver_analyses::r_squared.eq(fit.map(|f| f.r_squared.estimate)),
                driver_analyses::r_squared_low.eq(fit.map(|f| f.r_squared.low)),
                driver_analyses::r_squared_high.eq(fit.map(|f| f.r_squared.high)),
            ))
            .execute(conn)?;
        for (position, item) in fit
            .map(|f| f.items.as_slice())
            .unwrap_or_default()
            .iter()
            .enumerate()
        {
            diesel::insert_into(driver_items::table)
                .values((
                    driver_items::round_id.eq(round_id),
                    driver_items::analysis.eq(&row.analysis),
                    driver_items::position.eq(i32::try_from(position).unwrap_or(i32::MAX)),
                    driver_items::question_key.eq(&item.item),
                    driver_items::importance.eq(item.importance.estimate),
                    driver_items::importance_low.eq(item.importance.low),
                    driver_items::importance_high.eq(item.importance.high),
                ))
                .execute(conn)?;
        }
    }
    Ok(())
}

/// A stored driver item: analysis, question, importance and its interval.
type ItemRow = (String, String, f64, f64, f64);

type AnalysisRow = (
    String,
    String,
    i32,
    Option<i64>,
    Option<f64>,
    Option<f64>,
    Option<f64>,
);

/// The round's stored analyses, in analysis order.
pub fn for_round(conn: &mut DbConnection, round_id: RoundId) -> Result<Vec<DriverRow>, DbError> {
    Ok(for_rounds(conn, &[round_id])?
        .remove(&round_id)
        .unwrap_or_default())
}

/// The stored analyses of `round_ids`, by round, each in analysis order: two statements
/// however many rounds.
pub fn for_rounds(
    conn: &mut DbConnection,
    round_ids: &[RoundId],
) -> Result<HashMap<RoundId, Vec<DriverRow>>, DbError> {
    let analyses: Vec<(RoundId, AnalysisRow)> = driver_analyses::table
        .filter(driver_analyses::round_id.eq_any(round_ids))
        .order((driver_analyses::round_id, driver_analyses::analysis))
        .select((
            driver_analyses::round_id,
            (
                driver_analyses::analysis,
                driver_analyses::outcome_key,
                driver_analyses::min_respondents,
                driver_analyses::respondents,
                driver_analyses::r_squared,
                driver_analyses::r_squared_low,
                driver_analyses::r_squared_high,
            ),
        ))
        .load(conn)?;
    let items: Vec<(RoundId, ItemRow)> = driver_items::table
        .filter(driver_items::round_id.eq_any(round_ids))
        .order((
            driver_items::round_id,
            driver_items::analysis,
            driver_items::position,
        ))
        .select((
            driver_items::round_id,
            (
                driver_items::analysis,
                driver_items::question_key,
                driver_items::importance,
                driver_items::importance_low,
                driver_items::importance_high,
            ),
        ))
        .load(conn)?;
    // Items by round and analysis, kept in position order.
    let mut by_analysis: HashMap<(RoundId, String), Vec<ItemImportance>> = HashMap::new();
    for (round, (analysis, item, estimate, low, high)) in items {
        by_analysis
            .entry((round, analysis))
            .or_default()
            .push(ItemImportance {
                item,
                importance: Estimate {
                    estimate,
                    low,
                    high,
                },
            });
    }
    let mut out: HashMap<RoundId, Vec<DriverRow>> = HashMap::new();
    for (round, (analysis, outcome, min, n, r2, low, high)) in analyses {
        let fit = match (n, r2, low, high) {
            (Some(n), Some(estimate), Some(low), Some(high)) => Some(DriverFit {
                n: u64::try_from(n).unwrap_or(0),
                r_squared: Estimate {
                    estimate,
                    low,
                    high,
                },
                items: by_analysis
                    .remove(&(round, analysis.clone()))
                    .unwrap_or_default(),
            }),
            _ => None,
        };
        out.entry(round).or_default().push(DriverRow {
            analysis,
            outcome,
            min_respondents: u32::try_from(min).unwrap_or(0),
            fit,
        });
    }
    Ok(out)
}
