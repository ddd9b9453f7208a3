//! Use cases: report. The board report of a loaded scorecard, as PNG or SVG in one language,
//! or the board pack as PDF (the report, then the method, items, register, time split and
//! actions): the same file for `ctopulse report`, the board page and the API's download.

use super::scorecard::{status_thresholds, LoadedScorecard};
use crate::app::actions::follow::{self, FollowError, FollowedAction};
use crate::app::inflection::{self, InflectionError};
use crate::app::scorecard::Options;
use crate::board_pack::{self, PackAction, PackInput, RegisterRow};
use crate::charts::actions_box::{ReportAction, SHOWN};
use crate::charts::{self, Methodology, ReportContext};
use crate::config::{Settings, Thresholds};
use crate::db::actions::StoredAction;
use crate::db::inflection::RegisterEntry;
use crate::db::DbConnection;
use crate::domain::actions::{board_rank, live_in};
use crate::domain::locale::Locale;
use crate::domain::time_split::{SplitSummary, Targets};

/// Which image a report download is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    Png,
    Svg,
    /// The board pack: the report as vector page 1, then the supporting pages.
    Pdf,
}

impl ReportFormat {
    /// Reads `png` or `svg`.
    pub fn parse(s: &str) -> Option<ReportFormat> {
        match s {
            "png" => Some(ReportFormat::Png),
            "svg" => Some(ReportFormat::Svg),
            "pdf" => Some(ReportFormat::Pdf),
            _ => None,
        }
    }

    /// The HTTP content type.
    pub fn content_type(self) -> &'static str {
        match self {
            ReportFormat::Png => "image/png",
            ReportFormat::Svg => "image/svg+xml",
            ReportFormat::Pdf => "application/pdf",
        }
    }

    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Png => "png",
            ReportFormat::Svg => "svg",
            ReportFormat::Pdf => "pdf",
        }
    }
}

/// Why a report could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error(transparent)]
    Drawing(#[from] charts::ReportError),
    #[error(transparent)]
    Pack(#[from] board_pack::PackError),
    /// A PDF was asked for without the pack's register and actions (a caller's bug).
    #[error("the board pack's register and actions were not loaded")]
    PackNotLoaded,
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
    /// The register and the actions' follow-through; needed for the PDF only.
    pub pack: Option<&'a PackExtras>,
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
            pack: None,
        }
    }

    /// The same inputs with the pack's register and follow-through (for a PDF).
    pub fn with_pack(self, pack: Option<&'a PackExtras>) -> Self {
        ReportInputs { pack, ..self }
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
        ReportFormat::Pdf => {
            let extras = inputs.pack.ok_or(RenderError::PackNotLoaded)?;
            let register = register_rows(&extras.register);
            let actions = pack_actions(&extras.followed, locale, inputs.default_locale);
            board_pack::render(&PackInput {
                scorecard: &loaded.scorecard,
                ctx: &ctx,
                register: &register,
                actions: &actions,
            })?
        }
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

/// What the PDF pack reads beside the scorecard: the inflection-point register and every
/// action with its follow-through.
#[derive(Debug, Clone)]
pub struct PackExtras {
    pub register: Vec<RegisterEntry>,
    pub followed: Vec<FollowedAction>,
}

/// Why the pack's register or follow-through could not be read.
#[derive(Debug, thiserror::Error)]
pub enum PackLoadError {
    #[error(transparent)]
    Register(#[from] InflectionError),
    #[error(transparent)]
    Follow(#[from] FollowError),
}

/// Reads the register and the follow-through of `actions` (the scorecard options decide the
/// thresholds; comments are never read).
pub fn pack_extras(
    conn: &mut DbConnection,
    actions: Vec<StoredAction>,
    opts: &Options,
) -> Result<PackExtras, PackLoadError> {
    Ok(PackExtras {
        register: inflection::register(conn)?,
        followed: follow::follow(conn, actions, opts)?,
    })
}

/// The register as the pack reads it: states typed, unknown words left out rather than
/// guessed.
fn register_rows(entries: &[RegisterEntry]) -> Vec<RegisterRow> {
    entries
        .iter()
        .map(|e| RegisterRow {
            title: e.title.clone(),
            description: e.description.clone(),
            first_seen: e.first_seen_quarter.clone(),
            quarter: e.quarter.as_deref().and_then(|q| q.parse().ok()),
            assessment: e.assessment.as_deref().and_then(|a| a.parse().ok()),
            confirmation: e.board_state.as_deref().and_then(|c| c.parse().ok()),
            cto_note: e.cto_note.clone(),
            board_note: e.board_note.clone(),
        })
        .collect()
}

/// The actions with their texts in `locale` (the company's language where an action has
/// none in it).
fn pack_actions(
    followed: &[FollowedAction],
    locale: Locale,
    default_locale: Locale,
) -> Vec<PackAction> {
    followed
        .iter()
        .map(|f| {
            let a = &f.action;
            let text = a.texts.get(locale, default_locale);
            PackAction {
                title: text
                    .as_ref()
                    .map(|t| t.text.title.clone())
                    .unwrap_or_default(),
                note: text.map(|t| t.text.note.clone()).unwrap_or_default(),
                owner: a.owner.clone(),
                made: a.quarter,
                due: a.due,
                status: a.status,
                template_key: a.template_key.clone(),
                link: a.link.clone(),
                points: f.points.clone(),
            }
        })
        .collect()
}
