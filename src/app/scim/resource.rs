//! SCIM 2.0 User resources (RFC 7643) and roster entries: the attribute names, reading a
//! request's attributes into a [`Draft`], and writing an employee as a User. Pure.
//!
//! `userName` is an identifier of its own (an identity provider's login name, often but not
//! always the address); ctopulse keeps one address per person, taken from `emails` (see
//! [`attrs::choose_email`]). `displayName` is the full name the surveys use; `name.formatted`
//! is kept as sent. Department, locale and the engineer/executive flags live in [`EXTENSION`].

use serde_json::{json, Map, Value};

use crate::db::employees::Employee;
use crate::domain::roster::{self, RawEntry, RosterEntry};
use attrs::set;
pub(super) use attrs::NameParts;

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
    pub external_id: Option<String>,
    pub email: Option<String>,
    pub name: Option<String>,
    pub name_formatted: Option<String>,
    pub department: Option<String>,
    pub locale: Option<String>,
    pub engineer: Option<String>,
    pub executive: Option<String>,
    pub active: Option<String>,
}

/// A checked User: the roster entry (as a CSV row would make it) and the SCIM identifiers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScimEntry {
    pub entry: RosterEntry,
    pub user_name: String,
    pub external_id: Option<String>,
    pub name_formatted: Option<String>,
}

/// Longest userName and externalId kept (identity providers' ids are far shorter).
pub const MAX_ID_LEN: usize = 256;

impl Draft {
    /// A stored employee's fields, the starting point of a PATCH. A person without a
    /// userName (from a CSV import) goes by their address.
    pub fn from_employee(e: &Employee) -> Draft {
        Draft {
            user_name: Some(e.user_name.clone().unwrap_or_else(|| e.email.clone())),
            external_id: e.external_id.clone(),
            email: Some(e.email.clone()),
            name: Some(e.name.clone()),
            name_formatted: e.name_formatted.clone(),
            department: Some(e.department.to_string()),
            locale: Some(e.locale.to_string()),
            engineer: Some(e.is_engineer.to_string()),
            executive: Some(e.is_executive.to_string()),
            active: Some(e.active.to_string()),
        }
    }

    /// The entry these fields make, the roster part checked exactly as a CSV row is. Left
    /// out: locale `en`, engineer and executive `false`, active `true`; without `emails`,
    /// userName is taken as the address (identity providers that log people in by address).
    pub fn check(&self) -> Result<ScimEntry, Invalid> {
        let user_name = identifier(self.user_name.as_deref(), "userName")?
            .ok_or_else(|| invalid(ScimType::InvalidValue, "userName is required"))?;
        let external_id = identifier(self.external_id.as_deref(), "externalId")?;
        let email = self.email.as_deref().unwrap_or(user_name.as_str());
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
        let entry = roster::check(&RawEntry {
            email,
            name,
            department,
            locale: self.locale.as_deref().unwrap_or("en"),
            is_engineer: self.engineer.as_deref().unwrap_or("false"),
            is_executive: self.executive.as_deref().unwrap_or("false"),
            active: self.active.as_deref().unwrap_or("true"),
        })
        .map_err(|reasons| invalid(ScimType::InvalidValue, reasons.join("; ")))?;
        let name_formatted = self
            .name_formatted
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string);
        Ok(ScimEntry {
            entry,
            user_name,
            external_id,
            name_formatted,
        })
    }
}

/// A userName or externalId: trimmed, not blank, at most [`MAX_ID_LEN`] characters, no
/// control characters. Blank counts as not sent.
fn identifier(value: Option<&str>, attr: &str) -> Result<Option<String>, Invalid> {
    let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    if v.chars().count() > MAX_ID_LEN {
        return Err(invalid(
            ScimType::InvalidValue,
            format!("{attr} is longer than {MAX_ID_LEN} characters"),
        ));
    }
    if v.chars().any(char::is_control) {
        return Err(invalid(
            ScimType::InvalidValue,
            format!("{attr} must not hold control characters"),
        ));
    }
    Ok(Some(v.to_string()))
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

/// An employee as a SCIM User, its `meta.location` under `users_url`.
pub fn to_resource(e: &Employee, users_url: &str) -> Value {
    let mut user = json!({
        "schemas": [CORE_USER, EXTENSION],
        "id": e.id,
        "userName": e.user_name.as_deref().unwrap_or(&e.email),
        "displayName": e.name,
        "emails": [{ "value": e.email }],
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
    });
    // Left out when not set, so a removed attribute reads as unassigned (RFC 7643 §2.5).
    if let Some(x) = &e.external_id {
        user["externalId"] = json!(x);
    }
    if let Some(f) = &e.name_formatted {
        user["name"] = json!({ "formatted": f });
    }
    user
}

/// A stored (UTC) time as RFC 3339.
fn timestamp(t: time::PrimitiveDateTime) -> String {
    t.assume_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

pub mod attrs;

#[cfg(test)]
mod tests;
