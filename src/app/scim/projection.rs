//! `attributes` and `excludedAttributes` (RFC 7644 §3.4.2.5): which attributes of a User a
//! response carries. Pure. `schemas` and `id` are always returned; names that a User does
//! not have are ignored, as the RFC allows.

use serde_json::{Map, Value};

use super::resource::{CORE_USER, EXTENSION};

/// The attributes asked for, and the ones asked to be left out (both empty: everything).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Projection {
    attributes: Vec<String>,
    excluded: Vec<String>,
}

/// Always in a User, whatever was asked.
const ALWAYS: [&str; 2] = ["schemas", "id"];

impl Projection {
    /// From lists of attribute paths.
    pub fn new(attributes: Vec<String>, excluded: Vec<String>) -> Projection {
        let clean = |list: Vec<String>| {
            list.into_iter()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        };
        Projection {
            attributes: clean(attributes),
            excluded: clean(excluded),
        }
    }

    /// From the query parameters' comma-separated lists.
    pub fn from_query(attributes: Option<&str>, excluded: Option<&str>) -> Projection {
        let split = |s: Option<&str>| {
            s.map(|s| s.split(',').map(str::to_string).collect())
                .unwrap_or_default()
        };
        Projection::new(split(attributes), split(excluded))
    }

    /// `user` with only the attributes asked for, less the ones left out.
    pub fn apply(&self, user: Value) -> Value {
        let Value::Object(mut full) = user else {
            return user;
        };
        if !self.attributes.is_empty() {
            let mut kept = Map::new();
            for key in ALWAYS {
                if let Some(v) = full.get(key) {
                    kept.insert(key.to_string(), v.clone());
                }
            }
            for path in &self.attributes {
                copy(&full, &mut kept, &Target::of(path));
            }
            full = kept;
        }
        for path in &self.excluded {
            drop_path(&mut full, &Target::of(path));
        }
        Value::Object(full)
    }
}

/// Where a path points: an attribute (and maybe a sub-attribute) of the core User or of the
/// extension, or the whole extension.
#[derive(Debug, PartialEq, Eq)]
struct Target {
    extension: bool,
    attr: Option<String>,
    sub: Option<String>,
}

impl Target {
    fn of(path: &str) -> Target {
        let lower = path.trim().to_ascii_lowercase();
        let ext = EXTENSION.to_ascii_lowercase();
        let core = CORE_USER.to_ascii_lowercase();
        let (extension, rest) = if lower == ext {
            (true, "")
        } else if let Some(rest) = lower.strip_prefix(&format!("{ext}:")) {
            (true, rest)
        } else {
            (
                false,
                lower.strip_prefix(&format!("{core}:")).unwrap_or(&lower),
            )
        };
        let (attr, sub) = match rest.split_once('.') {
            Some((a, s)) => (a, Some(s.to_string())),
            None => (rest, None),
        };
        Target {
            extension,
            attr: (!attr.is_empty()).then(|| attr.to_string()),
            sub,
        }
    }
}

/// The key of `map` that is `name` case-insensitively.
fn key_of(map: &Map<String, Value>, name: &str) -> Option<String> {
    map.keys().find(|k| k.eq_ignore_ascii_case(name)).cloned()
}

/// The object holding a target's attribute: the User itself or its extension object.
fn container<'a>(user: &'a Map<String, Value>, t: &Target) -> Option<&'a Map<String, Value>> {
    if t.extension {
        user.get(EXTENSION).and_then(Value::as_object)
    } else {
        Some(user)
    }
}

fn copy(from: &Map<String, Value>, to: &mut Map<String, Value>, t: &Target) {
    if t.extension && t.attr.is_none() {
        if let Some(v) = from.get(EXTENSION) {
            to.insert(EXTENSION.to_string(), v.clone());
        }
        return;
    }
    let (Some(src), Some(attr)) = (container(from, t), &t.attr) else {
        return;
    };
    let Some(key) = key_of(src, attr) else {
        return;
    };
    let value = match (&t.sub, &src[&key]) {
        (None, v) => v.clone(),
        (Some(sub), Value::Object(parts)) => match key_of(parts, sub) {
            Some(k) => merged(container(to, t).and_then(|m| m.get(&key)), &k, &parts[&k]),
            None => return,
        },
        (Some(sub), Value::Array(items)) => Value::Array(
            items
                .iter()
                .filter_map(Value::as_object)
                .filter_map(|item| key_of(item, sub).map(|k| (k, item)))
                .map(|(k, item)| Value::Object(Map::from_iter([(k.clone(), item[&k].clone())])))
                .collect(),
        ),
        (Some(_), _) => return,
    };
    insert(to, t, key, value);
}

/// An object that already holds some sub-attributes (`name.givenName` then `name.formatted`)
/// with one more.
fn merged(existing: Option<&Value>, key: &str, value: &Value) -> Value {
    let mut obj = existing
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    obj.insert(key.to_string(), value.clone());
    Value::Object(obj)
}

/// Puts a copied attribute in the User, or in its extension object (made when missing).
fn insert(to: &mut Map<String, Value>, t: &Target, key: String, value: Value) {
    if !t.extension {
        to.insert(key, value);
        return;
    }
    let ext = to
        .entry(EXTENSION.to_string())
        .or_insert_with(|| Value::Object(Map::new()));
    match ext {
        Value::Object(m) => {
            m.insert(key, value);
        }
        other => *other = Value::Object(Map::from_iter([(key, value)])),
    }
}

fn drop_path(user: &mut Map<String, Value>, t: &Target) {
    if t.extension && t.attr.is_none() {
        user.remove(EXTENSION);
        return;
    }
    let Some(attr) = &t.attr else {
        return;
    };
    if !t.extension && t.sub.is_none() && ALWAYS.iter().any(|a| a.eq_ignore_ascii_case(attr)) {
        return;
    }
    let holder = if t.extension {
        match user.get_mut(EXTENSION).and_then(Value::as_object_mut) {
            Some(m) => m,
            None => return,
        }
    } else {
        user
    };
    let Some(key) = key_of(holder, attr) else {
        return;
    };
    match &t.sub {
        None => {
            holder.remove(&key);
        }
        Some(sub) => match holder.get_mut(&key) {
            Some(Value::Object(parts)) => {
                if let Some(k) = key_of(parts, sub) {
                    parts.remove(&k);
                }
            }
            Some(Value::Array(items)) => {
                for item in items.iter_mut().filter_map(Value::as_object_mut) {
                    if let Some(k) = key_of(item, sub) {
                        item.remove(&k);
                    }
                }
            }
            _ => {}
        },
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn user() -> Value {
        json!({
            "schemas": [CORE_USER, EXTENSION],
            "id": "1",
            "userName": "ann",
            "externalId": "x-1",
            "name": { "formatted": "Ann Lee" },
            "displayName": "Ann Lee",
            "emails": [{ "value": "ann@x.test" }],
            "active": true,
            EXTENSION: { "department": "sales", "locale": "en" },
            "meta": { "resourceType": "User" },
        })
    }

    #[test]
    fn nothing_asked_returns_everything() {
        assert_eq!(Projection::default().apply(user()), user());
    }

    #[test]
    fn attributes_keep_schemas_id_and_what_was_asked_case_insensitively() {
        let p = Projection::from_query(
            Some(&format!(
                "USERNAME,name.formatted,emails.value,{EXTENSION}:locale"
            )),
            None,
        );
        assert_eq!(
            p.apply(user()),
            json!({
                "schemas": [CORE_USER, EXTENSION],
                "id": "1",
                "userName": "ann",
                "name": { "formatted": "Ann Lee" },
                "emails": [{ "value": "ann@x.test" }],
                EXTENSION: { "locale": "en" },
            })
        );
        let p = Projection::from_query(Some(&format!("{CORE_USER}:externalId")), None);
        assert_eq!(
            p.apply(user()),
            json!({ "schemas": [CORE_USER, EXTENSION], "id": "1", "externalId": "x-1" })
        );
    }

    #[test]
    fn excluded_attributes_go_but_never_id_or_schemas() {
        let p = Projection::from_query(None, Some(&format!("name, id ,schemas,{EXTENSION}")));
        let out = p.apply(user());
        assert!(out.get("name").is_none() && out.get(EXTENSION).is_none());
        assert_eq!(out["id"], "1");
        assert!(out.get("schemas").is_some() && out.get("userName").is_some());
        let p = Projection::from_query(None, Some(&format!("{EXTENSION}:department,nope")));
        assert_eq!(p.apply(user())[EXTENSION], json!({ "locale": "en" }));
    }
}
