//! What the report's modules share: the context it is drawn with, its error, and the boxes
//! panels are laid out in. Depends on no other part of the report but the fonts, so every
//! module can use it without import cycles.

use plotters::drawing::DrawingAreaErrorKind;
use time::Date;

use crate::charts::fonts;
use crate::domain::locale::Locale;
use crate::domain::scoring::inputs::StatusThresholds;

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
    /// Short names of the scored rounds' questions, for the key drivers.
    pub labels: &'a ItemLabels,
    /// The actions live in the quarter, most pressing first (at most a few are drawn).
    pub actions: &'a [super::actions_box::ReportAction],
    /// How many actions are live in all (the box says so when it shows fewer).
    pub actions_total: usize,
    /// The quarter's time split and its targets, when the calendar holds work time for it.
    pub time_split: Option<(
        &'a crate::domain::time_split::SplitSummary,
        crate::domain::time_split::Targets,
    )>,
}

/// A question's short name by (template key, question key), in every language; questions
/// without one fall back to their key in words. A template's own title sits under the
/// question key [`TEMPLATE_TITLE`].
pub type ItemLabels =
    std::collections::BTreeMap<(String, String), crate::domain::template::Localized>;

/// The question key of a template's title in [`ItemLabels`] (no question has an empty key).
pub const TEMPLATE_TITLE: &str = "";

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

/// Inner padding of a panel and of the commentary box.
pub const PAD: i32 = 18;

/// A panel's outer box.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    /// Left edge.
    pub x: i32,
    /// Top edge.
    pub y: i32,
    /// Width.
    pub w: i32,
    /// Height.
    pub h: i32,
}

/// Where a panel's parts go, below its title and status.
#[derive(Debug, Clone, Copy)]
pub struct PanelLayout {
    /// Content left edge.
    pub x: i32,
    /// Content width.
    pub w: i32,
    /// Top of the headline figure.
    pub headline_y: i32,
    /// Top of the measure's details.
    pub details_y: i32,
    /// Top of the trend chart.
    pub trend_y: i32,
    /// Height of the trend chart.
    pub trend_h: i32,
    /// Top of the notes under the trend.
    pub notes_y: i32,
}

/// A weight without a needless ".0".
pub fn trim_float(v: f64) -> String {
    let s = format!("{v:.1}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}
