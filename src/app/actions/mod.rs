//! Use cases: action plans. The CTO or an admin records what will be done about a sealed
//! round's figures (audited); everyone who reads the scorecard reads them with their
//! follow-through; respondents of the next round read "you said, we did".

pub mod follow;
pub mod recap;

use std::collections::BTreeMap;

use diesel::Connection;
use time::PrimitiveDateTime;

use crate::app::rounds::{self, RoundError};
pub use crate::db::actions::StoredAction;
use crate::db::actions::{self as stored, ActionRow};
use crate::db::{audit, drivers, DbConnection, DbError};
use crate::domain::actions::{
    check_due, check_status, clean_owner, clean_texts, ActionError, ActionLink, ActionStatus,
    ActionText, LinkError, RoundShape,
};
use crate::domain::ids::RoundId;
use crate::domain::locale::Locale;
use crate::domain::quarter::Quarter;
use crate::domain::question::QuestionKind;
use crate::domain::round::RoundStatus;

/// Why an action was not written.
#[derive(Debug, thiserror::Error)]
pub enum ActionsError {
    #[error("no action {0}")]
    NotFound(String),
    #[error("round {id} is {status}; actions are recorded once a round is sealed")]
    NotSealed { id: RoundId, status: RoundStatus },
    #[error("round {id} is of {actual}, not {given}")]
    OtherQuarter {
        id: RoundId,
        actual: Quarter,
        given: Quarter,
    },
    #[error("the link does not fit round {round}: {source}")]
    Link {
        round: RoundId,
        #[source]
        source: LinkError,
    },
    #[error(transparent)]
    Invalid(#[from] ActionError),
    #[error(transparent)]
    Round(#[from] RoundError),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for ActionsError {
    fn from(e: diesel::result::Error) -> Self {
        ActionsError::Db(e.into())
    }
}

/// An action as its author writes it.
#[derive(Debug, Clone)]
pub struct ActionInput {
    /// The sealed round it responds to.
    pub round: RoundId,
    /// The round's quarter, when the caller states it (a mismatch is refused).
    pub quarter: Option<Quarter>,
    pub link: ActionLink,
    pub owner: String,
    pub due: Quarter,
    pub status: ActionStatus,
    pub texts: BTreeMap<Locale, ActionText>,
}

/// What a sealed round offers to link to.
fn shape(
    conn: &mut DbConnection,
    round: &crate::db::rounds::Round,
) -> Result<RoundShape, ActionsError> {
    let template = round.template().map_err(RoundError::from)?;
    let drivers = drivers::for_round(conn, round.id)?
        .into_iter()
        .flat_map(|row| {
            let analysis = row.analysis;
            row.fit
                .map(|f| f.items)
                .unwrap_or_default()
                .into_iter()
                .map(move |i| (analysis.clone(), i.item))
        })
        .collect();
    Ok(RoundShape {
        audience: round.audience,
        groups: round.groups().into_iter().map(|g| g.key).collect(),
        likert_items: template
            .questions()
            .filter(|q| q.kind() == QuestionKind::Likert5)
            .map(|q| q.key().to_string())
            .collect(),
        drivers,
    })
}

/// Checks an action against its round and returns the round's quarter and the cleaned row.
fn checked(
    conn: &mut DbConnection,
    input: &ActionInput,
    default_locale: Locale,
) -> Result<(Quarter, String, crate::domain::actions::ActionTexts), ActionsError> {
    let round = rounds::get(conn, input.round)?;
    let status = round.status();
    if status != RoundStatus::Sealed {
        return Err(ActionsError::NotSealed {
            id: round.id,
            status,
        });
    }
    let quarter = round.quarter;
    if let Some(given) = input.quarter.filter(|q| *q != quarter) {
        return Err(ActionsError::OtherQuarter {
            id: round.id,
            actual: quarter,
            given,
        });
    }
    input
        .link
        .check(&shape(conn, &round)?)
        .map_err(|source| ActionsError::Link {
            round: round.id,
            source,
        })?;
    let owner = clean_owner(&input.owner)?;
    let texts = clean_texts(&input.texts, default_locale)?;
    check_due(quarter, input.due)?;
    check_status(input.status, &texts, default_locale)?;
    Ok((quarter, owner, texts))
}

/// Records an action and returns its id.
pub fn create(
    conn: &mut DbConnection,
    input: &ActionInput,
    default_locale: Locale,
    actor: &str,
    now: PrimitiveDateTime,
) -> Result<String, ActionsError> {
    let id = uuid::Uuid::new_v4().to_string();
    conn.write_transaction(|c| {
        let (quarter, owner, texts) = checked(c, input, default_locale)?;
        let row = ActionRow {
            link: &input.link,
            owner: &owner,
            due: input.due,
            status: input.status,
            texts: &texts,
        };
        stored::insert(c, &id, input.round, quarter, &row, actor, now)?;
        audit::record(
            c,
            now,
            actor,
            "action.create",
            "action",
            Some(&id),
            Some(&format!(
                "round={} status={} due={}",
                input.round, input.status, input.due
            )),
        )?;
        Ok::<_, ActionsError>(())
    })?;
    Ok(id)
}

/// Replaces an action's link, owner, due quarter, status and words. Its round stays the one
/// it was made on: a different round is refused.
pub fn update(
    conn: &mut DbConnection,
    id: &str,
    input: &ActionInput,
    default_locale: Locale,
    actor: &str,
    now: PrimitiveDateTime,
) -> Result<(), ActionsError> {
    conn.write_transaction(|c| {
        let before = stored::get(c, id)?.ok_or_else(|| ActionsError::NotFound(id.into()))?;
        if before.round_id != input.round {
            return Err(ActionsError::Invalid(ActionError::RoundChanged(
                before.round_id.to_string(),
            )));
        }
        let (_, owner, texts) = checked(c, input, default_locale)?;
        let row = ActionRow {
            link: &input.link,
            owner: &owner,
            due: input.due,
            status: input.status,
            texts: &texts,
        };
        stored::update(c, id, &row, now)?;
        audit::record(
            c,
            now,
            actor,
            "action.update",
            "action",
            Some(id),
            Some(&format!(
                "status={}→{} due={}",
                before.status, input.status, input.due
            )),
        )?;
        Ok(())
    })
}

/// A link an author may choose, on the latest sealed round of a survey.
#[derive(Debug, Clone)]
pub struct LinkChoice {
    pub round: RoundId,
    pub quarter: Quarter,
    pub template_key: String,
    pub link: ActionLink,
}

/// The links of the latest sealed round of each survey, newest quarter first.
pub fn link_choices(conn: &mut DbConnection) -> Result<Vec<LinkChoice>, ActionsError> {
    conn.transaction(|c| {
        let mut latest: BTreeMap<String, crate::db::rounds::Round> = BTreeMap::new();
        for r in rounds::list(c)? {
            if r.status() != RoundStatus::Sealed {
                continue;
            }
            match latest.get(&r.template_key) {
                Some(have) if have.quarter >= r.quarter => {}
                _ => {
                    latest.insert(r.template_key.clone(), r);
                }
            }
        }
        let mut rounds: Vec<_> = latest.into_values().collect();
        rounds.sort_by(|a, b| {
            b.quarter
                .cmp(&a.quarter)
                .then(a.template_key.cmp(&b.template_key))
        });
        let mut out = Vec::new();
        for r in rounds {
            let shape = shape(c, &r)?;
            out.extend(
                ActionLink::choices(&shape)
                    .into_iter()
                    .map(|link| LinkChoice {
                        round: r.id,
                        quarter: r.quarter,
                        template_key: r.template_key.clone(),
                        link,
                    }),
            );
        }
        Ok(out)
    })
}

/// Every action, oldest first.
pub fn list(conn: &mut DbConnection) -> Result<Vec<StoredAction>, ActionsError> {
    Ok(conn.transaction(stored::list)?)
}

/// One action.
pub fn get(conn: &mut DbConnection, id: &str) -> Result<StoredAction, ActionsError> {
    stored::get(conn, id)?.ok_or_else(|| ActionsError::NotFound(id.into()))
}
