//! What an action is about: a measure, a reporting group, an item or a key driver of the
//! sealed round it responds to — and whom it concerns, for "you said, we did".

use serde::{Deserialize, Serialize};

use crate::domain::audience::Audience;
use crate::domain::scoring::drivers::WHOLE_ROUND;
use crate::domain::scoring::trend::Metric;

/// The figure an action answers to, within its round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ActionLink {
    /// A headline figure of the round's measure.
    Measure {
        /// `alignment` (A), `productive_and_happy` or `enps` (B), `weighted_csat` (C).
        metric: Metric,
    },
    /// One reporting group's CSAT.
    Group {
        /// Reporting group key.
        group: String,
    },
    /// One Likert question's favourable share, over the round or in one group.
    Item {
        /// Question key.
        item: String,
        /// Reporting group key; absent for the whole round.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        group: Option<String>,
    },
    /// One item of a key-driver analysis (its favourable share is followed).
    Driver {
        /// The analysis: a reporting group key, or `all` for the culture round.
        analysis: String,
        /// Question key.
        item: String,
    },
}

/// What a sealed round offers to link to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundShape {
    pub audience: Audience,
    /// Reporting group keys.
    pub groups: Vec<String>,
    /// Likert question keys (those with a favourable share).
    pub likert_items: Vec<String>,
    /// (analysis, item) pairs of the round's stored key-driver analyses.
    pub drivers: Vec<(String, String)>,
}

/// Why a link does not fit its round.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    #[error("the {metric} figure does not come from a {audience} round")]
    WrongMeasure { metric: String, audience: String },
    #[error("the round has no reporting group {0:?}")]
    UnknownGroup(String),
    #[error("a group's CSAT comes from an internal-csat round, not a {0} round")]
    NotCsat(String),
    #[error("the round has no Likert question {0:?}")]
    UnknownItem(String),
    #[error("the round's key drivers have no item {item:?} in analysis {analysis:?}")]
    UnknownDriver { analysis: String, item: String },
}

/// The audience whose round yields `metric`, for headline metrics.
fn audience_of(metric: Metric) -> Option<Audience> {
    match metric {
        Metric::Alignment => Some(Audience::TechStrategyAlignment),
        Metric::ProductiveAndHappy | Metric::Enps => Some(Audience::EngineeringCulture),
        Metric::WeightedCsat => Some(Audience::InternalCsat),
        Metric::GroupCsat | Metric::Item => None,
    }
}

impl ActionLink {
    /// The reporting group the link is about, `None` when it concerns the whole round.
    pub fn group(&self) -> Option<&str> {
        match self {
            ActionLink::Measure { .. } => None,
            ActionLink::Group { group } => Some(group),
            ActionLink::Item { group, .. } => group.as_deref(),
            ActionLink::Driver { analysis, .. } => {
                (analysis != WHOLE_ROUND).then_some(analysis.as_str())
            }
        }
    }

    /// The metric the link's figure is compared as.
    pub fn metric(&self) -> Metric {
        match self {
            ActionLink::Measure { metric } => *metric,
            ActionLink::Group { .. } => Metric::GroupCsat,
            ActionLink::Item { .. } | ActionLink::Driver { .. } => Metric::Item,
        }
    }

    /// Every link a round of this shape offers, in a stable order: the measure's headline
    /// figures, each group's CSAT, each key driver, each item over the round.
    pub fn choices(round: &RoundShape) -> Vec<ActionLink> {
        let measures: &[Metric] = match round.audience {
            Audience::InternalCsat => &[Metric::WeightedCsat],
            Audience::EngineeringCulture => &[Metric::ProductiveAndHappy, Metric::Enps],
            Audience::TechStrategyAlignment => &[Metric::Alignment],
        };
        let mut out: Vec<ActionLink> = measures
            .iter()
            .map(|&metric| ActionLink::Measure { metric })
            .collect();
        if round.audience == Audience::InternalCsat {
            out.extend(
                round
                    .groups
                    .iter()
                    .map(|g| ActionLink::Group { group: g.clone() }),
            );
        }
        out.extend(round.drivers.iter().map(|(a, i)| ActionLink::Driver {
            analysis: a.clone(),
            item: i.clone(),
        }));
        out.extend(round.likert_items.iter().map(|i| ActionLink::Item {
            item: i.clone(),
            group: None,
        }));
        out
    }

    /// Whether a respondent of reporting group `group` is concerned: links to the whole
    /// round concern everyone, links to a group only that group.
    pub fn concerns(&self, group: &str) -> bool {
        self.group().is_none_or(|g| g == group)
    }

    /// Checks the link against the round it responds to.
    pub fn check(&self, round: &RoundShape) -> Result<(), LinkError> {
        let group_known = |g: &str| {
            if round.groups.iter().any(|k| k == g) {
                Ok(())
            } else {
                Err(LinkError::UnknownGroup(g.to_string()))
            }
        };
        match self {
            ActionLink::Measure { metric } => match audience_of(*metric) {
                Some(a) if a == round.audience => Ok(()),
                _ => Err(LinkError::WrongMeasure {
                    metric: metric.key().to_string(),
                    audience: round.audience.key().to_string(),
                }),
            },
            ActionLink::Group { group } => {
                if round.audience != Audience::InternalCsat {
                    return Err(LinkError::NotCsat(round.audience.key().to_string()));
                }
                group_known(group)
            }
            ActionLink::Item { item, group } => {
                if !round.likert_items.iter().any(|k| k == item) {
                    return Err(LinkError::UnknownItem(item.clone()));
                }
                group.as_deref().map_or(Ok(()), group_known)
            }
            ActionLink::Driver { analysis, item } => {
                if round
                    .drivers
                    .iter()
                    .any(|(a, i)| a == analysis && i == item)
                {
                    Ok(())
                } else {
                    Err(LinkError::UnknownDriver {
                        analysis: analysis.clone(),
                        item: item.clone(),
                    })
                }
            }
        }
    }
}
