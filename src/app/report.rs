//! Use cases: report. The board report of a loaded scorecard, as PNG or SVG in one language:
//! the same image for `ctopulse report`, the board page and the API's download.

use super::scorecard::{status_thresholds, LoadedScorecard};
use crate::charts::{self, Methodology, ReportContext};
use crate::config::Thresholds;
use crate::domain::locale::Locale;

/// Which image a report download is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    Png,
    Svg,
}

impl ReportFormat {
    /// Reads `png` or `svg`.
    pub fn parse(s: &str) -> Option<ReportFormat> {
        match s {
            "png" => Some(ReportFormat::Png),
            "svg" => Some(ReportFormat::Svg),
            _ => None,
        }
    }

    /// The HTTP content type.
    pub fn content_type(self) -> &'static str {
        match self {
            ReportFormat::Png => "image/png",
            ReportFormat::Svg => "image/svg+xml",
        }
    }

    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Png => "png",
            ReportFormat::Svg => "svg",
        }
    }
}

/// Why a report could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error(transparent)]
    Drawing(#[from] charts::ReportError),
}

/// A rendered report.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub format: ReportFormat,
    /// `ctopulse-2026Q3-en.png`.
    pub file_name: String,
}

/// Renders the board report of `loaded` for the company `company`, rated with `thresholds`
/// (the settings the statuses were computed with).
pub fn render(
    loaded: &LoadedScorecard,
    locale: Locale,
    format: ReportFormat,
    company: &str,
    thresholds: &Thresholds,
) -> Result<Rendered, RenderError> {
    let ctx = ReportContext {
        company,
        locale,
        as_of: loaded.as_of,
        commentary: loaded.commentary.as_deref(),
        methodology: Methodology {
            thresholds: status_thresholds(thresholds),
        },
        labels: &loaded.labels,
    };
    let bytes = match format {
        ReportFormat::Png => charts::render_png(&loaded.scorecard, &ctx)?,
        ReportFormat::Svg => charts::render_svg(&loaded.scorecard, &ctx)?.into_bytes(),
    };
    Ok(Rendered {
        bytes,
        format,
        file_name: format!(
            "ctopulse-{}-{}.{}",
            loaded.scorecard.quarter,
            locale.code(),
            format.extension()
        ),
    })
}
