//! Reading typed values out of a spanned TOML tree while collecting every error.
//!
//! The loader walks `toml::de::DeTable` by hand instead of deriving `Deserialize`, because serde
//! stops at the first error and the format promises every error of a file at once. Each helper
//! reports what is wrong and returns `None`, so the walk always continues.

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::error::{TemplateError, TemplateErrorKind};
use super::model::Localized;
use crate::domain::locale::Locale;
use crate::domain::question::QuestionKind;

/// A spanned TOML value.
pub(crate) type Value<'i> = Spanned<DeValue<'i>>;

/// Every question kind, for exact keyword matching.
pub(super) const KINDS: [QuestionKind; 4] = [
    QuestionKind::Likert5,
    QuestionKind::Nps11,
    QuestionKind::Choice,
    QuestionKind::Text,
];

/// The longest template, section, scale or question key accepted.
const MAX_IDENTIFIER_LEN: usize = 64;

/// The file being read and the errors found so far.
pub(crate) struct Cx<'a> {
    file: &'a str,
    src: &'a str,
    errors: Vec<TemplateError>,
}

impl<'a> Cx<'a> {
    /// Starts reading `src`, which came from `file`.
    pub(crate) fn new(file: &'a str, src: &'a str) -> Self {
        Cx {
            file,
            src,
            errors: Vec::new(),
        }
    }

    /// The 1-based line of a byte offset. Counting bytes (not chars) cannot panic on a
    /// multi-byte boundary, and offsets past the end clamp to the last line.
    pub(crate) fn line(&self, offset: usize) -> usize {
        let end = offset.min(self.src.len());
        self.src.as_bytes()[..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    }

    /// Records a problem at `offset` on the key path `key`.
    pub(crate) fn report(
        &mut self,
        offset: usize,
        key: impl Into<String>,
        kind: TemplateErrorKind,
    ) {
        let line = self.line(offset);
        self.errors
            .push(TemplateError::new(self.file, line, key, kind));
    }

    /// Whether anything has been reported.
    pub(crate) fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    /// The errors found.
    pub(crate) fn into_errors(self) -> Vec<TemplateError> {
        self.errors
    }
}

/// `path.key`, or just `key` at the top level.
pub(crate) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// Reports every key of `table` that is not in `allowed`.
pub(crate) fn check_keys(cx: &mut Cx<'_>, table: &DeTable<'_>, path: &str, allowed: &[&str]) {
    for (k, _) in table.iter() {
        if !allowed.contains(&k.get_ref().as_ref()) {
            cx.report(
                k.span().start,
                join(path, k.get_ref()),
                TemplateErrorKind::UnknownKey {
                    allowed: allowed.join(", "),
                },
            );
        }
    }
}

/// The value of a key that must be present; reports it missing at `offset` (the table's start).
pub(crate) fn required<'t, 'i>(
    cx: &mut Cx<'_>,
    table: &'t DeTable<'i>,
    offset: usize,
    path: &str,
    key: &str,
) -> Option<&'t Value<'i>> {
    let value = table.get(key);
    if value.is_none() {
        cx.report(offset, join(path, key), TemplateErrorKind::Missing);
    }
    value
}

/// Reports a value of the wrong type.
fn wrong_type(cx: &mut Cx<'_>, value: &Value<'_>, path: &str, expected: &'static str) {
    cx.report(
        value.span().start,
        path,
        TemplateErrorKind::WrongType {
            expected,
            found: value.get_ref().type_str(),
        },
    );
}

/// The value as a string.
pub(crate) fn string<'t>(cx: &mut Cx<'_>, value: &'t Value<'_>, path: &str) -> Option<&'t str> {
    match value.get_ref() {
        DeValue::String(s) => Some(s.as_ref()),
        _ => {
            wrong_type(cx, value, path, "a string");
            None
        }
    }
}

/// The value as a table.
pub(crate) fn table<'t, 'i>(
    cx: &mut Cx<'_>,
    value: &'t Value<'i>,
    path: &str,
    expected: &'static str,
) -> Option<&'t DeTable<'i>> {
    match value.get_ref() {
        DeValue::Table(t) => Some(t),
        _ => {
            wrong_type(cx, value, path, expected);
            None
        }
    }
}

/// The value as an array.
pub(crate) fn array<'t, 'i>(
    cx: &mut Cx<'_>,
    value: &'t Value<'i>,
    path: &str,
    expected: &'static str,
) -> Option<&'t [Value<'i>]> {
    match value.get_ref() {
        DeValue::Array(a) => Some(a),
        _ => {
            wrong_type(cx, value, path, expected);
            None
        }
    }
}

/// An optional boolean that defaults to `false`.
pub(crate) fn flag(cx: &mut Cx<'_>, table: &DeTable<'_>, path: &str, key: &str) -> bool {
    match table.get(key) {
        None => false,
        Some(v) => match v.get_ref() {
            DeValue::Boolean(b) => *b,
            _ => {
                wrong_type(cx, v, &join(path, key), "true or false");
                false
            }
        },
    }
}

/// Whether `s` can name something that is stored in the database or a URL: lowercase ASCII,
/// `[a-z][a-z0-9_-]*`, at most 64 characters.
pub(crate) fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    s.len() <= MAX_IDENTIFIER_LEN
        && chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

/// The value as an identifier (see [`is_identifier`]).
pub(crate) fn identifier(cx: &mut Cx<'_>, value: &Value<'_>, path: &str) -> Option<String> {
    let s = string(cx, value, path)?;
    if is_identifier(s) {
        Some(s.to_string())
    } else {
        cx.report(
            value.span().start,
            path,
            TemplateErrorKind::InvalidIdentifier(s.to_string()),
        );
        None
    }
}

/// A string that must be exactly the key of one of a closed set of values (`parse` then compare
/// keys, because the shared `FromStr` impls forgive case and spaces, which a file should not).
pub(crate) fn keyword<T: Copy>(
    cx: &mut Cx<'_>,
    value: &Value<'_>,
    path: &str,
    all: &[T],
    key_of: fn(T) -> &'static str,
    unknown: fn(String) -> TemplateErrorKind,
) -> Option<T> {
    let s = string(cx, value, path)?;
    let found = all.iter().copied().find(|&t| key_of(t) == s);
    if found.is_none() {
        cx.report(value.span().start, path, unknown(s.to_string()));
    }
    found
}

/// A required per-locale text table under `key`.
pub(crate) fn localized_field(
    cx: &mut Cx<'_>,
    parent: &DeTable<'_>,
    offset: usize,
    path: &str,
    key: &str,
) -> Option<Localized> {
    let value = required(cx, parent, offset, path, key)?;
    localized(cx, value, &join(path, key))
}

/// A per-locale text table: exactly the registered locales' codes, none blank. Texts are trimmed so that
/// multi-line strings do not carry stray newlines into the page.
pub(crate) fn localized(cx: &mut Cx<'_>, value: &Value<'_>, path: &str) -> Option<Localized> {
    let t = table(
        cx,
        value,
        path,
        "a table of texts, one per supported language",
    )?;
    let codes: Vec<&str> = Locale::ALL.iter().map(|l| l.code()).collect();
    check_keys(cx, t, path, &codes);
    let mut texts: Vec<Option<String>> = vec![None; Locale::ALL.len()];
    for (slot, locale) in texts.iter_mut().zip(Locale::ALL) {
        let lpath = join(path, locale.code());
        let Some(v) = t.get(locale.code()) else {
            cx.report(
                value.span().start,
                lpath,
                TemplateErrorKind::MissingTranslation(locale),
            );
            continue;
        };
        let Some(s) = string(cx, v, &lpath) else {
            continue;
        };
        if s.trim().is_empty() {
            cx.report(
                v.span().start,
                lpath,
                TemplateErrorKind::MissingTranslation(locale),
            );
        } else {
            *slot = Some(s.trim().to_string());
        }
    }
    let texts: Option<Vec<String>> = texts.into_iter().collect();
    Some(Localized { texts: texts? })
}
