//! The wrapper every published number travels in: shown, suppressed, or not computable.

use std::fmt;

use serde::Serialize;

use crate::domain::scoring::missing::Missing;

/// A figure as it leaves the engine.
///
/// A suppressed or missing figure is its own variant, never a zero or a NaN, so no chart or
/// export can draw it as a value by accident.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Figure<T> {
    /// The figure passed every anonymity rule.
    Shown {
        /// The value.
        value: T,
    },
    /// Withheld to protect respondents.
    Suppressed {
        /// Which rule withheld it.
        reason: Suppression,
    },
    /// Cannot be computed from the data at hand.
    NotEnoughData {
        /// Why, in plain words.
        // Sent as the cause's English sentence, so the API and its document stay as they were.
        #[schema(value_type = String)]
        reason: Missing,
    },
}

impl<T> Figure<T> {
    /// A shown figure.
    pub fn shown(value: T) -> Self {
        Figure::Shown { value }
    }

    /// A "not enough data" figure with its reason.
    pub fn not_enough(reason: Missing) -> Self {
        Figure::NotEnoughData { reason }
    }

    /// The value, if shown.
    pub fn value(&self) -> Option<&T> {
        match self {
            Figure::Shown { value } => Some(value),
            _ => None,
        }
    }

    /// The same state with the value transformed.
    pub fn map<U>(&self, f: impl FnOnce(&T) -> U) -> Figure<U> {
        match self {
            Figure::Shown { value } => Figure::Shown { value: f(value) },
            Figure::Suppressed { reason } => Figure::Suppressed { reason: *reason },
            Figure::NotEnoughData { reason } => Figure::NotEnoughData {
                reason: reason.clone(),
            },
        }
    }

    /// Why the figure is absent, in words (`None` when shown).
    pub fn absence(&self) -> Option<String> {
        self.why_absent().map(|why| why.to_string())
    }

    /// Why the figure is absent, as data (`None` when shown).
    pub fn why_absent(&self) -> Option<Absence> {
        match self {
            Figure::Shown { .. } => None,
            Figure::Suppressed { reason } => Some(Absence::Suppressed(*reason)),
            Figure::NotEnoughData { reason } => Some(Absence::NotEnoughData(reason.clone())),
        }
    }
}

/// Why a figure is absent: withheld by a rule, or not computable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Absence {
    /// Withheld to protect respondents.
    Suppressed(Suppression),
    /// Cannot be computed from the data at hand.
    NotEnoughData(Missing),
}

impl fmt::Display for Absence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Absence::Suppressed(rule) => write!(f, "suppressed: {rule}"),
            Absence::NotEnoughData(why) => write!(f, "{why}"),
        }
    }
}

/// The anonymity rule that withheld a figure.
///
/// Deliberately carries no count: the figure's own n is not published when it is withheld.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, utoipa::ToSchema)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum Suppression {
    /// Fewer than k answers.
    FewerThanK {
        /// The round's threshold.
        k: u32,
    },
    /// Withheld so a smaller withheld group cannot be worked out from a published total.
    ProtectsAnotherGroup,
    /// Comments of a group with fewer answers than the comment threshold.
    BelowCommentThreshold {
        /// The threshold in force (never below k).
        threshold: u32,
    },
}

impl fmt::Display for Suppression {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Suppression::FewerThanK { k } => write!(f, "fewer than {k} answers"),
            Suppression::ProtectsAnotherGroup => f.write_str(
                "withheld so that a smaller withheld group cannot be worked out from the total",
            ),
            Suppression::BelowCommentThreshold { threshold } => {
                write!(f, "comments need at least {threshold} answers in the group")
            }
        }
    }
}
