//! The one integration test binary. Runs on SQLite by default; set TEST_DATABASE_URL to a
//! PostgreSQL server URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run every test
//! against PostgreSQL — each test creates and drops its own database there.

#![allow(dead_code)] // helpers serve tests that land issue by issue

mod access_matrix;
mod accessibility;
mod accounts;
mod actions;
mod actions_pages;
mod actions_recap;
mod admin_pages;
mod answer_tables;
mod bad_input;
mod board_pack;
// The benchmark company generator, shared with the benches; not part of the library.
#[path = "../../benches/support/bench_data.rs"]
#[allow(dead_code)] // some helpers serve only the benches
mod bench_data;
mod cli;
mod cli_accounts;
mod comment_sample;
mod demo;
mod demo_large;
mod drivers;
mod emails;
mod emails_smtp;
mod error_pages;
mod failed_logins;
mod first_run;
mod group_commit;
mod health;
mod helpers;
mod kept_tallies;
mod oidc;
mod pages;
mod participation;
mod privacy_lifecycle;
mod reliability;
mod respondent_language;
mod results_api;
mod round_ids;
mod rounds_app;
mod scale;
mod schedules;
mod schedules_web;
mod schema_parity;
mod scim;
mod scorecard;
mod scorecard_batch;
mod smtp_sink;
mod staff_language;
mod staff_support;
mod storage_forensics;
mod strict_mode;
mod survey_flow;
mod survey_storage;
mod time_split;
mod time_split_web;
mod typed_storage;
