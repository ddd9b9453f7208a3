//! Use cases: roster.
