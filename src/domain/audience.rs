//! Which employees a survey is sent to.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::department::{Department, Membership};

/// The audience of a survey template, one per measure.
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
#[serde(rename_all = "kebab-case")]
pub enum Audience {
    /// Every active employee of the five departments (measure C).
    InternalCsat,
    /// Every active engineer (measure B).
    EngineeringCulture,
    /// The CEO's office, the board and every executive (measure A).
    TechStrategyAlignment,
}

impl Audience {
    /// Every audience.
    pub const ALL: [Audience; 3] = [
        Audience::InternalCsat,
        Audience::EngineeringCulture,
        Audience::TechStrategyAlignment,
    ];

    /// The key used in templates and the database.
    pub fn key(self) -> &'static str {
        match self {
            Audience::InternalCsat => "internal-csat",
            Audience::EngineeringCulture => "engineering-culture",
            Audience::TechStrategyAlignment => "tech-strategy-alignment",
        }
    }
}

impl Audience {
    /// Whether an active employee of `membership` is invited to a survey of this audience.
    pub fn includes(self, membership: Membership, is_engineer: bool, is_executive: bool) -> bool {
        match self {
            Audience::InternalCsat => membership != Membership::Board,
            Audience::EngineeringCulture => is_engineer && membership != Membership::Board,
            Audience::TechStrategyAlignment => {
                is_executive
                    || membership == Membership::Board
                    || membership == Membership::Department(Department::Ceo)
            }
        }
    }
}

impl fmt::Display for Audience {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// An audience key that is not one of the three.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown audience {0:?} (expected internal-csat, engineering-culture or tech-strategy-alignment)")]
pub struct UnknownAudience(pub String);

impl FromStr for Audience {
    type Err = UnknownAudience;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Audience::ALL
            .into_iter()
            .find(|a| a.key() == s.trim())
            .ok_or_else(|| UnknownAudience(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_audience_invites_whom_the_design_says() {
        let sales = Membership::Department(Department::Sales);
        let ceo = Membership::Department(Department::Ceo);
        let board = Membership::Board;
        // internal-csat: every department, never the board.
        assert!(Audience::InternalCsat.includes(sales, false, false));
        assert!(!Audience::InternalCsat.includes(board, false, true));
        // engineering-culture: engineers only, never the board.
        assert!(Audience::EngineeringCulture.includes(sales, true, false));
        assert!(!Audience::EngineeringCulture.includes(sales, false, true));
        assert!(!Audience::EngineeringCulture.includes(board, true, false));
        // tech-strategy-alignment: the CEO's office, the board and executives.
        assert!(Audience::TechStrategyAlignment.includes(ceo, false, false));
        assert!(Audience::TechStrategyAlignment.includes(board, false, false));
        assert!(Audience::TechStrategyAlignment.includes(sales, false, true));
        assert!(!Audience::TechStrategyAlignment.includes(sales, true, false));
    }
}
