//! Use cases: scorecard. Loads a quarter's scorecard (default: the latest with a closed
//! round): the stored tallies from `db::scorecard`, scored by `domain::scoring`, with the
//! HR events, inflection points and commentary beside them.

use crate::domain::ids::RoundId;
use std::collections::HashMap;
use std::sync::Arc;

use diesel::Connection;
use serde::Serialize;
use time::Date;

use crate::app::round_input::{round_inputs, CommentsRead};
use crate::app::rounds::{self, RoundError};
use crate::app::templates;
use crate::config::Thresholds;
use crate::db::scorecard::{self as stored, ClosedRound};
use crate::db::{commentary, hr, inflection, DbConnection, DbError};
use crate::domain::quarter::Quarter;
use crate::domain::round::RoundStatus;
use crate::domain::scoring::scorecard::RoundReport;
use crate::domain::scoring::scorecard::TREND_QUARTERS;
use crate::domain::scoring::{
    build_scorecard, HrInput, Scorecard, ScorecardInput, ScoringError, StatusThresholds,
};
use crate::domain::template::Template;

/// Why a scorecard could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ScorecardError {
    /// The quarter asked for has no closed round.
    #[error("no closed round for {0}")]
    NoClosedRound(String),
    #[error("no round has closed yet; results appear once the first round closes")]
    NothingClosed,
    /// Results were asked of a round that has not closed.
    #[error("round {id} is {status}; results appear after it closes")]
    RoundOpen { id: RoundId, status: RoundStatus },
    /// The round closed, but its template has no results in the quarter's scorecard.
    #[error("no results for round {0}")]
    NoResults(RoundId),
    #[error(transparent)]
    Round(#[from] RoundError),
    #[error("the stored data is inconsistent: {0}")]
    Engine(#[from] ScoringError),
    #[error("round {round}: its stored template does not load")]
    Template {
        round: RoundId,
        #[source]
        source: crate::domain::template::TemplateErrors,
    },
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for ScorecardError {
    fn from(e: diesel::result::Error) -> Self {
        ScorecardError::Db(e.into())
    }
}

/// How many comments per group × text question a page shows before "show all": enough to
/// read their tone, few enough that a large company's page stays small (at 100,000 people
/// every comment made it 1.5 MB) and that only these are read.
pub const COMMENT_SAMPLE: u32 = 10;

/// How to build a scorecard.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Whether the caller may read comments (CTO; board only if the setting allows).
    pub include_comments: bool,
    /// Read only this many comments per list, with each list's size (None: all of them).
    pub comment_sample: Option<u32>,
    pub thresholds: Thresholds,
    pub fiscal_year_start_month: u8,
}

impl Options {
    /// The options `settings` give, with or without comments.
    pub fn from_settings(settings: &crate::config::Settings, include_comments: bool) -> Self {
        Options {
            include_comments,
            comment_sample: None,
            thresholds: settings.thresholds,
            fiscal_year_start_month: settings.fiscal_year_start_month,
        }
    }
}

/// The engine's thresholds from the settings'.
pub fn status_thresholds(t: &Thresholds) -> StatusThresholds {
    StatusThresholds {
        a_amber_alignment: t.alignment_amber,
        b_red_productive_happy: t.culture_red,
        b_amber_productive_happy: t.culture_amber,
        b_attrition_breach: t.attrition_max,
        b_acceptance_breach: t.acceptance_min,
        c_red_weighted: t.csat_red,
        c_red_any_group: t.csat_group_red,
        c_amber_weighted: t.csat_amber,
        c_min_coverage: t.csat_coverage,
    }
}

/// A scorecard and what the report needs beside it.
#[derive(Debug, Clone, Serialize)]
pub struct LoadedScorecard {
    pub scorecard: Scorecard,
    /// The last close date of the quarter's rounds ("as of").
    pub as_of: Option<Date>,
    pub commentary: Option<String>,
    /// Short names of the scored quarter's questions (the board report names drivers).
    #[serde(skip)]
    pub labels: crate::charts::ItemLabels,
}

/// Quarters that have a closed round, newest first.
pub fn closed_quarters(conn: &mut DbConnection) -> Result<Vec<Quarter>, ScorecardError> {
    Ok(stored::closed_quarters(conn)?)
}

/// `quarter`, or the newest quarter with a closed round.
pub fn quarter_or_latest(
    conn: &mut DbConnection,
    quarter: Option<Quarter>,
) -> Result<Quarter, ScorecardError> {
    match quarter {
        Some(q) => Ok(q),
        None => stored::latest_closed_quarter(conn)?.ok_or(ScorecardError::NothingClosed),
    }
}

/// The CTO's commentary on `quarter` (default: the latest with a closed round).
pub fn commentary(
    conn: &mut DbConnection,
    quarter: Option<Quarter>,
) -> Result<(Quarter, Option<String>), ScorecardError> {
    conn.transaction(|c| {
        let quarter = quarter_or_latest(c, quarter)?;
        Ok((quarter, commentary::get(c, quarter)?))
    })
}

/// Builds the scorecard of `quarter` (default: the latest with a closed round).
pub fn load(
    conn: &mut DbConnection,
    quarter: Option<Quarter>,
    opts: &Options,
    rng: &mut impl rand::Rng,
) -> Result<LoadedScorecard, ScorecardError> {
    conn.transaction(|c| {
        let quarter = quarter_or_latest(c, quarter)?;
        let input = input_for(c, quarter, opts)?;
        if !input.rounds.iter().any(|r| r.quarter == quarter) {
            return Err(ScorecardError::NoClosedRound(quarter.to_string()));
        }
        let as_of = stored::closed_as_of(c, quarter)?;
        let scorecard = build_scorecard(&input, rng)?;
        let commentary = commentary::get(c, quarter)?;
        let labels = short_labels(c, quarter)?;
        Ok(LoadedScorecard {
            scorecard,
            as_of,
            commentary,
            labels,
        })
    })
}

/// The short names of the questions of `quarter`'s closed rounds, and each round's survey
/// title, from the template each round was launched with.
fn short_labels(
    conn: &mut DbConnection,
    quarter: Quarter,
) -> Result<crate::charts::ItemLabels, ScorecardError> {
    let mut labels = crate::charts::ItemLabels::new();
    for r in stored::closed_rounds(conn, &[quarter])? {
        let t = template_of(&r)?;
        labels.insert(
            (
                r.template_key.clone(),
                crate::charts::layout::TEMPLATE_TITLE.to_string(),
            ),
            t.title().clone(),
        );
        for q in t.questions() {
            labels.insert(
                (r.template_key.clone(), q.key().to_string()),
                q.short().clone(),
            );
        }
    }
    Ok(labels)
}

/// One closed round's figures, from its quarter's scorecard.
#[derive(Debug, Clone, Serialize)]
pub struct RoundResults {
    pub round_id: RoundId,
    pub quarter: Quarter,
    pub results: RoundReport,
}

/// The figures of round `id`; refused while the round is open.
pub fn round_results(
    conn: &mut DbConnection,
    id: RoundId,
    opts: &Options,
    rng: &mut impl rand::Rng,
) -> Result<RoundResults, ScorecardError> {
    let round = rounds::get(conn, id)?;
    let status = round.status();
    if !status.results_visible() {
        return Err(ScorecardError::RoundOpen {
            id: round.id,
            status,
        });
    }
    // Typed when read: a malformed stored quarter is already an error naming the column.
    let loaded = load(conn, Some(round.quarter), opts, rng)?;
    let results = loaded
        .scorecard
        .rounds
        .into_iter()
        .find(|r| r.template.key == round.template_key)
        .ok_or_else(|| ScorecardError::NoResults(round.id))?;
    Ok(RoundResults {
        round_id: round.id,
        quarter: round.quarter,
        results,
    })
}

/// The engine's input for `quarter` and its seven predecessors (closed rounds only).
pub fn input_for(
    conn: &mut DbConnection,
    quarter: Quarter,
    opts: &Options,
) -> Result<ScorecardInput, ScorecardError> {
    inputs_for(conn, &[quarter], opts)?
        .pop()
        .ok_or_else(|| ScorecardError::NoClosedRound(quarter.to_string()))
}

/// The template round `r` was launched with.
fn template_of(r: &ClosedRound) -> Result<Arc<Template>, ScorecardError> {
    templates::parsed(&format!("{}.toml", r.template_key), &r.template_content).map_err(|source| {
        ScorecardError::Template {
            round: r.id,
            source,
        }
    })
}

/// The engine's inputs for several quarters, in the order given, each with its seven
/// predecessors. Every round in the window is read once, with one statement per tally
/// table, however many of the quarters it trails. A round's comments go only to its own
/// quarter's input.
pub fn inputs_for(
    conn: &mut DbConnection,
    quarters: &[Quarter],
    opts: &Options,
) -> Result<Vec<ScorecardInput>, ScorecardError> {
    inputs_over(conn, quarters, opts, TREND_QUARTERS)
}

/// The engine's inputs for several quarters with each quarter's own rounds only: its
/// measures, rounds and items are exactly those of [`inputs_for`] (the engine scores them
/// from the quarter's rounds alone), but it has no trends or changes. The action
/// follow-through reads nothing else, for every quarter since the first action; with the
/// seven predecessors it read and scored eight times the rounds.
pub fn own_quarter_inputs(
    conn: &mut DbConnection,
    quarters: &[Quarter],
    opts: &Options,
) -> Result<Vec<ScorecardInput>, ScorecardError> {
    inputs_over(conn, quarters, opts, 1)
}

/// Inputs with `window` quarters each (the quarter and its predecessors).
fn inputs_over(
    conn: &mut DbConnection,
    quarters: &[Quarter],
    opts: &Options,
    window: usize,
) -> Result<Vec<ScorecardInput>, ScorecardError> {
    let mut read: Vec<Quarter> = quarters.iter().flat_map(|q| q.trailing(window)).collect();
    read.sort();
    read.dedup();
    let closed = stored::closed_rounds(conn, &read)?;
    let mut parsed: HashMap<String, Arc<Template>> = HashMap::new();
    for r in &closed {
        if !parsed.contains_key(&r.template_hash) {
            parsed.insert(r.template_hash.clone(), template_of(r)?);
        }
    }
    let wanted: Vec<_> = closed
        .iter()
        .filter_map(|r| {
            let with_comments = match opts.comment_sample {
                _ if !opts.include_comments || !quarters.contains(&r.quarter) => CommentsRead::None,
                Some(n) => CommentsRead::Sample(n),
                None => CommentsRead::All,
            };
            parsed
                .get(&r.template_hash)
                .map(|t| (r, &**t, with_comments))
        })
        .collect();
    let mut rounds = round_inputs(conn, &wanted)?;
    let mut out = Vec::with_capacity(quarters.len());
    for (i, &quarter) in quarters.iter().enumerate() {
        let trailing = quarter.trailing(window);
        // A round's comments (a large company's run to megabytes) move to the last input of
        // its own quarter instead of being copied into every input and cleared.
        let last_of_quarter = !quarters[i + 1..].contains(&quarter);
        let inputs = rounds
            .iter_mut()
            .filter(|r| trailing.contains(&r.quarter))
            .map(|r| {
                let comments = (
                    std::mem::take(&mut r.comments),
                    std::mem::take(&mut r.comment_counts),
                );
                let mut input = r.clone();
                if r.quarter == quarter {
                    if last_of_quarter {
                        (input.comments, input.comment_counts) = comments;
                        return input;
                    }
                    (input.comments, input.comment_counts) = comments.clone();
                }
                (r.comments, r.comment_counts) = comments;
                input
            })
            .collect();
        out.push(quarter_input(conn, quarter, inputs, opts)?);
    }
    Ok(out)
}

/// One quarter's input around its rounds: the HR events of the twelve months it ends and
/// its inflection points.
fn quarter_input(
    conn: &mut DbConnection,
    quarter: Quarter,
    rounds: Vec<crate::domain::scoring::RoundInput>,
    opts: &Options,
) -> Result<ScorecardInput, ScorecardError> {
    let last = quarter.last_day(opts.fiscal_year_start_month);
    let first = quarter.first_day(opts.fiscal_year_start_month);
    // Twelve months ending with the quarter, with a margin the engine trims exactly.
    let from = last.replace_year(last.year() - 1).unwrap_or(first) - time::Duration::days(31);
    Ok(ScorecardInput {
        quarter,
        rounds,
        hr: HrInput {
            quarter_first_day: first,
            quarter_last_day: last,
            events: hr::between(conn, from, last)?,
        },
        inflection_points: inflection::for_quarter(conn, quarter)?,
        thresholds: status_thresholds(&opts.thresholds),
        include_comments: opts.include_comments,
    })
}
