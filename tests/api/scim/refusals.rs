//! SCIM requests that must be refused: bad input of every kind (a SCIM error, nothing
//! changed), and every credential but an unrevoked scim token.

use ctopulse::app::accounts;
use ctopulse::app::scim::resource::{CORE_USER, EXTENSION, PATCH_OP};
use ctopulse::auth::Role;
use ctopulse::clock;
use serde_json::json;

use super::{ann, assert_scim_error, call, scim_token};
use crate::helpers::TestApp;
use crate::staff_support::add_token;

#[tokio::test]
async fn bad_input_gets_a_scim_error_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let (_, token) = scim_token(&app, "okta");
    let t = Some(token.as_str());
    let first = call(&app, "POST", "/Users", t, Some(&ann().to_string())).await;
    let id = first.body["id"].as_str().unwrap().to_string();
    let before = (app.count("employees"), app.count("audit_log"));

    let mut unknown = ann();
    unknown["userName"] = json!("bo@acme.test");
    unknown["emails"] = json!([{ "value": "bo@acme.test" }]);
    unknown["nickName"] = json!("bo");
    let mut unknown_ext = unknown.clone();
    unknown_ext.as_object_mut().unwrap().remove("nickName");
    unknown_ext[EXTENSION]["salary"] = json!(1);
    let mut wrong_schema = unknown_ext.clone();
    wrong_schema[EXTENSION]
        .as_object_mut()
        .unwrap()
        .remove("salary");
    wrong_schema["schemas"] = json!(["urn:ietf:params:scim:schemas:core:2.0:Group"]);
    let mut bad_value = wrong_schema.clone();
    bad_value["schemas"] = json!([CORE_USER, EXTENSION]);
    bad_value[EXTENSION]["department"] = json!("hr");
    let mut duplicate = ann();
    duplicate["userName"] = json!("ANN.LEE@acme.test");
    duplicate["emails"] = json!([{ "value": "other@acme.test" }]);
    // Another userName, but the address of a live person.
    let mut same_address = ann();
    same_address["userName"] = json!("ann-2");

    let posts = [
        ("{\"schemas\": [", 400, "invalidSyntax"),
        ("[1, 2]", 400, "invalidSyntax"),
        (&unknown.to_string(), 400, "invalidSyntax"),
        (&unknown_ext.to_string(), 400, "invalidSyntax"),
        (&wrong_schema.to_string(), 400, "invalidSyntax"),
        (&bad_value.to_string(), 400, "invalidValue"),
        (&duplicate.to_string(), 409, "uniqueness"),
        (&same_address.to_string(), 409, "uniqueness"),
    ];
    for (body, status, kind) in posts {
        let a = call(&app, "POST", "/Users", t, Some(body)).await;
        assert_scim_error(&a, status, Some(kind));
    }
    // The same refusals on PUT and PATCH of the stored person.
    let put = call(
        &app,
        "PUT",
        &format!("/Users/{id}"),
        t,
        Some(&unknown.to_string()),
    )
    .await;
    assert_scim_error(&put, 400, Some("invalidSyntax"));
    let bo = call(
        &app,
        "POST",
        "/Users",
        t,
        Some(&bad_value.to_string().replace("\"hr\"", "\"sales\"")),
    )
    .await;
    assert_eq!(bo.status, 201, "{}", bo.body);
    let before = (before.0 + 1, before.1 + 1);
    let taken = json!({ "schemas": [PATCH_OP], "Operations": [{ "op": "replace", "path": "userName", "value": "bo@acme.test" }] });
    let patches = [
        (taken.to_string(), 409, "uniqueness"),
        ("not json".to_string(), 400, "invalidSyntax"),
        (json!({ "schemas": [CORE_USER], "Operations": [] }).to_string(), 400, "invalidSyntax"),
        (json!({ "schemas": [PATCH_OP], "Operations": [{ "op": "replace", "path": "title", "value": "x" }] }).to_string(), 400, "invalidPath"),
        (json!({ "schemas": [PATCH_OP], "Operations": [{ "op": "replace", "path": "active", "value": 3 }] }).to_string(), 400, "invalidValue"),
        (json!({ "schemas": [PATCH_OP], "Operations": [{ "op": "remove" }] }).to_string(), 400, "noTarget"),
        (json!({ "schemas": [PATCH_OP], "Operations": [{ "op": "remove", "path": "active" }] }).to_string(), 400, "mutability"),
        (json!({ "schemas": [PATCH_OP], "Operations": [{ "op": "remove", "path": "displayName" }] }).to_string(), 400, "mutability"),
        (json!({ "schemas": [PATCH_OP], "Operations": [{ "op": "remove", "path": "title" }] }).to_string(), 400, "invalidPath"),
        // All or nothing: a good remove before a refused one changes nothing.
        (json!({ "schemas": [PATCH_OP], "Operations": [{ "op": "remove", "path": "name" }, { "op": "remove", "path": "emails" }] }).to_string(), 400, "mutability"),
    ];
    for (body, status, kind) in patches {
        let a = call(&app, "PATCH", &format!("/Users/{id}"), t, Some(&body)).await;
        assert_scim_error(&a, status, Some(kind));
    }
    let searches = [
        ("{}".to_string(), 400, "invalidSyntax"),
        (json!({ "schemas": ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"], "filter": "title eq \"x\"" }).to_string(), 400, "invalidFilter"),
        (json!({ "schemas": ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"], "sortBy": "userName" }).to_string(), 400, "invalidValue"),
    ];
    for (body, status, kind) in searches {
        for path in ["/.search", "/Users/.search"] {
            let a = call(&app, "POST", path, t, Some(&body)).await;
            assert_scim_error(&a, status, Some(kind));
        }
    }
    assert_eq!((app.count("employees"), app.count("audit_log")), before);
    let stored = call(&app, "GET", &format!("/Users/{id}"), t, None).await;
    assert_eq!(stored.body, first.body, "a refused request changes nothing");
}

#[tokio::test]
async fn only_an_unrevoked_scim_token_opens_the_scim_endpoints() {
    let app = TestApp::spawn().await;
    let (scim_id, scim) = scim_token(&app, "okta");
    let (_, admin_api) = add_token(&app, "reports", Role::Admin);
    let body = ann().to_string();
    for path in [
        "/Users",
        "/ServiceProviderConfig",
        "/ResourceTypes",
        "/Schemas",
    ] {
        assert_scim_error(&call(&app, "GET", path, None, None).await, 401, None);
        assert_scim_error(
            &call(&app, "GET", path, Some("not-a-token"), None).await,
            401,
            None,
        );
        assert_scim_error(
            &call(&app, "GET", path, Some(&admin_api), None).await,
            403,
            None,
        );
    }
    assert_scim_error(
        &call(&app, "POST", "/Users", Some(&admin_api), Some(&body)).await,
        403,
        None,
    );
    assert_eq!(app.count("employees"), 0);

    // A scim token opens nothing else.
    let me = app
        .client
        .get(format!("{}/api/v1/me", app.address))
        .bearer_auth(&scim)
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), 403);

    // Revoked, it stops at once.
    assert_eq!(
        call(&app, "GET", "/Users", Some(&scim), None).await.status,
        200
    );
    accounts::revoke_token(&mut app.conn(), &scim_id, "test", clock::now()).unwrap();
    assert_scim_error(
        &call(&app, "GET", "/Users", Some(&scim), None).await,
        401,
        None,
    );
}
