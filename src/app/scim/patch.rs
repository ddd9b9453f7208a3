//! SCIM PATCH (RFC 7644 §3.5.2) on a User's draft: `add` and `replace`, with or without a
//! path, and `remove` of the attributes that may be unassigned (externalId, name). Pure.

use serde_json::Value;

use super::resource::attrs::{remove, set};
use super::resource::{invalid, Draft, Invalid, NameParts, ScimType, PATCH_OP};

/// Applies a PatchOp body's operations to `draft`, all or nothing (the caller keeps the
/// stored employee when this fails).
pub fn apply(draft: &mut Draft, body: &Value) -> Result<(), Invalid> {
    let obj = body.as_object().ok_or_else(|| {
        invalid(
            ScimType::InvalidSyntax,
            "the body must be a JSON object (a PatchOp)",
        )
    })?;
    let mut operations = None;
    for (key, value) in obj {
        match key.to_ascii_lowercase().as_str() {
            "schemas" => {
                let ok = value.as_array().is_some_and(|list| {
                    list.len() == 1
                        && list[0]
                            .as_str()
                            .is_some_and(|s| s.eq_ignore_ascii_case(PATCH_OP))
                });
                if !ok {
                    return Err(invalid(
                        ScimType::InvalidSyntax,
                        format!("schemas must be [\"{PATCH_OP}\"]"),
                    ));
                }
            }
            "operations" => operations = Some(value),
            _ => {
                return Err(invalid(
                    ScimType::InvalidSyntax,
                    format!(
                        "unknown attribute {key:?} of a PatchOp (it has schemas and Operations)"
                    ),
                ))
            }
        }
    }
    if !obj.keys().any(|k| k.eq_ignore_ascii_case("schemas")) {
        return Err(invalid(
            ScimType::InvalidSyntax,
            format!("schemas must be [\"{PATCH_OP}\"]"),
        ));
    }
    let operations = operations
        .and_then(Value::as_array)
        .filter(|ops| !ops.is_empty())
        .ok_or_else(|| {
            invalid(
                ScimType::InvalidSyntax,
                "Operations must be a non-empty list",
            )
        })?;
    for op in operations {
        // Each operation's name parts apply before the next one, so a remove of name after
        // an add of name.formatted (or the reverse) ends as the last one says.
        let mut name = NameParts::default();
        operation(draft, &mut name, op)?;
        name.finish(draft)?;
    }
    Ok(())
}

fn operation(draft: &mut Draft, name: &mut NameParts, op: &Value) -> Result<(), Invalid> {
    let obj = op
        .as_object()
        .ok_or_else(|| invalid(ScimType::InvalidSyntax, "each operation must be an object"))?;
    let mut kind = None;
    let mut path = None;
    let mut value = None;
    for (key, v) in obj {
        match key.to_ascii_lowercase().as_str() {
            "op" => kind = v.as_str().map(str::to_ascii_lowercase),
            "path" => {
                path = Some(v.as_str().ok_or_else(|| {
                    invalid(
                        ScimType::InvalidPath,
                        "an operation's path must be a string",
                    )
                })?)
            }
            "value" => value = Some(v),
            _ => {
                return Err(invalid(
                    ScimType::InvalidSyntax,
                    format!("unknown attribute {key:?} of an operation (it has op, path, value)"),
                ))
            }
        }
    }
    match kind.as_deref() {
        Some("add") | Some("replace") => {}
        Some("remove") => {
            let path = path.ok_or_else(|| {
                invalid(
                    ScimType::NoTarget,
                    "a remove needs a path naming the attribute to remove",
                )
            })?;
            return remove(draft, path);
        }
        _ => {
            return Err(invalid(
                ScimType::InvalidSyntax,
                "op must be add, replace or remove",
            ))
        }
    }
    let value =
        value.ok_or_else(|| invalid(ScimType::InvalidValue, "an add or replace needs a value"))?;
    match path {
        Some(path) => set(draft, name, path, value, ScimType::InvalidPath),
        None => {
            let attrs = value.as_object().ok_or_else(|| {
                invalid(
                    ScimType::InvalidValue,
                    "an operation without a path needs an object of attributes as its value",
                )
            })?;
            for (key, v) in attrs {
                set(draft, name, key, v, ScimType::InvalidSyntax)?;
            }
            Ok(())
        }
    }
}
