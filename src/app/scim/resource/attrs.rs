//! Setting and removing one User attribute of a [`Draft`] by name or path, and the value
//! checks each attribute takes. Pure.

use serde_json::Value;

use super::{invalid, Draft, Invalid, ScimType, CORE_USER, EXTENSION};

/// The parts of a name one request sets; the names are made of them at the end.
#[derive(Debug, Default)]
pub struct NameParts {
    display: Option<String>,
    formatted: Option<String>,
    given: Option<String>,
    family: Option<String>,
}

impl NameParts {
    /// Puts the names the parts give into `draft`: displayName sets the full name;
    /// name.formatted (or givenName and familyName together) sets name.formatted, and the
    /// full name too when the draft has none yet (a User sent without displayName).
    pub fn finish(self, draft: &mut Draft) -> Result<(), Invalid> {
        let formatted = match (self.formatted, self.given, self.family) {
            (Some(f), _, _) => Some(f),
            (None, Some(g), Some(f)) => Some(format!("{} {}", g.trim(), f.trim())),
            (None, None, None) => None,
            _ => {
                return Err(invalid(
                    ScimType::InvalidValue,
                    "ctopulse keeps one full name: send displayName, name.formatted, or both name.givenName and name.familyName",
                ))
            }
        };
        if let Some(d) = self.display {
            draft.name = Some(d);
        }
        if let Some(f) = formatted {
            if draft.name.is_none() {
                draft.name = Some(f.clone());
            }
            draft.name_formatted = Some(f);
        }
        Ok(())
    }
}

/// An attribute path with the core schema's URN prefix taken off, lower-cased.
fn core_path(path: &str) -> String {
    let lower = path.trim().to_ascii_lowercase();
    let core = CORE_USER.to_ascii_lowercase();
    lower
        .strip_prefix(&format!("{core}:"))
        .unwrap_or(&lower)
        .to_string()
}

/// Sets the attribute at `path` (an attribute name, a dotted sub-attribute, a fully
/// qualified name, or `emails[…].value`) from `value`. An unknown attribute is an error of
/// kind `unknown`.
pub fn set(
    draft: &mut Draft,
    name: &mut NameParts,
    path: &str,
    value: &Value,
    unknown: ScimType,
) -> Result<(), Invalid> {
    let lower = path.trim().to_ascii_lowercase();
    let ext = EXTENSION.to_ascii_lowercase();
    if lower == ext {
        let obj = value.as_object().ok_or_else(|| {
            invalid(
                ScimType::InvalidValue,
                format!("{EXTENSION} must be an object"),
            )
        })?;
        // Some clients send the extension object with its own `schemas`; nothing to set.
        for (k, v) in obj
            .iter()
            .filter(|(k, _)| !k.eq_ignore_ascii_case("schemas"))
        {
            set_extension(draft, k, v, unknown)?;
        }
        return Ok(());
    }
    if let Some(attr) = lower.strip_prefix(&format!("{ext}:")) {
        return set_extension(draft, attr, value, unknown);
    }
    match core_path(path).as_str() {
        // Read-only: accepted and ignored so identity providers can send them back.
        "id" | "meta" => {}
        "externalid" => draft.external_id = text(value, "externalId")?,
        "username" => draft.user_name = text(value, "userName")?,
        "displayname" => name.display = text(value, "displayName")?,
        "active" => draft.active = flag(value, "active")?,
        "name" => match value {
            Value::Null => {}
            Value::Object(parts) => {
                for (k, v) in parts {
                    set_name_part(name, &k.to_ascii_lowercase(), v, unknown)?;
                }
            }
            _ => return Err(invalid(ScimType::InvalidValue, "name must be an object")),
        },
        "emails" => draft.email = choose_email(value)?,
        "emails.value" => draft.email = text(value, "emails.value")?,
        p if p.starts_with("emails[") && p.ends_with("].value") => {
            draft.email = text(value, "emails.value")?
        }
        p => match p.strip_prefix("name.") {
            Some(part) => set_name_part(name, part, value, unknown)?,
            None => {
                return Err(invalid(
                    unknown,
                    format!(
                        "unknown attribute {path:?}: a User has userName, externalId, name, displayName, emails, active and {EXTENSION}"
                    ),
                ))
            }
        },
    }
    Ok(())
}

/// Removes the attribute at `path` (PATCH `remove`): externalId and name (or
/// name.formatted) can go; every other attribute ctopulse keeps is required or a flag set
/// to false instead (`mutability`); an unknown path is an `invalidPath`.
pub fn remove(draft: &mut Draft, path: &str) -> Result<(), Invalid> {
    let lower = path.trim().to_ascii_lowercase();
    let ext = EXTENSION.to_ascii_lowercase();
    let required = |attr: &str| {
        invalid(
            ScimType::Mutability,
            format!("{attr} cannot be removed: it is required (replace it instead; active=false deactivates)"),
        )
    };
    if lower == ext {
        return Err(required(EXTENSION));
    }
    if let Some(attr) = lower.strip_prefix(&format!("{ext}:")) {
        return match attr {
            "department" | "locale" | "engineer" | "executive" => Err(required(path.trim())),
            _ => Err(invalid(
                ScimType::InvalidPath,
                format!("unknown attribute {path:?} of {EXTENSION}"),
            )),
        };
    }
    match core_path(path).as_str() {
        "externalid" => draft.external_id = None,
        "name" | "name.formatted" => draft.name_formatted = None,
        "username" | "displayname" | "active" | "emails" | "emails.value" | "name.givenname"
        | "name.familyname" => return Err(required(path.trim())),
        p if p.starts_with("emails[") => return Err(required(path.trim())),
        "id" | "meta" => {
            return Err(invalid(
                ScimType::Mutability,
                format!("{} is read-only", path.trim()),
            ))
        }
        _ => {
            return Err(invalid(
                ScimType::InvalidPath,
                format!("unknown attribute {path:?}: a User has userName, externalId, name, displayName, emails, active and {EXTENSION}"),
            ))
        }
    }
    Ok(())
}

fn set_name_part(
    name: &mut NameParts,
    part: &str,
    value: &Value,
    unknown: ScimType,
) -> Result<(), Invalid> {
    match part {
        "formatted" => name.formatted = text(value, "name.formatted")?,
        "givenname" => name.given = text(value, "name.givenName")?,
        "familyname" => name.family = text(value, "name.familyName")?,
        _ => {
            return Err(invalid(
                unknown,
                format!("unknown attribute name.{part}: ctopulse keeps name.formatted, name.givenName and name.familyName"),
            ))
        }
    }
    Ok(())
}

fn set_extension(
    draft: &mut Draft,
    attr: &str,
    value: &Value,
    unknown: ScimType,
) -> Result<(), Invalid> {
    match attr.to_ascii_lowercase().as_str() {
        "department" => draft.department = text(value, "department")?,
        "locale" => draft.locale = text(value, "locale")?,
        "engineer" => draft.engineer = flag(value, "engineer")?,
        "executive" => draft.executive = flag(value, "executive")?,
        _ => {
            return Err(invalid(
                unknown,
                format!(
                    "unknown attribute {attr:?} of {EXTENSION} (it has department, locale, engineer, executive)"
                ),
            ))
        }
    }
    Ok(())
}

/// A string attribute (`null` clears it).
fn text(value: &Value, attr: &str) -> Result<Option<String>, Invalid> {
    match value {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s.clone())),
        _ => Err(invalid(
            ScimType::InvalidValue,
            format!("{attr} must be a string"),
        )),
    }
}

/// A boolean attribute, as the roster's text; `"True"`/`"False"` strings are taken too
/// because some identity providers send them.
fn flag(value: &Value, attr: &str) -> Result<Option<String>, Invalid> {
    match value {
        Value::Null => Ok(None),
        Value::Bool(b) => Ok(Some(b.to_string())),
        Value::String(s) if s.eq_ignore_ascii_case("true") || s.eq_ignore_ascii_case("false") => {
            Ok(Some(s.to_ascii_lowercase()))
        }
        _ => Err(invalid(
            ScimType::InvalidValue,
            format!("{attr} must be true or false"),
        )),
    }
}

/// The one address ctopulse keeps from `emails`: the one marked primary, else the first of
/// type work, else the first.
pub fn choose_email(value: &Value) -> Result<Option<String>, Invalid> {
    let list = match value {
        Value::Null => return Ok(None),
        Value::Array(list) => list,
        _ => {
            return Err(invalid(
                ScimType::InvalidValue,
                "emails must be a list of {\"value\": …}",
            ))
        }
    };
    let mut first = None;
    let mut work = None;
    for item in list {
        let obj = item.as_object().ok_or_else(|| {
            invalid(
                ScimType::InvalidValue,
                "each of emails must be an object with a value",
            )
        })?;
        let field = |name: &str| {
            obj.iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v)
        };
        for key in obj.keys() {
            if !["value", "type", "primary", "display"]
                .iter()
                .any(|k| key.eq_ignore_ascii_case(k))
            {
                return Err(invalid(
                    ScimType::InvalidSyntax,
                    format!("unknown attribute emails.{key}"),
                ));
            }
        }
        let value = field("value")
            .and_then(Value::as_str)
            .ok_or_else(|| invalid(ScimType::InvalidValue, "emails.value must be a string"))?;
        if field("primary").and_then(Value::as_bool) == Some(true) {
            return Ok(Some(value.to_string()));
        }
        let is_work = field("type")
            .and_then(Value::as_str)
            .is_some_and(|t| t.eq_ignore_ascii_case("work"));
        if is_work && work.is_none() {
            work = Some(value.to_string());
        }
        first.get_or_insert_with(|| value.to_string());
    }
    Ok(work.or(first))
}
