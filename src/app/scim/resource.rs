//! SCIM 2.0 User resources (RFC 7643) and roster entries: the attribute names, reading a
//! request's attributes into a [`Draft`], and writing an employee as a User. Pure.
//!
//! ctopulse keeps one address per person, so `userName` *is* the work email and `emails`
//! carries the same address; one full name, so `displayName` and `name.formatted` are the
//! same text. Department, locale and the engineer/executive flags live in [`EXTENSION`].

use serde_json::{json, Map, Value};

use crate::db::employees::Employee;
use crate::domain::roster::{self, RawEntry, RosterEntry};

/// The core User schema.
pub const CORE_USER: &str = "urn:ietf:params:scim:schemas:core:2.0:User";
/// ctopulse's extension: department, locale, engineer, executive.
pub const EXTENSION: &str = "urn:ietf:params:scim:schemas:extension:ctopulse:2.0:User";
/// A list response.
pub const LIST_RESPONSE: &str = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
/// A PATCH request body.
pub const PATCH_OP: &str = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
/// An error response.
pub const ERROR: &str = "urn:ietf:params:scim:api:messages:2.0:Error";

/// The `scimType` of a 400/409 error (RFC 7644 §3.12).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScimType {
    InvalidSyntax,
    InvalidValue,
    InvalidFilter,
    InvalidPath,
    NoTarget,
    Mutability,
    Uniqueness,
}

impl ScimType {
    /// The keyword as the RFC spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            ScimType::InvalidSyntax => "invalidSyntax",
            ScimType::InvalidValue => "invalidValue",
            ScimType::InvalidFilter => "invalidFilter",
            ScimType::InvalidPath => "invalidPath",
            ScimType::NoTarget => "noTarget",
            ScimType::Mutability => "mutability",
            ScimType::Uniqueness => "uniqueness",
        }
    }
}

/// A request that cannot be used: which kind of problem, and what exactly.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{detail}")]
pub struct Invalid {
    pub scim_type: ScimType,
    pub detail: String,
}

/// An [`Invalid`] of `scim_type` saying `detail`.
pub fn invalid(scim_type: ScimType, detail: impl Into<String>) -> Invalid {
    Invalid {
        scim_type,
        detail: detail.into(),
    }
}

/// A User's roster fields as text, as requests give them, before the roster's checks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    pub user_name: Option<String>,
    pub email: Option<String>,
    pub name: Option<String>,
    pub department: Option<String>,
    pub locale: Option<String>,
    pub engineer: Option<String>,
    pub executive: Option<String>,
    pub active: Option<String>,
}

impl Draft {
    /// A stored employee's fields, the starting point of a PATCH.
    pub fn from_employee(e: &Employee) -> Draft {
        Draft {
            user_name: Some(e.email.clone()),
            email: Some(e.email.clone()),
            name: Some(e.name.clone()),
            department: Some(e.department.to_string()),
            locale: Some(e.locale.to_string()),
            engineer: Some(e.is_engineer.to_string()),
            executive: Some(e.is_executive.to_string()),
            active: Some(e.active.to_string()),
        }
    }

    /// The roster entry these fields make, checked exactly as a CSV row is. Left out:
    /// locale `en`, engineer and executive `false`, active `true`.
    pub fn check(&self) -> Result<RosterEntry, Invalid> {
        let email = match (self.user_name.as_deref(), self.email.as_deref()) {
            (Some(u), Some(e)) if !u.trim().eq_ignore_ascii_case(e.trim()) => {
                return Err(invalid(
                    ScimType::InvalidValue,
                    "userName and the primary email must be the same address (ctopulse keeps one address per person)",
                ))
            }
            (Some(u), _) | (None, Some(u)) => u,
            (None, None) => return Err(invalid(ScimType::InvalidValue, "userName is required")),
        };
        let name = self.name.as_deref().ok_or_else(|| {
            invalid(
                ScimType::InvalidValue,
                "displayName or name.formatted is required",
            )
        })?;
        let department = self.department.as_deref().ok_or_else(|| {
            invalid(
                ScimType::InvalidValue,
                format!("{EXTENSION}:department is required"),
            )
        })?;
        roster::check(&RawEntry {
            email,
            name,
            department,
            locale: self.locale.as_deref().unwrap_or("en"),
            is_engineer: self.engineer.as_deref().unwrap_or("false"),
            is_executive: self.executive.as_deref().unwrap_or("false"),
            active: self.active.as_deref().unwrap_or("true"),
        })
        .map_err(|reasons| invalid(ScimType::InvalidValue, reasons.join("; ")))
    }
}

/// The parts of a name one request sets; one full name is made of them at the end.
#[derive(Debug, Default)]
pub(super) struct NameParts {
    display: Option<String>,
    formatted: Option<String>,
    given: Option<String>,
    family: Option<String>,
}

impl NameParts {
    /// Puts the name the parts give into `draft`: displayName, else name.formatted, else
    /// givenName and familyName together.
    pub(super) fn finish(self, draft: &mut Draft) -> Result<(), Invalid> {
        let name = match (self.display, self.formatted, self.given, self.family) {
            (Some(d), _, _, _) | (None, Some(d), _, _) => Some(d),
            (None, None, Some(g), Some(f)) => Some(format!("{} {}", g.trim(), f.trim())),
            (None, None, None, None) => None,
            _ => {
                return Err(invalid(
                    ScimType::InvalidValue,
                    "ctopulse keeps one full name: send displayName, name.formatted, or both name.givenName and name.familyName",
                ))
            }
        };
        if name.is_some() {
            draft.name = name;
        }
        Ok(())
    }
}

/// Reads a full User (POST, PUT) into a draft; unknown attributes and schemas are refused.
pub fn draft_from_resource(body: &Value) -> Result<Draft, Invalid> {
    let obj = body.as_object().ok_or_else(|| {
        invalid(
            ScimType::InvalidSyntax,
            "the body must be a JSON object (a SCIM User)",
        )
    })?;
    check_schemas(obj)?;
    let mut draft = Draft::default();
    let mut name = NameParts::default();
    for (key, value) in obj {
        if key.eq_ignore_ascii_case("schemas") {
            continue;
        }
        set(&mut draft, &mut name, key, value, ScimType::InvalidSyntax)?;
    }
    name.finish(&mut draft)?;
    Ok(draft)
}

/// `schemas` must name the core User schema, and nothing but it and [`EXTENSION`].
fn check_schemas(obj: &Map<String, Value>) -> Result<(), Invalid> {
    let schemas = obj
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("schemas"))
        .and_then(|(_, v)| v.as_array())
        .ok_or_else(|| {
            invalid(
                ScimType::InvalidSyntax,
                format!("schemas must be a list holding {CORE_USER}"),
            )
        })?;
    let mut core = false;
    for s in schemas {
        match s.as_str() {
            Some(s) if s.eq_ignore_ascii_case(CORE_USER) => core = true,
            Some(s) if s.eq_ignore_ascii_case(EXTENSION) => {}
            _ => {
                return Err(invalid(
                    ScimType::InvalidSyntax,
                    format!("unknown schema {s}: a User takes {CORE_USER} and {EXTENSION}"),
                ))
            }
        }
    }
    if !core {
        return Err(invalid(
            ScimType::InvalidSyntax,
            format!("schemas must include {CORE_USER}"),
        ));
    }
    Ok(())
}

/// Sets the attribute at `path` (an attribute name, a dotted sub-attribute, a fully
/// qualified name, or `emails[…].value`) from `value`. An unknown attribute is an error of
/// kind `unknown`.
pub(super) fn set(
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
        for (k, v) in obj {
            set_extension(draft, k, v, unknown)?;
        }
        return Ok(());
    }
    if let Some(attr) = lower.strip_prefix(&format!("{ext}:")) {
        return set_extension(draft, attr, value, unknown);
    }
    let core = CORE_USER.to_ascii_lowercase();
    let lower = lower
        .strip_prefix(&format!("{core}:"))
        .unwrap_or(&lower)
        .to_string();
    match lower.as_str() {
        // Read-only, or not kept: accepted and ignored so identity providers can send them.
        "id" | "meta" | "externalid" => {}
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
        "emails" => draft.email = primary_email(value)?,
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
                        "unknown attribute {path:?}: a User has userName, name, displayName, emails, active and {EXTENSION}"
                    ),
                ))
            }
        },
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

/// The address of `emails`: the one marked primary, else the only or first one.
fn primary_email(value: &Value) -> Result<Option<String>, Invalid> {
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
    for item in list {
        let obj = item.as_object().ok_or_else(|| {
            invalid(
                ScimType::InvalidValue,
                "each of emails must be an object with a value",
            )
        })?;
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
        let value = obj
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("value"))
            .map(|(_, v)| v)
            .and_then(Value::as_str)
            .ok_or_else(|| invalid(ScimType::InvalidValue, "emails.value must be a string"))?;
        let primary = obj
            .iter()
            .any(|(k, v)| k.eq_ignore_ascii_case("primary") && v.as_bool() == Some(true));
        if primary {
            return Ok(Some(value.to_string()));
        }
        first.get_or_insert_with(|| value.to_string());
    }
    Ok(first)
}

/// An employee as a SCIM User, its `meta.location` under `users_url`.
pub fn to_resource(e: &Employee, users_url: &str) -> Value {
    json!({
        "schemas": [CORE_USER, EXTENSION],
        "id": e.id,
        "userName": e.email,
        "name": { "formatted": e.name },
        "displayName": e.name,
        "emails": [{ "value": e.email, "type": "work", "primary": true }],
        "active": e.active,
        EXTENSION: {
            "department": e.department.to_string(),
            "locale": e.locale.to_string(),
            "engineer": e.is_engineer,
            "executive": e.is_executive,
        },
        "meta": {
            "resourceType": "User",
            "created": timestamp(e.created_at),
            "lastModified": timestamp(e.updated_at),
            "location": format!("{users_url}/{}", e.id),
        },
    })
}

/// A stored (UTC) time as RFC 3339.
fn timestamp(t: time::PrimitiveDateTime) -> String {
    t.assume_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests;
