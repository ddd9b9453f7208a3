//! The board report: the three measures of one quarter on a single 1600 × 1000 image (taller
//! when a status reason runs long), as PNG or SVG, in every language of `locales/`.
//!
//! Drawn from a [`Scorecard`] only — never from raw answers — so every anonymity rule the
//! scoring engine applied holds on the image too. Rendering is deterministic: no clock, no
//! randomness, no system fonts (NanumGothic is embedded), so the same scorecard always gives
//! the same bytes.

pub mod actions_box;
mod alignment_panel;
pub mod board_report;
pub mod copy;
mod csat_panel;
mod culture_panel;
pub mod dashboard;
pub mod driver_matrix;
mod drivers_line;
pub mod fonts;
pub mod layout;
mod marks;
pub mod missing;
mod panel;
pub mod reasons;
pub mod sample;
pub mod text_layout;
pub mod theme;
pub mod time_split_bar;
mod trend;
mod typeset;

#[cfg(test)]
mod absence_tests;
#[cfg(test)]
mod band_tests;
#[cfg(test)]
mod fit_tests;
#[cfg(test)]
mod reason_tests;
#[cfg(test)]
mod tests;

pub use board_report::{height, render_png, render_svg, HEIGHT, WIDTH};
pub use layout::{ItemLabels, Methodology, ReportContext, ReportError};
