//! `/api/v1` results: only closed rounds, JSON errors, an OpenAPI document that covers every
//! API route of the table.

use crate::helpers::{TestApp, ROSTER};
use crate::staff_support::add_token;
use ctopulse::auth::Role;

async fn api(app: &TestApp, token: &str, path: &str) -> reqwest::Response {
    app.api_get(token, path).await
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
    app.seal_now(&round);
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
async fn the_openapi_document_covers_every_api_route_and_no_other() {
    let app = TestApp::spawn().await;
    let res = app.get("/api/v1/openapi.json").await;
    assert_eq!(res.status(), 200);
    let doc: serde_json::Value = res.json().await.unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    let table: std::collections::BTreeSet<(String, String)> = ctopulse::web::route_table()
        .into_iter()
        .filter(|s| s.path.starts_with("/api/"))
        .map(|s| (s.method.as_str().to_ascii_lowercase(), s.path.to_string()))
        .collect();
    let mut documented = std::collections::BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            documented.insert((method.clone(), path.clone()));
        }
    }
    assert_eq!(documented, table);
}

/// What the document's quarter pattern and enums refuse, the service refuses (400), and what
/// they allow it serves: a request valid by the document never gets a 400.
#[tokio::test]
async fn parameters_outside_the_document_are_refused_and_inside_it_served() {
    let app = TestApp::spawn().await;
    let (_, board) = add_token(&app, "board-bot", Role::Board);
    app.import_roster(ROSTER);
    let round = app.launch("internal-csat", "2026Q4");
    app.seal_now(&round);

    for bad in [
        "/api/v1/scorecard?quarter=",
        "/api/v1/scorecard?quarter=2026q4",
        "/api/v1/trends?quarter=%202026Q4",
        "/api/v1/commentary?quarter=1999Q4",
        "/api/v1/export?format=",
        "/api/v1/export?format=CSV",
        "/api/v1/report?format=gif",
        "/api/v1/report?lang=EN",
        "/api/v1/report?lang=",
    ] {
        let res = api(&app, &board, bad).await;
        assert_eq!(res.status(), 400, "{bad}");
        assert_eq!(
            res.json::<serde_json::Value>().await.unwrap()["error"],
            "bad_request",
            "{bad}"
        );
    }
    for good in [
        "/api/v1/scorecard?quarter=2026Q4",
        "/api/v1/trends",
        "/api/v1/commentary?quarter=2031Q1",
        "/api/v1/export?format=json&quarter=2026Q4",
        "/api/v1/report?format=svg&lang=nl",
    ] {
        assert_eq!(api(&app, &board, good).await.status(), 200, "{good}");
    }
    // A valid quarter with no closed round is a 404, not a 400.
    assert_eq!(
        api(&app, &board, "/api/v1/scorecard?quarter=2999Q1")
            .await
            .status(),
        404
    );
}

/// The list routes answer arrays, as documented; progress never lists bounced addresses.
#[tokio::test]
async fn list_routes_answer_arrays() {
    let app = TestApp::spawn().await;
    let (_, cto) = add_token(&app, "cto-bot", Role::Cto);
    app.import_roster(ROSTER);
    let round = app.launch("internal-csat", "2026Q4");
    let progress: serde_json::Value = api(&app, &cto, "/api/v1/progress")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(progress[0]["round_id"], round.as_str());
    assert_eq!(progress[0]["quarter"], "2026Q4");
    assert_eq!(
        progress[0]["progress"]["undeliverable"],
        serde_json::json!([])
    );
    let res = api(&app, &cto, "/api/v1/inflections").await;
    assert_eq!(res.status(), 200);
    assert!(res.json::<serde_json::Value>().await.unwrap().is_array());
}
