//! ctopulse: measures a CTO by three measures — tech strategy alignment, engineering
//! culture, internal CSAT — from quarterly surveys of the people the CTO serves.

pub mod allocator;
pub mod app;
pub mod auth;
pub mod board_pack;
pub mod charts;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod config;
pub mod db;
pub mod demo;
pub mod domain;
pub mod export;
pub mod i18n;
pub mod mail;
pub mod oidc;
pub mod secret;
pub mod startup;
pub mod telemetry;
pub mod tokens;
pub mod web;
