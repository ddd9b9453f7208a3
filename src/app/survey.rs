//! Use cases: survey.
