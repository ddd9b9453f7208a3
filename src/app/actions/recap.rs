//! "You said, we did": what a round's respondents are shown of the round before — their
//! group's published figures from the previous sealed round of the same survey (never finer
//! than the group; withheld figures are simply absent) and the actions that concern them.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Instant;

use diesel::Connection;

use super::follow::{scorecards, FollowError};
use crate::app::scorecard::{Options, ScorecardError};
use crate::db::actions as stored;
use crate::db::rounds::Round;
use crate::db::scorecard as rounds_read;
use crate::db::DbConnection;
use crate::domain::actions::follow::follow_through;
pub use crate::domain::actions::recap::{GroupRecap, RecapAction, RecapFigure, RoundRecap};
use crate::domain::actions::{ActionLink, ActionStatus};
use crate::domain::audience::Audience;
use crate::domain::ids::RoundId;
use crate::domain::scoring::trend::Metric;
pub use crate::mail::outbox::{RecapCache, RecapSource};

/// The figures a group is reminded of: its own CSAT, or the culture or alignment headline,
/// which are over the whole round.
fn links_for(audience: Audience, group: &str) -> Vec<ActionLink> {
    match audience {
        Audience::InternalCsat => vec![ActionLink::Group {
            group: group.to_string(),
        }],
        Audience::EngineeringCulture => vec![
            ActionLink::Measure {
                metric: Metric::ProductiveAndHappy,
            },
            ActionLink::Measure {
                metric: Metric::Enps,
            },
        ],
        Audience::TechStrategyAlignment => vec![ActionLink::Measure {
            metric: Metric::Alignment,
        }],
    }
}

/// Done first: "what was done" leads, then what is under way, then what is planned.
fn rank(s: ActionStatus) -> u8 {
    match s {
        ActionStatus::Done => 0,
        ActionStatus::InProgress => 1,
        ActionStatus::Planned => 2,
        ActionStatus::Dropped => 3,
    }
}

/// Builds the recap of `round` (usually open, or about to launch).
pub fn for_round(
    conn: &mut DbConnection,
    round: &Round,
    opts: &Options,
) -> Result<RoundRecap, FollowError> {
    conn.transaction(|c| {
        let previous = rounds_read::previous_sealed(c, &round.template_key, round.quarter)
            .map_err(ScorecardError::from)?;
        let Some((previous_id, previous_q)) = previous else {
            return Ok(RoundRecap::default());
        };
        let cards = scorecards(c, [previous_q], opts)?;
        let Some(card) = cards.get(&previous_q) else {
            return Ok(RoundRecap::default());
        };
        let actions: Vec<_> = stored::list(c)
            .map_err(|e| FollowError::Scorecard(e.into()))?
            .into_iter()
            .filter(|a| a.template_key == round.template_key && a.quarter < round.quarter)
            // The previous round's actions whatever their state; older ones while still open.
            .filter(|a| {
                a.round_id == previous_id
                    || matches!(a.status, ActionStatus::Planned | ActionStatus::InProgress)
            })
            .collect();
        let mut groups = BTreeMap::new();
        for g in round.groups() {
            let figures = links_for(round.audience, &g.key)
                .into_iter()
                .filter_map(|link| {
                    let p = follow_through(&link, &round.template_key, &[card]);
                    let value = *p.first()?.figure.value()?;
                    Some(RecapFigure {
                        metric: link.metric(),
                        value,
                    })
                })
                .collect();
            let mut mine: Vec<RecapAction> = actions
                .iter()
                .filter(|a| a.link.concerns(&g.key))
                .map(|a| RecapAction {
                    texts: a.texts.clone(),
                    status: a.status,
                })
                .collect();
            mine.sort_by_key(|a| rank(a.status));
            groups.insert(
                g.key.clone(),
                GroupRecap {
                    figures,
                    actions: mine,
                },
            );
        }
        Ok(RoundRecap {
            previous: Some(previous_q),
            groups,
        })
    })
}

/// The recap of round `id`, from the cache or computed (and cached).
pub fn cached_for(
    conn: &mut DbConnection,
    cache: &RecapCache,
    id: RoundId,
    opts: &Options,
    now: Instant,
) -> Result<Arc<RoundRecap>, FollowError> {
    if let Some(r) = cache.cached(id, now) {
        return Ok(r);
    }
    let round = crate::db::rounds::find(conn, id).map_err(|e| FollowError::Scorecard(e.into()))?;
    let recap = Arc::new(match round {
        Some(r) => for_round(conn, &r, opts)?,
        None => RoundRecap::default(),
    });
    cache.store(id, recap.clone(), now);
    Ok(recap)
}

/// A recap source for the outbox worker, over `cache`.
pub fn source(cache: RecapCache, opts: Options) -> RecapSource {
    let shared = cache.clone();
    RecapSource {
        cache,
        load: Arc::new(move |conn, round| {
            cached_for(conn, &shared, round, &opts, Instant::now()).map_err(|e| e.to_string())
        }),
    }
}

/// The outbox worker's recap source under `settings` (figures only: statuses and comments
/// play no part in a recap).
pub fn outbox_source(settings: &crate::config::Settings, cache: RecapCache) -> RecapSource {
    source(cache, Options::from_settings(settings, false))
}
