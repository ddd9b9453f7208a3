//! SQLite: the respondent flow's statements written out where diesel's own builders cost.
//! diesel never caches an UPDATE's prepared statement, nor a multi-row INSERT of a `Vec`;
//! parsing the submission's two was ~6 % of the server's CPU under survey load, inside the
//! write turn every submission waits for. These say the same SQL with the same binds, and let
//! diesel's per-connection statement cache keep them prepared. Both the flip and the link
//! lookup read the round through the index `rounds_survey`, which SQLite's planner, without
//! statistics, would not choose over the round's row.

use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::sql_types::{Bool, Date, Integer, Nullable, Text, Timestamp};
use diesel::sqlite::Sqlite;
use diesel::RunQueryDsl;
use time::PrimitiveDateTime;

use crate::domain::ids::RoundId;
use crate::domain::round::RoundStatus;
use crate::domain::survey_form::AnswerValue;

/// Marks the invitation answered, only while its link exists, it is unanswered and its round
/// takes answers (open, before `closes_at`): what makes an answer count once. Executes to the
/// number of invitations flipped (0 or 1). The round is read from the index `rounds_survey`
/// (migration `rounds_survey_index`), which SQLite would not choose by itself here: its row
/// holds the template's text before the status and close time.
pub struct Flip<'a> {
    pub invitation_id: &'a str,
    pub token_hash: &'a str,
    pub round_id: RoundId,
    pub now: PrimitiveDateTime,
}

/// The statement's text is fixed, so its type names it in the cache.
impl QueryId for Flip<'_> {
    type QueryId = Flip<'static>;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl QueryFragment<Sqlite> for Flip<'_> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Sqlite>) -> diesel::QueryResult<()> {
        out.push_sql(
            "UPDATE `invitations` SET `responded` = 1 \
             WHERE `invitations`.`id` = ",
        );
        out.push_bind_param::<Text, _>(self.invitation_id)?;
        out.push_sql(
            " AND `invitations`.`responded` = 0 \
             AND `invitations`.`id` IN (SELECT `invitation_links`.`invitation_id` \
             FROM `invitation_links` WHERE `invitation_links`.`token_hash` = ",
        );
        out.push_bind_param::<Text, _>(self.token_hash)?;
        out.push_sql(
            ") AND `invitations`.`round_id` IN (SELECT `rounds`.`id` FROM `rounds` \
             INDEXED BY `rounds_survey` WHERE `rounds`.`id` = ",
        );
        out.push_bind_param::<Text, _>(&self.round_id)?;
        out.push_sql(" AND `rounds`.`status` = ");
        out.push_bind_param::<Text, _>(&RoundStatus::Open)?;
        out.push_sql(" AND `rounds`.`closes_at` > ");
        out.push_bind_param::<Timestamp, _>(&self.now)?;
        out.push_sql(")");
        Ok(())
    }
}

impl RunQueryDsl<diesel::SqliteConnection> for Flip<'_> {}

/// A response's answers, one multi-row INSERT. Its text depends on how many rows it holds, so
/// it is cached under its text: one prepared statement per answer count a template has.
pub struct AnswerRows<'a> {
    pub response_id: &'a str,
    pub round_id: RoundId,
    pub answers: &'a [AnswerValue],
}

impl QueryId for AnswerRows<'_> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl QueryFragment<Sqlite> for AnswerRows<'_> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Sqlite>) -> diesel::QueryResult<()> {
        out.push_sql(
            "INSERT INTO `answers` (`response_id`, `question_key`, `value`, \
             `not_applicable`, `text`, `round_id`) VALUES ",
        );
        for (i, a) in self.answers.iter().enumerate() {
            out.push_sql(if i == 0 { "(" } else { ", (" });
            out.push_bind_param::<Text, _>(self.response_id)?;
            out.push_sql(", ");
            out.push_bind_param::<Text, _>(&a.question_key)?;
            out.push_sql(", ");
            out.push_bind_param::<Nullable<Integer>, _>(&a.value)?;
            out.push_sql(", ");
            out.push_bind_param::<Bool, _>(&a.not_applicable)?;
            out.push_sql(", ");
            out.push_bind_param::<Nullable<Text>, _>(&a.text)?;
            out.push_sql(", ");
            out.push_bind_param::<Text, _>(&self.round_id)?;
            out.push_sql(")");
        }
        Ok(())
    }
}

impl RunQueryDsl<diesel::SqliteConnection> for AnswerRows<'_> {}

/// A link by its token hash: its invitation, the invitee's department and language, and the
/// round as the survey pages need it (`db::survey::SurveyRound`, in its field order). At most
/// one row: the token hash is the key.
pub struct LinkLookup<'a> {
    pub token_hash: &'a str,
}

impl QueryId for LinkLookup<'_> {
    type QueryId = LinkLookup<'static>;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl Query for LinkLookup<'_> {
    type SqlType = (
        Text,
        Text,
        Bool,
        Text,
        Text,
        (Text, Text, Text, Date, Timestamp, Integer, Integer),
    );
}

impl QueryFragment<Sqlite> for LinkLookup<'_> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Sqlite>) -> diesel::QueryResult<()> {
        out.push_sql(
            "SELECT i.`id`, i.`reporting_group`, i.`responded`, e.`department`, e.`locale`, \
             r.`id`, r.`template_hash`, r.`status`, r.`closes_on`, r.`closes_at`, r.`k`, \
             r.`comment_threshold` \
             FROM `invitation_links` l \
             JOIN `invitations` i ON i.`id` = l.`invitation_id` \
             JOIN `employees` e ON e.`id` = i.`employee_id` \
             JOIN `rounds` r INDEXED BY `rounds_survey` ON r.`id` = i.`round_id` \
             WHERE l.`token_hash` = ",
        );
        out.push_bind_param::<Text, _>(self.token_hash)?;
        Ok(())
    }
}

impl RunQueryDsl<diesel::SqliteConnection> for LinkLookup<'_> {}
