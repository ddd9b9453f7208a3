//! Pure domain types and rules: no HTTP, no SQL, no clock.

pub mod actions;
pub mod anonymity;
pub mod audience;
pub mod department;
pub mod email;
pub mod hr;
pub mod ids;
pub mod locale;
pub mod participation;
pub mod public_url;
pub mod quarter;
pub mod question;
pub mod reminders;
pub mod retention;
pub mod roster;
pub mod round;
pub mod schedule;
pub mod scoring;
pub mod survey_form;
pub mod survey_link;
pub mod template;
pub mod time_split;
