//! The words of every message, per locale and kind, from `locales/<code>/email.ftl`.
//!
//! Every subject has one form in every language and kind: `[{company} {quarter}] {label}:
//! {title}` — the tag first (mail filters and threads group on it; the quarter as the reader
//! says it, "Q4 2026" or "2026년 4분기"), the survey's own title
//! last, so a title ending in "?" never runs into a date. Only `label` is translated; a
//! reminder's label carries the close date.

use super::words::topic_particle;
use super::{MessageContext, MessageKind};
use crate::i18n::{date_long, format, format_with, quarter_long, Arg};

/// The translated parts of one message.
pub(super) struct Copy {
    pub(super) subject: String,
    pub(super) greeting: String,
    /// Why this message: the quarterly survey, a reminder, or a fresh invitation.
    pub(super) lead: String,
    pub(super) call: String,
    pub(super) closes: String,
    pub(super) anonymity: String,
    pub(super) personal: String,
    pub(super) footer: String,
    pub(super) sample_note: String,
}

/// The subject in the one form every language shares (see the module comment).
pub(super) fn subject(company: &str, quarter: &str, label: &str, title: &str) -> String {
    format!("[{company} {quarter}] {label}: {title}")
}

/// Every Fluent key the messages read.
pub(crate) const KEYS: [&str; 16] = [
    "email-label-invite",
    "email-label-reminder",
    "email-label-reinvite",
    "email-label-sample",
    "email-greeting",
    "email-asks",
    "email-lead-invite",
    "email-lead-reminder",
    "email-lead-reinvite",
    "email-call",
    "email-closes",
    "email-anonymity",
    "email-personal",
    "email-sample-personal",
    "email-footer",
    "email-sample-note",
];

pub(super) fn copy(ctx: &MessageContext<'_>) -> Copy {
    let l = ctx.locale;
    // The quarter as the reader says it ("Q4 2026", "2026년 4분기"), in the subject and the lead.
    let (co, q) = (ctx.company, quarter_long(l, ctx.quarter));
    let date = date_long(l, ctx.closes_on);
    // The Korean topic particle after the company's name; other languages ignore it.
    let asks = format(
        l,
        "email-asks",
        &[("company", co), ("topic", topic_particle(co))],
    );
    let label = match ctx.kind {
        MessageKind::Invite => format(l, "email-label-invite", &[]),
        MessageKind::Reminder => format(l, "email-label-reminder", &[("date", &date)]),
        MessageKind::Reinvite => format(l, "email-label-reinvite", &[]),
        MessageKind::Sample => format(l, "email-label-sample", &[]),
    };
    let lead_key = match ctx.kind {
        MessageKind::Invite | MessageKind::Sample => "email-lead-invite",
        MessageKind::Reminder => "email-lead-reminder",
        MessageKind::Reinvite => "email-lead-reinvite",
    };
    Copy {
        subject: subject(co, &q, &label, ctx.survey_title),
        greeting: format(l, "email-greeting", &[("name", ctx.recipient_name)]),
        lead: format(l, lead_key, &[("asks", &asks), ("quarter", &q)]),
        call: format(l, "email-call", &[]),
        closes: format(l, "email-closes", &[("date", &date), ("tz", ctx.timezone)]),
        anonymity: format_with(
            l,
            "email-anonymity",
            &[("company", Arg::Text(co)), ("k", Arg::Count(ctx.k.into()))],
        ),
        // A sample's link is a preview anyone may open: it is not personal, and says so.
        personal: match ctx.kind {
            MessageKind::Sample => format(l, "email-sample-personal", &[]),
            _ => format(l, "email-personal", &[]),
        },
        footer: format(l, "email-footer", &[("sender", ctx.sender)]),
        sample_note: format(l, "email-sample-note", &[]),
    }
}
