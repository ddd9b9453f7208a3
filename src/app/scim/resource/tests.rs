use serde_json::json;

use super::*;
use crate::app::scim::patch;

fn user() -> Value {
    json!({
        "schemas": [CORE_USER, EXTENSION],
        "userName": "Ann.Lee@Example.test",
        "name": { "givenName": "Ann", "familyName": "Lee" },
        "emails": [{ "value": "ann.lee@example.test", "primary": true }],
        EXTENSION: { "department": "sales", "locale": "nl", "engineer": true }
    })
}

#[test]
fn a_full_user_becomes_the_roster_entry_a_csv_row_would() {
    let entry = draft_from_resource(&user()).unwrap().check().unwrap();
    assert_eq!(entry.email.as_str(), "ann.lee@example.test");
    assert_eq!(entry.name, "Ann Lee");
    assert_eq!(entry.membership.to_string(), "sales");
    assert_eq!(entry.locale.to_string(), "nl");
    assert!(entry.is_engineer && !entry.is_executive && entry.active);
}

#[test]
fn roster_checks_name_every_bad_value() {
    let mut u = user();
    u[EXTENSION]["department"] = json!("hr");
    u[EXTENSION]["locale"] = json!("fr");
    let e = draft_from_resource(&u).unwrap().check().unwrap_err();
    assert_eq!(e.scim_type, ScimType::InvalidValue);
    assert!(
        e.detail.contains("unknown department \"hr\""),
        "{}",
        e.detail
    );
    assert!(e.detail.contains("fr"), "{}", e.detail);
}

#[test]
fn unknown_attributes_and_schemas_are_syntax_errors() {
    let mut u = user();
    u["nickName"] = json!("annie");
    assert_eq!(
        draft_from_resource(&u).unwrap_err().scim_type,
        ScimType::InvalidSyntax
    );
    let mut u = user();
    u["schemas"] = json!(["urn:ietf:params:scim:schemas:core:2.0:Group"]);
    assert_eq!(
        draft_from_resource(&u).unwrap_err().scim_type,
        ScimType::InvalidSyntax
    );
    let mut u = user();
    u[EXTENSION]["salary"] = json!(1);
    assert_eq!(
        draft_from_resource(&u).unwrap_err().scim_type,
        ScimType::InvalidSyntax
    );
}

#[test]
fn a_user_name_that_differs_from_the_email_is_refused() {
    let mut u = user();
    u["emails"] = json!([{ "value": "other@example.test" }]);
    let e = draft_from_resource(&u).unwrap().check().unwrap_err();
    assert!(e.detail.contains("same address"), "{}", e.detail);
}

#[test]
fn patch_replaces_with_and_without_paths_and_moves_the_address() {
    let mut d = draft_from_resource(&user()).unwrap();
    let body = json!({
        "schemas": [PATCH_OP],
        "Operations": [
            { "op": "Replace", "path": "active", "value": "False" },
            { "op": "replace", "path": format!("{EXTENSION}:executive"), "value": true },
            { "op": "replace", "value": { "displayName": "Ann de Lee", EXTENSION: { "department": "bd" } } },
            { "op": "replace", "path": "emails[type eq \"work\"].value", "value": "ann@example.test" }
        ]
    });
    patch::apply(&mut d, &body).unwrap();
    let e = d.check().unwrap();
    assert!(!e.active && e.is_executive);
    assert_eq!(e.name, "Ann de Lee");
    assert_eq!(e.membership.to_string(), "bd");
    assert_eq!(e.email.as_str(), "ann@example.test");
}

#[test]
fn patch_refuses_remove_unknown_paths_and_wrong_schemas() {
    let d = draft_from_resource(&user()).unwrap();
    for (body, kind) in [
        (
            json!({ "schemas": [PATCH_OP], "Operations": [{ "op": "remove", "path": "active" }] }),
            ScimType::Mutability,
        ),
        (
            json!({ "schemas": [PATCH_OP], "Operations": [{ "op": "replace", "path": "title", "value": "x" }] }),
            ScimType::InvalidPath,
        ),
        (
            json!({ "schemas": [CORE_USER], "Operations": [{ "op": "replace", "path": "active", "value": false }] }),
            ScimType::InvalidSyntax,
        ),
        (
            json!({ "schemas": [PATCH_OP], "Operations": [] }),
            ScimType::InvalidSyntax,
        ),
    ] {
        let mut d = d.clone();
        assert_eq!(
            patch::apply(&mut d, &body).unwrap_err().scim_type,
            kind,
            "{body}"
        );
    }
}
