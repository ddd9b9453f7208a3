//! The stages a batch of messages goes through: claimed and prepared, links committed,
//! sends under way; and what a round's messages share.

use std::collections::HashMap;

use time::PrimitiveDateTime;

use super::Stats;
use crate::db::outbox::{Claimed, Finished, NewLink};
use crate::domain::locale::Locale;
use crate::domain::quarter::Quarter;
use crate::mail::transport::OutgoingEmail;

/// A claimed message either skipped (with its outcome) or ready to send.
pub(super) enum Prepared {
    Skip(Finished),
    Send(Box<Ready>),
}

/// A rendered message and the link it carries.
pub(super) struct Ready {
    pub(super) message: Claimed,
    pub(super) link: NewLink,
    pub(super) email: OutgoingEmail,
}

/// A claimed batch whose links are committed: what to send, and what was settled without
/// sending.
pub(super) struct Batch {
    pub(super) claimed: usize,
    /// Claims another worker took over before the links were stored.
    pub(super) lost: usize,
    pub(super) skipped: Vec<Finished>,
    pub(super) ready: Vec<Ready>,
    pub(super) now: PrimitiveDateTime,
}

/// A batch whose sends are under way.
pub(super) struct Sending {
    pub(super) stats: Stats,
    pub(super) finished: Vec<Finished>,
    /// Links of messages that never left (nobody saw those tokens).
    pub(super) forget: Vec<String>,
    pub(super) tasks: tokio::task::JoinSet<(Finished, Option<String>)>,
}

/// What a message about a round needs, cached per round (parsing the template per message
/// would dominate a 100,000-invitation launch).
#[derive(Clone)]
pub(super) struct RoundFacts {
    pub(super) titles: HashMap<Locale, String>,
    /// The intro's sentence about how long the survey takes, per locale.
    pub(super) durations: HashMap<Locale, String>,
    pub(super) quarter: Quarter,
    pub(super) closes_on: time::Date,
    pub(super) k: u32,
}
