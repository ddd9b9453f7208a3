//! Counts in each language's own form: digits grouped in threes ("12,345" in English and
//! Korean, "12.345" in Dutch and German), the separator read from each language's
//! `group-separator` message. Fluent picks plural forms from the number itself, so counts
//! reach it as numbers ([`super::Arg::Count`]) and this is its formatter for them.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentResource, FluentValue};
use intl_memoizer::concurrent::IntlLangMemoizer;
use intl_memoizer::Memoizable;
use unic_langid::LanguageIdentifier;

use crate::domain::locale::Locale;

/// Each language's digit-group separator, in the order of [`Locale::ALL`].
///
/// Read from `common.ftl` in a bundle of its own: the full bundles call the formatter below
/// while formatting, and it must not wait on their initialisation.
fn separators() -> &'static [String] {
    static ALL: OnceLock<Vec<String>> = OnceLock::new();
    ALL.get_or_init(|| {
        Locale::ALL
            .iter()
            .map(|locale| {
                let [common, ..] = locale.ftl_sources();
                let resource = match FluentResource::try_new(common.to_string()) {
                    Ok(r) => r,
                    Err((r, _)) => r,
                };
                let mut bundle = FluentBundle::new_concurrent(vec![]);
                // Duplicates and syntax errors fail the Fluent tests; here the rest still reads.
                let _ = bundle.add_resource(resource);
                bundle
                    .get_message("group-separator")
                    .and_then(|m| m.value())
                    .map(|p| {
                        let mut errors = Vec::new();
                        bundle.format_pattern(p, None, &mut errors).into_owned()
                    })
                    .unwrap_or_else(|| ",".to_string())
            })
            .collect()
    })
}

/// `locale`'s digit-group separator.
fn separator(locale: Locale) -> &'static str {
    separators()
        .get(locale.index())
        .map(String::as_str)
        .unwrap_or(",")
}

/// `n` with its digits grouped as `locale` writes them: "12,345", "12.345".
pub fn count(locale: Locale, n: u64) -> String {
    group(n, separator(locale))
}

fn group(n: u64, sep: &str) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * sep.len());
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// A bundle's separator, worked out once per bundle from its language.
struct Grouping(&'static str);

impl Memoizable for Grouping {
    type Args = ();
    type Error = ();

    fn construct(lang: LanguageIdentifier, _: ()) -> Result<Self, ()> {
        let locale: Locale = lang.language.as_str().parse().map_err(|_| ())?;
        Ok(Grouping(separator(locale)))
    }
}

/// Fluent's formatter for numbers: whole numbers grouped as the bundle's language writes
/// them; fractions and anything with number options are left to Fluent.
pub(super) fn fluent_number(value: &FluentValue<'_>, intls: &IntlLangMemoizer) -> Option<String> {
    let FluentValue::Number(n) = value else {
        return None;
    };
    let whole = n.value.fract() == 0.0 && n.value.abs() < 1e15;
    if !whole || n.options.minimum_fraction_digits.is_some() {
        return None;
    }
    let sep = intls.with_try_get::<Grouping, _, _>((), |g| g.0).ok()?;
    let sign = if n.value < 0.0 { "-" } else { "" };
    Some(format!("{sign}{}", group(n.value.abs() as u64, sep)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_as_each_language_writes_them() {
        let cases = [
            (Locale::En, ["1", "2", "1,000", "12,345", "1,234,567"]),
            (Locale::Ko, ["1", "2", "1,000", "12,345", "1,234,567"]),
            (Locale::Nl, ["1", "2", "1.000", "12.345", "1.234.567"]),
            (Locale::De, ["1", "2", "1.000", "12.345", "1.234.567"]),
        ];
        for (locale, want) in cases {
            let got: Vec<String> = [1, 2, 1000, 12345, 1_234_567]
                .iter()
                .map(|n| count(locale, *n))
                .collect();
            assert_eq!(got, want, "{locale}");
        }
        assert_eq!(count(Locale::En, 0), "0");
        assert_eq!(count(Locale::En, 999), "999");
        assert_eq!(count(Locale::De, 100_000), "100.000");
    }
}
