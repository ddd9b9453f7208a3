//! Sample invitations (`ctopulse round test-send` and the admin's round page): a round's real
//! invitation, marked as a sample, whose link opens the read-only preview — so it can never
//! count as a response.

use crate::domain::ids::RoundId;
use time::PrimitiveDateTime;

use super::content::{self, MessageContext, MessageKind};
use super::OutgoingEmail;
use crate::config::Settings;
use crate::db::rounds::{Round, StoredTemplateError};
use crate::db::{audit, DbConnection, DbError};
use crate::domain::email::Email;
use crate::domain::locale::Locale;
use crate::domain::quarter::Quarter;

/// The round's invitation in `locale`, addressed to `to`, marked as a sample, with a
/// preview-only link.
pub fn invitation(
    round: &Round,
    settings: &Settings,
    locale: Locale,
    to: &Email,
    now: PrimitiveDateTime,
) -> Result<OutgoingEmail, StoredTemplateError> {
    let template = round.template()?;
    let link = format!(
        "{}/preview/{}?lang={}",
        settings.server.public_url.trim_end_matches('/'),
        round.id,
        locale.code()
    );
    Ok(content::render(&MessageContext {
        kind: MessageKind::Invite,
        locale,
        to: to.as_str(),
        recipient_name: to.as_str(),
        company: &settings.company_name,
        survey_title: template.title().get(locale),
        quarter: round
            .quarter()
            .unwrap_or_else(|| Quarter::containing(now.date(), settings.fiscal_year_start_month)),
        closes_on: round.closes_on,
        timezone: &settings.timezone,
        k: round.k.max(0) as u32,
        link: &link,
        sender: &settings.mail.from,
        sample: true,
    }))
}

/// Audits a sample that was sent (the address is the admin's own choice, not a respondent's).
pub fn record_sent(
    conn: &mut DbConnection,
    now: PrimitiveDateTime,
    actor: &str,
    round_id: RoundId,
    to: &Email,
    locale: Locale,
) -> Result<(), DbError> {
    audit::record(
        conn,
        now,
        actor,
        "round.test_send",
        "round",
        Some(&round_id.to_string()),
        Some(&format!("to={to} lang={}", locale.code())),
    )
}
