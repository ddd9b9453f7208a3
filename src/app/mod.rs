//! Use cases: each function does one thing a user asks for (launch a round, submit an answer,
//! import a roster, load a scorecard) from start to end. It takes the time as `now`, owns its
//! transaction, applies the settings it is given, and calls `db/` for queries and `domain/`
//! for the rules. HTTP handlers and CLI commands call these; neither reaches past them.

pub mod accounts;
pub mod actions;
pub mod audit;
pub mod commentary;
pub mod departments;
pub mod first_admin;
pub mod hr;
pub mod inflection;
pub mod kept_tallies;
pub mod memo;
pub mod oidc;
pub mod participation;
pub mod person;
pub mod report;
pub mod retention;
pub mod roster;
pub mod round_input;
pub mod rounds;
pub mod schedules;
pub mod scim;
pub mod scorecard;
pub mod setup;
pub mod survey;
pub mod survey_page;
pub mod templates;
pub mod time_split;
