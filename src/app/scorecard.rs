//! Use cases: scorecard.
