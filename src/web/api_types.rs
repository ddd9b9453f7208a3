//! The wire types of `/api/v1`: every response body and query string the API handles. The
//! handlers build their answers from these and the OpenAPI document is derived from them, so
//! the document cannot describe a shape the service does not send.

use crate::domain::ids::RoundId;
use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;
use time::Date;
use utoipa::{IntoParams, ToSchema};

use crate::app::inflection::RegisterEntry;
use crate::app::participation::{SeenGroup, SeenRound};
use crate::app::report::ReportFormat;
use crate::app::scorecard::LoadedScorecard;
use crate::auth::Role;
use crate::domain::locale::Locale;
use crate::domain::quarter::{InvalidQuarter, Quarter};
use crate::domain::round::RoundStatus;
use crate::domain::scoring::change::Change;
use crate::domain::scoring::scorecard::{RoundReport, Scorecard};
use crate::domain::scoring::trend::TrendSeries;

/// Every API error: a machine-readable code and a message for people.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// `bad_request`, `unauthenticated`, `forbidden`, `not_found`, `conflict`,
    /// `unavailable`, …
    pub error: String,
    /// What went wrong, in plain words.
    pub message: String,
}

/// How the caller signed in.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Via {
    Session,
    Token,
}

/// `GET /api/v1/me`.
#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    /// The account's email, or the token's name.
    pub actor: String,
    pub role: Role,
    pub via: Via,
}

/// `?quarter=2026Q3`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QuarterQuery {
    /// The quarter; default: the latest quarter with a closed round.
    #[param(pattern = "^2[0-9]{3}Q[1-4]$", example = "2026Q3")]
    pub quarter: Option<String>,
}

/// `?quarter=2026Q3&comments=none`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ScorecardQuery {
    /// The quarter; default: the latest quarter with a closed round.
    #[param(pattern = "^2[0-9]{3}Q[1-4]$", example = "2026Q3")]
    pub quarter: Option<String>,
    /// Default: `all`, every comment the caller may read.
    #[param(inline)]
    pub comments: Option<CommentsWanted>,
}

/// Whether the scorecard carries its comments.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum CommentsWanted {
    /// Every comment the caller may read, each list in random order.
    #[default]
    All,
    /// Up to 10 comments per group × text question, the same on every call (the first in
    /// the random order the seal gave them), with each list's `total`. What the dashboard
    /// shows; a large company's comments can run to megabytes.
    Sample,
    /// The figures only: every comment list is left empty. Lighter and faster for a large
    /// company, whose comments can run to megabytes.
    None,
}

/// The export's file format.
#[derive(Debug, Clone, Copy, Default, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    /// One row per figure, every cell escaped against spreadsheet formulas.
    #[default]
    Csv,
    /// The scorecard as JSON (the `/api/v1/scorecard` body).
    Json,
}

/// `?quarter=&format=csv|json`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// The quarter; default: the latest quarter with a closed round.
    #[param(pattern = "^2[0-9]{3}Q[1-4]$", example = "2026Q3")]
    pub quarter: Option<String>,
    /// Default: `csv`.
    #[param(inline)]
    pub format: Option<ExportFormat>,
}

/// The report's image format.
#[derive(Debug, Clone, Copy, Default, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ImageFormat {
    #[default]
    Png,
    Svg,
    /// The board pack: the report as vector page 1, then the method, items per group, the
    /// inflection-point register, the time split and the actions.
    Pdf,
}

impl From<ImageFormat> for ReportFormat {
    fn from(f: ImageFormat) -> Self {
        match f {
            ImageFormat::Png => ReportFormat::Png,
            ImageFormat::Svg => ReportFormat::Svg,
            ImageFormat::Pdf => ReportFormat::Pdf,
        }
    }
}

/// `?quarter=&format=png|svg|pdf&lang=en|ko|nl|de`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportQuery {
    /// The quarter; default: the latest quarter with a closed round.
    #[param(pattern = "^2[0-9]{3}Q[1-4]$", example = "2026Q3")]
    pub quarter: Option<String>,
    /// Default: `png`.
    #[param(inline)]
    pub format: Option<ImageFormat>,
    /// The report's language; default: `en`.
    #[param(inline)]
    pub lang: Option<Locale>,
}

/// The quarter a query names, in exactly the documented form (`None` when absent).
pub fn parse_quarter(q: Option<&str>) -> Result<Option<Quarter>, InvalidQuarter> {
    q.map(Quarter::parse_strict).transpose()
}

/// `GET /api/v1/scorecard` (and the JSON export): the quarter's scorecard.
#[derive(Debug, Serialize, ToSchema)]
pub struct ScorecardBody {
    pub scorecard: Scorecard,
    /// The last close date of the quarter's rounds.
    pub as_of: Option<Date>,
    /// The CTO's commentary on the quarter.
    pub commentary: Option<String>,
}

impl From<LoadedScorecard> for ScorecardBody {
    fn from(l: LoadedScorecard) -> Self {
        ScorecardBody {
            scorecard: l.scorecard,
            as_of: l.as_of,
            commentary: l.commentary,
        }
    }
}

// The bodies below were built with `json!` (sorted keys); their fields stay in sorted order
// and are sent through `serde_json::Value`, so the bytes on the wire do not change.

/// `GET /api/v1/trends`.
#[derive(Debug, Serialize, ToSchema)]
pub struct TrendsBody {
    /// Each headline figure and each group's CSAT compared with the quarter before: changed,
    /// no real change, can't tell (after a false-discovery-rate adjustment over all of them),
    /// not comparable, or not enough data.
    pub changes: Vec<Change>,
    pub quarter: Quarter,
    /// Headline figures over eight quarters.
    pub trends: Vec<TrendSeries>,
}

/// `GET /api/v1/rounds/{id}/results`.
#[derive(Debug, Serialize, ToSchema)]
pub struct RoundResultsBody {
    pub quarter: Quarter,
    pub results: RoundReport,
    #[schema(value_type = String, format = "uuid")]
    pub round_id: RoundId,
}

/// `GET /api/v1/commentary`.
#[derive(Debug, Serialize, ToSchema)]
pub struct CommentaryBody {
    /// `null` when the CTO has written none for the quarter.
    pub commentary: Option<String>,
    pub quarter: Quarter,
}

/// One line of the inflection-point register: a point and its assessment for one quarter.
#[derive(Debug, Serialize, ToSchema)]
pub struct InflectionEntry {
    pub point_id: String,
    pub title: String,
    pub description: Option<String>,
    #[schema(pattern = "^2[0-9]{3}Q[1-4]$")]
    pub first_seen_quarter: String,
    /// `null` for a point not yet assessed in any quarter.
    #[schema(pattern = "^2[0-9]{3}Q[1-4]$")]
    pub quarter: Option<String>,
    pub assessment: Option<String>,
    pub cto_note: Option<String>,
    /// The board's verdict on the assessment.
    pub board_state: Option<String>,
    pub board_note: Option<String>,
}

impl From<RegisterEntry> for InflectionEntry {
    fn from(e: RegisterEntry) -> Self {
        InflectionEntry {
            point_id: e.point_id,
            title: e.title,
            description: e.description,
            first_seen_quarter: e.first_seen_quarter,
            quarter: e.quarter,
            assessment: e.assessment,
            cto_note: e.cto_note,
            board_state: e.board_state,
            board_note: e.board_note,
        }
    }
}

/// Participation counts of one reporting group (who answered is known, what is not). The CTO
/// and the board get counts taken at the start of the hour, and none for a group of fewer
/// than k invitations (or one whose count would give such a group away): then only
/// `invited` and the reason, in `withheld`. Admins get exact, live counts.
#[derive(Debug, Serialize, ToSchema)]
pub struct GroupCounts {
    pub answered: Option<i64>,
    pub delivered: Option<i64>,
    /// The reporting group's key, or `all` for the overall row.
    pub group: String,
    pub invited: i64,
    /// answered / delivered; `null` before anything was delivered or when withheld.
    pub response_rate: Option<f64>,
    pub undeliverable: Option<i64>,
    /// Why the counts are not shown; `null` when they are.
    pub withheld: Option<String>,
}

impl From<SeenGroup> for GroupCounts {
    fn from(g: SeenGroup) -> Self {
        match g.counts {
            Ok(c) => GroupCounts {
                answered: Some(c.answered),
                delivered: Some(c.delivered),
                group: g.group,
                invited: g.invited,
                response_rate: c.response_rate,
                undeliverable: Some(c.undeliverable),
                withheld: None,
            },
            Err(why) => GroupCounts {
                answered: None,
                delivered: None,
                group: g.group,
                invited: g.invited,
                response_rate: None,
                undeliverable: None,
                withheld: Some(why.reason()),
            },
        }
    }
}

/// A round's participation, overall and per group.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProgressCounts {
    /// When the counts were taken (RFC 3339, UTC): now for admins, the start of the hour for
    /// the CTO and the board; `null` until the server has taken its first hourly count.
    #[schema(format = DateTime)]
    pub as_of: Option<String>,
    pub emails_pending: Option<i64>,
    pub groups: Vec<GroupCounts>,
    pub overall: GroupCounts,
    #[schema(value_type = String, format = "uuid")]
    pub round_id: RoundId,
    pub status: RoundStatus,
    /// Always empty here: bounced addresses are for the admin pages only.
    #[schema(max_items = 0)]
    pub undeliverable: Vec<String>,
}

impl From<SeenRound> for ProgressCounts {
    fn from(p: SeenRound) -> Self {
        ProgressCounts {
            as_of: p.as_of.and_then(|t| t.assume_utc().format(&Rfc3339).ok()),
            emails_pending: p.emails_pending,
            groups: p.groups.into_iter().map(GroupCounts::from).collect(),
            overall: p.overall.into(),
            round_id: p.round.id,
            status: p.round.status,
            undeliverable: Vec::new(),
        }
    }
}

/// `GET /api/v1/progress`: one open round.
#[derive(Debug, Serialize, ToSchema)]
pub struct OpenRoundProgress {
    pub closes_on: Date,
    pub progress: ProgressCounts,
    pub quarter: Quarter,
    #[schema(value_type = String, format = "uuid")]
    pub round_id: RoundId,
    /// The template's key.
    pub template: String,
}
