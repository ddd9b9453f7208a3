//! Fills the scoring engine's inputs from the tallies written at seal time (never from raw
//! answers; the scored quarter's comments come from the copy sealing made), and builds the
//! scorecard.

use std::collections::HashMap;

use diesel::prelude::*;
use serde::Serialize;
use time::Date;

use super::rounds::Round;
use super::schema::{
    answers, group_tallies, index_tallies, responses, rounds, sealed_comments, tallies,
};
use super::seal::{INDEX_ALIGNMENT, INDEX_CULTURE};
use super::{commentary, hr, inflection, DbConnection, DbError};
use crate::config::Thresholds;
use crate::domain::audience::Audience;
use crate::domain::department::Department;
use crate::domain::quarter::Quarter;
use crate::domain::question::QuestionKind;
use crate::domain::round::RoundStatus;
use crate::domain::scoring::{
    build_scorecard, AlignmentTallyRow, CommentRow, CultureTallyRow, GroupInput, HrInput,
    ItemInput, RoundInput, Scorecard, ScorecardInput, ScoringError, StatusThresholds, TemplateRef,
    ValueCountRow,
};

/// Why a scorecard could not be built.
#[derive(Debug, thiserror::Error)]
pub enum ScorecardError {
    #[error("no closed round for {0}")]
    NoClosedRound(String),
    #[error("no round has closed yet; results appear once the first round closes")]
    NothingClosed,
    #[error("the stored data is inconsistent: {0}")]
    Engine(#[from] ScoringError),
    #[error("round {0}: its stored template does not load")]
    Template(String),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for ScorecardError {
    fn from(e: diesel::result::Error) -> Self {
        ScorecardError::Db(e.into())
    }
}

/// How to build a scorecard.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Whether the caller may read comments (CTO; board only if the setting allows).
    pub include_comments: bool,
    pub thresholds: Thresholds,
    pub fiscal_year_start_month: u8,
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
    }
}

/// The newest quarter with a closed round.
pub fn latest_closed_quarter(conn: &mut DbConnection) -> Result<Option<Quarter>, DbError> {
    let q: Option<String> = rounds::table
        .filter(rounds::status.eq_any([RoundStatus::Closed.key(), RoundStatus::Sealed.key()]))
        .select(diesel::dsl::max(rounds::quarter))
        .first(conn)?;
    Ok(q.and_then(|q| q.parse().ok()))
}

/// Quarters that have a closed round, newest first.
pub fn closed_quarters(conn: &mut DbConnection) -> Result<Vec<Quarter>, DbError> {
    let qs: Vec<String> = rounds::table
        .filter(rounds::status.eq_any([RoundStatus::Closed.key(), RoundStatus::Sealed.key()]))
        .select(rounds::quarter)
        .distinct()
        .order(rounds::quarter.desc())
        .load(conn)?;
    Ok(qs.into_iter().filter_map(|q| q.parse().ok()).collect())
}

/// A scorecard and what the report needs beside it.
#[derive(Debug, Clone, Serialize)]
pub struct LoadedScorecard {
    pub scorecard: Scorecard,
    /// The last close date of the quarter's rounds ("as of").
    pub as_of: Option<Date>,
    pub commentary: Option<String>,
}

/// Builds the scorecard of `quarter` (default: the latest with a closed round).
pub fn load(
    conn: &mut DbConnection,
    quarter: Option<Quarter>,
    opts: &Options,
    rng: &mut impl rand::Rng,
) -> Result<LoadedScorecard, ScorecardError> {
    let quarter = match quarter {
        Some(q) => q,
        None => latest_closed_quarter(conn)?.ok_or(ScorecardError::NothingClosed)?,
    };
    let input = input_for(conn, quarter, opts)?;
    if !input.rounds.iter().any(|r| r.quarter == quarter) {
        return Err(ScorecardError::NoClosedRound(quarter.to_string()));
    }
    let as_of = rounds::table
        .filter(rounds::quarter.eq(quarter.to_string()))
        .filter(rounds::status.eq_any([RoundStatus::Closed.key(), RoundStatus::Sealed.key()]))
        .select(diesel::dsl::max(rounds::closed_at))
        .first::<Option<time::PrimitiveDateTime>>(conn)?
        .map(|t| t.date());
    let scorecard = build_scorecard(&input, rng)?;
    let commentary = commentary::get(conn, quarter)?;
    Ok(LoadedScorecard {
        scorecard,
        as_of,
        commentary,
    })
}

/// The engine's input for `quarter` and its seven predecessors (closed rounds only).
pub fn input_for(
    conn: &mut DbConnection,
    quarter: Quarter,
    opts: &Options,
) -> Result<ScorecardInput, ScorecardError> {
    let window: Vec<String> = quarter.trailing(8).iter().map(|q| q.to_string()).collect();
    let closed: Vec<Round> = rounds::table
        .filter(rounds::quarter.eq_any(&window))
        .filter(rounds::status.eq_any([RoundStatus::Closed.key(), RoundStatus::Sealed.key()]))
        .select(Round::as_select())
        .order((rounds::quarter, rounds::template_key))
        .load(conn)?;
    let mut inputs = Vec::with_capacity(closed.len());
    let mut parsed: HashMap<String, crate::domain::template::Template> = HashMap::new();
    for r in &closed {
        let Some(q) = r.quarter() else { continue };
        if !parsed.contains_key(&r.template_hash) {
            let t = r
                .template()
                .map_err(|_| ScorecardError::Template(r.id.clone()))?;
            parsed.insert(r.template_hash.clone(), t);
        }
        let Some(template) = parsed.get(&r.template_hash) else {
            continue;
        };
        inputs.push(round_input(
            conn,
            r,
            q,
            template,
            opts.include_comments && q == quarter,
        )?);
    }
    let last = quarter.last_day(opts.fiscal_year_start_month);
    let first = quarter.first_day(opts.fiscal_year_start_month);
    // Twelve months ending with the quarter, with a margin the engine trims exactly.
    let from = last.replace_year(last.year() - 1).unwrap_or(first) - time::Duration::days(31);
    Ok(ScorecardInput {
        quarter,
        rounds: inputs,
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

fn round_input(
    conn: &mut DbConnection,
    r: &Round,
    quarter: Quarter,
    t: &crate::domain::template::Template,
    with_comments: bool,
) -> Result<RoundInput, ScorecardError> {
    let audience: Audience = r
        .audience
        .parse()
        .map_err(|_| ScorecardError::Template(r.id.clone()))?;
    let participation: HashMap<String, (i64, i64)> = group_tallies::table
        .filter(group_tallies::round_id.eq(&r.id))
        .select((
            group_tallies::reporting_group,
            group_tallies::delivered,
            group_tallies::responses,
        ))
        .load::<(String, i64, i64)>(conn)?
        .into_iter()
        .map(|(g, d, n)| (g, (d, n)))
        .collect();
    let groups = r
        .groups()
        .into_iter()
        .map(|g| {
            let (delivered, answered) = participation.get(&g.key).copied().unwrap_or((0, 0));
            GroupInput {
                departments: g
                    .members
                    .iter()
                    .filter_map(|m| m.parse::<Department>().ok())
                    .collect(),
                key: g.key,
                weight: g.weight,
                delivered: delivered.max(0) as u32,
                answered: answered.max(0) as u32,
            }
        })
        .collect();
    let items = t
        .questions()
        .map(|q| ItemInput {
            key: q.key().to_string(),
            kind: q.kind(),
            role: q.role(),
            section: q.department(),
            allow_na: q.allow_na(),
        })
        .collect();
    let value_counts = tallies::table
        .filter(tallies::round_id.eq(&r.id))
        .select((
            tallies::reporting_group,
            tallies::question_key,
            tallies::value,
            tallies::not_applicable,
            tallies::count,
        ))
        .load::<(String, String, i32, bool, i64)>(conn)?
        .into_iter()
        .map(|(group, item, value, na, count)| ValueCountRow {
            group,
            item,
            value: if na { None } else { Some(value) },
            count: count.max(0) as u32,
        })
        .collect();
    let index_rows = index_tallies::table
        .filter(index_tallies::round_id.eq(&r.id))
        .select((
            index_tallies::reporting_group,
            index_tallies::index_kind,
            index_tallies::a_sum,
            index_tallies::a_count,
            index_tallies::b_sum,
            index_tallies::b_count,
            index_tallies::count,
        ))
        .load::<(String, String, i32, i32, i32, i32, i64)>(conn)?;
    let mut culture_tallies = Vec::new();
    let mut alignment_tallies = Vec::new();
    for (group, kind, a_sum, a_count, b_sum, b_count, count) in index_rows {
        let u = |v: i32| v.max(0) as u32;
        if kind == INDEX_CULTURE {
            culture_tallies.push(CultureTallyRow {
                group,
                productivity_sum: u(a_sum),
                productivity_items: u(a_count),
                happiness_sum: u(b_sum),
                happiness_items: u(b_count),
                respondents: count.max(0) as u32,
            });
        } else if kind == INDEX_ALIGNMENT {
            alignment_tallies.push(AlignmentTallyRow {
                group,
                alignment_sum: u(a_sum),
                alignment_items: u(a_count),
                respondents: count.max(0) as u32,
            });
        }
    }
    let comments = if with_comments {
        let text_keys: Vec<&str> = t
            .questions()
            .filter(|q| q.kind() == QuestionKind::Text)
            .map(|q| q.key())
            .collect();
        if r.status() == RoundStatus::Sealed {
            // Copied at seal time: one keyed read, however many responses the round has.
            sealed_comments::table
                .filter(sealed_comments::round_id.eq(&r.id))
                .filter(sealed_comments::question_key.eq_any(&text_keys))
                .order(sealed_comments::position)
                .select((
                    sealed_comments::reporting_group,
                    sealed_comments::question_key,
                    sealed_comments::text,
                ))
                .load::<(String, String, String)>(conn)?
                .into_iter()
                .map(|(group, item, text)| CommentRow { group, item, text })
                .collect()
        } else {
            responses::table
                .inner_join(answers::table)
                .filter(responses::round_id.eq(&r.id))
                .filter(answers::question_key.eq_any(&text_keys))
                .filter(answers::text.is_not_null())
                .select((
                    responses::reporting_group,
                    answers::question_key,
                    answers::text,
                ))
                .load::<(String, String, Option<String>)>(conn)?
                .into_iter()
                .filter_map(|(group, item, text)| {
                    Some(CommentRow {
                        group,
                        item,
                        text: text?,
                    })
                })
                .collect()
        }
    } else {
        Vec::new()
    };
    Ok(RoundInput {
        quarter,
        audience,
        template: TemplateRef {
            key: r.template_key.clone(),
            version: r.template_version.max(0) as u32,
            content_hash: r.template_hash.clone(),
        },
        k: r.k.max(0) as u32,
        comment_threshold: r.comment_threshold.max(0) as u32,
        status: r.status(),
        groups,
        items,
        value_counts,
        culture_tallies,
        alignment_tallies,
        comments,
    })
}
