//! Pure domain types and rules: no HTTP, no SQL, no clock.

pub mod audience;
pub mod department;
pub mod locale;
pub mod quarter;
pub mod question;
