//! Follow-through for the actions: each quarter's scorecard is built once (as the scorecard
//! page builds it, without comments) and every action reads its linked figure from it.

use std::collections::BTreeMap;

use diesel::Connection;
use serde::Serialize;

use super::{ActionsError, StoredAction};
use crate::app::scorecard::{own_quarter_inputs, Options, ScorecardError};
use crate::db::scorecard as stored;
use crate::db::DbConnection;
use crate::domain::actions::follow::{follow_through, FollowPoint};
use crate::domain::quarter::Quarter;
use crate::domain::scoring::{build_scorecard, Scorecard};

/// An action with its linked figure, quarter by quarter.
#[derive(Debug, Clone, Serialize)]
pub struct FollowedAction {
    #[serde(skip)]
    pub action: StoredAction,
    /// The quarter the action was made in first, then each later quarter with a closed round.
    pub points: Vec<FollowPoint>,
}

/// Why follow-through could not be read.
#[derive(Debug, thiserror::Error)]
pub enum FollowError {
    #[error(transparent)]
    Actions(#[from] ActionsError),
    #[error(transparent)]
    Scorecard(#[from] ScorecardError),
}

impl From<diesel::result::Error> for FollowError {
    fn from(e: diesel::result::Error) -> Self {
        FollowError::Scorecard(e.into())
    }
}

/// The scorecards of `quarters`, built once each from the quarter's own rounds (an action
/// reads its figure, never a trend), comments left out (an action never shows a comment).
pub fn scorecards(
    conn: &mut DbConnection,
    quarters: impl IntoIterator<Item = Quarter>,
    opts: &Options,
) -> Result<BTreeMap<Quarter, Scorecard>, ScorecardError> {
    let opts = Options {
        include_comments: false,
        comment_sample: None,
        ..*opts
    };
    let mut wanted: Vec<Quarter> = quarters.into_iter().collect();
    wanted.sort();
    wanted.dedup();
    let mut out = BTreeMap::new();
    for input in own_quarter_inputs(conn, &wanted, &opts)? {
        // Comments are off, so the generator only satisfies the signature.
        let card = build_scorecard(&input, &mut rand::rng())?;
        out.insert(input.quarter, card);
    }
    Ok(out)
}

/// `actions` with their follow-through, from the quarters with a closed round.
pub fn follow(
    conn: &mut DbConnection,
    actions: Vec<StoredAction>,
    opts: &Options,
) -> Result<Vec<FollowedAction>, FollowError> {
    conn.transaction(|c| {
        let closed = stored::closed_quarters(c).map_err(ScorecardError::from)?;
        let first = actions.iter().map(|a| a.quarter).min();
        let wanted: Vec<Quarter> = closed
            .iter()
            .copied()
            .filter(|q| first.is_some_and(|f| *q >= f))
            .collect();
        let cards = scorecards(c, wanted, opts)?;
        Ok(actions
            .into_iter()
            .map(|action| {
                let later: Vec<&Scorecard> =
                    cards.range(action.quarter..).map(|(_, s)| s).collect();
                let points = follow_through(&action.link, &action.template_key, &later);
                FollowedAction { action, points }
            })
            .collect())
    })
}
