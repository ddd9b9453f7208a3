//! What the scoring engine is fed: sufficient statistics only.
//!
//! Every collection here is a flat list of rows a SQL layer can produce with one `GROUP BY`
//! over the sealed `tallies` (never individual answers). Row order carries no meaning: the
//! engine sums duplicate rows and sorts whatever it shows, so storage order cannot leak.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::domain::audience::Audience;
use crate::domain::department::Department;
use crate::domain::quarter::Quarter;
use crate::domain::question::{QuestionKind, Role};

pub use crate::domain::round::RoundStatus;

/// The template a round was launched with, as snapshotted into the round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct TemplateRef {
    /// Template key, e.g. `internal-csat`.
    pub key: String,
    /// Template version; a change makes quarters "not comparable".
    pub version: u32,
    /// Hash of the stored template content, carried for the report's provenance.
    pub content_hash: String,
}

/// One reporting group of a round (one department, or several merged at launch).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct GroupInput {
    /// Group key, e.g. `sales` or `ceo+bd`.
    pub key: String,
    /// The departments merged into the group (empty for e.g. the board).
    pub departments: Vec<Department>,
    /// CSAT weight snapshot at launch: the sum of the member departments' weights.
    pub weight: f64,
    /// Delivered invitations N_g (undeliverable ones excluded).
    pub delivered: u32,
    /// Invitations answered n_g (participation is public; answers are not).
    pub answered: u32,
}

/// One question of the round's template, as far as scoring needs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ItemInput {
    /// Question key, unique in the template.
    pub key: String,
    /// How the question is answered.
    pub kind: QuestionKind,
    /// The part it plays in a measure, if any.
    pub role: Option<Role>,
    /// The department section it belongs to; `None` for questions everybody sees.
    pub section: Option<Department>,
    /// Whether "N/A" is offered.
    pub allow_na: bool,
}

/// `SELECT group, question, value, count(*) … GROUP BY 1, 2, 3`: one row per answered value.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ValueCountRow {
    /// Reporting group key.
    pub group: String,
    /// Question key.
    pub item: String,
    /// The numeric answer (1–5, 0–10 or a choice index), or `None` for N/A.
    pub value: Option<i32>,
    /// How many answers had that value.
    pub count: u32,
}

/// Measure B tally row: respondents sharing one (productivity, happiness) sum/count tuple.
///
/// Index = sum / count, so "index ≥ 4" is decided exactly as `sum >= 4 * count`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
pub struct CultureTallyRow {
    /// Reporting group key.
    pub group: String,
    /// Sum of the respondent's answered productivity items.
    pub productivity_sum: u32,
    /// Number of productivity items the respondent answered (N/A excluded).
    pub productivity_items: u32,
    /// Sum of the respondent's answered happiness items.
    pub happiness_sum: u32,
    /// Number of happiness items the respondent answered (N/A excluded).
    pub happiness_items: u32,
    /// Respondents with exactly this tuple.
    pub respondents: u32,
}

/// Measure A tally row: respondents sharing one (alignment sum, alignment item count) pair.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
pub struct AlignmentTallyRow {
    /// Reporting group key.
    pub group: String,
    /// Sum of the respondent's answered alignment items.
    pub alignment_sum: u32,
    /// Number of alignment items the respondent answered (N/A excluded).
    pub alignment_items: u32,
    /// Respondents with exactly this pair.
    pub respondents: u32,
}

/// One free-text answer, known only by its group and question.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
pub struct CommentRow {
    /// Reporting group key.
    pub group: String,
    /// Question key of the text item.
    pub item: String,
    /// The comment text.
    pub text: String,
}

/// How many comments one group gave to one text question, when [`RoundInput::comments`]
/// holds only a sample of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct CommentCount {
    /// Reporting group key.
    pub group: String,
    /// Question key of the text item.
    pub item: String,
    /// Every comment of the group on the item, sampled or not.
    pub count: u32,
}

/// Everything the engine needs about one round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct RoundInput {
    /// The quarter the round reports on.
    pub quarter: Quarter,
    /// Who was invited; decides which measure the round feeds.
    pub audience: Audience,
    /// The template snapshot.
    pub template: TemplateRef,
    /// Anonymity threshold k (3–50), locked at launch.
    pub k: u32,
    /// Minimum group size for comments to be shown, locked at launch.
    pub comment_threshold: u32,
    /// Only closed or sealed rounds produce anything.
    pub status: RoundStatus,
    /// The reporting groups with their weights and participation.
    pub groups: Vec<GroupInput>,
    /// The template's questions, in template order.
    pub items: Vec<ItemInput>,
    /// Answer counts per group × question × value.
    pub value_counts: Vec<ValueCountRow>,
    /// Measure B per-respondent index tallies.
    pub culture_tallies: Vec<CultureTallyRow>,
    /// Measure A per-respondent index tallies.
    pub alignment_tallies: Vec<AlignmentTallyRow>,
    /// Free-text answers: all of them, or a sample when `comment_counts` is not empty.
    pub comments: Vec<CommentRow>,
    /// The size of each sampled comment list (empty: `comments` holds every comment).
    #[serde(default)]
    pub comment_counts: Vec<CommentCount>,
    /// Key-driver analyses stored at seal (none for rounds sealed before they existed).
    #[serde(default)]
    pub drivers: Vec<crate::domain::scoring::drivers::DriverRow>,
}

/// Kinds of engineering talent events imported from HR.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum HrEventKind {
    /// Someone joined.
    Hire,
    /// Someone left.
    Exit,
    /// A candidate accepted an offer.
    OfferAccepted,
    /// A candidate declined an offer.
    OfferDeclined,
    /// A snapshot of engineering headcount.
    Headcount,
    /// A snapshot of top-talent headcount.
    TopTalentHeadcount,
}

/// One HR event row (`date,event,count,regretted,top_talent`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
pub struct HrEvent {
    /// The day it happened or the snapshot was taken.
    pub date: Date,
    /// What happened.
    pub kind: HrEventKind,
    /// How many people (or the headcount, for snapshots).
    pub count: u32,
    /// The exit was regretted.
    pub regretted: bool,
    /// The people involved are top talent.
    pub top_talent: bool,
}

/// HR events and the quarter's date bounds (passed in: the engine has no clock or calendar
/// settings of its own, so the fiscal-year start stays the caller's business).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct HrInput {
    /// First day of the scored quarter.
    pub quarter_first_day: Date,
    /// Last day of the scored quarter.
    pub quarter_last_day: Date,
    /// Events; those outside the twelve months ending with the quarter are ignored.
    pub events: Vec<HrEvent>,
}

/// How the CTO assessed an inflection point for the quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Assessment {
    /// Ahead of the market.
    Ahead,
    /// Caught in time.
    OnTime,
    /// Caught late: measure A turns amber.
    Late,
    /// Missed: measure A turns red.
    Missed,
    /// Being watched; no verdict yet.
    Watching,
}

/// The board's view of the CTO's assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Confirmation {
    /// A board member confirmed it.
    Confirmed,
    /// A board member disputed it.
    Disputed,
    /// No board member has looked at it yet.
    Unconfirmed,
}

/// One inflection point's assessment for the scored quarter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct InflectionInput {
    /// Title, e.g. "LLM platforms".
    pub title: String,
    /// The CTO's assessment.
    pub assessment: Assessment,
    /// Whether the board confirmed it.
    pub confirmation: Confirmation,
    /// Free notes from the CTO or the board.
    pub notes: String,
}

/// Status thresholds (settings); `Default` gives DESIGN's defaults.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct StatusThresholds {
    /// A is amber when alignment is below this share.
    pub a_amber_alignment: f64,
    /// B is red when productive-and-happy is below this share.
    pub b_red_productive_happy: f64,
    /// B is amber when productive-and-happy is below this share.
    pub b_amber_productive_happy: f64,
    /// Regretted top-talent attrition above this share is a breach.
    pub b_attrition_breach: f64,
    /// Offer acceptance below this share is a breach.
    pub b_acceptance_breach: f64,
    /// C is red when weighted CSAT is below this share.
    pub c_red_weighted: f64,
    /// C is red when any reported group's CSAT is below this share.
    pub c_red_any_group: f64,
    /// C is amber when weighted CSAT is below this share.
    pub c_amber_weighted: f64,
    /// C is not rated when the groups in it cover less than this share of the total weight.
    #[serde(default = "default_min_coverage")]
    pub c_min_coverage: f64,
}

fn default_min_coverage() -> f64 {
    0.60
}

impl Default for StatusThresholds {
    fn default() -> Self {
        StatusThresholds {
            a_amber_alignment: 0.60,
            b_red_productive_happy: 0.40,
            b_amber_productive_happy: 0.60,
            b_attrition_breach: 0.10,
            b_acceptance_breach: 0.70,
            c_red_weighted: 0.60,
            c_red_any_group: 0.50,
            c_amber_weighted: 0.75,
            c_min_coverage: default_min_coverage(),
        }
    }
}

/// Everything a quarter's scorecard is built from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ScorecardInput {
    /// The quarter being scored.
    pub quarter: Quarter,
    /// Rounds of this quarter and of the seven before it (others are ignored).
    pub rounds: Vec<RoundInput>,
    /// HR events for the lagging indicators.
    pub hr: HrInput,
    /// This quarter's inflection-point assessments.
    pub inflection_points: Vec<InflectionInput>,
    /// Status thresholds.
    pub thresholds: StatusThresholds,
    /// Whether comments go into the scorecard (the caller decides by the reader's role).
    pub include_comments: bool,
}

/// A stored word that names no state of its kind.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} {value:?} (expected {expected})")]
pub struct UnknownWord {
    pub what: &'static str,
    pub value: String,
    pub expected: &'static str,
}

impl Assessment {
    /// The stored word.
    pub fn key(self) -> &'static str {
        match self {
            Assessment::Ahead => "ahead",
            Assessment::OnTime => "on_time",
            Assessment::Late => "late",
            Assessment::Missed => "missed",
            Assessment::Watching => "watching",
        }
    }
}

impl std::fmt::Display for Assessment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}

impl std::str::FromStr for Assessment {
    type Err = UnknownWord;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s {
            "ahead" => Assessment::Ahead,
            "on_time" | "on-time" => Assessment::OnTime,
            "late" => Assessment::Late,
            "missed" => Assessment::Missed,
            "watching" => Assessment::Watching,
            other => {
                return Err(UnknownWord {
                    what: "assessment",
                    value: other.to_string(),
                    expected: "ahead, on_time, late, missed or watching",
                })
            }
        })
    }
}

impl Confirmation {
    /// The stored word.
    pub fn key(self) -> &'static str {
        match self {
            Confirmation::Confirmed => "confirmed",
            Confirmation::Disputed => "disputed",
            Confirmation::Unconfirmed => "unconfirmed",
        }
    }
}

impl std::fmt::Display for Confirmation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}

impl std::str::FromStr for Confirmation {
    type Err = UnknownWord;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s {
            "confirmed" => Confirmation::Confirmed,
            "disputed" => Confirmation::Disputed,
            "unconfirmed" => Confirmation::Unconfirmed,
            other => {
                return Err(UnknownWord {
                    what: "board state",
                    value: other.to_string(),
                    expected: "confirmed, disputed or unconfirmed",
                })
            }
        })
    }
}
