//! Round use cases: create a draft, launch it (invitations and their emails in one
//! transaction), remind, close and seal, the auto-close of rounds past their close time, and
//! rebuilding a sealed round's tallies. Each takes `now` and owns its transaction.

use crate::domain::ids::RoundId;
use std::collections::BTreeMap;

use time::{Date, PrimitiveDateTime};

mod close;
mod drivers;
mod launch;
mod remind;

pub use close::{
    close_and_seal, close_and_seal_with, close_due, retally, SealReport, AUTO_CLOSE_ACTOR,
};
pub use drivers::{recompute as recompute_drivers, SealOptions};
pub use launch::{launch, launch_at_floor, launch_with, launch_with_floor, LaunchReport};
pub use remind::{preview_reminders, remind, reminder_waves, RemindReport, ReminderRules, Wave};

use crate::db::rounds::{self, NewRoundRow, StoredGroups, StoredTemplateError};
/// What the rounds use cases return, as the repository reads it.
pub use crate::db::rounds::{GroupProgress, Round, RoundProgress};
use crate::db::{audit, departments, DbConnection, DbError};
use crate::domain::anonymity::ThresholdFloor;
use crate::domain::department::{Department, Membership};
use crate::domain::quarter::Quarter;
use crate::domain::round::{self, RoundStatus};
use crate::domain::template::Template;
use crate::mail::sample::SampleError;

/// Why a round operation was refused.
#[derive(Debug, thiserror::Error)]
pub enum RoundError {
    #[error("no round {0}")]
    NotFound(String),
    #[error("a round of {template} for {quarter} already exists ({id})")]
    Exists {
        template: String,
        quarter: String,
        id: RoundId,
    },
    #[error("round {id} is {status}; {action} needs a {needed} round")]
    WrongStatus {
        id: RoundId,
        status: RoundStatus,
        action: &'static str,
        needed: &'static str,
    },
    #[error("round {id} is {status}; only closed rounds have tallies")]
    NotClosed { id: RoundId, status: RoundStatus },
    #[error("template {0} is no longer available")]
    TemplateGone(String),
    #[error("the close date {0} has already passed; choose a later date")]
    ClosePassed(Date),
    #[error("nobody on the roster is in the audience of {0}; import the roster first")]
    NoInvitees(String),
    #[error("{0}")]
    Invalid(String),
    #[error("k = {k} is below {min}, the least strict mode (anonymity.strict_mode) allows; leave k to the settings or choose {min} or more")]
    BelowStrictFloor { k: u32, min: u32 },
    #[error(transparent)]
    StoredTemplate(#[from] StoredTemplateError),
    #[error(transparent)]
    Message(#[from] crate::mail::content::RenderError),
    #[error(transparent)]
    Db(#[from] DbError),
}

/// A sample invitation's failure, as a round operation's.
impl From<SampleError> for RoundError {
    fn from(e: SampleError) -> Self {
        match e {
            SampleError::StoredTemplate(e) => RoundError::StoredTemplate(e),
            SampleError::Render(e) => RoundError::Message(e),
            SampleError::Db(e) => RoundError::Db(e),
        }
    }
}

impl From<diesel::result::Error> for RoundError {
    fn from(e: diesel::result::Error) -> Self {
        RoundError::Db(e.into())
    }
}

/// One round by id.
pub fn get(conn: &mut DbConnection, id: RoundId) -> Result<Round, RoundError> {
    rounds::find(conn, id)?.ok_or_else(|| RoundError::NotFound(id.to_string()))
}

/// One round by id, if there is one.
pub fn find(conn: &mut DbConnection, id: RoundId) -> Result<Option<Round>, DbError> {
    rounds::find(conn, id)
}

/// The round a person named: its full id, or a unique prefix of at least 8 characters (for
/// typing at a terminal). Anything else is "no such round", naming what was given.
pub fn lookup(conn: &mut DbConnection, text: &str) -> Result<Round, RoundError> {
    let found = match text.parse::<RoundId>() {
        Ok(id) => rounds::find(conn, id)?,
        Err(_) => rounds::find_by_prefix(conn, text)?,
    };
    found.ok_or_else(|| RoundError::NotFound(text.chars().take(80).collect()))
}

/// Participation of a round, overall and per group (counts only).
pub fn progress(conn: &mut DbConnection, id: RoundId) -> Result<RoundProgress, RoundError> {
    let round = get(conn, id)?;
    Ok(rounds::progress(conn, &round)?)
}

/// Every round, newest quarter first.
pub fn list(conn: &mut DbConnection) -> Result<Vec<Round>, RoundError> {
    Ok(rounds::list(conn)?)
}

/// A round in a list with its participation so far: answered and delivered invitations.
pub struct Listed {
    pub round: Round,
    pub answered: i64,
    pub delivered: i64,
}

/// Every round with its participation, newest quarter first (two queries, whatever the count).
pub fn list_with_participation(conn: &mut DbConnection) -> Result<Vec<Listed>, RoundError> {
    let counts = rounds::answered_and_delivered(conn)?;
    Ok(rounds::list(conn)?
        .into_iter()
        .map(|round| {
            let (answered, delivered) = counts.get(&round.id).copied().unwrap_or((0, 0));
            Listed {
                round,
                answered,
                delivered,
            }
        })
        .collect())
}

/// A round's status page: the round, its participation, and how often the roster changed in
/// the 7 days before launch (0 for a draft).
pub fn overview(
    conn: &mut DbConnection,
    id: RoundId,
) -> Result<(Round, RoundProgress, i64), RoundError> {
    let round = get(conn, id)?;
    let progress = rounds::progress(conn, &round)?;
    let changes = match round.launched_at {
        Some(at) => rounds::roster_changes_before(conn, at)?,
        None => 0,
    };
    Ok((round, progress, changes))
}

/// The open rounds with their participation (counts only).
pub fn open_progress(conn: &mut DbConnection) -> Result<Vec<(Round, RoundProgress)>, RoundError> {
    let mut out = Vec::new();
    for round in rounds::with_status(conn, RoundStatus::Open)? {
        let progress = rounds::progress(conn, &round)?;
        out.push((round, progress));
    }
    Ok(out)
}

/// For the launched rounds of a quarter, the roster changes in the days before each launch:
/// (template key, launched at, changes), rounds without changes left out.
pub fn roster_changes_at_launch(
    conn: &mut DbConnection,
    quarter: Quarter,
) -> Result<Vec<(String, PrimitiveDateTime, i64)>, RoundError> {
    let mut out = Vec::new();
    for r in rounds::of_quarter(conn, quarter)? {
        if let Some(at) = r.launched_at {
            let n = rounds::roster_changes_before(conn, at)?;
            if n > 0 {
                out.push((r.template_key, at, n));
            }
        }
    }
    Ok(out)
}

/// Starts the post-seal scrub on its own thread (see `db::seal::scrub`): it removes old row
/// versions and freed pages once a seal has committed.
pub fn scrub_after_seal(pool: &crate::db::DbPool) {
    crate::db::seal::scrub_soon(pool);
}

/// Runs the post-seal scrub now; returns how many sealed rounds it scrubbed.
pub fn scrub(conn: &mut DbConnection) -> Result<usize, RoundError> {
    Ok(crate::db::seal::scrub(conn)?)
}

/// What a new round is made of.
pub struct NewRound<'a> {
    pub template: &'a Template,
    pub quarter: Quarter,
    pub closes_on: Date,
    pub k: u32,
    pub comment_threshold: u32,
    pub merges: Vec<Vec<Membership>>,
    pub timezone: &'a str,
}

/// Creates a draft round and returns its id.
pub fn create(
    conn: &mut DbConnection,
    new: &NewRound<'_>,
    now: PrimitiveDateTime,
    actor: &str,
) -> Result<RoundId, RoundError> {
    create_at_floor(conn, new, ThresholdFloor::STANDARD, now, actor)
}

/// [`create`], refusing a k below `floor.k` (strict mode's 10) and raising the comment
/// threshold to at least `floor.comment_threshold`.
pub fn create_at_floor(
    conn: &mut DbConnection,
    new: &NewRound<'_>,
    floor: ThresholdFloor,
    now: PrimitiveDateTime,
    actor: &str,
) -> Result<RoundId, RoundError> {
    if new.k < floor.k && floor != ThresholdFloor::STANDARD {
        return Err(RoundError::BelowStrictFloor {
            k: new.k,
            min: floor.k,
        });
    }
    let (_, comment_threshold) = floor.raise(new.k, new.comment_threshold);
    let new = &NewRound {
        comment_threshold,
        merges: new.merges.clone(),
        ..*new
    };
    if !(3..=50).contains(&new.k) {
        return Err(RoundError::Invalid(format!(
            "k = {} is outside 3–50",
            new.k
        )));
    }
    if new.comment_threshold < new.k {
        return Err(RoundError::Invalid(format!(
            "the comment threshold {} may not be below k = {}",
            new.comment_threshold, new.k
        )));
    }
    let closes_at =
        round::close_instant(new.closes_on, new.timezone).map_err(RoundError::Invalid)?;
    if closes_at <= now {
        return Err(RoundError::ClosePassed(new.closes_on));
    }
    conn.write_transaction(|conn| {
        let weights = departments::weights(conn)?;
        let groups = round::plan_groups(new.template.audience(), &new.merges, &weights)
            .map_err(|e| RoundError::Invalid(e.to_string()))?;
        if let Some(id) = rounds::id_for(conn, new.template.key(), new.quarter)? {
            return Err(RoundError::Exists {
                template: new.template.key().into(),
                quarter: new.quarter.to_string(),
                id,
            });
        }
        let id = RoundId::random();
        rounds::insert(
            conn,
            &NewRoundRow {
                id,
                template: new.template,
                quarter: new.quarter,
                closes_on: new.closes_on,
                closes_at,
                k: new.k as i32,
                comment_threshold: new.comment_threshold as i32,
                groups: &StoredGroups(groups.clone()),
                weights: &weights_json(&weights)?,
                created_at: now,
            },
        )?;
        let detail = format!(
            "template={} v{} quarter={} closes_on={} k={} groups={}",
            new.template.key(),
            new.template.version(),
            new.quarter,
            new.closes_on,
            new.k,
            groups
                .iter()
                .map(|g| g.key.as_str())
                .collect::<Vec<_>>()
                .join(",")
        );
        audit::record(
            conn,
            now,
            actor,
            "round.create",
            "round",
            Some(&id.to_string()),
            Some(&detail),
        )?;
        Ok(id)
    })
}

/// The weight snapshot as stored: department key → weight.
fn weights_json(weights: &BTreeMap<Department, f64>) -> Result<String, RoundError> {
    let by_key: BTreeMap<&str, f64> = weights.iter().map(|(d, w)| (d.key(), *w)).collect();
    serde_json::to_string(&by_key).map_err(|e| RoundError::Invalid(e.to_string()))
}
