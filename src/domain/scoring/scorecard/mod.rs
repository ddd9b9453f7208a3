//! The scorecard: output types and [`build_scorecard`], the engine's one entry point.

mod types;

pub use types::*;

use rand::Rng;

use crate::domain::anonymity::{releasable_comments, round_is_released};
use crate::domain::audience::Audience;
use crate::domain::quarter::Quarter;
use crate::domain::question::QuestionKind;
use crate::domain::scoring::alignment::measure_a;
use crate::domain::scoring::change::{detect_changes, Comparison};
use crate::domain::scoring::csat::{measure_c, overall_item, Coverage, CsatResult};
use crate::domain::scoring::culture::{measure_b, CultureResult};
use crate::domain::scoring::drivers::report::{driver_reports, top_drivers, TOP_DRIVERS};
use crate::domain::scoring::drivers::WHOLE_ROUND;
use crate::domain::scoring::figure::Figure;
use crate::domain::scoring::inputs::{RoundInput, ScorecardInput, TemplateRef};
use crate::domain::scoring::interval::Share;
use crate::domain::scoring::items::{item_reports, ItemReport};
use crate::domain::scoring::lagging::lagging_indicators;
use crate::domain::scoring::missing::Missing;
use crate::domain::scoring::round::{prepare, PreparedRound, ScoringError};
use crate::domain::scoring::status::{status_a, status_b, status_c};
use crate::domain::scoring::trend::{Basis, Metric, MetricPoint, TrendPoint, TrendSeries};

/// A round prepared and its guarded item figures.
struct ScoredRound<'r> {
    prepared: PreparedRound<'r>,
    items: Vec<ItemReport>,
}

/// Everything computed for one quarter.
struct QuarterScore<'r> {
    quarter: Quarter,
    rounds: Vec<ScoredRound<'r>>,
    a: (Option<usize>, Figure<Share>),
    b: (Option<usize>, CultureResult),
    c: (Option<usize>, CsatResult),
}

/// The one released round of `audience`, or why there is none to use.
fn select(
    rounds: &[ScoredRound<'_>],
    audience: Audience,
    quarter: Quarter,
) -> Result<usize, Missing> {
    let mut found = rounds
        .iter()
        .enumerate()
        .filter(|(_, r)| r.prepared.input.audience == audience)
        .map(|(i, _)| i);
    match (found.next(), found.next()) {
        (Some(i), None) => Ok(i),
        (None, _) => Err(Missing::NoClosedRound { audience, quarter }),
        (Some(_), Some(_)) => Err(Missing::SeveralClosedRounds { audience, quarter }),
    }
}

fn score_quarter<'r>(
    quarter: Quarter,
    inputs: &[&'r RoundInput],
) -> Result<QuarterScore<'r>, ScoringError> {
    for (i, r) in inputs.iter().enumerate() {
        if inputs[..i].iter().any(|o| o.template.key == r.template.key) {
            return Err(ScoringError::DuplicateRound {
                template: r.template.key.clone(),
                quarter: quarter.to_string(),
            });
        }
    }
    // The anonymity gate for whole rounds: an unreleased round is dropped before anything
    // is computed from it, so the scorecard is the same as if it did not exist.
    let mut rounds = inputs
        .iter()
        .filter(|r| round_is_released(r.status))
        .map(|r| {
            let prepared = prepare(r)?;
            let items = item_reports(&prepared);
            Ok(ScoredRound { prepared, items })
        })
        .collect::<Result<Vec<_>, ScoringError>>()?;
    rounds.sort_by(|x, y| {
        x.prepared
            .input
            .template
            .key
            .cmp(&y.prepared.input.template.key)
    });

    let a = match select(&rounds, Audience::TechStrategyAlignment, quarter) {
        Ok(i) => (Some(i), measure_a(&rounds[i].prepared)),
        Err(reason) => (None, Figure::not_enough(reason)),
    };
    let b = match select(&rounds, Audience::EngineeringCulture, quarter) {
        Ok(i) => (Some(i), measure_b(&rounds[i].prepared)),
        Err(reason) => (
            None,
            CultureResult {
                productive_and_happy: Figure::not_enough(reason.clone()),
                quadrants: Figure::not_enough(reason.clone()),
                enps: Figure::not_enough(reason),
            },
        ),
    };
    let c = match select(&rounds, Audience::InternalCsat, quarter) {
        Ok(i) => (Some(i), measure_c(&rounds[i].prepared, &rounds[i].items)),
        Err(reason) => (
            None,
            CsatResult {
                group_csat: Vec::new(),
                weighted: Figure::not_enough(reason),
                used: Vec::new(),
                left_out: Vec::new(),
                coverage: None,
            },
        ),
    };
    Ok(QuarterScore {
        quarter,
        rounds,
        a,
        b,
        c,
    })
}

impl QuarterScore<'_> {
    fn basis(&self, round: Option<usize>) -> Option<Basis> {
        let r = &self.rounds.get(round?)?.prepared;
        Some(Basis {
            template: r.input.template.key.clone(),
            version: r.input.template.version,
            groups: r.groups.iter().map(|g| g.key.clone()).collect(),
            weights: Vec::new(),
        })
    }

    fn metric(&self, metric: Metric) -> MetricPoint {
        let share = |f: &Figure<Share>| f.map(|s| (s.estimate, s.variance));
        match metric {
            Metric::Alignment => MetricPoint {
                value: share(&self.a.1),
                basis: self.basis(self.a.0),
            },
            Metric::ProductiveAndHappy => MetricPoint {
                value: share(&self.b.1.productive_and_happy),
                basis: self.basis(self.b.0),
            },
            Metric::Enps => MetricPoint {
                value: self.b.1.enps.map(|e| (e.score, e.variance)),
                basis: self.basis(self.b.0),
            },
            Metric::WeightedCsat => MetricPoint {
                value: share(&self.c.1.weighted),
                // For C the "reported groups" are the groups actually in the figure.
                basis: self.basis(self.c.0).map(|b| Basis {
                    groups: self.c.1.used.iter().map(|u| u.group.clone()).collect(),
                    weights: self.c.1.used.iter().map(|u| u.weight_share).collect(),
                    ..b
                }),
            },
            // Not headlines: a group's CSAT is compared through `group_csat`, an item only in
            // an action's follow-through.
            Metric::GroupCsat | Metric::Item => MetricPoint {
                value: Figure::not_enough(Missing::NotAHeadline),
                basis: None,
            },
        }
    }

    /// One reporting group's CSAT; a round without the group rests on no group at all.
    fn group_csat(&self, key: &str) -> MetricPoint {
        let at = self.c.0.and_then(|i| {
            let r = &self.rounds.get(i)?.prepared;
            Some(r.groups.iter().position(|g| g.key == key))
        });
        let basis = self.basis(self.c.0).map(|b| Basis {
            groups: at
                .flatten()
                .map(|_| vec![key.to_string()])
                .unwrap_or_default(),
            ..b
        });
        let value = match at.flatten().and_then(|g| self.c.1.group_csat.get(g)) {
            Some(f) => f.map(|s| (s.estimate, s.variance)),
            None => Figure::not_enough(Missing::NoGroup {
                group: key.to_string(),
            }),
        };
        MetricPoint { value, basis }
    }

    /// Every figure compared with the quarter before: the headline metrics, then each
    /// reporting group of this quarter's CSAT round.
    fn comparisons(&self, prev: &QuarterScore<'_>) -> Vec<Comparison> {
        let groups: Vec<String> = self
            .c
            .0
            .and_then(|i| self.rounds.get(i))
            .map(|r| r.prepared.groups.iter().map(|g| g.key.clone()).collect())
            .unwrap_or_default();
        let headline = Metric::ALL.iter().map(|&m| Comparison {
            metric: m,
            group: None,
            from: (prev.quarter, prev.metric(m)),
            to: (self.quarter, self.metric(m)),
        });
        let per_group = groups.into_iter().map(|g| Comparison {
            metric: Metric::GroupCsat,
            from: (prev.quarter, prev.group_csat(&g)),
            to: (self.quarter, self.group_csat(&g)),
            group: Some(g),
        });
        headline.chain(per_group).collect()
    }

    fn template(&self, round: Option<usize>) -> Option<TemplateRef> {
        round
            .and_then(|i| self.rounds.get(i))
            .map(|r| r.prepared.input.template.clone())
    }
}

fn rate(answered: u64, delivered: u64) -> Figure<f64> {
    if delivered == 0 {
        Figure::not_enough(Missing::NoInvitationDelivered)
    } else {
        Figure::shown(answered as f64 / delivered as f64)
    }
}

fn round_report<R: Rng + ?Sized>(
    scored: &ScoredRound<'_>,
    include_comments: bool,
    rng: &mut R,
) -> RoundReport {
    let r = &scored.prepared;
    let csat = overall_item(r).map(|_| measure_c(r, &scored.items).group_csat);
    let groups = r
        .groups
        .iter()
        .enumerate()
        .map(|(i, g)| GroupReport {
            key: g.key.clone(),
            departments: g.departments.clone(),
            weight: g.weight,
            delivered: g.delivered,
            answered: g.answered,
            response_rate: rate(u64::from(g.answered), u64::from(g.delivered)),
            csat: csat.as_ref().and_then(|c| c.get(i).cloned()),
        })
        .collect();
    let mut comments = Vec::new();
    if include_comments {
        for (gi, g) in r.groups.iter().enumerate() {
            for (ii, item) in r.input.items.iter().enumerate() {
                if item.kind != QuestionKind::Text {
                    continue;
                }
                // Every group × text question gets a block, so not even the presence of a
                // comment in a withheld group shows.
                let texts = r.comments[gi][ii].iter().map(|t| t.to_string()).collect();
                let comments_figure = releasable_comments(
                    g.answered,
                    r.input.k,
                    r.input.comment_threshold,
                    texts,
                    rng,
                );
                let total = matches!(comments_figure, Figure::Shown { .. })
                    .then(|| r.comment_totals[gi][ii]);
                comments.push(CommentBlock {
                    group: g.key.clone(),
                    item: item.key.clone(),
                    comments: comments_figure,
                    total,
                });
            }
        }
    }
    // A driver analysis explains a figure only while that figure itself is shown.
    let enps = (r.input.audience == Audience::EngineeringCulture).then(|| measure_b(r).enps);
    let outcome = |analysis: &str| -> Option<Figure<()>> {
        if analysis == WHOLE_ROUND {
            return enps.as_ref().map(|f| f.map(|_| ()));
        }
        let i = r.groups.iter().position(|g| g.key == analysis)?;
        csat.as_ref()?.get(i).map(|f| f.map(|_| ()))
    };
    let drivers = driver_reports(r, &scored.items, outcome);
    RoundReport {
        template: r.input.template.clone(),
        audience: r.input.audience,
        status: r.input.status,
        k: r.input.k,
        delivered: r.delivered(),
        answered: r.answered(),
        response_rate: rate(r.answered(), r.delivered()),
        groups,
        items: scored.items.clone(),
        comments,
        drivers,
    }
}

/// Builds the scorecard of `input.quarter`, with trends over it and the seven quarters before.
///
/// Pure: no clock, no I/O; `rng` only shuffles comments. Returns an error only for input that
/// contradicts itself; a lack of data is a `Figure::NotEnoughData` inside the scorecard.
pub fn build_scorecard<R: Rng + ?Sized>(
    input: &ScorecardInput,
    rng: &mut R,
) -> Result<Scorecard, ScoringError> {
    let of_quarter = |q: Quarter| -> Result<QuarterScore<'_>, ScoringError> {
        let rounds: Vec<&RoundInput> = input.rounds.iter().filter(|r| r.quarter == q).collect();
        score_quarter(q, &rounds)
    };
    // The seven quarters before, oldest first; then the scored quarter itself.
    let mut past = input
        .quarter
        .trailing(TREND_QUARTERS)
        .into_iter()
        .filter(|&q| q != input.quarter)
        .map(of_quarter)
        .collect::<Result<Vec<_>, ScoringError>>()?;
    past.truncate(TREND_QUARTERS - 1);
    let current = of_quarter(input.quarter)?;
    let t = &input.thresholds;

    let rounds: Vec<RoundReport> = current
        .rounds
        .iter()
        .map(|r| round_report(r, input.include_comments, rng))
        .collect();
    let top = |round: Option<usize>| {
        round
            .and_then(|i| rounds.get(i))
            .map(|r| top_drivers(&r.drivers, TOP_DRIVERS))
            .unwrap_or_default()
    };

    let measure_a = MeasureA {
        round: current.template(current.a.0),
        status: status_a(&current.a.1, &input.inflection_points, t),
        alignment: current.a.1.clone(),
        inflection_points: input.inflection_points.iter().map(Into::into).collect(),
    };

    let lagging = lagging_indicators(&input.hr, t);
    let culture = &current.b.1;
    let measure_b = MeasureB {
        round: current.template(current.b.0),
        status: status_b(&culture.productive_and_happy, &lagging, t),
        productive_and_happy: culture.productive_and_happy.clone(),
        quadrants: culture.quadrants.clone(),
        enps: culture.enps.clone(),
        lagging,
        top_drivers: top(current.b.0),
    };

    let csat = &current.c.1;
    let group_figures: Vec<(&str, &Figure<Share>)> = current
        .c
        .0
        .and_then(|i| current.rounds.get(i))
        .map(|r| {
            r.prepared
                .groups
                .iter()
                .map(|g| g.key.as_str())
                .zip(csat.group_csat.iter())
                .collect()
        })
        .unwrap_or_default();
    let coverage = csat.coverage.map(|c| Coverage::new(c, t.c_min_coverage));
    let measure_c = MeasureC {
        round: current.template(current.c.0),
        status: status_c(&csat.weighted, &group_figures, coverage.as_ref(), t),
        weighted_csat: csat.weighted.clone(),
        groups_used: csat.used.clone(),
        groups_left_out: csat.left_out.clone(),
        coverage,
        top_drivers: top(current.c.0),
    };

    let trends = Metric::ALL
        .iter()
        .map(|&metric| TrendSeries {
            metric,
            points: past
                .iter()
                .chain(std::iter::once(&current))
                .map(|q| TrendPoint {
                    quarter: q.quarter,
                    value: q.metric(metric).value.map(|v| v.0),
                })
                .collect(),
        })
        .collect();
    let changes = match past.last() {
        Some(prev) => detect_changes(&current.comparisons(prev)),
        None => Vec::new(),
    };

    Ok(Scorecard {
        quarter: input.quarter,
        rounds,
        measure_a,
        measure_b,
        measure_c,
        trends,
        changes,
    })
}
