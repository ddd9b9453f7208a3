//! Departments and their CSAT weights.

use std::collections::BTreeMap;

use diesel::prelude::*;
use serde::Serialize;

use super::column::malformed_in;
use super::schema::departments;
use super::{audit, DbConnection, DbError};
use crate::domain::department::{check_weight, check_weights, Department, WeightError};

/// A department row.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Serialize)]
#[diesel(table_name = departments)]
pub struct DepartmentRow {
    pub key: Department,
    pub name: String,
    pub csat_weight: f64,
    pub sort_order: i32,
}

/// Inserts any department not yet present, with the configured weight. Existing weights
/// are kept: once in the database, `department set-weight` owns them.
pub fn ensure_defaults(
    conn: &mut DbConnection,
    weights: &BTreeMap<Department, f64>,
) -> Result<(), DbError> {
    conn.write_transaction(|conn| {
        let present: Vec<String> = departments::table.select(departments::key).load(conn)?;
        for (order, dept) in Department::ALL.iter().enumerate() {
            if present.iter().any(|k| k == dept.key()) {
                continue;
            }
            let weight = weights
                .get(dept)
                .copied()
                .unwrap_or_else(|| dept.default_weight());
            diesel::insert_into(departments::table)
                .values((
                    departments::key.eq(dept.key()),
                    departments::name.eq(dept.name()),
                    departments::csat_weight.eq(weight),
                    departments::sort_order.eq(order as i32),
                ))
                .execute(conn)?;
        }
        Ok(())
    })
}

/// Every department in display order.
pub fn list(conn: &mut DbConnection) -> Result<Vec<DepartmentRow>, DbError> {
    departments::table
        .order(departments::sort_order)
        .select(DepartmentRow::as_select())
        .load(conn)
        .map_err(malformed_in("departments"))
}

/// The current weights, for snapshotting into a round at launch.
pub fn weights(conn: &mut DbConnection) -> Result<BTreeMap<Department, f64>, DbError> {
    Ok(list(conn)?
        .into_iter()
        .map(|row| (row.key, row.csat_weight))
        .collect())
}

/// Why a weight change was refused.
#[derive(Debug, thiserror::Error)]
pub enum SetWeightError {
    #[error(transparent)]
    Invalid(#[from] WeightError),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for SetWeightError {
    fn from(e: diesel::result::Error) -> Self {
        SetWeightError::Db(e.into())
    }
}

/// Changes one department's weight (audited). Launched rounds keep their snapshot.
pub fn set_weight(
    conn: &mut DbConnection,
    dept: Department,
    weight: f64,
    actor: &str,
) -> Result<(), SetWeightError> {
    set_weights(conn, &BTreeMap::from([(dept, weight)]), actor).map(|_| ())
}

/// Changes several weights at once, in one transaction, so a set that is valid as a whole is
/// accepted even when applying it one weight at a time would pass through "all zero".
/// Each changed weight is audited; returns how many changed. Launched rounds keep their snapshot.
pub fn set_weights(
    conn: &mut DbConnection,
    new: &BTreeMap<Department, f64>,
    actor: &str,
) -> Result<usize, SetWeightError> {
    for (dept, value) in new {
        check_weight(*dept, *value)?;
    }
    conn.write_transaction(|conn| {
        let current = weights(conn)?;
        let mut merged = current.clone();
        merged.extend(new.iter().map(|(d, w)| (*d, *w)));
        check_weights(&merged)?;
        let mut changed = 0;
        for (dept, weight) in new {
            let old = current.get(dept).copied();
            if old == Some(*weight) {
                continue;
            }
            diesel::update(departments::table.find(dept.key()))
                .set(departments::csat_weight.eq(*weight))
                .execute(conn)?;
            let detail = format!(
                "csat_weight {} -> {weight}",
                old.map(|w| w.to_string()).unwrap_or_else(|| "?".into())
            );
            audit::record(
                conn,
                actor,
                "department.set_weight",
                "department",
                Some(dept.key()),
                Some(&detail),
            )?;
            changed += 1;
        }
        Ok(changed)
    })
}
