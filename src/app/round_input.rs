//! A closed round as the scoring engine reads it: its stored tallies, participation,
//! template questions, comments (when asked for) and key drivers. Shared by the scorecard
//! and the seal, which computes drivers from the round it has just tallied.

use crate::db::scorecard::{self as stored, ClosedRound, SealedTallies};
use crate::db::{comments as stored_comments, drivers, DbConnection, DbError};
use crate::domain::department::Membership;
use crate::domain::ids::RoundId;
use crate::domain::question::QuestionKind;
use crate::domain::round::RoundStatus;
use crate::domain::scoring::drivers::DriverRow;
use crate::domain::scoring::{
    CommentCount, CommentRow, GroupInput, ItemInput, RoundInput, TemplateRef,
};
use crate::domain::template::Template;

/// Which comments of a round the engine is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommentsRead {
    None,
    /// Up to this many per group × text question, with each list's size.
    Sample(u32),
    All,
}

/// The engine's input for one closed round.
pub fn round_input(
    conn: &mut DbConnection,
    r: &ClosedRound,
    t: &Template,
    with_comments: CommentsRead,
) -> Result<RoundInput, DbError> {
    let sealed = stored::sealed_tallies(conn, &[r.id])?
        .remove(&r.id)
        .unwrap_or_default();
    let drivers = drivers::for_round(conn, r.id)?;
    with_comments_read(conn, r, t, with_comments, sealed, drivers)
}

/// The engine's inputs for closed rounds, each with its template and whether its comments
/// are read, in the order given. The tallies and drivers of all of them are read in one
/// statement per table: a page reads up to eight quarters of rounds.
pub fn round_inputs(
    conn: &mut DbConnection,
    rounds: &[(&ClosedRound, &Template, CommentsRead)],
) -> Result<Vec<RoundInput>, DbError> {
    if rounds.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<RoundId> = rounds.iter().map(|(r, _, _)| r.id).collect();
    let mut tallies = stored::sealed_tallies(conn, &ids)?;
    let mut drivers = drivers::for_rounds(conn, &ids)?;
    let mut out = Vec::with_capacity(rounds.len());
    for (r, t, with_comments) in rounds {
        out.push(with_comments_read(
            conn,
            r,
            t,
            *with_comments,
            tallies.remove(&r.id).unwrap_or_default(),
            drivers.remove(&r.id).unwrap_or_default(),
        )?);
    }
    Ok(out)
}

/// The input of round `r` from its tallies and drivers, its comments read when asked for.
fn with_comments_read(
    conn: &mut DbConnection,
    r: &ClosedRound,
    t: &Template,
    with_comments: CommentsRead,
    sealed: SealedTallies,
    drivers: Vec<DriverRow>,
) -> Result<RoundInput, DbError> {
    let comments = comments(conn, r, t, with_comments)?;
    assemble(r, t, sealed, comments, drivers)
}

/// The round's comments on its text questions, as asked: from the seal's copy once sealed.
/// A closed round not yet sealed has no random order to sample by, so it gives all.
fn comments(
    conn: &mut DbConnection,
    r: &ClosedRound,
    t: &Template,
    read: CommentsRead,
) -> Result<(Vec<CommentRow>, Vec<CommentCount>), DbError> {
    let text_keys: Vec<&str> = t
        .questions()
        .filter(|q| q.kind() == QuestionKind::Text)
        .map(|q| q.key())
        .collect();
    let sealed = r.status == RoundStatus::Sealed;
    Ok(match read {
        CommentsRead::None => (Vec::new(), Vec::new()),
        CommentsRead::Sample(n) if sealed => {
            stored_comments::sealed_comment_sample(conn, r.id, &text_keys, n)?
        }
        _ if sealed => (
            stored_comments::sealed_comments(conn, r.id, &text_keys)?,
            Vec::new(),
        ),
        _ => (
            stored_comments::answer_comments(conn, r.id, &text_keys)?,
            Vec::new(),
        ),
    })
}

fn assemble(
    r: &ClosedRound,
    t: &Template,
    sealed: SealedTallies,
    (comments, comment_counts): (Vec<CommentRow>, Vec<CommentCount>),
    drivers: Vec<DriverRow>,
) -> Result<RoundInput, DbError> {
    let participation = sealed.participation;
    let groups = r
        .groups()?
        .into_iter()
        .map(|g| {
            let (delivered, answered) = participation.get(&g.key).copied().unwrap_or((0, 0));
            GroupInput {
                // The board is an audience group, not a department: it carries no CSAT weight.
                departments: g
                    .members
                    .iter()
                    .filter_map(|m| match m {
                        Membership::Department(d) => Some(*d),
                        Membership::Board => None,
                    })
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
    Ok(RoundInput {
        quarter: r.quarter,
        audience: r.audience,
        template: TemplateRef {
            key: r.template_key.clone(),
            version: r.template_version.max(0) as u32,
            content_hash: r.template_hash.clone(),
        },
        k: r.k.max(0) as u32,
        comment_threshold: r.comment_threshold.max(0) as u32,
        status: r.status,
        groups,
        items,
        value_counts: sealed.value_counts,
        culture_tallies: sealed.culture,
        alignment_tallies: sealed.alignment,
        comments,
        comment_counts,
        drivers,
    })
}
