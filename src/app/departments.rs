//! Department use cases: the CSAT weights, changed as a set that must be valid as a whole,
//! each change audited. Launched rounds keep the weights snapshotted at their launch.

use std::collections::BTreeMap;

use time::PrimitiveDateTime;

use crate::db::departments;
pub use crate::db::departments::DepartmentRow;
use crate::db::{audit, DbConnection, DbError};
use crate::domain::department::{check_weight, check_weights, Department, WeightError};

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

/// Every department with its weight, in display order.
pub fn list(conn: &mut DbConnection) -> Result<Vec<DepartmentRow>, DbError> {
    departments::list(conn)
}

/// Changes one department's weight (audited).
pub fn set_weight(
    conn: &mut DbConnection,
    now: PrimitiveDateTime,
    dept: Department,
    weight: f64,
    actor: &str,
) -> Result<(), SetWeightError> {
    set_weights(conn, now, &BTreeMap::from([(dept, weight)]), actor).map(|_| ())
}

/// Changes several weights at once, in one transaction, so a set that is valid as a whole is
/// accepted even when applying it one weight at a time would pass through "all zero".
/// Each changed weight is audited; returns how many changed.
pub fn set_weights(
    conn: &mut DbConnection,
    now: PrimitiveDateTime,
    new: &BTreeMap<Department, f64>,
    actor: &str,
) -> Result<usize, SetWeightError> {
    for (dept, value) in new {
        check_weight(*dept, *value)?;
    }
    conn.write_transaction(|conn| {
        let current = departments::weights(conn)?;
        let mut merged = current.clone();
        merged.extend(new.iter().map(|(d, w)| (*d, *w)));
        check_weights(&merged)?;
        let mut changed = 0;
        for (dept, weight) in new {
            let old = current.get(dept).copied();
            if old == Some(*weight) {
                continue;
            }
            departments::update_weight(conn, *dept, *weight)?;
            let detail = format!(
                "csat_weight {} -> {weight}",
                old.map(|w| w.to_string()).unwrap_or_else(|| "?".into())
            );
            audit::record(
                conn,
                now,
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
