//! Departments and their CSAT weights as stored (`app::departments` changes them, audited).

use std::collections::BTreeMap;

use diesel::prelude::*;
use serde::Serialize;

use super::column::malformed_in;
use super::schema::departments;
use super::{DbConnection, DbError};
use crate::domain::department::Department;

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

/// Stores one department's weight.
pub fn update_weight(
    conn: &mut DbConnection,
    dept: Department,
    weight: f64,
) -> Result<(), DbError> {
    diesel::update(departments::table.find(dept.key()))
        .set(departments::csat_weight.eq(weight))
        .execute(conn)?;
    Ok(())
}
