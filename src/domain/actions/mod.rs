//! Action plans: what the CTO will do about a sealed round's figures, what it is linked to,
//! who owns it, when it is due, and how it stands. Pure: validation and the rules of what an
//! action may point at; follow-through (the linked figure quarter by quarter) is in [`follow`].

pub mod follow;
pub mod link;
pub mod recap;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

pub use link::{ActionLink, LinkError, RoundShape};

use crate::domain::locale::Locale;
use crate::domain::quarter::Quarter;

/// The longest title, in characters: one sentence a respondent reads on the survey's first page.
pub const TITLE_MAX: usize = 200;
/// The longest public status note, in characters.
pub const NOTE_MAX: usize = 500;
/// The longest owner, in characters (free text: a name or a team).
pub const OWNER_MAX: usize = 100;

/// Where an action stands.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    /// Decided, not started.
    Planned,
    /// Being done.
    InProgress,
    /// Done.
    Done,
    /// Decided against, with a note saying why.
    Dropped,
}

impl ActionStatus {
    /// Every status, in the order an action moves through them.
    pub const ALL: [ActionStatus; 4] = [
        ActionStatus::Planned,
        ActionStatus::InProgress,
        ActionStatus::Done,
        ActionStatus::Dropped,
    ];

    /// The stored and typed word.
    pub fn key(self) -> &'static str {
        match self {
            ActionStatus::Planned => "planned",
            ActionStatus::InProgress => "in_progress",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        }
    }
}

impl fmt::Display for ActionStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// Why an action's fields were refused; each names the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ActionError {
    #[error("unknown status {0:?} (expected planned, in_progress, done or dropped)")]
    UnknownStatus(String),
    #[error("the title in {0} is empty")]
    EmptyTitle(Locale),
    #[error("the {field} in {locale} is longer than {max} characters")]
    TooLong {
        field: &'static str,
        locale: Locale,
        max: usize,
    },
    #[error("the owner is longer than {OWNER_MAX} characters")]
    OwnerTooLong,
    #[error("the owner is empty")]
    EmptyOwner,
    #[error("the action has no text in the company's default language ({0})")]
    NoDefaultText(Locale),
    #[error("a dropped action needs a note saying why")]
    DroppedWithoutNote,
    #[error("it is due in {due}, before the quarter it responds to ({quarter})")]
    DueTooEarly { due: Quarter, quarter: Quarter },
    #[error("the text contains a control character")]
    ControlCharacter,
    #[error("an action stays on the round it was made on ({0}); record a new action instead")]
    RoundChanged(String),
}

impl FromStr for ActionStatus {
    type Err = ActionError;

    fn from_str(s: &str) -> Result<Self, ActionError> {
        let word = s.trim().to_ascii_lowercase().replace([' ', '-'], "_");
        ActionStatus::ALL
            .into_iter()
            .find(|a| a.key() == word)
            .ok_or_else(|| ActionError::UnknownStatus(s.to_string()))
    }
}

/// An action's words in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ActionText {
    /// What will be done.
    pub title: String,
    /// The short public note on how it stands (may be empty).
    #[serde(default)]
    pub note: String,
}

/// An action's words, per language; the company's default language is always present.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ActionTexts(pub BTreeMap<Locale, ActionText>);

/// An action's words as a respondent reads them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalText<'a> {
    pub text: &'a ActionText,
    /// True when the text is the default language's, shown for want of the reader's.
    pub fallback: bool,
}

impl ActionTexts {
    /// The text in `locale`, else in `default` (flagged as a fallback).
    pub fn get(&self, locale: Locale, default: Locale) -> Option<LocalText<'_>> {
        match self.0.get(&locale) {
            Some(text) => Some(LocalText {
                text,
                fallback: false,
            }),
            None => self.0.get(&default).map(|text| LocalText {
                text,
                fallback: locale != default,
            }),
        }
    }
}

fn has_control(s: &str) -> bool {
    s.chars().any(|c| c.is_control() && c != '\n' && c != '\t')
}

/// Trims and checks one language's words. Characters are counted, not bytes, so Hangul
/// gets the same room as Latin.
fn clean_text(locale: Locale, t: &ActionText) -> Result<ActionText, ActionError> {
    let title = t.title.trim();
    let note = t.note.trim();
    if title.is_empty() {
        return Err(ActionError::EmptyTitle(locale));
    }
    if title.chars().count() > TITLE_MAX {
        return Err(ActionError::TooLong {
            field: "title",
            locale,
            max: TITLE_MAX,
        });
    }
    if note.chars().count() > NOTE_MAX {
        return Err(ActionError::TooLong {
            field: "note",
            locale,
            max: NOTE_MAX,
        });
    }
    // A title is one line; a note may hold line breaks.
    if has_control(note) || title.contains(['\n', '\t']) || has_control(title) {
        return Err(ActionError::ControlCharacter);
    }
    Ok(ActionText {
        title: title.to_string(),
        note: note.to_string(),
    })
}

/// Checks and trims the words of an action: every language given is valid and the default
/// language is among them.
pub fn clean_texts(
    texts: &BTreeMap<Locale, ActionText>,
    default: Locale,
) -> Result<ActionTexts, ActionError> {
    if !texts.contains_key(&default) {
        return Err(ActionError::NoDefaultText(default));
    }
    texts
        .iter()
        .map(|(l, t)| Ok((*l, clean_text(*l, t)?)))
        .collect::<Result<_, _>>()
        .map(ActionTexts)
}

/// Checks and trims the owner.
pub fn clean_owner(owner: &str) -> Result<String, ActionError> {
    let owner = owner.trim();
    if owner.is_empty() {
        return Err(ActionError::EmptyOwner);
    }
    if owner.chars().count() > OWNER_MAX {
        return Err(ActionError::OwnerTooLong);
    }
    if has_control(owner) || owner.contains('\n') {
        return Err(ActionError::ControlCharacter);
    }
    Ok(owner.to_string())
}

/// Checks the due quarter against the quarter the action responds to.
pub fn check_due(quarter: Quarter, due: Quarter) -> Result<(), ActionError> {
    if due < quarter {
        return Err(ActionError::DueTooEarly { due, quarter });
    }
    Ok(())
}

/// Whether an action is live in `quarter` (the board report lists these): made by then, not
/// dropped, and either due in or after it or still not done.
pub fn live_in(quarter: Quarter, made: Quarter, due: Quarter, status: ActionStatus) -> bool {
    made <= quarter
        && status != ActionStatus::Dropped
        && (due >= quarter || matches!(status, ActionStatus::Planned | ActionStatus::InProgress))
}

/// The board's order: what is under way, then what is planned, then what is done; sooner
/// due first within each.
pub fn board_rank(status: ActionStatus, due: Quarter) -> (u8, Quarter) {
    let s = match status {
        ActionStatus::InProgress => 0,
        ActionStatus::Planned => 1,
        ActionStatus::Done => 2,
        ActionStatus::Dropped => 3,
    };
    (s, due)
}

/// Checks a status against its note: dropping an action owes people a reason.
pub fn check_status(
    status: ActionStatus,
    texts: &ActionTexts,
    default: Locale,
) -> Result<(), ActionError> {
    let noted = texts
        .0
        .get(&default)
        .is_some_and(|t| !t.note.trim().is_empty());
    if status == ActionStatus::Dropped && !noted {
        return Err(ActionError::DroppedWithoutNote);
    }
    Ok(())
}
