//! Key drivers as the scorecard shows them: each stored analysis, gated again by the round's
//! anonymity rules, with every item placed on an importance × performance grid.

use serde::Serialize;

use super::{plans, DriverRow, Estimate, WHOLE_ROUND};
use crate::domain::scoring::figure::Figure;
use crate::domain::scoring::interval::Share;
use crate::domain::scoring::items::ItemReport;
use crate::domain::scoring::missing::Missing;
use crate::domain::scoring::round::PreparedRound;

/// Where an item sits on the importance × performance grid. The cross-hairs are the
/// analysis's own averages: importance R²/p (an equal share), performance the mean favourable
/// share of its items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    /// Important and below average: act here first.
    FixFirst,
    /// Important and above average: keep it up.
    KeepUp,
    /// Less important and below average.
    LowerPriority,
    /// Less important and above average.
    PossibleOverkill,
}

/// One item of an analysis.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct DriverItem {
    /// Question key.
    pub item: String,
    /// Its Shapley value, a part of R², with the 95 % bootstrap interval.
    pub importance: Estimate,
    /// Its share of the explained variance: importance / R².
    pub share_of_r2: f64,
    /// The group's favourable share on the item, when that figure is shown.
    pub favorable: Option<f64>,
    /// Its place on the grid, when its favourable share is shown.
    pub priority: Option<Priority>,
}

/// A computed analysis.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct DriverResult {
    /// Respondents with complete answers.
    pub n: u64,
    /// R² of the outcome on all the items, with its interval.
    pub r_squared: Estimate,
    /// The items, most important first (ties in template order).
    pub items: Vec<DriverItem>,
}

/// One analysis on the scorecard: a group's CSAT (or the culture round's eNPS) and what
/// drives it.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct DriverReport {
    /// The reporting group's key, or `all` for the culture round.
    pub analysis: String,
    /// The outcome's question key.
    pub outcome: String,
    /// The result, or why there is none.
    pub figure: Figure<DriverResult>,
}

/// The driver reports of one round: one per analysis its template calls for.
///
/// `outcome_shown(analysis)` is the outcome figure's own state on this scorecard; a withheld
/// outcome withholds its drivers whatever was stored.
pub fn driver_reports(
    round: &PreparedRound<'_>,
    items: &[ItemReport],
    outcome_figure: impl Fn(&str) -> Option<Figure<()>>,
) -> Vec<DriverReport> {
    plans(round.input)
        .into_iter()
        .map(|plan| {
            let stored = round
                .input
                .drivers
                .iter()
                .find(|d| d.analysis == plan.analysis && d.outcome == plan.outcome);
            let figure = match outcome_figure(&plan.analysis) {
                Some(Figure::Suppressed { reason }) => Figure::Suppressed { reason },
                Some(Figure::NotEnoughData { reason }) => Figure::NotEnoughData { reason },
                None => Figure::not_enough(Missing::NothingToExplain),
                Some(Figure::Shown { .. }) => shown_fit(stored, &plan.analysis, items),
            };
            DriverReport {
                analysis: plan.analysis,
                outcome: plan.outcome,
                figure,
            }
        })
        .collect()
}

fn shown_fit(
    stored: Option<&DriverRow>,
    analysis: &str,
    items: &[ItemReport],
) -> Figure<DriverResult> {
    let Some(row) = stored else {
        return Figure::not_enough(Missing::DriversNotComputed);
    };
    let Some(fit) = &row.fit else {
        return Figure::not_enough(Missing::TooFewForDrivers {
            min: row.min_respondents,
        });
    };
    let favorable = |key: &str| -> Option<f64> {
        let report = items.iter().find(|r| r.key == key)?;
        let figure = if analysis == WHOLE_ROUND {
            &report.overall
        } else {
            &report.groups.iter().find(|g| g.group == analysis)?.figure
        };
        figure.value()?.favorable.map(|s: Share| s.estimate)
    };
    let r2 = fit.r_squared.estimate;
    let p = fit.items.len().max(1) as f64;
    let shown: Vec<f64> = fit
        .items
        .iter()
        .filter_map(|i| favorable(&i.item))
        .collect();
    let mean_favorable =
        (!shown.is_empty()).then(|| shown.iter().sum::<f64>() / shown.len() as f64);
    let mut out: Vec<DriverItem> = fit
        .items
        .iter()
        .map(|i| {
            let fav = favorable(&i.item);
            let important = i.importance.estimate >= r2 / p;
            let priority = fav
                .zip(mean_favorable)
                .map(|(f, m)| match (important, f < m) {
                    (true, true) => Priority::FixFirst,
                    (true, false) => Priority::KeepUp,
                    (false, true) => Priority::LowerPriority,
                    (false, false) => Priority::PossibleOverkill,
                });
            DriverItem {
                item: i.item.clone(),
                importance: i.importance,
                share_of_r2: if r2 > 0.0 {
                    i.importance.estimate / r2
                } else {
                    0.0
                },
                favorable: fav,
                priority,
            }
        })
        .collect();
    // Stable: equal importance keeps template order.
    out.sort_by(|a, b| b.importance.estimate.total_cmp(&a.importance.estimate));
    Figure::shown(DriverResult {
        n: fit.n,
        r_squared: fit.r_squared,
        items: out,
    })
}

/// One of a measure's most important drivers.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct TopDriver {
    /// The analysis it belongs to: a reporting group's key, or `all`.
    pub analysis: String,
    /// The item.
    pub driver: DriverItem,
}

/// How many drivers per measure the board sees.
pub const TOP_DRIVERS: usize = 3;

/// The `n` most important items across a measure's shown analyses (ties by analysis key).
pub fn top_drivers(reports: &[DriverReport], n: usize) -> Vec<TopDriver> {
    let mut all: Vec<TopDriver> = reports
        .iter()
        .filter_map(|r| r.figure.value().map(|f| (r, f)))
        .flat_map(|(r, f)| {
            f.items.iter().map(|i| TopDriver {
                analysis: r.analysis.clone(),
                driver: i.clone(),
            })
        })
        .collect();
    all.sort_by(|a, b| {
        b.driver
            .importance
            .estimate
            .total_cmp(&a.driver.importance.estimate)
            .then_with(|| a.analysis.cmp(&b.analysis))
    });
    all.truncate(n);
    all
}
