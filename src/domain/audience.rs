//! Which employees a survey is sent to.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

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
