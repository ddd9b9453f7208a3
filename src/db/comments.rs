//! A closed round's comments as stored: every one, or a sample per list with each list's
//! size. Sealed rounds read the copy sealing made, in its random order; a closed round not
//! yet sealed reads its answers.

use diesel::dsl::count_star;
use diesel::prelude::*;

use super::schema::{answers, responses, sealed_comments};
use super::{DbConnection, DbError};
use crate::domain::ids::RoundId;
use crate::domain::scoring::{CommentCount, CommentRow};

/// The comments of a sealed round on `text_keys`, from the copy sealing made: one keyed
/// read, however many responses the round has.
pub fn sealed_comments(
    conn: &mut DbConnection,
    round_id: RoundId,
    text_keys: &[&str],
) -> Result<Vec<CommentRow>, DbError> {
    Ok(sealed_comments::table
        .filter(sealed_comments::round_id.eq(round_id))
        .filter(sealed_comments::question_key.eq_any(text_keys))
        .order(sealed_comments::position)
        .select((
            sealed_comments::reporting_group,
            sealed_comments::question_key,
            sealed_comments::text,
        ))
        .load::<(String, String, String)>(conn)?
        .into_iter()
        .map(|(group, item, text)| CommentRow { group, item, text })
        .collect())
}

/// The comments of a closed, not yet sealed round on `text_keys`, from its answers.
pub fn answer_comments(
    conn: &mut DbConnection,
    round_id: RoundId,
    text_keys: &[&str],
) -> Result<Vec<CommentRow>, DbError> {
    Ok(responses::table
        .inner_join(answers::table)
        .filter(responses::round_id.eq(round_id))
        .filter(answers::round_id.eq(round_id))
        .filter(answers::question_key.eq_any(text_keys))
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
        .collect())
}

/// Up to `per_list` comments of each group × text question of a sealed round, with each
/// list's size. The sample is the list's first comments in the seal's random order, so a page
/// shows the same ones on every load and never reads the rest: a company of 100,000 people
/// can leave tens of thousands of comments.
pub fn sealed_comment_sample(
    conn: &mut DbConnection,
    round_id: RoundId,
    text_keys: &[&str],
    per_list: u32,
) -> Result<(Vec<CommentRow>, Vec<CommentCount>), DbError> {
    let lists: Vec<(String, String, i64)> = sealed_comments::table
        .filter(sealed_comments::round_id.eq(round_id))
        .filter(sealed_comments::question_key.eq_any(text_keys))
        .group_by((
            sealed_comments::reporting_group,
            sealed_comments::question_key,
        ))
        .select((
            sealed_comments::reporting_group,
            sealed_comments::question_key,
            count_star(),
        ))
        .load(conn)?;
    let mut rows = Vec::new();
    let mut counts = Vec::with_capacity(lists.len());
    for (group, item, count) in lists {
        let texts: Vec<String> = sealed_comments::table
            .filter(sealed_comments::round_id.eq(round_id))
            .filter(sealed_comments::reporting_group.eq(&group))
            .filter(sealed_comments::question_key.eq(&item))
            .order(sealed_comments::position)
            .limit(i64::from(per_list))
            .select(sealed_comments::text)
            .load(conn)?;
        rows.extend(texts.into_iter().map(|text| CommentRow {
            group: group.clone(),
            item: item.clone(),
            text,
        }));
        counts.push(CommentCount {
            group,
            item,
            count: u32::try_from(count).unwrap_or(u32::MAX),
        });
    }
    Ok((rows, counts))
}
