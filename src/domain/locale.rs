//! The languages a respondent can answer in.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A supported survey language.
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
#[serde(rename_all = "lowercase")]
pub enum Locale {
    En,
    Ko,
    Nl,
}

impl Locale {
    /// Every supported locale, in display order.
    pub const ALL: [Locale; 3] = [Locale::En, Locale::Ko, Locale::Nl];

    /// The lowercase code used in files, URLs and the roster.
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Ko => "ko",
            Locale::Nl => "nl",
        }
    }

    /// The language's own name, for language pickers.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Ko => "한국어",
            Locale::Nl => "Nederlands",
        }
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A locale string that is not one of `en`, `ko`, `nl`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown locale {0:?} (expected en, ko or nl)")]
pub struct UnknownLocale(pub String);

impl FromStr for Locale {
    type Err = UnknownLocale;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "en" => Ok(Locale::En),
            "ko" => Ok(Locale::Ko),
            "nl" => Ok(Locale::Nl),
            _ => Err(UnknownLocale(s.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes_case_insensitively() {
        assert_eq!("KO".parse::<Locale>().unwrap(), Locale::Ko);
        assert_eq!(" nl ".parse::<Locale>().unwrap(), Locale::Nl);
        assert!("de".parse::<Locale>().is_err());
    }
}
