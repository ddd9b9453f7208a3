//! What a scorecard holds: the output types the JSON API, charts and board report read.

use serde::Serialize;

use crate::domain::audience::Audience;
use crate::domain::department::Department;
use crate::domain::quarter::Quarter;
use crate::domain::scoring::alignment::InflectionPoint;
use crate::domain::scoring::change::Change;
use crate::domain::scoring::csat::{Coverage, LeftOutGroup, UsedGroup};
use crate::domain::scoring::culture::{Enps, Quadrants};
use crate::domain::scoring::drivers::report::{DriverReport, TopDriver};
use crate::domain::scoring::figure::Figure;
use crate::domain::scoring::inputs::{RoundStatus, TemplateRef};
use crate::domain::scoring::interval::Share;
use crate::domain::scoring::items::ItemReport;
use crate::domain::scoring::lagging::LaggingIndicators;
use crate::domain::scoring::status::Status;
use crate::domain::scoring::trend::TrendSeries;

/// How many quarters a trend covers: the scored one and the seven before it.
pub const TREND_QUARTERS: usize = 8;

/// A quarter's scorecard, ready to serialise for the JSON API, charts and the board report.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Scorecard {
    /// The scored quarter.
    pub quarter: Quarter,
    /// The quarter's closed rounds (open rounds are absent altogether).
    pub rounds: Vec<RoundReport>,
    /// Measure A — tech strategy alignment.
    pub measure_a: MeasureA,
    /// Measure B — health of engineering culture.
    pub measure_b: MeasureB,
    /// Measure C — internal CSAT.
    pub measure_c: MeasureC,
    /// Headline figures over eight quarters.
    pub trends: Vec<TrendSeries>,
    /// Each headline figure and each group's CSAT compared with the quarter before.
    pub changes: Vec<Change>,
}

/// One closed round's figures.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct RoundReport {
    /// The template it was launched with.
    pub template: TemplateRef,
    /// Who was invited.
    pub audience: Audience,
    /// Closed or sealed.
    pub status: RoundStatus,
    /// Its anonymity threshold.
    pub k: u32,
    /// Delivered invitations, all groups.
    pub delivered: u64,
    /// Answered invitations, all groups.
    pub answered: u64,
    /// answered / delivered.
    pub response_rate: Figure<f64>,
    /// Per reporting group, in department order.
    pub groups: Vec<GroupReport>,
    /// Per numeric question, in template order.
    pub items: Vec<ItemReport>,
    /// Comments per group × text question (empty when comments were not requested).
    pub comments: Vec<CommentBlock>,
    /// Key drivers: one analysis per reporting group (CSAT) or one for the round (culture).
    pub drivers: Vec<DriverReport>,
}

/// One reporting group of a round.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct GroupReport {
    /// Group key.
    pub key: String,
    /// The departments merged into it.
    pub departments: Vec<Department>,
    /// CSAT weight snapshot.
    pub weight: f64,
    /// Delivered invitations.
    pub delivered: u32,
    /// Answered invitations (participation is public).
    pub answered: u32,
    /// answered / delivered.
    pub response_rate: Figure<f64>,
    /// CSAT, for rounds with an overall-satisfaction question.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub csat: Option<Figure<Share>>,
}

/// The comments of one group to one text question.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct CommentBlock {
    /// Group key (the finest attribution there is).
    pub group: String,
    /// Question key.
    pub item: String,
    /// The comments in random order, or the rule that withholds them.
    pub comments: Figure<Vec<String>>,
    /// How many comments the list has when they are shown: more than `comments` holds when
    /// only a sample was asked for. Absent when withheld, so a withheld list says nothing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<u32>,
}

/// Measure A on the scorecard.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct MeasureA {
    /// The round it comes from, if any.
    pub round: Option<TemplateRef>,
    /// Share of respondents with alignment index ≥ 4.
    pub alignment: Figure<Share>,
    /// The quarter's inflection points with their confirmation state.
    pub inflection_points: Vec<InflectionPoint>,
    /// Rating and reason.
    pub status: Status,
}

/// Measure B on the scorecard.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct MeasureB {
    /// The round it comes from, if any.
    pub round: Option<TemplateRef>,
    /// Share productive and happy at once.
    pub productive_and_happy: Figure<Share>,
    /// Quadrant counts.
    pub quadrants: Figure<Quadrants>,
    /// eNPS.
    pub enps: Figure<Enps>,
    /// Attrition and offer acceptance against their thresholds.
    pub lagging: LaggingIndicators,
    /// The most important drivers of eNPS (at most three).
    pub top_drivers: Vec<TopDriver>,
    /// Rating and reason.
    pub status: Status,
}

/// Measure C on the scorecard.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct MeasureC {
    /// The round it comes from, if any.
    pub round: Option<TemplateRef>,
    /// Weighted CSAT with its interval.
    pub weighted_csat: Figure<Share>,
    /// The groups in it, with weights.
    pub groups_used: Vec<UsedGroup>,
    /// The groups left out, and why.
    pub groups_left_out: Vec<LeftOutGroup>,
    /// The share of the total weight the figure covers (absent without a CSAT round).
    pub coverage: Option<Coverage>,
    /// The most important drivers of the groups' CSAT, across groups (at most three).
    pub top_drivers: Vec<TopDriver>,
    /// Rating and reason.
    pub status: Status,
}
