//! Where the CTO's time goes: the article's 70/30 split, measured from the CTO's calendar.
//!
//! Pure: reading an iCalendar export (`ics`, `zones`, `expand`), classifying each event
//! (`classify`), counting overlapping events once (`overlap`) and summing hours and shares
//! per month and quarter against the targets (`split`). No clock, SQL or HTTP; the import
//! window's end ("now") is an input.

pub mod classify;
pub mod expand;
#[cfg(test)]
mod expand_tests;
pub mod ics;
pub mod overlap;
mod recurrence;
pub mod split;
pub mod tally;
pub mod zones;

use std::fmt;
use std::str::FromStr;

pub use classify::{classify, Classified, Rule, RuleKind, Rules};
pub use expand::{read_calendar, ImportOptions, Occurrence, Window};
pub use split::{CategoryHours, SplitLine, SplitSummary, Targets};

/// Why a calendar file cannot be imported. Every error about the content names its line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// Something at one line of the file is wrong.
    #[error("line {line}: {message}")]
    At {
        /// 1-based physical line.
        line: usize,
        /// What is wrong, in words.
        message: String,
    },
    /// The file is not an iCalendar file at all (a CSV, an image, empty).
    #[error("not an iCalendar (.ics) file: {0}")]
    NotCalendar(String),
    /// The file is larger than the import accepts.
    #[error("the file is {bytes} bytes; at most {limit} bytes are accepted")]
    TooLarge {
        /// Its size.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
}

impl ImportError {
    /// An error at `line`.
    pub fn at(line: usize, message: impl Into<String>) -> ImportError {
        ImportError::At {
            line,
            message: message.into(),
        }
    }

    /// The line the error is about, if it is about one.
    pub fn line(&self) -> Option<usize> {
        match self {
            ImportError::At { line, .. } => Some(*line),
            _ => None,
        }
    }
}

/// The article's categories of the CTO's time, plus "not work time" (left out of every
/// share) and "unclassified" (shown as such, never guessed).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
    utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Sales and customers (external, target 35 %).
    Sales,
    /// Marketing, evangelism, analysts and press (external, target 20 %).
    Marketing,
    /// Business development and partners (external, target 15 %).
    Bd,
    /// Internal: engineering and product.
    InternalEngineering,
    /// Internal: the CEO, executives and the board.
    InternalExecutive,
    /// Not work time (lunch, leave, private): left out of every share.
    NotWork,
    /// No rule matched: shown as its own share.
    Unclassified,
}

impl Category {
    /// Every category, in display order.
    pub const ALL: [Category; 7] = [
        Category::Sales,
        Category::Marketing,
        Category::Bd,
        Category::InternalEngineering,
        Category::InternalExecutive,
        Category::Unclassified,
        Category::NotWork,
    ];

    /// The stable key used in storage, settings, the CLI and the API.
    pub fn key(self) -> &'static str {
        match self {
            Category::Sales => "sales",
            Category::Marketing => "marketing",
            Category::Bd => "bd",
            Category::InternalEngineering => "internal_engineering",
            Category::InternalExecutive => "internal_executive",
            Category::NotWork => "not_work",
            Category::Unclassified => "unclassified",
        }
    }

    /// An English label for pages and the CLI.
    pub fn label(self) -> &'static str {
        match self {
            Category::Sales => "Sales / customers",
            Category::Marketing => "Marketing / evangelism / analysts",
            Category::Bd => "BD / partners",
            Category::InternalEngineering => "Internal: engineering & product",
            Category::InternalExecutive => "Internal: CEO, executives, board",
            Category::NotWork => "Not work time",
            Category::Unclassified => "Unclassified",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// Why a string is not a category.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown category {0:?} (expected one of sales, marketing, bd, internal_engineering, internal_executive, not_work, unclassified)")]
pub struct UnknownCategory(pub String);

impl FromStr for Category {
    type Err = UnknownCategory;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        // Stored categories are keys already: no allocation for them (a dashboard reads
        // thousands).
        if let Some(c) = Category::ALL.into_iter().find(|c| c.key() == s) {
            return Ok(c);
        }
        let k = s.trim().to_ascii_lowercase().replace('-', "_");
        Category::ALL
            .into_iter()
            .find(|c| c.key() == k)
            .ok_or_else(|| UnknownCategory(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_keys_round_trip() {
        for c in Category::ALL {
            assert_eq!(c.key().parse::<Category>().unwrap(), c);
        }
        assert_eq!(
            "Internal-Engineering".parse::<Category>().unwrap(),
            Category::InternalEngineering
        );
        assert!("golf".parse::<Category>().is_err());
    }
}
