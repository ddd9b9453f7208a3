//! Use cases: rounds.
