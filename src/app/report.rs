//! Use cases: report.
