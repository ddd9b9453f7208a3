//! Key drivers through the real seal: computed from the sealed answers, stored beside the
//! tallies, the same bytes on every rebuild, never for a withheld group, and served by the
//! scorecard API.

use crate::helpers::{rid, TestApp};
use crate::staff_support::add_token;
use ctopulse::app::rounds::{self, SealOptions};
use ctopulse::auth::Role;
use ctopulse::db::{drivers, survey};
use ctopulse::domain::survey_form::AnswerValue;

/// 25 in sales, 3 in marketing (below k = 5), 10 in BD.
fn roster() -> String {
    let mut csv = String::from("email,name,department,locale,is_engineer,is_executive,active\n");
    for (dept, n) in [("sales", 25), ("marketing", 3), ("bd", 10)] {
        for i in 0..n {
            csv.push_str(&format!(
                "{dept}{i}@acme.test,P {i},{dept},en,false,false,true\n"
            ));
        }
    }
    csv
}

fn value(key: &str, v: i32) -> AnswerValue {
    AnswerValue {
        question_key: key.into(),
        value: Some(v),
        not_applicable: false,
        text: None,
    }
}

/// Sales respondent i: customer meetings drive overall satisfaction; the other items vary
/// without it. Others answer only the overall item.
fn answers(dept: &str, i: i32) -> Vec<AnswerValue> {
    let meetings = 1 + i % 5;
    if dept != "sales" {
        return vec![value("overall_satisfaction", 1 + (i * 2) % 5)];
    }
    vec![
        value(
            "overall_satisfaction",
            if i % 4 == 0 {
                meetings.max(2) - 1
            } else {
                meetings
            },
        ),
        value("sales_customer_meetings", meetings),
        value("sales_roadmap_confidence", 1 + (i * 3 + 1) % 5),
        value("sales_says_i_dont_know", 1 + (i * 2 + 3) % 5),
        value("sales_deal_questions", 1 + (i / 5) % 5),
        value("sales_customer_feedback", 1 + (i * 4 + 2) % 5),
    ]
}

/// Launches internal-csat for 2026Q4, everyone answers, and seals it with `min` as the
/// drivers' least n.
async fn sealed_csat(app: &TestApp, min: u32) -> String {
    app.import_roster(&roster());
    let round = app.launch("internal-csat", "2026Q4");
    app.send_all().await;
    let now = ctopulse::clock::now();
    for (dept, n) in [("sales", 25), ("marketing", 3), ("bd", 10)] {
        for i in 0..n {
            let token = app.link_path(&format!("{dept}{i}@acme.test"))[3..].to_string();
            survey::submit(
                &mut app.conn(),
                rid(&round),
                &ctopulse::tokens::hash(&token),
                &answers(dept, i),
                now,
            )
            .unwrap();
        }
    }
    let options = SealOptions {
        driver_min_respondents: min,
    };
    rounds::close_and_seal_with(&mut app.conn(), rid(&round), now, "test", options).unwrap();
    round
}

#[tokio::test]
async fn drivers_are_stored_at_seal_only_for_shown_groups_and_a_rebuild_gives_the_same_bytes() {
    let app = TestApp::spawn().await;
    let round = sealed_csat(&app, 20).await;
    let stored = drivers::for_round(&mut app.conn(), rid(&round)).unwrap();
    // Marketing (3 < k) is withheld, and BD with it (the lighter of the groups that could
    // protect it): neither gets an analysis, not even a row.
    let keys: Vec<&str> = stored.iter().map(|d| d.analysis.as_str()).collect();
    assert_eq!(keys, vec!["sales"], "{stored:?}");
    let fit = stored[0].fit.as_ref().expect("25 complete answers ≥ 20");
    assert_eq!(fit.n, 25);
    assert_eq!(fit.items.len(), 5);
    let total: f64 = fit.items.iter().map(|i| i.importance.estimate).sum();
    assert!((total - fit.r_squared.estimate).abs() < 1e-9);
    let top = fit
        .items
        .iter()
        .max_by(|a, b| a.importance.estimate.total_cmp(&b.importance.estimate))
        .unwrap();
    assert_eq!(top.item, "sales_customer_meetings");

    // A rebuild of the tallies recomputes the drivers: bit for bit the same.
    for _ in 0..2 {
        rounds::retally(
            &mut app.conn(),
            ctopulse::clock::now(),
            rid(&round),
            "test",
            SealOptions {
                driver_min_respondents: 20,
            },
        )
        .unwrap();
        let again = drivers::for_round(&mut app.conn(), rid(&round)).unwrap();
        assert_eq!(format!("{again:?}"), format!("{stored:?}"));
    }
}

#[tokio::test]
async fn the_scorecard_api_serves_drivers_and_the_top_three_and_says_why_one_is_missing() {
    let app = TestApp::spawn().await;
    sealed_csat(&app, 20).await;
    let (_, board) = add_token(&app, "board-bot", Role::Board);
    let card = app
        .api_json(&board, "/api/v1/scorecard?quarter=2026Q4")
        .await;
    let top = card["scorecard"]["measure_c"]["top_drivers"]
        .as_array()
        .unwrap();
    assert_eq!(top.len(), 3, "{top:?}");
    assert_eq!(top[0]["analysis"], "sales");
    assert_eq!(top[0]["driver"]["item"], "sales_customer_meetings");
    let round = &card["scorecard"]["rounds"].as_array().unwrap()[0];
    let by_key = |k: &str| {
        round["drivers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["analysis"] == k)
            .cloned()
            .unwrap()
    };
    assert_eq!(by_key("sales")["figure"]["state"], "shown");
    assert_eq!(by_key("marketing")["figure"]["state"], "suppressed");
    assert_eq!(by_key("bd")["figure"]["state"], "suppressed");
    let items = by_key("sales")["figure"]["value"]["items"]
        .as_array()
        .unwrap()
        .clone();
    let shares: f64 = items
        .iter()
        .map(|i| i["share_of_r2"].as_f64().unwrap())
        .sum();
    assert!((shares - 1.0).abs() < 1e-9);
    assert!(items.iter().all(|i| i["priority"].is_string()));
}

#[tokio::test]
async fn a_group_below_the_minimum_gets_no_fit_and_the_reason_names_the_minimum() {
    let app = TestApp::spawn().await;
    let round = sealed_csat(&app, 30).await;
    let stored = drivers::for_round(&mut app.conn(), rid(&round)).unwrap();
    assert_eq!(stored.len(), 1);
    assert!(stored[0].fit.is_none());
    assert_eq!(stored[0].min_respondents, 30);
    let (_, cto) = add_token(&app, "cto-bot", Role::Cto);
    let card = app
        .api_json(&cto, &format!("/api/v1/rounds/{round}/results"))
        .await;
    let sales = card["results"]["drivers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["analysis"] == "sales")
        .cloned()
        .unwrap();
    assert_eq!(sales["figure"]["state"], "not_enough_data");
    assert!(sales["figure"]["reason"]
        .as_str()
        .unwrap()
        .contains("fewer than 30"));
}

#[tokio::test]
async fn the_csv_and_json_exports_carry_the_drivers() {
    let app = TestApp::spawn().await;
    sealed_csat(&app, 20).await;
    let (_, cto) = add_token(&app, "cto-bot", Role::Cto);
    let csv = app
        .api_text(&cto, "/api/v1/export?format=csv&quarter=2026Q4")
        .await;
    let importance_rows: Vec<&str> = csv
        .lines()
        .filter(|l| l.contains("/drivers/") && l.contains("sales_customer_meetings/importance"))
        .collect();
    assert_eq!(importance_rows.len(), 3, "estimate, low, high: {csv}");
    assert!(csv.contains("scorecard,measure_c/top_drivers/0/driver,item,sales_customer_meetings"));
    let json = app
        .api_json(&cto, "/api/v1/export?format=json&quarter=2026Q4")
        .await;
    assert_eq!(
        json["scorecard"]["measure_c"]["top_drivers"][0]["driver"]["item"],
        "sales_customer_meetings"
    );
}

#[tokio::test]
async fn a_round_sealed_before_drivers_existed_says_so_once_on_the_dashboard() {
    use diesel::RunQueryDsl;
    let app = TestApp::spawn().await;
    let round = sealed_csat(&app, 20).await;
    // A round sealed before key drivers existed has no driver rows at all.
    for table in ["driver_items", "driver_analyses"] {
        diesel::sql_query(format!("DELETE FROM {table} WHERE round_id = '{round}'"))
            .execute(&mut app.conn())
            .unwrap();
    }
    crate::staff_support::add_user(&app, "cto@acme.test", Role::Cto);
    let cto = crate::staff_support::sign_in(&app, "cto@acme.test").await;
    let body = crate::staff_support::get_with(&app, "/dashboard?quarter=2026Q4", &cto.cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(
        body.contains(
            "Not computed: the round was sealed before key drivers existed (rebuilding its \
             tallies computes them)."
        ),
        "{body}"
    );
    assert!(!body.to_lowercase().contains("not computed: not computed"));
}
