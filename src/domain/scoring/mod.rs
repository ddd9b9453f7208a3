//! The scoring engine: DESIGN "Metrics" computed exactly, once, from sufficient statistics.
//!
//! Pure: no HTTP, no SQL, no clock, no global randomness. The entry point is
//! [`build_scorecard`]; every anonymity rule it applies lives in [`crate::domain::anonymity`].

pub mod alignment;
pub mod change;
pub mod csat;
pub mod culture;
pub mod drivers;
pub mod figure;
pub mod inputs;
pub mod interval;
pub mod items;
pub mod lagging;
pub mod missing;
pub mod round;
pub mod scorecard;
pub mod significance;
pub mod status;
pub mod trend;

#[cfg(test)]
pub(crate) mod testkit;
#[cfg(test)]
mod tests;

pub use figure::{Figure, Suppression};
pub use inputs::*;
pub use round::ScoringError;
pub use scorecard::{build_scorecard, Scorecard};
