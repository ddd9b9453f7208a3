use std::collections::BTreeSet;

use serde_json::Value;

use super::document;
use crate::auth::session::cookie_name;
use crate::domain::quarter::QUARTER_PATTERN;
use crate::web::{route_table, Access};

fn doc() -> Value {
    serde_json::to_value(document()).expect("document serialises")
}

fn api_routes() -> BTreeSet<(String, String)> {
    route_table()
        .into_iter()
        .filter(|s| s.path.starts_with("/api/"))
        .map(|s| (s.method.as_str().to_ascii_lowercase(), s.path.to_string()))
        .collect()
}

#[test]
fn every_api_route_is_documented_and_nothing_else() {
    let doc = doc();
    let mut documented = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in item.as_object().expect("path item").keys() {
            documented.insert((method.clone(), path.clone()));
        }
    }
    assert_eq!(documented, api_routes());
    assert_eq!(doc["openapi"], "3.1.0");
}

#[test]
fn staff_routes_document_their_credentials_and_refusals() {
    let doc = doc();
    for spec in route_table()
        .into_iter()
        .filter(|s| s.path.starts_with("/api/"))
    {
        let op = &doc["paths"][spec.path][spec.method.as_str().to_ascii_lowercase()];
        let responses = op["responses"].as_object().expect("responses");
        match spec.access {
            Access::Staff(roles) => {
                assert_eq!(
                    op["security"],
                    serde_json::json!([{ "bearer": [] }, { "session": [] }]),
                    "{}",
                    spec.path
                );
                assert!(responses.contains_key("401"), "{}", spec.path);
                assert!(responses.contains_key("503"), "{}", spec.path);
                // 403 exactly where some staff role is turned away.
                assert_eq!(
                    responses.contains_key("403"),
                    roles.len() < 3,
                    "{}",
                    spec.path
                );
                for code in ["400", "401", "403", "404", "409", "503"] {
                    if let Some(r) = responses.get(code) {
                        assert_eq!(
                            r["content"]["application/json"]["schema"]["$ref"],
                            "#/components/schemas/ErrorBody",
                            "{} {code}",
                            spec.path
                        );
                    }
                }
            }
            _ => assert!(op.get("security").is_none(), "{}", spec.path),
        }
    }
    let schemes = &doc["components"]["securitySchemes"];
    assert_eq!(schemes["bearer"]["scheme"], "bearer");
    assert_eq!(schemes["session"]["in"], "cookie");
    assert_eq!(schemes["session"]["name"], cookie_name(false));
    let https = format!("`{}`", cookie_name(true));
    assert!(schemes["session"]["description"]
        .as_str()
        .is_some_and(|d| d.contains(&https)));
}

fn param<'a>(doc: &'a Value, path: &str, name: &str) -> &'a Value {
    doc["paths"][path]["get"]["parameters"]
        .as_array()
        .and_then(|ps| ps.iter().find(|p| p["name"] == name))
        .unwrap_or_else(|| panic!("{path} has no parameter {name}"))
}

#[test]
fn parameters_carry_the_pattern_and_enums_the_service_enforces() {
    let doc = doc();
    for path in [
        "/api/v1/scorecard",
        "/api/v1/trends",
        "/api/v1/commentary",
        "/api/v1/export",
        "/api/v1/report",
    ] {
        let q = param(&doc, path, "quarter");
        assert_eq!(q["in"], "query");
        assert_eq!(q["schema"]["pattern"], QUARTER_PATTERN, "{path}");
    }
    let enum_of = |path: &str, name: &str| -> Vec<String> {
        let schema = &param(&doc, path, name)["schema"];
        let values = schema["enum"]
            .as_array()
            .or_else(|| {
                schema["oneOf"]
                    .as_array()
                    .and_then(|alts| alts.iter().find_map(|a| a["enum"].as_array()))
            })
            .unwrap_or_else(|| panic!("{path} {name} has no enum: {schema}"));
        values
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect()
    };
    assert_eq!(enum_of("/api/v1/export", "format"), ["csv", "json"]);
    assert_eq!(enum_of("/api/v1/report", "format"), ["png", "svg", "pdf"]);
    assert_eq!(enum_of("/api/v1/report", "lang"), ["en", "ko", "nl", "de"]);
}

#[test]
fn list_routes_are_documented_as_arrays() {
    let doc = doc();
    for path in ["/api/v1/inflections", "/api/v1/progress"] {
        let schema =
            &doc["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"];
        assert_eq!(schema["type"], "array", "{path}: {schema}");
    }
}

/// Schema names are global in the document: two types of one name would silently share one
/// schema (a staff role once validated against the question roles).
#[test]
fn schemas_of_like_named_types_stay_apart() {
    let doc = doc();
    let schemas = &doc["components"]["schemas"];
    assert_eq!(
        schemas["Role"]["enum"],
        serde_json::json!(["admin", "cto", "board"])
    );
    assert!(schemas["QuestionRole"]["enum"]
        .as_array()
        .is_some_and(|v| v.iter().any(|r| r == "csat_overall")));
}

/// Every object schema in the document that has a property `name`.
fn with_property<'a>(v: &'a Value, name: &str, out: &mut Vec<&'a Value>) {
    match v {
        Value::Object(m) => {
            if let Some(p) = m.get("properties").and_then(|p| p.get(name)) {
                out.push(p);
            }
            m.values().for_each(|c| with_property(c, name, out));
        }
        Value::Array(a) => a.iter().for_each(|c| with_property(c, name, out)),
        _ => {}
    }
}

/// The causes of a missing figure are typed inside the service, but the API sends and
/// documents `reason` as the plain string it always was.
#[test]
fn a_missing_figures_reason_is_documented_as_a_string() {
    let doc = doc();
    let mut reasons = Vec::new();
    with_property(&doc, "reason", &mut reasons);
    let described = |text: &str| {
        reasons
            .iter()
            .filter(|r| r["description"] == text)
            .collect::<Vec<_>>()
    };
    for text in ["Why, in plain words.", "Why."] {
        let found = described(text);
        assert!(!found.is_empty(), "{text}: {reasons:?}");
        for r in found {
            assert_eq!(r["type"], "string", "{r}");
        }
    }
}

/// An action's texts can be written in every registered language through the API, and the
/// document says so.
#[test]
fn action_texts_take_every_registered_language() {
    let doc = doc();
    let props = &doc["components"]["schemas"]["TextsBody"]["properties"];
    for l in crate::domain::locale::Locale::ALL {
        assert!(props.get(l.code()).is_some(), "{l}: {props}");
    }
}
