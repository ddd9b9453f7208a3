//! Use cases: report. The board report of a loaded scorecard, as PNG or SVG in one language:
//! the same image for `ctopulse report`, the board page and the API's download.

use super::scorecard::{status_thresholds, LoadedScorecard};
use crate::charts::actions_box::{ReportAction, SHOWN};
use crate::charts::{self, Methodology, ReportContext};
use crate::config::{Settings, Thresholds};
use crate::db::actions::StoredAction;
use crate::domain::actions::{board_rank, live_in};
use crate::domain::locale::Locale;
use crate::domain::time_split::{SplitSummary, Targets};

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

/// What the report takes from the settings and beside the scorecard.
pub struct ReportInputs<'a> {
    /// The company's name for the header.
    pub company: &'a str,
    /// The thresholds the statuses were rated with.
    pub thresholds: &'a Thresholds,
    /// The company's language (action titles fall back to it).
    pub default_locale: Locale,
    /// The quarter's time split, when the calendar holds work time for it.
    pub time_split: Option<&'a SplitSummary>,
    /// The time split's targets.
    pub targets: Targets,
    /// Every action (the report lists those live in its quarter).
    pub actions: &'a [StoredAction],
}

impl<'a> ReportInputs<'a> {
    /// The inputs `settings` give, with the quarter's time split.
    pub fn from_settings(
        settings: &'a Settings,
        time_split: Option<&'a SplitSummary>,
        actions: &'a [StoredAction],
    ) -> Self {
        ReportInputs {
            company: &settings.company_name,
            thresholds: &settings.thresholds,
            default_locale: settings.default_locale,
            time_split,
            targets: settings.time_split.targets().unwrap_or_default(),
            actions,
        }
    }
}

/// Renders the board report of `loaded` in `locale`.
pub fn render(
    loaded: &LoadedScorecard,
    locale: Locale,
    format: ReportFormat,
    inputs: &ReportInputs<'_>,
) -> Result<Rendered, RenderError> {
    let (actions, actions_total) = board_actions(
        loaded.scorecard.quarter,
        inputs.actions,
        locale,
        inputs.default_locale,
    );
    let ctx = ReportContext {
        company: inputs.company,
        locale,
        as_of: loaded.as_of,
        commentary: loaded.commentary.as_deref(),
        methodology: Methodology {
            thresholds: status_thresholds(inputs.thresholds),
        },
        labels: &loaded.labels,
        actions: &actions,
        actions_total,
        time_split: inputs.time_split.map(|s| (s, inputs.targets)),
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

/// The actions live in the scored quarter, in the board's order, titled in `locale` (the
/// company's language where an action has none), and how many there are.
fn board_actions(
    q: crate::domain::quarter::Quarter,
    actions: &[StoredAction],
    locale: Locale,
    default_locale: Locale,
) -> (Vec<ReportAction>, usize) {
    let mut live: Vec<_> = actions
        .iter()
        .filter(|a| live_in(q, a.quarter, a.due, a.status))
        .collect();
    live.sort_by_key(|a| board_rank(a.status, a.due));
    let total = live.len();
    let shown = live
        .into_iter()
        .take(SHOWN)
        .filter_map(|a| {
            Some(ReportAction {
                title: a.texts.get(locale, default_locale)?.text.title.clone(),
                status: a.status,
            })
        })
        .collect();
    (shown, total)
}
