//! Identifiers of stored things. Each is a UUID of its own type, so a round's id cannot be
//! passed where an invitation's is meant, and text that is not an id is refused where it
//! enters (a path, a CLI argument, a stored column) rather than matching nothing later.

use std::fmt;
use std::str::FromStr;

/// Text that is not an identifier of the kind expected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{value:?} is not a valid {what} (expected a UUID such as 67e55044-10b1-426f-9247-bb680e5fe0c8)")]
pub struct InvalidId {
    /// What kind of id was expected.
    pub what: &'static str,
    /// The text given (cut to 80 characters).
    pub value: String,
}

macro_rules! uuid_id {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize,
        )]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(uuid::Uuid);

        impl $name {
            /// What this id names, for messages.
            pub const WHAT: &'static str = $what;

            /// A new id for a new record (random: it says nothing about when or by whom).
            pub fn random() -> Self {
                Self(uuid::Uuid::new_v4())
            }

            /// The id's 16 bytes (e.g. to seed what must be reproducible per record).
            pub fn as_bytes(&self) -> &[u8; 16] {
                self.0.as_bytes()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                // Always the lowercase hyphenated form: it is what is stored and compared.
                fmt::Display::fmt(&self.0.hyphenated(), f)
            }
        }

        impl FromStr for $name {
            type Err = InvalidId;

            fn from_str(s: &str) -> Result<Self, InvalidId> {
                // Only the 36-character hyphenated form: ids are copied from pages and
                // commands in that form, and one spelling keeps stored text comparable.
                let t = s.trim();
                if t.len() != 36 {
                    return Err(InvalidId { what: $what, value: s.chars().take(80).collect() });
                }
                uuid::Uuid::try_parse(t)
                    .map(Self)
                    .map_err(|_| InvalidId { what: $what, value: s.chars().take(80).collect() })
            }
        }

        impl TryFrom<String> for $name {
            type Error = InvalidId;

            fn try_from(s: String) -> Result<Self, InvalidId> {
                s.parse()
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.to_string()
            }
        }
    };
}

uuid_id!(
    /// A survey round.
    RoundId,
    "round id"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_ids_parse_their_own_text_and_print_it_back() {
        let id = RoundId::random();
        let text = id.to_string();
        assert_eq!(text.len(), 36);
        assert_eq!(text.parse::<RoundId>(), Ok(id));
        // Uppercase is the same id, printed in the one stored spelling.
        let upper: RoundId = text.to_uppercase().parse().expect("uppercase parses");
        assert_eq!(upper.to_string(), text);
    }

    #[test]
    fn text_that_is_not_a_round_id_is_refused_with_what_was_expected() {
        for bad in [
            "",
            "r1",
            "67e5504410b1426f9247bb680e5fe0c8",
            "{67e55044-10b1-426f-9247-bb680e5fe0c8}",
            "67e55044-10b1-426f-9247-bb680e5fe0cg",
            "../../etc/passwd",
        ] {
            let e = bad.parse::<RoundId>().expect_err(bad);
            assert_eq!(e.what, "round id");
            assert!(e.to_string().contains("not a valid round id"), "{e}");
        }
    }

    #[test]
    fn json_carries_the_text_form_and_refuses_other_text() {
        let id = RoundId::random();
        let json = serde_json::to_string(&id).expect("serialises");
        assert_eq!(json, format!("\"{id}\""));
        assert_eq!(serde_json::from_str::<RoundId>(&json).expect("reads"), id);
        assert!(serde_json::from_str::<RoundId>("\"nope\"").is_err());
    }
}
