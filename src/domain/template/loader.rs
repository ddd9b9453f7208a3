//! Parsing one template file into a validated [`Template`].
//!
//! Pure: the caller supplies the file name (for messages) and the text. The walk never stops at
//! the first problem; every helper records what it finds and carries on, so an author sees all
//! mistakes of a file at once.

use std::collections::HashMap;

use sha2::{Digest, Sha256};
use toml::de::DeTable;

use super::error::{TemplateError, TemplateErrorKind as E, TemplateErrors};
use super::fields::{
    check_keys, identifier, is_identifier, join, keyword, localized_field, required, table, Cx,
    Value, KINDS,
};
use super::model::{Scale, Template};
use super::sections::{read_sections, RoleSeen};
use crate::domain::audience::Audience;
use crate::domain::question::{QuestionKind, Role};

/// Keys allowed at the top level.
const ROOT_KEYS: &[&str] = &[
    "key", "version", "audience", "title", "intro", "scales", "sections",
];
/// Keys allowed in a `[scales.<name>]` table.
const SCALE_KEYS: &[&str] = &["kind", "low", "high"];

/// Parses and validates one template. `file_name` is used only in error messages.
///
/// Returns every problem of the file at once, each with file, line and key.
pub fn parse_template(file_name: &str, text: &str) -> Result<Template, TemplateErrors> {
    let mut cx = Cx::new(file_name, text);
    let (root, syntax) = DeTable::parse_recoverable(text);
    if !syntax.is_empty() {
        // The recovered tree may be partial, so rule checks on it would only add noise.
        for e in syntax {
            let offset = e.span().map_or(0, |s| s.start);
            let key = key_near(text, offset);
            cx.report(offset, key, E::Syntax(e.message().to_string()));
        }
        return Err(TemplateErrors::new(cx.into_errors()));
    }
    let root = root.get_ref();
    let draft = read_root(&mut cx, root);
    match draft {
        Some(mut t) if !cx.has_errors() => {
            t.file_name = file_name.to_string();
            t.content_hash = sha256_hex(text.as_bytes());
            t.source = text.to_string();
            Ok(t)
        }
        _ => {
            let mut errors = cx.into_errors();
            if errors.is_empty() {
                errors.push(TemplateError::new(file_name, 1, "", E::Incomplete));
            }
            Err(TemplateErrors::new(errors))
        }
    }
}

/// SHA-256 of `bytes` as lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest.iter() {
        // Writing to a String cannot fail.
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// A best-effort key name for a syntax error: the text before `=` or the `[header]` on that line.
fn key_near(text: &str, offset: usize) -> String {
    let offset = offset.min(text.len());
    let start = text.as_bytes()[..offset]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let line = text.as_bytes()[start..]
        .split(|&b| b == b'\n')
        .next()
        .unwrap_or_default();
    let line = String::from_utf8_lossy(line);
    let line = line.trim();
    let key = match line.split_once('=') {
        Some((k, _)) => k.trim(),
        None if line.starts_with('[') => line.trim_matches(|c| c == '[' || c == ']').trim(),
        None => "",
    };
    key.chars().take(80).collect()
}

/// Reads the whole document; `None` when something needed to build the template is missing.
fn read_root(cx: &mut Cx<'_>, root: &DeTable<'_>) -> Option<Template> {
    check_keys(cx, root, "", ROOT_KEYS);
    let key_value = required(cx, root, 0, "", "key");
    let key_line = key_value.map_or(1, |v| cx.line(v.span().start));
    let key = key_value.and_then(|v| identifier(cx, v, "key"));
    let version = required(cx, root, 0, "", "version").and_then(|v| version(cx, v));
    let audience_value = required(cx, root, 0, "", "audience");
    let audience = audience_value.and_then(|v| {
        keyword(
            cx,
            v,
            "audience",
            &Audience::ALL,
            Audience::key,
            E::UnknownAudience,
        )
    });
    let title = localized_field(cx, root, 0, "", "title");
    let intro = localized_field(cx, root, 0, "", "intro");
    let scales = read_scales(cx, root);
    let (sections, roles) = read_sections(cx, root, audience, &scales);

    // Whole-template role rules; skipped when questions already failed, since a role that
    // did not parse would show up here again as "missing".
    if let (Some(audience), Some(v), false) = (audience, audience_value, cx.has_errors()) {
        check_audience_roles(cx, audience, v.span().start, &roles);
    }

    Some(Template {
        file_name: String::new(),
        key_line,
        key: key?,
        version: version?,
        audience: audience?,
        title: title?,
        intro: intro?,
        sections: sections?,
        content_hash: String::new(),
        source: String::new(),
    })
}

/// The version: an integer from 1 to `u32::MAX`.
fn version(cx: &mut Cx<'_>, value: &Value<'_>) -> Option<u32> {
    let parsed = match value.get_ref() {
        toml::de::DeValue::Integer(i) => {
            let n = i64::from_str_radix(i.as_str(), i.radix()).ok();
            match n.and_then(|n| u32::try_from(n).ok()).filter(|&n| n >= 1) {
                Some(n) => return Some(n),
                None => i.as_str().to_string(),
            }
        }
        other => format!("a {}", other.type_str()),
    };
    cx.report(value.span().start, "version", E::InvalidVersion(parsed));
    None
}

/// The named scales; a scale that failed validation maps to `None` so its users are not
/// reported again as "unknown scale".
fn read_scales(cx: &mut Cx<'_>, root: &DeTable<'_>) -> HashMap<String, Option<Scale>> {
    let mut scales = HashMap::new();
    let Some(value) = root.get("scales") else {
        return scales;
    };
    let Some(t) = table(cx, value, "scales", "a table of named scales") else {
        return scales;
    };
    for (name, value) in t.iter() {
        let path = format!("scales.{}", name.get_ref());
        let key = if is_identifier(name.get_ref()) {
            Some(name.get_ref().to_string())
        } else {
            let bad = E::InvalidIdentifier(name.get_ref().to_string());
            cx.report(name.span().start, &path, bad);
            None
        };
        let scale = read_scale(cx, value, &path, key);
        scales.insert(name.get_ref().to_string(), scale);
    }
    scales
}

/// One `[scales.<name>]` table.
fn read_scale(
    cx: &mut Cx<'_>,
    value: &Value<'_>,
    path: &str,
    key: Option<String>,
) -> Option<Scale> {
    let t = table(cx, value, path, "a table with kind, low and high")?;
    let offset = value.span().start;
    check_keys(cx, t, path, SCALE_KEYS);
    let kind_path = join(path, "kind");
    let kind = required(cx, t, offset, path, "kind")
        .and_then(|v| keyword(cx, v, &kind_path, &KINDS, QuestionKind::key, E::UnknownKind));
    if let (Some(k), Some(v)) = (kind, t.get("kind")) {
        if k.numeric_range().is_none() {
            cx.report(v.span().start, kind_path, E::NotAScaleKind(k));
        }
    }
    let low = localized_field(cx, t, offset, path, "low");
    let high = localized_field(cx, t, offset, path, "high");
    Some(Scale {
        key: key?,
        kind: kind.filter(|k| k.numeric_range().is_some())?,
        low: low?,
        high: high?,
    })
}

/// Rules over the whole template: each measure needs its items, and single items stay single.
fn check_audience_roles(cx: &mut Cx<'_>, audience: Audience, offset: usize, roles: &[RoleSeen]) {
    let (needed, single): (&[Role], &[Role]) = match audience {
        Audience::InternalCsat => (&[Role::CsatOverall], &[Role::CsatOverall]),
        Audience::EngineeringCulture => (&[Role::Productivity, Role::Happiness], &[Role::Enps]),
        Audience::TechStrategyAlignment => (&[Role::Alignment], &[]),
    };
    for &role in needed {
        if !roles.iter().any(|r| r.role == role) {
            cx.report(offset, "audience", E::MissingRole { role, audience });
        }
    }
    for &role in single {
        let mut seen = roles.iter().filter(|r| r.role == role);
        if let Some(first) = seen.next() {
            let first_line = cx.line(first.offset);
            for again in seen {
                cx.report(
                    again.offset,
                    &again.path,
                    E::DuplicateRole { role, first_line },
                );
            }
        }
    }
}
