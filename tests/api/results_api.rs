//! `/api/v1` results: only closed rounds, JSON errors, an OpenAPI document that covers every
//! API route of the table.

use crate::helpers::{TestApp, ROSTER};
use crate::staff_support::add_token;
use ctopulse::auth::Role;

async fn api(app: &TestApp, token: &str, path: &str) -> reqwest::Response {
    app.client
        .get(format!("{}{path}", app.address))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn results_exist_only_for_closed_rounds_and_errors_are_json() {
    let app = TestApp::spawn().await;
    let (_, board) = add_token(&app, "board-bot", Role::Board);
    app.import_roster(ROSTER);
    let round = app.launch("internal-csat", "2026Q4");

    let res = api(&app, &board, "/api/v1/scorecard?quarter=2026Q4").await;
    assert_eq!(res.status(), 404);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(
        body,
        serde_json::json!({ "error": "not_found", "message": "no closed round for 2026Q4" })
    );

    let res = api(&app, &board, &format!("/api/v1/rounds/{round}/results")).await;
    assert_eq!(res.status(), 409);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["error"], "conflict");

    let res = api(&app, &board, "/api/v1/scorecard?quarter=26Q9").await;
    assert_eq!(res.status(), 400);
    assert_eq!(
        res.json::<serde_json::Value>().await.unwrap()["error"],
        "bad_request"
    );

    let res = api(&app, &board, "/api/v1/nope").await;
    assert_eq!(res.status(), 404);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/json"));

    let res = app
        .client
        .get(format!("{}/api/v1/scorecard", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    assert_eq!(
        res.json::<serde_json::Value>().await.unwrap()["error"],
        "unauthenticated"
    );

    // Progress of the open round: counts only.
    let res = api(&app, &board, "/api/v1/progress").await;
    assert_eq!(res.status(), 200);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body[0]["progress"]["overall"]["invited"], 14);

    // Once closed, the round's results and the scorecard are served.
    ctopulse::app::rounds::close_and_seal(&mut app.conn(), &round, ctopulse::clock::now(), "test")
        .unwrap();
    let res = api(&app, &board, &format!("/api/v1/rounds/{round}/results")).await;
    assert_eq!(res.status(), 200);
    let res = api(&app, &board, "/api/v1/scorecard").await;
    assert_eq!(res.status(), 200);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["scorecard"]["quarter"], "2026Q4");

    let res = api(&app, &board, "/api/v1/export?format=csv").await;
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains("ctopulse-2026Q4.csv"));
    assert!(res
        .text()
        .await
        .unwrap()
        .starts_with("section,subject,metric,value"));
    let res = api(&app, &board, "/api/v1/export?format=xlsx").await;
    assert_eq!(res.status(), 400);
}

#[tokio::test]
async fn the_openapi_document_covers_every_api_route() {
    let app = TestApp::spawn().await;
    let res = app.get("/api/v1/openapi.json").await;
    assert_eq!(res.status(), 200);
    let doc: serde_json::Value = res.json().await.unwrap();
    assert_eq!(doc["openapi"], "3.0.3");
    for spec in ctopulse::web::route_table()
        .into_iter()
        .filter(|s| s.path.starts_with("/api/"))
    {
        assert!(
            ctopulse::web::openapi::is_documented(spec.path),
            "{} has no OpenAPI entry",
            spec.path
        );
        let op = &doc["paths"][spec.path][spec.method.as_str().to_ascii_lowercase()];
        assert!(
            op.is_object(),
            "{} {} missing from the document",
            spec.method,
            spec.path
        );
    }
}
