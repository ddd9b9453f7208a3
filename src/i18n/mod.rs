//! Every user-facing word, from the Fluent files in `locales/<code>/*.ftl`.
//!
//! The files are compiled into the binary (see [`Locale::ftl_sources`]) and parsed once, on
//! first use. Two ways to read a message:
//! - [`format`] fills its variables, as Fluent does (dates, quarters, a reminder's label);
//!   [`format_with`] also takes counts, so Fluent picks the plural form and the digits are
//!   grouped as the language writes them ([`count`]);
//! - [`template`] gives it with each variable written `{name}`, for the structs (`Copy`,
//!   `Labels`) whose callers fill placeholders themselves.
//!
//! Every key the code asks for is listed in [`keys::USED`]; the tests hold the files to that
//! list and to each other (same keys, same variables, no syntax error in any language).

use std::collections::HashMap;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::domain::locale::Locale;

mod dates;
pub mod keys;
mod numbers;
mod parse;
#[cfg(test)]
mod tests;

pub use dates::{date_long, date_report, month_name, percent, quarter_long, quarter_short};
pub use numbers::count;

/// The Fluent files of every language, in the order of [`Locale::ftl_sources`].
pub const FILES: [&str; 9] = [
    "common",
    "survey",
    "email",
    "report",
    "board",
    "staff",
    "dashboard",
    "admin",
    "settings",
];

/// One language's parsed messages.
struct Language {
    bundle: FluentBundle<FluentResource>,
    /// Each message with its variables written `{name}`.
    templates: HashMap<String, String>,
}

fn languages() -> &'static [Language] {
    static ALL: OnceLock<Vec<Language>> = OnceLock::new();
    ALL.get_or_init(|| Locale::ALL.iter().map(|l| load(*l)).collect())
}

fn load(locale: Locale) -> Language {
    let lang = locale.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![lang]);
    // No Unicode isolation marks around variables: our texts are left-to-right, and the
    // marks would show up in plain-text emails and chart labels.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(numbers::fluent_number));
    let mut variables = Vec::new();
    for source in locale.ftl_sources() {
        // A syntax error keeps the messages that did parse; the tests fail on any error.
        let resource = match FluentResource::try_new(source.to_string()) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        variables.extend(parse::messages(&resource));
        if let Err(errors) = bundle.add_resource(resource) {
            tracing::warn!(locale = %locale, ?errors, "duplicate Fluent messages");
        }
    }
    let mut templates = HashMap::new();
    for (id, vars) in variables {
        let mut args = FluentArgs::new();
        for v in &vars {
            args.set(v.clone(), FluentValue::from(format!("{{{v}}}")));
        }
        if let Some(text) = render(&bundle, &id, Some(&args)) {
            templates.insert(id, text);
        }
    }
    Language { bundle, templates }
}

fn render(
    bundle: &FluentBundle<FluentResource>,
    key: &str,
    args: Option<&FluentArgs<'_>>,
) -> Option<String> {
    let pattern = bundle.get_message(key)?.value()?;
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned(),
    )
}

fn language(locale: Locale) -> Option<&'static Language> {
    languages().get(locale.index())
}

/// The message `key` in `locale` with its variables written `{name}`. A key missing in
/// `locale` falls back to English, then to the key itself (the tests keep every key in
/// every language, so neither happens in a release).
pub fn template(locale: Locale, key: &str) -> &'static str {
    [locale, Locale::En]
        .into_iter()
        .find_map(|l| language(l)?.templates.get(key))
        .map(String::as_str)
        .unwrap_or_else(|| {
            missing(key);
            ""
        })
}

/// The message `key` in `locale`, its variables filled from `args`.
pub fn format(locale: Locale, key: &str, args: &[(&str, &str)]) -> String {
    let args: Vec<(&str, Arg<'_>)> = args.iter().map(|(n, v)| (*n, Arg::Text(v))).collect();
    format_with(locale, key, &args)
}

/// A variable's value for [`format_with`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arg<'a> {
    /// Text, shown as it is.
    Text(&'a str),
    /// A count: selects the message's plural form (`{ $n -> [one] … *[other] … }`) and is
    /// shown with its digits grouped as the language writes them.
    Count(u64),
}

/// The message `key` in `locale`, its variables filled from `args`, counts as numbers.
pub fn format_with(locale: Locale, key: &str, args: &[(&str, Arg<'_>)]) -> String {
    let mut fargs = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(t) => fargs.set(*name, FluentValue::from(*t)),
            Arg::Count(n) => fargs.set(*name, FluentValue::from(*n)),
        }
    }
    [locale, Locale::En]
        .into_iter()
        .find_map(|l| render(&language(l)?.bundle, key, Some(&fargs)))
        .unwrap_or_else(|| missing(key).to_string())
}

fn missing(key: &str) -> &str {
    tracing::warn!(key, "no Fluent message");
    key
}

/// Declares a struct of `&'static str` texts read from Fluent messages ([`template`]), with
/// `from_fluent(locale)` to build it and `keys()` listing every key it reads, so the list of
/// keys the code uses is derived from the struct itself. A field is one key, or an array of keys.
macro_rules! fluent_struct {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$fmeta:meta])* pub $field:ident: $keys:tt, )+
        }
    ) => {
        $(#[$meta])*
        pub struct $name {
            $( $(#[$fmeta])* pub $field: $crate::i18n::fluent_struct!(@ty $keys), )+
        }

        impl $name {
            /// The texts in `locale`, read from its Fluent files once per process.
            #[allow(dead_code)]
            pub fn of(locale: $crate::domain::locale::Locale) -> &'static Self {
                static ALL: std::sync::OnceLock<Vec<$name>> = std::sync::OnceLock::new();
                let all = ALL.get_or_init(|| {
                    $crate::domain::locale::Locale::ALL
                        .iter()
                        .map(|l| Self::from_fluent(*l))
                        .collect()
                });
                &all[locale.index()]
            }

            /// The texts in `locale`, read from its Fluent files.
            pub fn from_fluent(locale: $crate::domain::locale::Locale) -> Self {
                Self {
                    $( $field: $crate::i18n::fluent_struct!(@val locale, $keys), )+
                }
            }

            /// Every Fluent key the struct reads.
            // One push per field keeps single keys and arrays of keys in one form.
            #[allow(clippy::vec_init_then_push)]
            pub fn keys() -> Vec<&'static str> {
                let mut keys = Vec::new();
                $( $crate::i18n::fluent_struct!(@push keys, $keys); )+
                keys
            }
        }
    };
    (@ty [$($k:literal),+]) => { [&'static str; [$($k),+].len()] };
    (@ty $k:literal) => { &'static str };
    (@val $l:ident, [$($k:literal),+]) => { [$($crate::i18n::template($l, $k)),+] };
    (@val $l:ident, $k:literal) => { $crate::i18n::template($l, $k) };
    (@push $v:ident, [$($k:literal),+]) => { $( $v.push($k); )+ };
    (@push $v:ident, $k:literal) => { $v.push($k) };
}
pub(crate) use fluent_struct;
