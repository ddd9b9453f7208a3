//! Action plans through the API: recorded on a sealed round by the CTO or the admin, read
//! by the board with follow-through equal to the scorecard's own figures, withheld figures
//! never shown, and every bad write refused with nothing changed.

use crate::helpers::{rid, TestApp};
use crate::staff_support::add_token;
use ctopulse::auth::Role;
use ctopulse::db::survey;
use ctopulse::domain::survey_form::AnswerValue;
use serde_json::{json, Value};

/// 20 in sales, 3 in marketing (below k = 5), 10 in BD.
pub fn roster() -> String {
    let mut csv = String::from("email,name,department,locale,is_engineer,is_executive,active\n");
    for (dept, n) in [("sales", 20), ("marketing", 3), ("bd", 10)] {
        for i in 0..n {
            csv.push_str(&format!(
                "{dept}{i}@acme.test,P {i},{dept},en,false,false,true\n"
            ));
        }
    }
    csv
}

fn overall(v: i32) -> Vec<AnswerValue> {
    vec![AnswerValue {
        question_key: "overall_satisfaction".into(),
        value: Some(v),
        not_applicable: false,
        text: None,
    }]
}

/// Launches internal-csat for `quarter`; everyone answers; sales answers favourably when
/// `i < sales_favourable`; seals it. Returns the round id.
pub async fn sealed_quarter(app: &TestApp, quarter: &str, sales_favourable: i32) -> String {
    let round = app.launch("internal-csat", quarter);
    app.send_all().await;
    let now = ctopulse::clock::now();
    for (dept, n) in [("sales", 20), ("marketing", 3), ("bd", 10)] {
        for i in 0..n {
            let v = if dept == "sales" && i >= sales_favourable {
                2
            } else {
                4
            };
            let token = app.link_path(&format!("{dept}{i}@acme.test"))[3..].to_string();
            survey::submit(
                &mut app.conn(),
                rid(&round),
                &ctopulse::tokens::hash(&token),
                &overall(v),
                now,
            )
            .unwrap();
        }
    }
    app.seal_now(&round);
    round
}

pub async fn post_json(app: &TestApp, token: &str, path: &str, body: &Value) -> (u16, Value) {
    send(app, reqwest::Method::POST, token, path, body).await
}

async fn send(
    app: &TestApp,
    method: reqwest::Method,
    token: &str,
    path: &str,
    body: &Value,
) -> (u16, Value) {
    let resp = app
        .client
        .request(method, format!("{}{path}", app.address))
        .bearer_auth(token)
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    let status = resp.status().as_u16();
    let text = resp.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

pub fn action(round: &str, link: Value) -> Value {
    json!({
        "round": round,
        "link": link,
        "owner": "CTO",
        "due": "2026Q4",
        "status": "done",
        "texts": {
            "en": {"title": "CTO joins the weekly deal review", "note": "Every Tuesday since October."},
            "nl": {"title": "CTO schuift aan bij het wekelijkse dealoverleg"}
        }
    })
}

/// The group's CSAT as the scorecard API shows it for `quarter`.
async fn scorecard_csat(app: &TestApp, token: &str, quarter: &str, group: &str) -> Value {
    let card = app
        .api_json(token, &format!("/api/v1/scorecard?quarter={quarter}"))
        .await;
    card["scorecard"]["rounds"][0]["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["key"] == group)
        .unwrap()["csat"]
        .clone()
}

#[tokio::test]
async fn an_action_is_followed_with_the_scorecards_own_figures_and_audited() {
    let app = TestApp::spawn().await;
    app.import_roster(&roster());
    let q3 = sealed_quarter(&app, "2026Q3", 10).await;
    sealed_quarter(&app, "2026Q4", 19).await;
    let (_, cto) = add_token(&app, "cto-bot", Role::Cto);
    let (_, board) = add_token(&app, "board-bot", Role::Board);
    let link = json!({"kind": "group", "group": "sales"});
    let (status, body) = post_json(&app, &cto, "/api/v1/actions", &action(&q3, link)).await;
    assert_eq!(status, 201, "{body}");
    let id = body["id"].as_str().unwrap().to_string();

    let list = app.api_json(&board, "/api/v1/actions").await;
    let a = &list[0];
    assert_eq!(a["id"], id.as_str());
    assert_eq!(a["quarter"], "2026Q3");
    assert_eq!(a["status"], "done");
    let points = a["follow_through"].as_array().unwrap();
    assert_eq!(points.len(), 2, "{a}");
    for (p, q) in points.iter().zip(["2026Q3", "2026Q4"]) {
        assert_eq!(p["quarter"], q);
        let own = scorecard_csat(&app, &board, q, "sales").await;
        assert_eq!(p["figure"]["value"]["value"], own["value"]["estimate"]);
        assert_eq!(p["figure"]["value"]["low"], own["value"]["low"]);
        assert_eq!(p["figure"]["value"]["high"], own["value"]["high"]);
    }
    // 10/20 = 0.50 then 19/20 = 0.95: Δ = 0.45. Every invitee answered, so both figures are
    // censuses (variance 0) and a 45-point difference is a change.
    assert_eq!(points[1]["since_start"]["state"], "changed");
    assert_eq!(points[1]["since_start"]["direction"], "up");

    let audited = app.count("audit_log WHERE action = 'action.create'");
    assert_eq!(audited, 1);

    // The CTO marks it in progress with a note; the change is audited too.
    let mut update = action(&q3, json!({"kind": "group", "group": "sales"}));
    update["status"] = json!("in_progress");
    let (status, body) = send(
        &app,
        reqwest::Method::PUT,
        &cto,
        &format!("/api/v1/actions/{id}"),
        &update,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let list = app.api_json(&board, "/api/v1/actions").await;
    assert_eq!(list[0]["status"], "in_progress");
    assert_eq!(app.count("audit_log WHERE action = 'action.update'"), 1);
}

#[tokio::test]
async fn a_figure_withheld_by_the_scorecard_is_withheld_in_the_follow_through_and_exports() {
    let app = TestApp::spawn().await;
    app.import_roster(&roster());
    let q3 = sealed_quarter(&app, "2026Q3", 10).await;
    let (_, cto) = add_token(&app, "cto-bot", Role::Cto);
    // Marketing has 3 answers (< k): its figures are suppressed everywhere.
    let link = json!({"kind": "item", "item": "overall_satisfaction", "group": "marketing"});
    let (status, body) = post_json(&app, &cto, "/api/v1/actions", &action(&q3, link)).await;
    assert_eq!(status, 201, "{body}");
    let list = app.api_json(&cto, "/api/v1/actions").await;
    let p = &list[0]["follow_through"][0];
    assert_eq!(p["figure"]["state"], "suppressed", "{p}");
    assert!(p["figure"].get("value").is_none());
    let csv = app
        .api_text(&cto, "/api/v1/actions/export?format=csv")
        .await;
    let row = csv.lines().nth(1).unwrap();
    assert!(row.contains(",suppressed,,,,,"), "{row}");
    let json = app
        .api_text(&cto, "/api/v1/actions/export?format=json")
        .await;
    assert!(!json.contains("\"value\""), "{json}");
}

#[tokio::test]
async fn bad_writes_are_refused_with_a_reason_and_change_nothing() {
    let app = TestApp::spawn().await;
    app.import_roster(&roster());
    let q3 = sealed_quarter(&app, "2026Q3", 10).await;
    let open = app.launch("internal-csat", "2026Q4");
    let (_, cto) = add_token(&app, "cto-bot", Role::Cto);
    let (_, board) = add_token(&app, "board-bot", Role::Board);
    let (_, admin) = add_token(&app, "admin-bot", Role::Admin);
    let group = json!({"kind": "group", "group": "sales"});
    let good = action(&q3, group.clone());

    let mut cases: Vec<(&str, Value, u16, &str)> = Vec::new();
    let mut v = good.clone();
    v["quarter"] = json!("2026Q4");
    cases.push(("another quarter", v, 422, "not 2026Q4"));
    cases.push((
        "open round",
        action(&open, json!({"kind": "measure", "metric": "weighted_csat"})),
        409,
        "sealed",
    ));
    cases.push((
        "unknown item",
        action(&q3, json!({"kind": "item", "item": "nope"})),
        422,
        "no Likert question",
    ));
    cases.push((
        "driver of a withheld group",
        action(
            &q3,
            json!({"kind": "driver", "analysis": "marketing", "item": "mkt_evangelism"}),
        ),
        422,
        "key drivers have no item",
    ));
    cases.push((
        "wrong measure",
        action(&q3, json!({"kind": "measure", "metric": "alignment"})),
        422,
        "does not come from",
    ));
    let mut v = good.clone();
    v["texts"]["en"]["title"] = json!("x".repeat(201));
    cases.push(("long title", v, 422, "longer than 200"));
    let mut v = good.clone();
    v["texts"] = json!({"ko": {"title": "한국어만"}});
    cases.push(("no default language", v, 422, "default language"));
    let mut v = good.clone();
    v["status"] = json!("finished");
    cases.push(("unknown status", v, 400, "not a valid action"));
    let mut v = good.clone();
    v["due"] = json!("2026Q2");
    cases.push(("due before", v, 422, "before the quarter"));
    let mut v = good.clone();
    v["status"] = json!("dropped");
    v["texts"]["en"]["note"] = json!("");
    cases.push(("dropped without note", v, 422, "needs a note"));
    let mut v = good.clone();
    v["colour"] = json!("red");
    cases.push(("unknown field", v, 400, "unknown field"));
    let mut v = good.clone();
    v["round"] = json!("not-a-round");
    cases.push(("bad round id", v, 400, "not a round id"));
    let mut v = good.clone();
    v["round"] = json!(uuid::Uuid::new_v4().to_string());
    cases.push(("unknown round", v, 404, "no round"));
    let mut v = good.clone();
    v["owner"] = json!("o".repeat(101));
    cases.push(("long owner", v, 422, "owner"));

    for (name, body, want, words) in cases {
        let (status, answer) = post_json(&app, &cto, "/api/v1/actions", &body).await;
        assert_eq!(status, want, "{name}: {answer}");
        let message = answer["message"].as_str().unwrap_or_default();
        assert!(message.contains(words), "{name}: {message}");
    }
    let resp = app
        .client
        .post(format!("{}/api/v1/actions", app.address))
        .bearer_auth(&cto)
        .header("content-type", "application/json")
        .body("{\"round\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 400);
    // The board reads, never writes.
    let (status, _) = post_json(&app, &board, "/api/v1/actions", &good).await;
    assert_eq!(status, 403);
    assert_eq!(app.count("actions"), 0);
    assert_eq!(app.count("action_texts"), 0);
    assert_eq!(app.count("audit_log WHERE action LIKE 'action.%'"), 0);

    // The admin may write; a change of round, an unknown action and the board are refused.
    let (status, body) = post_json(&app, &admin, "/api/v1/actions", &good).await;
    assert_eq!(status, 201, "{body}");
    let id = body["id"].as_str().unwrap().to_string();
    let path = format!("/api/v1/actions/{id}");
    let mut moved = good.clone();
    moved["round"] = json!(open);
    let (status, body) = send(&app, reqwest::Method::PUT, &cto, &path, &moved).await;
    assert_eq!(status, 422, "{body}");
    let mut board_edit = good.clone();
    board_edit["status"] = json!("in_progress");
    let (status, _) = send(&app, reqwest::Method::PUT, &board, &path, &board_edit).await;
    assert_eq!(status, 403);
    let (status, _) = send(
        &app,
        reqwest::Method::PUT,
        &cto,
        "/api/v1/actions/no-such-action",
        &good,
    )
    .await;
    assert_eq!(status, 404);
    let list = app.api_json(&board, "/api/v1/actions").await;
    assert_eq!(list[0]["status"], "done");
    assert_eq!(app.count("audit_log WHERE action LIKE 'action.%'"), 1);
}

#[tokio::test]
async fn the_csv_export_escapes_formulas_in_free_text() {
    let app = TestApp::spawn().await;
    app.import_roster(&roster());
    let q3 = sealed_quarter(&app, "2026Q3", 10).await;
    let (_, cto) = add_token(&app, "cto-bot", Role::Cto);
    let mut body = action(&q3, json!({"kind": "measure", "metric": "weighted_csat"}));
    body["owner"] = json!("=HYPERLINK(\"http://evil\")");
    body["texts"]["en"]["title"] = json!("<script>alert(1)</script>");
    let (status, answer) = post_json(&app, &cto, "/api/v1/actions", &body).await;
    assert_eq!(status, 201, "{answer}");
    let csv = app
        .api_text(&cto, "/api/v1/actions/export?format=csv")
        .await;
    assert!(
        csv.starts_with("action,quarter,template,link,owner"),
        "{csv}"
    );
    assert!(csv.contains("'=HYPERLINK"), "{csv}");
    assert!(csv.contains("measure weighted_csat"), "{csv}");
    let resp = app
        .client
        .get(format!("{}/api/v1/actions/export?format=xml", app.address))
        .bearer_auth(&cto)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 400);
}

/// German words set through the API show on a German page (the body takes every language):
/// a German company's actions are written in German.
#[tokio::test]
async fn a_german_action_text_set_through_the_api_shows_on_a_german_page() {
    let app = TestApp::spawn_adjusted(&[], |s| {
        s.default_locale = ctopulse::domain::locale::Locale::De;
    })
    .await;
    app.import_roster(&roster());
    let q3 = sealed_quarter(&app, "2026Q3", 10).await;
    let (_, cto) = add_token(&app, "cto-bot", Role::Cto);
    let mut body = action(&q3, json!({"kind": "group", "group": "sales"}));
    body["texts"]["de"] = json!({"title": "Der CTO nimmt am wöchentlichen Deal-Review teil"});
    let (status, created) = post_json(&app, &cto, "/api/v1/actions", &body).await;
    assert_eq!(status, 201, "{created}");
    crate::staff_support::add_user(&app, "cto@acme.test", Role::Cto);
    let session = crate::staff_support::sign_in(&app, "cto@acme.test").await;
    let page = session.page_in(&app, "/dashboard", "de").await;
    assert!(page.contains(r#"<html lang="de">"#), "{page}");
    assert!(
        page.contains("Der CTO nimmt am wöchentlichen Deal-Review teil"),
        "{page}"
    );
    assert!(!page.contains("CTO joins the weekly deal review"), "{page}");
}
