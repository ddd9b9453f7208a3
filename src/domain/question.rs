//! Question kinds and the role a question plays in scoring.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// How a question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum QuestionKind {
    /// Agreement or satisfaction on 1–5; 4 and 5 are favorable.
    Likert5,
    /// Likelihood to recommend on 0–10 (eNPS).
    Nps11,
    /// One of a fixed list of options, stored as the option's index (0-based).
    Choice,
    /// Free text, shown only as comments that pass the comment threshold.
    Text,
}

impl QuestionKind {
    /// The key used in templates.
    pub fn key(self) -> &'static str {
        match self {
            QuestionKind::Likert5 => "likert5",
            QuestionKind::Nps11 => "nps11",
            QuestionKind::Choice => "choice",
            QuestionKind::Text => "text",
        }
    }

    /// The inclusive range of numeric answers, or `None` for free text.
    /// Choice questions take their range from their option count.
    pub fn numeric_range(self) -> Option<(i32, i32)> {
        match self {
            QuestionKind::Likert5 => Some((1, 5)),
            QuestionKind::Nps11 => Some((0, 10)),
            QuestionKind::Choice | QuestionKind::Text => None,
        }
    }
}

impl fmt::Display for QuestionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A question kind that does not exist.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown question kind {0:?} (expected likert5, nps11, choice or text)")]
pub struct UnknownKind(pub String);

impl FromStr for QuestionKind {
    type Err = UnknownKind;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "likert5" => Ok(QuestionKind::Likert5),
            "nps11" => Ok(QuestionKind::Nps11),
            "choice" => Ok(QuestionKind::Choice),
            "text" => Ok(QuestionKind::Text),
            _ => Err(UnknownKind(s.to_string())),
        }
    }
}

/// The part a question plays in the three measures. A question without a role is
/// reported item by item but feeds no headline figure.
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
#[serde(rename_all = "snake_case")]
// Named apart from the staff `Role` in the API document (schema names are global there).
#[schema(as = QuestionRole)]
pub enum Role {
    /// The overall-satisfaction item whose favorable share is a group's CSAT (measure C).
    CsatOverall,
    /// Feeds a respondent's productivity index (measure B).
    Productivity,
    /// Feeds a respondent's happiness index (measure B).
    Happiness,
    /// The 0–10 eNPS item (measure B).
    Enps,
    /// Feeds a respondent's alignment index (measure A).
    Alignment,
}

impl Role {
    /// Every role.
    pub const ALL: [Role; 5] = [
        Role::CsatOverall,
        Role::Productivity,
        Role::Happiness,
        Role::Enps,
        Role::Alignment,
    ];

    /// The key used in templates.
    pub fn key(self) -> &'static str {
        match self {
            Role::CsatOverall => "csat_overall",
            Role::Productivity => "productivity",
            Role::Happiness => "happiness",
            Role::Enps => "enps",
            Role::Alignment => "alignment",
        }
    }

    /// The only question kind that may carry this role.
    pub fn required_kind(self) -> QuestionKind {
        match self {
            Role::Enps => QuestionKind::Nps11,
            Role::CsatOverall | Role::Productivity | Role::Happiness | Role::Alignment => {
                QuestionKind::Likert5
            }
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A role key that does not exist.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown scoring role {0:?} (expected csat_overall, productivity, happiness, enps, alignment or none)")]
pub struct UnknownRole(pub String);

impl FromStr for Role {
    type Err = UnknownRole;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|r| r.key() == s)
            .ok_or_else(|| UnknownRole(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enps_needs_an_eleven_point_scale_and_the_rest_likert() {
        assert_eq!(Role::Enps.required_kind(), QuestionKind::Nps11);
        for r in [
            Role::CsatOverall,
            Role::Productivity,
            Role::Happiness,
            Role::Alignment,
        ] {
            assert_eq!(r.required_kind(), QuestionKind::Likert5);
        }
    }

    #[test]
    fn keys_round_trip() {
        for r in Role::ALL {
            assert_eq!(r.key().parse::<Role>().unwrap(), r);
        }
        for k in ["likert5", "nps11", "choice", "text"] {
            assert_eq!(k.parse::<QuestionKind>().unwrap().key(), k);
        }
    }
}
