//! Why a figure cannot be computed, as data.
//!
//! The engine names the cause; pages and the report put it into the reader's language. The
//! English sentence ([`fmt::Display`]) is what the JSON API has always sent as `reason`, so
//! the API does not change when a cause gains a translation.

use std::fmt;

use serde::{Serialize, Serializer};
use time::Date;

use crate::domain::audience::Audience;
use crate::domain::quarter::Quarter;
use crate::domain::question::Role;
use crate::domain::scoring::trend::Metric;

/// One cause of a "not enough data" figure, with what the sentence names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// A question or group nobody answered.
    NoAnswers,
    /// Nobody answered an alignment question (measure A).
    NoAlignmentAnswers,
    /// Nobody answered both a productivity and a happiness question (measure B).
    NoCultureAnswers,
    /// Nobody answered the eNPS question.
    NoEnpsAnswers,
    /// The round's template has no question of this role.
    NoQuestion {
        /// Template key.
        template: String,
        /// Template version.
        version: u32,
        /// The role no question has.
        role: Role,
    },
    /// No closed round of the measure's audience in the quarter.
    NoClosedRound {
        /// The measure's audience.
        audience: Audience,
        /// The scored quarter.
        quarter: Quarter,
    },
    /// Several closed rounds of the audience in the quarter, so the measure cannot choose.
    SeveralClosedRounds {
        /// The measure's audience.
        audience: Audience,
        /// The scored quarter.
        quarter: Quarter,
    },
    /// Only headline metrics are compared this way.
    NotAHeadline,
    /// The round has no reporting group with this key.
    NoGroup {
        /// Reporting group key.
        group: String,
    },
    /// No invitation of the round was delivered, so there is no rate.
    NoInvitationDelivered,
    /// No top-talent headcount snapshot in the twelve months.
    NoHeadcountSnapshot {
        /// First day of the window.
        from: Date,
        /// Last day of the window.
        to: Date,
    },
    /// Every top-talent headcount snapshot was zero.
    ZeroHeadcount,
    /// No offer accepted or declined in the quarter.
    NoOffers,
    /// A driver analysis with no outcome figure to explain.
    NothingToExplain,
    /// The round was sealed before key drivers were computed at sealing.
    DriversNotComputed,
    /// Too few complete, varied answers to fit the drivers.
    TooFewForDrivers {
        /// Respondents the fit needs.
        min: u32,
    },
    /// The shown groups of the weighted CSAT all weigh zero.
    ZeroWeights,
    /// No group could enter the weighted CSAT.
    NoGroupToWeigh,
    /// An action's round has no question with this key.
    NoItem {
        /// Template key of the round.
        template: String,
        /// Question key.
        item: String,
    },
    /// The question has no favourable share (not a Likert question).
    NoFavourableShare {
        /// Question key.
        item: String,
    },
    /// No sealed round of the template in the quarter.
    NoSealedRound {
        /// Template key.
        template: String,
        /// The quarter looked at.
        quarter: Quarter,
    },
    /// An action links a metric that is no measure's headline.
    NotMeasureHeadline {
        /// The linked metric.
        metric: Metric,
    },
    /// The template has no CSAT question.
    NoCsatQuestion {
        /// Template key.
        template: String,
    },
}

impl Missing {
    /// How many variants there are; [`Missing::examples`] holds one of each.
    pub const VARIANTS: usize = 23;

    /// The Fluent key (in `report.ftl`) that says this cause in the reader's language.
    pub fn fluent_key(&self) -> &'static str {
        match self {
            Missing::NoAnswers => "missing-no-answers",
            Missing::NoAlignmentAnswers => "missing-no-alignment-answers",
            Missing::NoCultureAnswers => "missing-no-culture-answers",
            Missing::NoEnpsAnswers => "missing-no-enps-answers",
            Missing::NoQuestion { .. } => "missing-no-question",
            Missing::NoClosedRound { .. } => "missing-no-closed-round",
            Missing::SeveralClosedRounds { .. } => "missing-several-closed-rounds",
            Missing::NotAHeadline => "missing-not-a-headline",
            Missing::NoGroup { .. } => "missing-no-group",
            Missing::NoInvitationDelivered => "missing-no-invitation-delivered",
            Missing::NoHeadcountSnapshot { .. } => "missing-no-headcount-snapshot",
            Missing::ZeroHeadcount => "missing-zero-headcount",
            Missing::NoOffers => "missing-no-offers",
            Missing::NothingToExplain => "missing-nothing-to-explain",
            Missing::DriversNotComputed => "missing-drivers-not-computed",
            Missing::TooFewForDrivers { .. } => "missing-too-few-for-drivers",
            Missing::ZeroWeights => "missing-zero-weights",
            Missing::NoGroupToWeigh => "missing-no-group-to-weigh",
            Missing::NoItem { .. } => "missing-no-item",
            Missing::NoFavourableShare { .. } => "missing-no-favourable-share",
            Missing::NoSealedRound { .. } => "missing-no-sealed-round",
            Missing::NotMeasureHeadline { .. } => "missing-not-measure-headline",
            Missing::NoCsatQuestion { .. } => "missing-no-csat-question",
        }
    }

    /// One value of every variant, for the tests that hold each language to every cause.
    pub fn examples() -> Vec<Missing> {
        let day = |y, m, d| Date::from_calendar_date(y, m, d).unwrap_or(Date::MIN);
        let quarter = Quarter::containing(day(2026, time::Month::September, 30), 1);
        let mut out = vec![
            Missing::NoAnswers,
            Missing::NoAlignmentAnswers,
            Missing::NoCultureAnswers,
            Missing::NoEnpsAnswers,
        ];
        out.extend(Role::ALL.into_iter().map(|role| Missing::NoQuestion {
            template: "engineering-culture".into(),
            version: 2,
            role,
        }));
        out.extend(Audience::ALL.into_iter().flat_map(|audience| {
            [
                Missing::NoClosedRound { audience, quarter },
                Missing::SeveralClosedRounds { audience, quarter },
            ]
        }));
        out.extend([
            Missing::NotAHeadline,
            Missing::NoGroup {
                group: "sales+marketing".into(),
            },
            Missing::NoInvitationDelivered,
            Missing::NoHeadcountSnapshot {
                from: day(2025, time::Month::October, 1),
                to: day(2026, time::Month::September, 30),
            },
            Missing::ZeroHeadcount,
            Missing::NoOffers,
            Missing::NothingToExplain,
            Missing::DriversNotComputed,
            Missing::TooFewForDrivers { min: 30 },
            Missing::ZeroWeights,
            Missing::NoGroupToWeigh,
            Missing::NoItem {
                template: "internal-csat".into(),
                item: "tools".into(),
            },
            Missing::NoFavourableShare {
                item: "comments".into(),
            },
            Missing::NoSealedRound {
                template: "internal-csat".into(),
                quarter,
            },
            Missing::NotMeasureHeadline {
                metric: Metric::GroupCsat,
            },
            Missing::NotMeasureHeadline {
                metric: Metric::Item,
            },
            Missing::NoCsatQuestion {
                template: "internal-csat".into(),
            },
        ]);
        out
    }
}

impl Missing {
    /// Every Fluent key the causes read, once each.
    pub fn fluent_keys() -> Vec<&'static str> {
        let mut keys: Vec<&'static str> = Self::examples().iter().map(Self::fluent_key).collect();
        keys.dedup();
        keys
    }
}

impl fmt::Display for Missing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Missing::NoAnswers => f.write_str("no answers"),
            Missing::NoAlignmentAnswers => {
                f.write_str("no respondent answered an alignment question")
            }
            Missing::NoCultureAnswers => {
                f.write_str("no respondent answered both a productivity and a happiness question")
            }
            Missing::NoEnpsAnswers => f.write_str("nobody answered the eNPS question"),
            Missing::NoQuestion {
                template,
                version,
                role: Role::CsatOverall,
            } => write!(
                f,
                "the template {template} v{version} has no overall-satisfaction (csat_overall) \
                 question"
            ),
            Missing::NoQuestion {
                template,
                version,
                role,
            } => write!(
                f,
                "the template {template} v{version} has no {} question",
                role.key()
            ),
            Missing::NoClosedRound { audience, quarter } => {
                write!(f, "no closed {audience} round in {quarter}")
            }
            Missing::SeveralClosedRounds { audience, quarter } => write!(
                f,
                "several closed {audience} rounds in {quarter}; the measure cannot choose one"
            ),
            Missing::NotAHeadline => f.write_str("not a headline figure"),
            Missing::NoGroup { group } => write!(f, "no reporting group {group}"),
            Missing::NoInvitationDelivered => f.write_str("no invitation was delivered"),
            Missing::NoHeadcountSnapshot { from, to } => {
                write!(
                    f,
                    "no top-talent headcount snapshot between {from} and {to}"
                )
            }
            Missing::ZeroHeadcount => {
                f.write_str("the top-talent headcount was zero throughout the window")
            }
            Missing::NoOffers => f.write_str("no offers were accepted or declined in the quarter"),
            Missing::NothingToExplain => f.write_str("no figure to explain"),
            Missing::DriversNotComputed => f.write_str(
                "not computed: the round was sealed before key drivers existed (rebuilding its \
                 tallies computes them)",
            ),
            Missing::TooFewForDrivers { min } => write!(
                f,
                "fewer than {min} respondents answered every item (or all gave the same answer)"
            ),
            Missing::ZeroWeights => f.write_str("the weights of the reported groups sum to zero"),
            Missing::NoGroupToWeigh => f.write_str(
                "every reporting group was suppressed or had no answers to the overall item",
            ),
            Missing::NoItem { template, item } => {
                write!(f, "the {template} round has no question {item}")
            }
            Missing::NoFavourableShare { item } => write!(f, "{item} has no favourable share"),
            Missing::NoSealedRound { template, quarter } => {
                write!(f, "no sealed {template} round in {quarter}")
            }
            Missing::NotMeasureHeadline { metric } => {
                write!(f, "{} is not a measure's headline figure", metric.key())
            }
            Missing::NoCsatQuestion { template } => write!(f, "{template} has no CSAT question"),
        }
    }
}

/// The API sends the English sentence, as it did before the cause was typed.
impl Serialize for Missing {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn the_examples_hold_every_variant() {
        let keys: BTreeSet<&str> = Missing::examples()
            .iter()
            .map(Missing::fluent_key)
            .collect();
        assert_eq!(keys.len(), Missing::VARIANTS);
    }

    #[test]
    fn the_api_gets_the_english_sentence_as_before() {
        let json = serde_json::to_string(&crate::domain::scoring::Figure::<f64>::not_enough(
            Missing::NoOffers,
        ))
        .unwrap();
        assert_eq!(
            json,
            r#"{"state":"not_enough_data","reason":"no offers were accepted or declined in the quarter"}"#
        );
        let group = Missing::NoGroup {
            group: "sales".into(),
        };
        assert_eq!(
            serde_json::to_value(&group).unwrap(),
            serde_json::json!("no reporting group sales")
        );
    }

    #[test]
    fn each_role_reads_as_before() {
        let q = |role| Missing::NoQuestion {
            template: "t".into(),
            version: 3,
            role,
        };
        assert_eq!(
            q(Role::Alignment).to_string(),
            "the template t v3 has no alignment question"
        );
        assert_eq!(
            q(Role::CsatOverall).to_string(),
            "the template t v3 has no overall-satisfaction (csat_overall) question"
        );
        assert_eq!(
            q(Role::Enps).to_string(),
            "the template t v3 has no enps question"
        );
    }
}
