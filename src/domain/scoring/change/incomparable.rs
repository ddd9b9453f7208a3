//! Why two quarters' figures are not comparable, as a cause pages can say in any language.

use std::fmt;

use serde::{Serialize, Serializer};

/// Why a comparison with the quarter before is not comparable. Its `Display` is the English
/// sentence the API has always sent; pages say it from the `change-why-*` Fluent keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Incomparable {
    /// The two rounds rest on different templates or template versions.
    Template {
        /// (template key, version) of the earlier round.
        from: (String, u32),
        /// (template key, version) of the scored round.
        to: (String, u32),
    },
    /// The earlier round had no groups, the scored one has this one.
    NewGroup(String),
    /// The reporting groups differ (keys, canonical order).
    Groups {
        before: Vec<String>,
        after: Vec<String>,
    },
    /// The groups are the same but their weights are not.
    Weights,
}

impl Incomparable {
    /// The Fluent key that says this cause (its variables: `from`, `to`, `group`,
    /// `before`, `after`, as the variant carries them).
    pub fn fluent_key(&self) -> &'static str {
        match self {
            Incomparable::Template { .. } => "change-why-template",
            Incomparable::NewGroup(_) => "change-why-new-group",
            Incomparable::Groups { .. } => "change-why-groups",
            Incomparable::Weights => "change-why-weights",
        }
    }

    /// Every key [`Incomparable::fluent_key`] answers.
    pub const FLUENT_KEYS: [&'static str; 4] = [
        "change-why-template",
        "change-why-new-group",
        "change-why-groups",
        "change-why-weights",
    ];
}

impl fmt::Display for Incomparable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Incomparable::Template { from, to } => write!(
                f,
                "the template changed from {} v{} to {} v{}",
                from.0, from.1, to.0, to.1
            ),
            Incomparable::NewGroup(g) => write!(f, "the earlier round had no reporting group {g}"),
            Incomparable::Groups { before, after } => write!(
                f,
                "the reported groups differ ({} then {})",
                before.join(", "),
                after.join(", ")
            ),
            Incomparable::Weights => f.write_str("the group weights differ"),
        }
    }
}

/// The API sends the English sentence, as it did before the cause was typed.
impl Serialize for Incomparable {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}
