//! A SCIM User's life as an identity provider drives it: a userName of its own next to the
//! address, uniqueness, projection, `/.search`, PATCH remove, and delete (gone for SCIM,
//! userName free again, the address restoring the same person).

use ctopulse::app::scim::resource::{CORE_USER, EXTENSION, PATCH_OP};
use ctopulse::db::employees;
use serde_json::{json, Value};

use super::{assert_scim_error, call, scim_token, Answer};
use crate::helpers::TestApp;

const SEARCH: &str = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

fn user(user_name: &str, email: &str) -> Value {
    json!({
        "schemas": [CORE_USER, EXTENSION],
        "userName": user_name,
        "externalId": format!("ext-{user_name}"),
        "displayName": "Ann Lee",
        "name": { "formatted": "Ann Lee" },
        "emails": [
            { "value": "ann@home.test", "type": "home" },
            { "value": email, "type": "work" }
        ],
        EXTENSION: { "department": "sales", "locale": "en", "engineer": false, "executive": false }
    })
}

fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    k.sort();
    k
}

async fn post(app: &TestApp, t: &str, body: &Value) -> Answer {
    call(app, "POST", "/Users", Some(t), Some(&body.to_string())).await
}

#[tokio::test]
async fn a_user_lives_is_deleted_and_comes_back_by_its_address() {
    let app = TestApp::spawn().await;
    let (_, token) = scim_token(&app, "okta");
    let t = token.as_str();

    let ann = post(&app, t, &user("00u1-Ann", "Ann@Acme.test")).await;
    assert_eq!(ann.status, 201, "{}", ann.body);
    let id = ann.body["id"].as_str().unwrap().to_string();
    assert_eq!(ann.body["userName"], "00u1-Ann");
    assert_eq!(ann.body["emails"], json!([{ "value": "ann@acme.test" }]));
    assert_eq!(ann.body["externalId"], "ext-00u1-Ann");
    assert_eq!(ann.body["name"], json!({ "formatted": "Ann Lee" }));

    // userName is unique case-insensitively, whatever the address.
    let dup = post(&app, t, &user("00U1-ANN", "bo@acme.test")).await;
    assert_scim_error(&dup, 409, Some("uniqueness"));

    // Both filters find her, by her userName and by her address.
    for filter in [
        r#"userName eq "00u1-ann""#,
        r#"emails.value eq "ANN@acme.test""#,
    ] {
        let q = format!("/Users?filter={}", super::urlencode(filter));
        let found = call(&app, "GET", &q, Some(t), None).await;
        assert_eq!(found.body["totalResults"], 1, "{filter}");
        assert_eq!(found.body["Resources"][0]["id"], id.as_str());
    }

    // Projection on get, list and both searches.
    let only = call(
        &app,
        "GET",
        &format!("/Users/{id}?attributes=userName,externalId"),
        Some(t),
        None,
    )
    .await;
    assert_eq!(
        keys(&only.body),
        ["externalId", "id", "schemas", "userName"]
    );
    let less = call(
        &app,
        "GET",
        &format!("/Users/{id}?excludedAttributes=emails,name"),
        Some(t),
        None,
    )
    .await;
    assert!(less.body.get("emails").is_none() && less.body.get("name").is_none());
    assert_eq!(less.body["userName"], "00u1-Ann");
    let listed = call(&app, "GET", "/Users?attributes=emails.value", Some(t), None).await;
    assert_eq!(
        listed.body["Resources"][0],
        json!({ "schemas": [CORE_USER, EXTENSION], "id": id, "emails": [{ "value": "ann@acme.test" }] })
    );
    for path in ["/.search", "/Users/.search"] {
        let body = json!({ "schemas": [SEARCH], "filter": "userName eq \"00u1-ann\"", "attributes": ["externalId"] });
        let s = call(&app, "POST", path, Some(t), Some(&body.to_string())).await;
        assert_eq!(s.status, 200, "{path}: {}", s.body);
        assert_eq!(s.body["totalResults"], 1);
        assert_eq!(
            keys(&s.body["Resources"][0]),
            ["externalId", "id", "schemas"]
        );
        let page = json!({ "schemas": [SEARCH], "count": 0 });
        let s = call(&app, "POST", path, Some(t), Some(&page.to_string())).await;
        assert_eq!(
            (
                s.body["totalResults"].clone(),
                s.body["itemsPerPage"].clone()
            ),
            (json!(1), json!(0))
        );
    }

    // PATCH remove of externalId and name leaves them unassigned.
    let remove = json!({ "schemas": [PATCH_OP], "Operations": [
        { "op": "remove", "path": "externalId" },
        { "op": "remove", "path": "name" }
    ] });
    let r = call(
        &app,
        "PATCH",
        &format!("/Users/{id}"),
        Some(t),
        Some(&remove.to_string()),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.get("externalId").is_none() && r.body.get("name").is_none());
    assert_eq!(r.body["displayName"], "Ann Lee");
    let got = call(&app, "GET", &format!("/Users/{id}"), Some(t), None).await;
    assert_eq!(got.body, r.body);

    // Delete: gone for SCIM, on every method and in lists.
    let del = call(&app, "DELETE", &format!("/Users/{id}"), Some(t), None).await;
    assert_eq!(del.status, 204);
    let patch = json!({ "schemas": [PATCH_OP], "Operations": [{ "op": "replace", "path": "active", "value": true }] });
    for (method, body) in [
        ("GET", None),
        ("PUT", Some(user("00u1-Ann", "ann@acme.test").to_string())),
        ("PATCH", Some(patch.to_string())),
        ("DELETE", None),
    ] {
        let a = call(
            &app,
            method,
            &format!("/Users/{id}"),
            Some(t),
            body.as_deref(),
        )
        .await;
        assert_scim_error(&a, 404, None);
    }
    let all = call(&app, "GET", "/Users", Some(t), None).await;
    assert_eq!(all.body["totalResults"], 0);

    // Her userName is free again for someone else.
    let bo = post(&app, t, &user("00u1-ann", "bo@acme.test")).await;
    assert_eq!(bo.status, 201, "{}", bo.body);
    assert_ne!(bo.body["id"], id.as_str());

    // Her address comes back: the same person is restored, active, with the new userName.
    let back = post(&app, t, &user("00u9-ann", "ann@acme.test")).await;
    assert_eq!(back.status, 201, "{}", back.body);
    assert_eq!(back.body["id"], id.as_str());
    assert_eq!(back.body["active"], true);
    assert_eq!(back.body["userName"], "00u9-ann");
    assert_eq!(app.count("employees"), 2);
    let stored = employees::by_id(&mut app.conn(), &id).unwrap().unwrap();
    assert!(stored.active && stored.scim_deleted_at.is_none());
    let all = call(&app, "GET", "/Users", Some(t), None).await;
    assert_eq!(all.body["totalResults"], 2);
}

#[tokio::test]
async fn a_csv_person_goes_by_the_address_and_a_csv_reimport_brings_a_deleted_one_back() {
    let app = TestApp::spawn().await;
    let csv = "email,name,department,locale,is_engineer,is_executive,active\nsam@acme.test,Sam One,sales,en,false,false,true\n";
    app.import_roster(csv);
    let (_, token) = scim_token(&app, "okta");
    let t = token.as_str();

    let list = call(&app, "GET", "/Users", Some(t), None).await;
    let sam = &list.body["Resources"][0];
    assert_eq!(sam["userName"], "sam@acme.test");
    assert!(sam.get("name").is_none() && sam.get("externalId").is_none());
    let id = sam["id"].as_str().unwrap().to_string();

    // The address a CSV person goes by is their userName: nobody else may take it.
    let taken = post(&app, t, &user("SAM@acme.test", "other@acme.test")).await;
    assert_scim_error(&taken, 409, Some("uniqueness"));

    let del = call(&app, "DELETE", &format!("/Users/{id}"), Some(t), None).await;
    assert_eq!(del.status, 204);
    assert_scim_error(
        &call(&app, "GET", &format!("/Users/{id}"), Some(t), None).await,
        404,
        None,
    );

    // The roster file still lists Sam as active: the import reactivates and restores him.
    app.import_roster(csv);
    let back = call(&app, "GET", &format!("/Users/{id}"), Some(t), None).await;
    assert_eq!(back.status, 200, "{}", back.body);
    assert_eq!(back.body["active"], true);
}
