//! SCIM PATCH (RFC 7644 §3.5.2) on a User's draft: `add` and `replace`, with or without a
//! path. Pure. `remove` is refused: every attribute ctopulse keeps is required or a flag
//! that is set to false instead.

use serde_json::Value;

use super::resource::{invalid, set, Draft, Invalid, NameParts, ScimType, PATCH_OP};

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
    let before_user_name = draft.user_name.clone();
    let before_email = draft.email.clone();
    let mut name = NameParts::default();
    for op in operations {
        operation(draft, &mut name, op)?;
    }
    name.finish(draft)?;
    // One address per person: a change to either userName or emails moves both.
    match (
        draft.user_name != before_user_name,
        draft.email != before_email,
    ) {
        (true, false) => draft.email = draft.user_name.clone(),
        (false, true) => draft.user_name = draft.email.clone(),
        _ => {}
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
            return Err(invalid(
                ScimType::Mutability,
                "remove is not supported: replace the attribute instead (active=false deactivates)",
            ))
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
