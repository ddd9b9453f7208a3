//! The board report: the three measures of one quarter on a single 1600 × 1000 image, as PNG
//! or SVG, in English, Korean or Dutch.
//!
//! Drawn from a [`Scorecard`] only — never from raw answers — so every anonymity rule the
//! scoring engine applied holds on the image too. Rendering is deterministic: no clock, no
//! randomness, no system fonts (NanumGothic is embedded), so the same scorecard always gives
//! the same bytes.

mod alignment_panel;
pub mod board_report;
pub mod copy;
mod csat_panel;
mod culture_panel;
pub mod fonts;
mod marks;
pub mod reasons;
pub mod sample;
pub mod text_layout;
pub mod theme;
mod trend;

#[cfg(test)]
mod tests;

use plotters::drawing::DrawingAreaErrorKind;
use time::Date;

use crate::domain::locale::Locale;
use crate::domain::scoring::inputs::StatusThresholds;

pub use board_report::{render_png, render_svg, HEIGHT, WIDTH};

/// What the report needs besides the scorecard.
#[derive(Debug, Clone)]
pub struct ReportContext<'a> {
    /// Company name for the header (long names are shortened with "…").
    pub company: &'a str,
    /// The report's language.
    pub locale: Locale,
    /// The last close date of the quarter's rounds; `None` when none has closed.
    pub as_of: Option<Date>,
    /// The CTO's commentary on the quarter (≤ 600 characters), if set.
    pub commentary: Option<&'a str>,
    /// The parts of the methodology footer the scorecard does not carry.
    pub methodology: Methodology,
}

/// Methodology facts that are settings rather than scorecard figures.
///
/// Answers, response rates, k, weights and template versions come from the scorecard's
/// rounds; the status thresholds are settings, needed to state each status reason and the
/// rules in the footer.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Methodology {
    /// The thresholds the statuses were rated with.
    pub thresholds: StatusThresholds,
}

/// Why a report could not be rendered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    /// The embedded font could not be loaded.
    #[error(transparent)]
    Font(#[from] fonts::FontError),
    /// plotters failed to draw.
    #[error("drawing the report failed: {0}")]
    Drawing(String),
    /// The PNG encoder failed.
    #[error("encoding the report as PNG failed: {0}")]
    Encoding(String),
}

impl ReportError {
    /// Wraps a plotters drawing error (its message only: the report has no use for the type).
    pub fn drawing<E: std::error::Error + Send + Sync>(e: DrawingAreaErrorKind<E>) -> Self {
        ReportError::Drawing(e.to_string())
    }
}
