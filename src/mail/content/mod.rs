//! What invitations, reminders, re-invitations and samples say, per locale: who runs the
//! survey, why, how long it takes, when it closes, and the anonymity promise. The words live
//! in `copy`; `templates/email/message.{txt,html}` lay them out. Rendered at send time; the
//! outbox row holds no body.

use askama::Template;
use time::Date;

use super::OutgoingEmail;
use crate::domain::actions::recap::RecapView;
use crate::domain::locale::Locale;
use crate::domain::quarter::Quarter;

mod copy;
#[cfg(test)]
mod tests;
mod words;

pub(crate) use copy::KEYS as FLUENT_KEYS;
pub use words::{duration_sentence, format_date, topic_particle};

/// Which message this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MessageKind {
    /// The first message of a round.
    Invite,
    /// To someone who has not answered yet.
    Reminder,
    /// A fresh invitation after the first one bounced and the address was fixed.
    Reinvite,
    /// A round's invitation sent to an address the admin typed; its link only previews.
    /// Never queued in the outbox.
    Sample,
}

impl MessageKind {
    /// Every kind, in the order the snapshots list them.
    pub const ALL: [MessageKind; 4] = [
        MessageKind::Invite,
        MessageKind::Reminder,
        MessageKind::Reinvite,
        MessageKind::Sample,
    ];

    /// The key stored in the outbox (and used in snapshot names).
    pub fn key(self) -> &'static str {
        match self {
            MessageKind::Invite => "invite",
            MessageKind::Reminder => "reminder",
            MessageKind::Reinvite => "reinvite",
            MessageKind::Sample => "sample",
        }
    }

    /// Reads an outbox kind. A sample is never queued, so "sample" is not one.
    pub fn parse(s: &str) -> Option<MessageKind> {
        match s {
            "invite" => Some(MessageKind::Invite),
            "reminder" => Some(MessageKind::Reminder),
            "reinvite" => Some(MessageKind::Reinvite),
            _ => None,
        }
    }
}

/// Everything a message needs.
pub struct MessageContext<'a> {
    pub kind: MessageKind,
    pub locale: Locale,
    pub to: &'a str,
    /// The recipient's name: the greeting and the To header's display name.
    pub recipient_name: &'a str,
    pub company: &'a str,
    pub survey_title: &'a str,
    /// How long the survey takes, as the survey's own intro says it ([`duration_sentence`]),
    /// so the email and the survey page never give two figures.
    pub duration: &'a str,
    pub quarter: Quarter,
    pub closes_on: Date,
    pub timezone: &'a str,
    pub k: u32,
    pub link: &'a str,
    pub sender: &'a str,
    /// "You said, we did" for the recipient's group, in their language.
    pub recap: Option<&'a RecapView>,
}

/// A message could not be laid out (a template error; not expected with plain text).
#[derive(Debug, thiserror::Error)]
#[error("cannot render the email: {0}")]
pub struct RenderError(#[from] askama::Error);

/// The fields both templates show; `lang` and `subject` only the HTML one.
#[derive(Template)]
#[template(path = "email/message.txt")]
struct TextPart<'a> {
    sample_note: Option<&'a str>,
    greeting: &'a str,
    lead: &'a str,
    survey_title: &'a str,
    duration: &'a str,
    call: &'a str,
    link: &'a str,
    closes: &'a str,
    recap: Option<&'a RecapView>,
    anonymity: &'a str,
    personal: &'a str,
    footer: &'a str,
}

#[derive(Template)]
#[template(path = "email/message.html")]
struct HtmlPart<'a> {
    lang: &'a str,
    subject: &'a str,
    sample_note: Option<&'a str>,
    greeting: &'a str,
    lead: &'a str,
    survey_title: &'a str,
    duration: &'a str,
    call: &'a str,
    link: &'a str,
    closes: &'a str,
    recap: Option<&'a RecapView>,
    anonymity: &'a str,
    personal: &'a str,
    footer: &'a str,
}

/// Renders the message in the recipient's language.
pub fn render(ctx: &MessageContext<'_>) -> Result<OutgoingEmail, RenderError> {
    let c = copy::copy(ctx);
    let sample_note = (ctx.kind == MessageKind::Sample).then_some(c.sample_note.as_str());
    let text = TextPart {
        sample_note,
        greeting: &c.greeting,
        lead: &c.lead,
        survey_title: ctx.survey_title,
        duration: ctx.duration,
        call: &c.call,
        link: ctx.link,
        closes: &c.closes,
        recap: ctx.recap,
        anonymity: &c.anonymity,
        personal: &c.personal,
        footer: &c.footer,
    }
    .render()?;
    let html = HtmlPart {
        lang: ctx.locale.code(),
        subject: &c.subject,
        sample_note,
        greeting: &c.greeting,
        lead: &c.lead,
        survey_title: ctx.survey_title,
        duration: ctx.duration,
        call: &c.call,
        link: ctx.link,
        closes: &c.closes,
        recap: ctx.recap,
        anonymity: &c.anonymity,
        personal: &c.personal,
        footer: &c.footer,
    }
    .render()?;
    Ok(OutgoingEmail {
        to: ctx.to.to_string(),
        to_name: ctx.recipient_name.to_string(),
        locale: ctx.locale,
        subject: c.subject,
        text: text.trim_end().to_string() + "\n",
        html: html.trim_end().to_string() + "\n",
    })
}
