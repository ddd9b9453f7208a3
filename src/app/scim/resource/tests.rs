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
    let scim = draft_from_resource(&user()).unwrap().check().unwrap();
    assert_eq!(scim.user_name, "Ann.Lee@Example.test");
    assert_eq!(scim.name_formatted.as_deref(), Some("Ann Lee"));
    let entry = scim.entry;
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
fn user_name_is_its_own_identifier_and_the_address_comes_from_emails() {
    let mut u = user();
    u["userName"] = json!("  a1b2-c3  ");
    u["externalId"] = json!("okta-00u1");
    u["displayName"] = json!("Ann L.");
    u["emails"] = json!([
        { "value": "home@example.test", "type": "home" },
        { "value": "Work@Example.test", "type": "work" },
    ]);
    let scim = draft_from_resource(&u).unwrap().check().unwrap();
    assert_eq!(scim.user_name, "a1b2-c3");
    assert_eq!(scim.external_id.as_deref(), Some("okta-00u1"));
    assert_eq!(scim.entry.email.as_str(), "work@example.test");
    // displayName is the full name; name.formatted is kept as sent.
    assert_eq!(scim.entry.name, "Ann L.");
    assert_eq!(scim.name_formatted.as_deref(), Some("Ann Lee"));
    // Without emails, userName is taken as the address.
    u.as_object_mut().unwrap().remove("emails");
    u["userName"] = json!("Ann@Example.test");
    let scim = draft_from_resource(&u).unwrap().check().unwrap();
    assert_eq!(scim.entry.email.as_str(), "ann@example.test");
    // A userName that is not an address and no emails: the roster's check names it.
    u["userName"] = json!("a1b2-c3");
    assert_eq!(
        draft_from_resource(&u)
            .unwrap()
            .check()
            .unwrap_err()
            .scim_type,
        ScimType::InvalidValue
    );
}

#[test]
fn the_email_kept_is_the_primary_else_the_first_work_else_the_first() {
    use super::attrs::choose_email;
    let pick = |v: Value| choose_email(&v).unwrap();
    assert_eq!(
        pick(
            json!([{ "value": "a@x.test", "type": "work" }, { "value": "b@x.test", "primary": true }])
        ),
        Some("b@x.test".into())
    );
    assert_eq!(
        pick(
            json!([{ "value": "a@x.test", "type": "home" }, { "value": "b@x.test", "type": "Work" }, { "value": "c@x.test", "type": "work" }])
        ),
        Some("b@x.test".into())
    );
    assert_eq!(
        pick(json!([{ "value": "a@x.test" }, { "value": "b@x.test", "primary": false }])),
        Some("a@x.test".into())
    );
    assert_eq!(pick(json!([])), None);
    assert_eq!(pick(Value::Null), None);
    assert!(choose_email(&json!([{ "value": "a@x.test", "label": "x" }])).is_err());
    assert!(choose_email(&json!("a@x.test")).is_err());
}

#[test]
fn user_name_is_required_short_and_printable() {
    let mut u = user();
    u["userName"] = json!("   ");
    let e = draft_from_resource(&u).unwrap().check().unwrap_err();
    assert!(e.detail.contains("userName is required"), "{}", e.detail);
    u["userName"] = json!("x".repeat(MAX_ID_LEN + 1));
    assert!(draft_from_resource(&u).unwrap().check().is_err());
    u["userName"] = Value::String(format!("a{}b", '\u{7}'));
    assert!(draft_from_resource(&u).unwrap().check().is_err());
}

#[test]
fn patch_replaces_with_and_without_paths() {
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
    let e = d.check().unwrap().entry;
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
            json!({ "schemas": [PATCH_OP], "Operations": [{ "op": "remove", "path": "userName" }] }),
            ScimType::Mutability,
        ),
        (
            json!({ "schemas": [PATCH_OP], "Operations": [{ "op": "remove", "path": format!("{EXTENSION}:department") }] }),
            ScimType::Mutability,
        ),
        (
            json!({ "schemas": [PATCH_OP], "Operations": [{ "op": "remove" }] }),
            ScimType::NoTarget,
        ),
        (
            json!({ "schemas": [PATCH_OP], "Operations": [{ "op": "remove", "path": "title" }] }),
            ScimType::InvalidPath,
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

#[test]
fn patch_removes_external_id_and_name_and_keeps_the_rest() {
    let mut u = user();
    u["externalId"] = json!("ext-1");
    u["displayName"] = json!("Ann Lee");
    let stored = draft_from_resource(&u).unwrap();
    for path in [
        "externalId",
        "name",
        "name.formatted",
        &format!("{CORE_USER}:externalId"),
    ] {
        let mut d = stored.clone();
        let body =
            json!({ "schemas": [PATCH_OP], "Operations": [{ "op": "remove", "path": path }] });
        patch::apply(&mut d, &body).unwrap();
        let after = d.check().unwrap();
        assert_eq!(after.entry.name, "Ann Lee", "{path}");
        assert_eq!(after.user_name, "Ann.Lee@Example.test", "{path}");
        if path.to_ascii_lowercase().ends_with("externalid") {
            assert_eq!(after.external_id, None);
            assert_eq!(after.name_formatted.as_deref(), Some("Ann Lee"));
        } else {
            assert_eq!(after.name_formatted, None, "{path}");
            assert_eq!(after.external_id.as_deref(), Some("ext-1"));
        }
    }
}

#[test]
fn patch_of_user_name_leaves_the_address_alone() {
    let mut d = draft_from_resource(&user()).unwrap();
    let body = json!({ "schemas": [PATCH_OP], "Operations": [{ "op": "replace", "path": "userName", "value": "ann-7" }] });
    patch::apply(&mut d, &body).unwrap();
    let after = d.check().unwrap();
    assert_eq!(after.user_name, "ann-7");
    assert_eq!(after.entry.email.as_str(), "ann.lee@example.test");
}
