//! The wrapper every published number travels in: shown, suppressed, or not computable.

use std::fmt;

use serde::Serialize;

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
        reason: String,
    },
}

impl<T> Figure<T> {
    /// A shown figure.
    pub fn shown(value: T) -> Self {
        Figure::Shown { value }
    }

    /// A "not enough data" figure with its reason.
    pub fn not_enough(reason: impl Into<String>) -> Self {
        Figure::NotEnoughData {
            reason: reason.into(),
        }
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
        match self {
            Figure::Shown { .. } => None,
            Figure::Suppressed { reason } => Some(format!("suppressed: {reason}")),
            Figure::NotEnoughData { reason } => Some(reason.clone()),
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
