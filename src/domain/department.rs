//! The departments the CTO serves, and the board as an audience group.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A department that answers the internal-CSAT survey and carries a CSAT weight.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Department {
    Sales,
    Bd,
    Marketing,
    Engineering,
    Ceo,
}

impl Department {
    /// Every department, in the order the article lists them.
    pub const ALL: [Department; 5] = [
        Department::Sales,
        Department::Bd,
        Department::Marketing,
        Department::Engineering,
        Department::Ceo,
    ];

    /// The key used in files, the roster and the database.
    pub fn key(self) -> &'static str {
        match self {
            Department::Sales => "sales",
            Department::Bd => "bd",
            Department::Marketing => "marketing",
            Department::Engineering => "engineering",
            Department::Ceo => "ceo",
        }
    }

    /// The English display name.
    pub fn name(self) -> &'static str {
        match self {
            Department::Sales => "Sales",
            Department::Bd => "Business development",
            Department::Marketing => "Marketing",
            Department::Engineering => "Engineering & product",
            Department::Ceo => "CEO's office",
        }
    }

    /// Default CSAT weight, from the article's time split: the external 70 % is
    /// sales 35, marketing 20, BD 15; the internal 30 % is engineering 20, CEO 10.
    pub fn default_weight(self) -> f64 {
        match self {
            Department::Sales => 35.0,
            Department::Bd => 15.0,
            Department::Marketing => 20.0,
            Department::Engineering => 20.0,
            Department::Ceo => 10.0,
        }
    }
}

impl fmt::Display for Department {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A department key that is not one of the five departments.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown department {0:?} (expected sales, bd, marketing, engineering or ceo)")]
pub struct UnknownDepartment(pub String);

impl FromStr for Department {
    type Err = UnknownDepartment;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Department::ALL
            .into_iter()
            .find(|d| d.key().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownDepartment(s.to_string()))
    }
}

/// Where a roster entry belongs: a department, or the board (an audience group without a weight).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Membership {
    Department(Department),
    Board,
}

impl Membership {
    /// The key stored in the roster: a department key or `board`.
    pub fn key(self) -> &'static str {
        match self {
            Membership::Department(d) => d.key(),
            Membership::Board => "board",
        }
    }
}

impl Serialize for Membership {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.key())
    }
}

impl fmt::Display for Membership {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl FromStr for Membership {
    type Err = UnknownDepartment;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.trim().eq_ignore_ascii_case("board") {
            return Ok(Membership::Board);
        }
        s.parse()
            .map(Membership::Department)
            .map_err(|_| UnknownDepartment(s.to_string()))
    }
}

/// Largest CSAT weight accepted (weights are relative, so this only catches typos).
pub const MAX_WEIGHT: f64 = 1000.0;

/// Why a set of CSAT weights is refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum WeightError {
    #[error("the CSAT weight of {} must be a number from 0 to {MAX_WEIGHT}, not {value}", .dept.name())]
    OutOfRange { dept: Department, value: f64 },
    #[error("the CSAT weight of {} must be a number, not {text:?}", .dept.name())]
    NotANumber { dept: Department, text: String },
    #[error("at least one department needs a CSAT weight above 0")]
    AllZero,
}

/// Reads one weight as typed in a form or on a command line, naming the department on error.
pub fn parse_weight(dept: Department, text: &str) -> Result<f64, WeightError> {
    let value: f64 = text.trim().parse().map_err(|_| WeightError::NotANumber {
        dept,
        text: text.to_string(),
    })?;
    check_weight(dept, value)?;
    Ok(value)
}

/// One weight: finite, from 0 to `MAX_WEIGHT`.
pub fn check_weight(dept: Department, value: f64) -> Result<(), WeightError> {
    if value.is_finite() && (0.0..=MAX_WEIGHT).contains(&value) {
        Ok(())
    } else {
        Err(WeightError::OutOfRange { dept, value })
    }
}

/// A complete set of weights: each in range, and not all zero (measure C divides by the sum).
pub fn check_weights(weights: &BTreeMap<Department, f64>) -> Result<(), WeightError> {
    for (dept, value) in weights {
        check_weight(*dept, *value)?;
    }
    if weights.values().sum::<f64>() <= 0.0 {
        return Err(WeightError::AllZero);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_weights_follow_the_article_split() {
        let total: f64 = Department::ALL.iter().map(|d| d.default_weight()).sum();
        assert_eq!(total, 100.0);
        let external = Department::Sales.default_weight()
            + Department::Marketing.default_weight()
            + Department::Bd.default_weight();
        assert_eq!(external, 70.0);
    }

    #[test]
    fn board_is_membership_not_department() {
        assert!("board".parse::<Department>().is_err());
        assert_eq!("Board".parse::<Membership>().unwrap(), Membership::Board);
        assert_eq!(
            "bd".parse::<Membership>().unwrap(),
            Membership::Department(Department::Bd)
        );
    }

    #[test]
    fn weights_must_be_in_range_and_not_all_zero() {
        let mut w: BTreeMap<Department, f64> = Department::ALL.iter().map(|d| (*d, 0.0)).collect();
        assert_eq!(check_weights(&w), Err(WeightError::AllZero));
        w.insert(Department::Ceo, 0.5);
        assert_eq!(check_weights(&w), Ok(()));
        w.insert(Department::Sales, -1.0);
        let e = check_weights(&w).unwrap_err();
        assert!(e.to_string().contains("Sales"), "{e}");
        w.insert(Department::Sales, f64::INFINITY);
        assert!(check_weights(&w).is_err());
        assert!(parse_weight(Department::Bd, "abc")
            .unwrap_err()
            .to_string()
            .contains("Business development"));
        assert!(parse_weight(Department::Bd, "NaN").is_err());
        assert_eq!(parse_weight(Department::Bd, " 12.5 "), Ok(12.5));
        assert!(parse_weight(Department::Bd, "1000.5").is_err());
    }
}
