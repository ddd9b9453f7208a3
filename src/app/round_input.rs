//! A closed round as the scoring engine reads it: its stored tallies, participation,
//! template questions, comments (when asked for) and key drivers. Shared by the scorecard
//! and the seal, which computes drivers from the round it has just tallied.

use crate::db::scorecard::{self as stored, ClosedRound};
use crate::db::{drivers, DbConnection, DbError};
use crate::domain::department::Membership;
use crate::domain::question::QuestionKind;
use crate::domain::round::RoundStatus;
use crate::domain::scoring::{GroupInput, ItemInput, RoundInput, TemplateRef};
use crate::domain::template::Template;

/// The engine's input for one closed round.
pub fn round_input(
    conn: &mut DbConnection,
    r: &ClosedRound,
    t: &Template,
    with_comments: bool,
) -> Result<RoundInput, DbError> {
    let participation = stored::participation(conn, r.id)?;
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
    let value_counts = stored::value_counts(conn, r.id)?;
    let (culture_tallies, alignment_tallies) = stored::index_tallies(conn, r.id)?;
    let comments = if with_comments {
        let text_keys: Vec<&str> = t
            .questions()
            .filter(|q| q.kind() == QuestionKind::Text)
            .map(|q| q.key())
            .collect();
        if r.status == RoundStatus::Sealed {
            stored::sealed_comments(conn, r.id, &text_keys)?
        } else {
            stored::answer_comments(conn, r.id, &text_keys)?
        }
    } else {
        Vec::new()
    };
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
        value_counts,
        culture_tallies,
        alignment_tallies,
        comments,
        drivers: drivers::for_round(conn, r.id)?,
    })
}
