//! A closed round as the scoring engine reads it: its stored tallies, participation,
//! template questions, comments (when asked for) and key drivers. Shared by the scorecard
//! and the seal, which computes drivers from the round it has just tallied.

use std::collections::HashMap;
use std::sync::Arc;

use crate::app::kept_tallies::{self, Kept};
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
    let comments = comments(conn, r, t, with_comments)?;
    assemble(r, t, &sealed, comments, drivers)
}

/// The engine's inputs for closed rounds, each with its template and whether its comments
/// are read, in the order given. The tallies and drivers of those not kept in memory under
/// their current stamp ([`kept_tallies`]) are read in one statement per table: a page reads
/// up to eight quarters of rounds.
pub fn round_inputs(
    conn: &mut DbConnection,
    rounds: &[(&ClosedRound, &Template, CommentsRead)],
) -> Result<Vec<RoundInput>, DbError> {
    if rounds.is_empty() {
        return Ok(Vec::new());
    }
    let mut found: HashMap<RoundId, Arc<Kept>> = HashMap::new();
    let mut missing: Vec<RoundId> = Vec::new();
    for (r, _, _) in rounds {
        match r
            .tallies_stamp
            .as_deref()
            .and_then(|s| kept_tallies::get(r.id, s))
        {
            Some(k) => {
                found.insert(r.id, k);
            }
            None if !missing.contains(&r.id) => missing.push(r.id),
            None => {}
        }
    }
    if !missing.is_empty() {
        let mut tallies = stored::sealed_tallies(conn, &missing)?;
        let mut drivers = drivers::for_rounds(conn, &missing)?;
        for id in missing {
            let k = Arc::new(Kept::new(
                tallies.remove(&id).unwrap_or_default(),
                drivers.remove(&id).unwrap_or_default(),
            ));
            // Read after the stamp: at worst a rewrite that committed in between is kept
            // under the stamp it replaced, which no reader sees again.
            let stamp = rounds.iter().find(|(r, _, _)| r.id == id);
            if let Some(stamp) = stamp.and_then(|(r, _, _)| r.tallies_stamp.as_deref()) {
                kept_tallies::keep(id, stamp, Arc::clone(&k));
            }
            found.insert(id, k);
        }
    }
    let mut out = Vec::with_capacity(rounds.len());
    for (r, t, with_comments) in rounds {
        let k = found.get(&r.id).cloned().unwrap_or_default();
        let comments = match *with_comments {
            // Sampled comments come from the seal's copy, which changes only under a new
            // stamp (a retally rewrites it, a purge deletes it): kept with the tallies.
            CommentsRead::Sample(n) if r.status == RoundStatus::Sealed => {
                let sample = match k.sample(n) {
                    Some(s) => s,
                    None => {
                        let s = Arc::new(comments(conn, r, t, CommentsRead::Sample(n))?);
                        k.keep_sample(n, Arc::clone(&s));
                        s
                    }
                };
                (sample.0.clone(), sample.1.clone())
            }
            read => comments(conn, r, t, read)?,
        };
        out.push(assemble(r, t, &k.tallies, comments, k.drivers.clone())?);
    }
    Ok(out)
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
    sealed: &SealedTallies,
    (comments, comment_counts): (Vec<CommentRow>, Vec<CommentCount>),
    drivers: Vec<DriverRow>,
) -> Result<RoundInput, DbError> {
    let participation = &sealed.participation;
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
        value_counts: sealed.value_counts.clone(),
        culture_tallies: sealed.culture.clone(),
        alignment_tallies: sealed.alignment.clone(),
        comments,
        comment_counts,
        drivers,
    })
}
