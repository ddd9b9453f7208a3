//! The languages a respondent can answer in.
//!
//! Every language is registered once, in the `locales!` list below: its code (also the name
//! of its folder of Fluent files under `locales/`), its own name and its variant. Everything
//! else — the words (`crate::i18n`), the survey templates' required translations, the
//! language picker — follows [`Locale::ALL`].

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

macro_rules! locales {
    ($( $variant:ident $code:literal $native:literal ),+ $(,)?) => {
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
            $( $variant, )+
        }

        impl Locale {
            /// Every supported locale, in display order.
            pub const ALL: [Locale; [$( $code ),+].len()] = [$( Locale::$variant ),+];

            /// The lowercase code used in files, URLs and the roster.
            pub fn code(self) -> &'static str {
                match self {
                    $( Locale::$variant => $code, )+
                }
            }

            /// The language's own name, for language pickers.
            pub fn native_name(self) -> &'static str {
                match self {
                    $( Locale::$variant => $native, )+
                }
            }

            /// The language's Fluent files (`locales/<code>/*.ftl`), compiled into the binary,
            /// in the order of [`crate::i18n::FILES`].
            pub(crate) fn ftl_sources(self) -> [&'static str; 9] {
                match self {
                    $( Locale::$variant => [
                        include_str!(concat!("../../locales/", $code, "/common.ftl")),
                        include_str!(concat!("../../locales/", $code, "/survey.ftl")),
                        include_str!(concat!("../../locales/", $code, "/email.ftl")),
                        include_str!(concat!("../../locales/", $code, "/report.ftl")),
                        include_str!(concat!("../../locales/", $code, "/board.ftl")),
                        include_str!(concat!("../../locales/", $code, "/staff.ftl")),
                        include_str!(concat!("../../locales/", $code, "/dashboard.ftl")),
                        include_str!(concat!("../../locales/", $code, "/admin.ftl")),
                        include_str!(concat!("../../locales/", $code, "/settings.ftl")),
                    ], )+
                }
            }
        }

        impl FromStr for Locale {
            type Err = UnknownLocale;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s.trim().to_ascii_lowercase().as_str() {
                    $( $code => Ok(Locale::$variant), )+
                    _ => Err(UnknownLocale(s.to_string())),
                }
            }
        }
    };
}

locales! {
    En "en" "English",
    Ko "ko" "한국어",
    Nl "nl" "Nederlands",
    De "de" "Deutsch",
}

impl Locale {
    /// The locale's position in [`Locale::ALL`], for per-locale tables.
    pub fn index(self) -> usize {
        Locale::ALL.iter().position(|l| *l == self).unwrap_or(0)
    }

    /// The codes of every supported locale, for messages ("en, ko, nl, de").
    pub fn codes() -> String {
        Locale::ALL
            .iter()
            .map(|l| l.code())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A locale string that is not one of the supported codes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown locale {0:?} (expected one of {codes})", codes = Locale::codes())]
pub struct UnknownLocale(pub String);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes_case_insensitively() {
        assert_eq!("KO".parse::<Locale>().unwrap(), Locale::Ko);
        assert_eq!(" nl ".parse::<Locale>().unwrap(), Locale::Nl);
        assert_eq!("DE".parse::<Locale>().unwrap(), Locale::De);
        assert!("fr".parse::<Locale>().is_err());
    }

    #[test]
    fn every_locale_has_its_own_index() {
        for (i, l) in Locale::ALL.iter().enumerate() {
            assert_eq!(l.index(), i);
        }
    }
}
