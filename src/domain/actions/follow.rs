//! Follow-through: an action's linked figure in the quarter it was made and in each later
//! sealed quarter, read from each quarter's own scorecard (so the numbers are the
//! scorecard's, withheld where the scorecard withholds them), each compared with the start.
//!
//! The comparisons "start → each later quarter" are change tests like the scorecard's
//! (DESIGN "Change states"), adjusted together by Benjamini–Hochberg: looking again every
//! quarter must not turn chance into a "changed".

use serde::Serialize;

use super::link::ActionLink;
use crate::domain::quarter::Quarter;
use crate::domain::scoring::change::{detect_changes, ChangeState, Comparison};
use crate::domain::scoring::drivers::WHOLE_ROUND;
use crate::domain::scoring::interval::Share;
use crate::domain::scoring::missing::Missing;
use crate::domain::scoring::scorecard::RoundReport;
use crate::domain::scoring::trend::{Basis, Metric, MetricPoint};
use crate::domain::scoring::{Figure, Scorecard};

/// What a followed figure is measured in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A share in [0, 1].
    Share,
    /// eNPS points in [−100, 100].
    EnpsPoints,
}

/// A followed figure's value in one quarter, with its 95 % interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, utoipa::ToSchema)]
pub struct FollowValue {
    pub value: f64,
    pub low: f64,
    pub high: f64,
    /// Answers (or respondents) it is over.
    pub n: u64,
    pub unit: Unit,
}

/// One quarter of an action's follow-through.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct FollowPoint {
    pub quarter: Quarter,
    /// The linked figure, or why it is absent (withheld figures stay withheld).
    pub figure: Figure<FollowValue>,
    /// The change since the quarter the action was made (absent for that quarter itself).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since_start: Option<ChangeState>,
}

fn share_value(s: &Share) -> FollowValue {
    FollowValue {
        value: s.estimate,
        low: s.low,
        high: s.high,
        n: s.n,
        unit: Unit::Share,
    }
}

/// A figure for display and the same figure for the change test.
struct Linked {
    figure: Figure<FollowValue>,
    point: MetricPoint,
}

fn of_share(f: &Figure<Share>, basis: Option<Basis>) -> Linked {
    Linked {
        figure: f.map(share_value),
        point: MetricPoint {
            value: f.map(|s| (s.estimate, s.variance)),
            basis,
        },
    }
}

fn missing(reason: Missing) -> Linked {
    Linked {
        figure: Figure::not_enough(reason.clone()),
        point: MetricPoint {
            value: Figure::not_enough(reason),
            basis: None,
        },
    }
}

fn basis(r: &RoundReport, groups: Vec<String>) -> Basis {
    Basis {
        template: r.template.key.clone(),
        version: r.template.version,
        groups,
        weights: Vec::new(),
    }
}

/// One Likert item's favourable share, over the round or in one group.
fn item_figure(r: &RoundReport, item: &str, group: Option<&str>) -> Linked {
    let Some(report) = r.items.iter().find(|i| i.key == item) else {
        return missing(Missing::NoItem {
            template: r.template.key.clone(),
            item: item.to_string(),
        });
    };
    let (stats, groups) = match group {
        None => (
            Some(&report.overall),
            r.groups.iter().map(|g| g.key.clone()).collect(),
        ),
        Some(g) => match report.groups.iter().find(|f| f.group == g) {
            Some(f) => (Some(&f.figure), vec![g.to_string()]),
            None => (None, Vec::new()),
        },
    };
    let Some(stats) = stats else {
        let why = Missing::NoGroup {
            group: group.unwrap_or_default().to_string(),
        };
        return Linked {
            point: MetricPoint {
                value: Figure::not_enough(why.clone()),
                basis: Some(basis(r, Vec::new())),
            },
            figure: Figure::not_enough(why),
        };
    };
    let share = match stats {
        Figure::Shown { value } => match &value.favorable {
            Some(s) => Figure::shown(*s),
            None => Figure::not_enough(Missing::NoFavourableShare {
                item: item.to_string(),
            }),
        },
        Figure::Suppressed { reason } => Figure::Suppressed { reason: *reason },
        Figure::NotEnoughData { reason } => Figure::not_enough(reason.clone()),
    };
    of_share(&share, Some(basis(r, groups)))
}

/// The figure `link` points at on `scorecard`, from the round of template `template`.
fn linked(scorecard: &Scorecard, template: &str, link: &ActionLink) -> Linked {
    let Some(r) = scorecard.rounds.iter().find(|r| r.template.key == template) else {
        return missing(Missing::NoSealedRound {
            template: template.to_string(),
            quarter: scorecard.quarter,
        });
    };
    let all_groups = || r.groups.iter().map(|g| g.key.clone()).collect::<Vec<_>>();
    match link {
        ActionLink::Measure { metric } => match metric {
            Metric::Alignment => {
                of_share(&scorecard.measure_a.alignment, Some(basis(r, all_groups())))
            }
            Metric::ProductiveAndHappy => of_share(
                &scorecard.measure_b.productive_and_happy,
                Some(basis(r, all_groups())),
            ),
            Metric::Enps => {
                let e = &scorecard.measure_b.enps;
                Linked {
                    figure: e.map(|e| FollowValue {
                        value: e.score,
                        low: e.low,
                        high: e.high,
                        n: e.n,
                        unit: Unit::EnpsPoints,
                    }),
                    point: MetricPoint {
                        value: e.map(|e| (e.score, e.variance)),
                        basis: Some(basis(r, all_groups())),
                    },
                }
            }
            Metric::WeightedCsat => {
                let c = &scorecard.measure_c;
                let b = Basis {
                    groups: c.groups_used.iter().map(|u| u.group.clone()).collect(),
                    weights: c.groups_used.iter().map(|u| u.weight_share).collect(),
                    ..basis(r, Vec::new())
                };
                of_share(&c.weighted_csat, Some(b))
            }
            Metric::GroupCsat | Metric::Item => {
                missing(Missing::NotMeasureHeadline { metric: *metric })
            }
        },
        ActionLink::Group { group } => match r.groups.iter().find(|g| &g.key == group) {
            Some(g) => match &g.csat {
                Some(f) => of_share(f, Some(basis(r, vec![group.clone()]))),
                None => missing(Missing::NoCsatQuestion {
                    template: template.to_string(),
                }),
            },
            // A round without the group rests on no group at all: "not comparable".
            None => {
                let why = Missing::NoGroup {
                    group: group.clone(),
                };
                Linked {
                    figure: Figure::not_enough(why.clone()),
                    point: MetricPoint {
                        value: Figure::not_enough(why),
                        basis: Some(basis(r, Vec::new())),
                    },
                }
            }
        },
        ActionLink::Item { item, group } => item_figure(r, item, group.as_deref()),
        ActionLink::Driver { analysis, item } => {
            let group = (analysis != WHOLE_ROUND).then_some(analysis.as_str());
            item_figure(r, item, group)
        }
    }
}

/// The follow-through of an action made on round template `template`: `scorecards` holds the
/// scorecard of the action's own quarter first, then those of later quarters, oldest first.
pub fn follow_through(
    link: &ActionLink,
    template: &str,
    scorecards: &[&Scorecard],
) -> Vec<FollowPoint> {
    let found: Vec<(Quarter, Linked)> = scorecards
        .iter()
        .map(|s| (s.quarter, linked(s, template, link)))
        .collect();
    let Some((start_q, start)) = found.first() else {
        return Vec::new();
    };
    let metric = link.metric();
    let comparisons: Vec<Comparison> = found[1..]
        .iter()
        .map(|(q, l)| Comparison {
            metric,
            group: link.group().map(str::to_string),
            from: (*start_q, start.point.clone()),
            to: (*q, l.point.clone()),
        })
        .collect();
    let mut changes = detect_changes(&comparisons).into_iter();
    found
        .iter()
        .enumerate()
        .map(|(i, (q, l))| FollowPoint {
            quarter: *q,
            figure: l.figure.clone(),
            since_start: if i == 0 {
                None
            } else {
                changes.next().map(|c| c.state)
            },
        })
        .collect()
}
