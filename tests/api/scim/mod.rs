//! SCIM 2.0 roster provisioning through the real app: every Users operation, paging, both
//! filters, bad input that changes nothing, who may call, audit entries and the launch's
//! padded-roster count.

use ctopulse::app::accounts;
use ctopulse::app::scim::resource::{CORE_USER, EXTENSION, PATCH_OP};
use ctopulse::auth::roles::TokenScope;
use ctopulse::auth::Role;
use ctopulse::clock;
use ctopulse::db::employees;
use serde_json::{json, Value};

use crate::helpers::{TestApp, ROSTER};

mod lifecycle;
mod refusals;

const ERROR: &str = "urn:ietf:params:scim:api:messages:2.0:Error";

pub(super) fn scim_token(app: &TestApp, name: &str) -> (String, String) {
    let t = accounts::create_scoped_token(
        &mut app.conn(),
        name,
        Role::Admin,
        TokenScope::Scim,
        "test",
        clock::now(),
    )
    .expect("scim token");
    (t.id, t.token)
}

/// What a SCIM call answered: status, content type, body (JSON, or Null when empty).
pub(super) struct Answer {
    pub(super) status: u16,
    pub(super) content_type: String,
    pub(super) body: Value,
}

pub(super) async fn call(
    app: &TestApp,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<&str>,
) -> Answer {
    let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
    let mut req = app
        .client
        .request(method, format!("{}/scim/v2{path}", app.address));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    if let Some(b) = body {
        req = req
            .header("content-type", "application/scim+json")
            .body(b.to_string());
    }
    let resp = req.send().await.unwrap();
    let status = resp.status().as_u16();
    let content_type = resp
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let text = resp.text().await.unwrap();
    let body = if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
    };
    Answer {
        status,
        content_type,
        body,
    }
}

pub(super) fn ann() -> Value {
    json!({
        "schemas": [CORE_USER, EXTENSION],
        "userName": "Ann.Lee@Acme.test",
        "name": { "formatted": "Ann Lee" },
        "emails": [{ "value": "ann.lee@acme.test", "type": "work", "primary": true }],
        "active": true,
        EXTENSION: { "department": "engineering", "locale": "ko", "engineer": true, "executive": false }
    })
}

fn audit_rows(app: &TestApp) -> Vec<(String, String, String)> {
    use ctopulse::db::schema::audit_log;
    use diesel::prelude::*;
    audit_log::table
        .filter(audit_log::object_type.eq("employee"))
        .order(audit_log::at)
        .select((
            audit_log::actor,
            audit_log::action,
            audit_log::detail.assume_not_null(),
        ))
        .load(&mut *app.conn())
        .unwrap()
}

pub(super) fn assert_scim_error(a: &Answer, status: u16, scim_type: Option<&str>) {
    assert_eq!(a.status, status, "{}", a.body);
    assert_eq!(a.content_type, "application/scim+json");
    assert_eq!(a.body["schemas"], json!([ERROR]));
    assert_eq!(a.body["status"], json!(status.to_string()));
    assert!(a.body["detail"].as_str().is_some_and(|d| !d.is_empty()));
    if let Some(t) = scim_type {
        assert_eq!(a.body["scimType"], json!(t), "{}", a.body);
    }
}

#[tokio::test]
async fn an_identity_provider_creates_reads_replaces_patches_and_deletes_a_person() {
    let app = TestApp::spawn().await;
    let (_, token) = scim_token(&app, "okta");
    let t = Some(token.as_str());

    let created = call(&app, "POST", "/Users", t, Some(&ann().to_string())).await;
    assert_eq!(created.status, 201, "{}", created.body);
    assert_eq!(created.content_type, "application/scim+json");
    let id = created.body["id"].as_str().unwrap().to_string();
    // userName is kept as sent; the address is the one of emails.
    assert_eq!(created.body["userName"], "Ann.Lee@Acme.test");
    assert_eq!(
        created.body["emails"],
        json!([{ "value": "ann.lee@acme.test" }])
    );
    assert_eq!(created.body[EXTENSION]["locale"], "ko");
    assert_eq!(created.body["meta"]["resourceType"], "User");

    let got = call(&app, "GET", &format!("/Users/{id}"), t, None).await;
    assert_eq!(got.status, 200);
    assert_eq!(got.body, created.body);

    let mut replaced = ann();
    replaced["displayName"] = json!("Ann de Lee");
    replaced["name"] = json!({ "formatted": "Ann de Lee" });
    replaced[EXTENSION]["department"] = json!("sales");
    let put = call(
        &app,
        "PUT",
        &format!("/Users/{id}"),
        t,
        Some(&replaced.to_string()),
    )
    .await;
    assert_eq!(put.status, 200, "{}", put.body);
    assert_eq!(put.body["displayName"], "Ann de Lee");
    assert_eq!(put.body[EXTENSION]["department"], "sales");

    let patch = json!({
        "schemas": [PATCH_OP],
        "Operations": [
            { "op": "replace", "path": "active", "value": false },
            { "op": "replace", "path": "name", "value": { "givenName": "Ann", "familyName": "Kim" } },
            { "op": "replace", "path": "emails", "value": [{ "value": "ann.kim@acme.test", "primary": true }] },
            { "op": "replace", "value": { EXTENSION: { "executive": true, "locale": "nl" } } }
        ]
    });
    let patched = call(
        &app,
        "PATCH",
        &format!("/Users/{id}"),
        t,
        Some(&patch.to_string()),
    )
    .await;
    assert_eq!(patched.status, 200, "{}", patched.body);
    assert_eq!(patched.body["active"], false);
    // name sets name.formatted; displayName, the name ctopulse shows, stays.
    assert_eq!(patched.body["displayName"], "Ann de Lee");
    assert_eq!(patched.body["userName"], "Ann.Lee@Acme.test");
    assert_eq!(patched.body["emails"][0]["value"], "ann.kim@acme.test");
    assert_eq!(patched.body["name"]["formatted"], "Ann Kim");
    assert_eq!(patched.body[EXTENSION]["executive"], true);
    assert_eq!(patched.body[EXTENSION]["locale"], "nl");
    // active=false deactivates the person as the roster does.
    let stored = employees::by_email(&mut app.conn(), "ann.kim@acme.test")
        .unwrap()
        .unwrap();
    assert!(!stored.active && stored.is_executive);

    let reactivate = json!({ "schemas": [PATCH_OP], "Operations": [{ "op": "replace", "value": { "active": true } }] });
    let r = call(
        &app,
        "PATCH",
        &format!("/Users/{id}"),
        t,
        Some(&reactivate.to_string()),
    )
    .await;
    assert_eq!(r.body["active"], true);

    let deleted = call(&app, "DELETE", &format!("/Users/{id}"), t, None).await;
    assert_eq!(deleted.status, 204);
    // Deleting deactivates: the person stays on the roster, as people who leave do, but is
    // gone for SCIM.
    let after = call(&app, "GET", &format!("/Users/{id}"), t, None).await;
    assert_scim_error(&after, 404, None);
    let stored = employees::by_email(&mut app.conn(), "ann.kim@acme.test")
        .unwrap()
        .unwrap();
    assert!(!stored.active && stored.scim_deleted_at.is_some());
    assert_eq!(app.count("employees"), 1);

    let missing = call(&app, "GET", "/Users/no-such-id", t, None).await;
    assert_scim_error(&missing, 404, None);

    // Every change is audited under the token's name, with the roster's own actions.
    let rows = audit_rows(&app);
    let actions: Vec<&str> = rows.iter().map(|(_, a, _)| a.as_str()).collect();
    assert_eq!(
        actions,
        [
            "roster.add",
            "roster.update",
            "roster.update",
            "roster.update",
            "roster.deactivate"
        ]
    );
    assert!(rows.iter().all(|(actor, _, _)| actor == "token:okta"));
    assert!(
        rows[1].2.contains("department engineering -> sales"),
        "{}",
        rows[1].2
    );
    assert!(rows[2].2.contains("email changed") && rows[2].2.contains("active true -> false"));
    assert!(
        rows.iter().all(|(_, _, d)| !d.contains("Ann")),
        "names stay out of the log"
    );
}

#[tokio::test]
async fn lists_come_in_pages_in_a_stable_order() {
    let app = TestApp::spawn().await;
    app.import_roster(ROSTER);
    let (_, token) = scim_token(&app, "okta");
    let t = Some(token.as_str());
    let all = call(&app, "GET", "/Users?count=1000", t, None).await;
    assert_eq!(all.body["totalResults"], 15);
    let emails: Vec<String> = all.body["Resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["userName"].as_str().unwrap().to_string())
        .collect();
    let mut sorted = emails.clone();
    sorted.sort();
    assert_eq!(emails, sorted);

    let page = call(&app, "GET", "/Users?startIndex=3&count=5", t, None).await;
    assert_eq!(page.status, 200);
    assert_eq!(
        page.body["schemas"],
        json!(["urn:ietf:params:scim:api:messages:2.0:ListResponse"])
    );
    assert_eq!(page.body["totalResults"], 15);
    assert_eq!(page.body["startIndex"], 3);
    assert_eq!(page.body["itemsPerPage"], 5);
    let names: Vec<&str> = page.body["Resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["userName"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        emails[2..7].iter().map(String::as_str).collect::<Vec<_>>()
    );

    let last = call(&app, "GET", "/Users?startIndex=14&count=5", t, None).await;
    assert_eq!(last.body["itemsPerPage"], 2);
    let none = call(&app, "GET", "/Users?count=0", t, None).await;
    assert_eq!(
        (
            none.body["totalResults"].clone(),
            none.body["itemsPerPage"].clone()
        ),
        (json!(15), json!(0))
    );
    let bad = call(&app, "GET", "/Users?count=many", t, None).await;
    assert_scim_error(&bad, 400, Some("invalidValue"));
}

#[tokio::test]
async fn both_filters_find_a_person_and_others_are_refused() {
    let app = TestApp::spawn().await;
    app.import_roster(ROSTER);
    let (_, token) = scim_token(&app, "okta");
    let t = Some(token.as_str());
    for filter in [
        r#"userName eq "S2@acme.test""#,
        r#"emails.value eq "s2@acme.test""#,
    ] {
        let path = format!("/Users?filter={}", urlencode(filter));
        let a = call(&app, "GET", &path, t, None).await;
        assert_eq!(a.status, 200, "{filter}: {}", a.body);
        assert_eq!(a.body["totalResults"], 1, "{filter}");
        assert_eq!(a.body["Resources"][0]["userName"], "s2@acme.test");
    }
    let nobody = call(
        &app,
        "GET",
        &format!(
            "/Users?filter={}",
            urlencode(r#"userName eq "zz@acme.test""#)
        ),
        t,
        None,
    )
    .await;
    assert_eq!(
        (
            nobody.body["totalResults"].clone(),
            nobody.body["Resources"].clone()
        ),
        (json!(0), json!([]))
    );
    for filter in [
        r#"displayName eq "Sam One""#,
        r#"userName sw "s""#,
        r#"userName eq "s1@acme.test" or userName eq "s2@acme.test""#,
    ] {
        let a = call(
            &app,
            "GET",
            &format!("/Users?filter={}", urlencode(filter)),
            t,
            None,
        )
        .await;
        assert_scim_error(&a, 400, Some("invalidFilter"));
    }
}

pub(super) fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'.' | b'-' | b'_' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test]
async fn a_scim_token_needs_the_admin_role() {
    let app = TestApp::spawn().await;
    let refused = accounts::create_scoped_token(
        &mut app.conn(),
        "okta",
        Role::Board,
        TokenScope::Scim,
        "test",
        clock::now(),
    );
    assert!(refused.is_err());
    assert_eq!(app.count("api_tokens"), 0);
}

#[tokio::test]
async fn the_discovery_endpoints_describe_users_and_the_extension() {
    let app = TestApp::spawn().await;
    let (_, token) = scim_token(&app, "okta");
    let t = Some(token.as_str());
    let spc = call(&app, "GET", "/ServiceProviderConfig", t, None).await;
    assert_eq!(spc.content_type, "application/scim+json");
    assert_eq!(spc.body["patch"]["supported"], true);
    assert_eq!(spc.body["filter"]["supported"], true);
    assert_eq!(spc.body["bulk"]["supported"], false);
    assert_eq!(
        spc.body["authenticationSchemes"][0]["type"],
        "oauthbearertoken"
    );

    let types = call(&app, "GET", "/ResourceTypes", t, None).await;
    assert_eq!(types.body["totalResults"], 1);
    assert_eq!(types.body["Resources"][0]["schema"], CORE_USER);
    assert_eq!(
        types.body["Resources"][0]["schemaExtensions"][0]["schema"],
        EXTENSION
    );
    assert_eq!(
        call(&app, "GET", "/ResourceTypes/User", t, None)
            .await
            .status,
        200
    );
    assert_scim_error(
        &call(&app, "GET", "/ResourceTypes/Group", t, None).await,
        404,
        None,
    );

    let schemas = call(&app, "GET", "/Schemas", t, None).await;
    let ids: Vec<&str> = schemas.body["Resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [CORE_USER, EXTENSION]);
    let ext = call(&app, "GET", &format!("/Schemas/{EXTENSION}"), t, None).await;
    let attrs: Vec<&str> = ext.body["attributes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(attrs, ["department", "locale", "engineer", "executive"]);
}

#[tokio::test]
async fn scim_changes_after_a_launch_count_toward_the_padded_roster_warning() {
    let app = TestApp::spawn().await;
    app.import_roster(ROSTER);
    app.launch("internal-csat", "2026Q3");
    let now = clock::now();
    assert_eq!(
        ctopulse::db::rounds::roster_changes_before(&mut app.conn(), now).unwrap(),
        0
    );
    let (_, token) = scim_token(&app, "okta");
    let created = call(
        &app,
        "POST",
        "/Users",
        Some(&token),
        Some(&ann().to_string()),
    )
    .await;
    assert_eq!(created.status, 201);
    let later = clock::now() + time::Duration::seconds(1);
    assert_eq!(
        ctopulse::db::rounds::roster_changes_before(&mut app.conn(), later).unwrap(),
        1
    );
    // Deactivating never touches answers or responses: only the roster row changes.
    let responses = app.count("responses");
    let id = created.body["id"].as_str().unwrap();
    assert_eq!(
        call(&app, "DELETE", &format!("/Users/{id}"), Some(&token), None)
            .await
            .status,
        204
    );
    assert_eq!(app.count("responses"), responses);
}
