//! A long comment list shows a random sample with a link to all of it: at 100,000 people the
//! dashboard carried every comment (1.5 MB). The API leaves them out on request.

use crate::helpers::TestApp;
use crate::staff_support::{add_token, add_user, get_with, sign_in};
use ctopulse::auth::Role;

const PEOPLE: usize = 14;

fn roster() -> String {
    let mut csv = String::from("email,name,department,locale,is_engineer,is_executive,active\n");
    for i in 1..=PEOPLE {
        csv.push_str(&format!(
            "s{i}@acme.test,Seller {i},sales,en,false,false,true\n"
        ));
    }
    csv
}

fn comments_in(body: &str) -> Vec<String> {
    body.split("<ul class=\"comments\">")
        .skip(1)
        .flat_map(|list| {
            let list = list.split("</ul>").next().unwrap_or("");
            list.split("<li>")
                .skip(1)
                .map(|li| li.split("</li>").next().unwrap_or("").to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// A sealed 2026Q3 internal-CSAT round in which all 14 sellers left "Remark number i".
async fn sealed_round_with_comments() -> TestApp {
    let sellers: Vec<(String, String)> = (1..=PEOPLE)
        .map(|i| (format!("s{i}@acme.test"), format!("Remark number {i}")))
        .collect();
    sealed_round_answered_by(&roster(), &sellers).await
}

/// A sealed 2026Q3 internal-CSAT round of `roster` in which each (address, comment) answered.
async fn sealed_round_answered_by(roster: &str, answers: &[(String, String)]) -> TestApp {
    let app = TestApp::spawn().await;
    app.import_roster(roster);
    let round = app.launch("internal-csat", "2026Q3");
    app.send_all().await;
    for (address, comment) in answers {
        let browser = app.browser();
        let (form, csrf) = app.open_survey(&browser, address).await;
        let res = app
            .post_form(
                &browser,
                &form,
                &[
                    ("csrf_token", csrf.as_str()),
                    ("q_overall_satisfaction", "4"),
                    ("q_comment", comment.as_str()),
                ],
            )
            .await;
        assert_eq!(res.status(), 200);
    }
    app.seal_now(&round);
    app
}

fn every_remark() -> Vec<String> {
    let mut want: Vec<String> = (1..=PEOPLE).map(|i| format!("Remark number {i}")).collect();
    want.sort();
    want
}

#[tokio::test]
async fn a_long_comment_list_shows_a_sample_and_links_to_all_of_it() {
    let app = sealed_round_with_comments().await;
    add_user(&app, "cto@acme.test", Role::Cto);
    let cto = sign_in(&app, "cto@acme.test").await;

    let body = get_with(&app, "/dashboard", &cto.cookie)
        .await
        .text()
        .await
        .unwrap();
    let sample = comments_in(&body);
    // 10 = scorecard::COMMENT_SAMPLE of the 14.
    assert_eq!(sample.len(), 10, "{sample:?}");
    assert!(sample.iter().all(|c| c.starts_with("Remark number ")));
    assert!(
        body.contains("10 of 14 comments shown"),
        "the page says it shows a sample"
    );
    let link = "?quarter=2026Q3&#38;comments=all#comments-1";
    assert!(body.contains(link), "a link to all of them");
    assert!(body.contains("id=\"comments-1\""), "the link's target");

    let all = get_with(&app, "/dashboard?quarter=2026Q3&comments=all", &cto.cookie)
        .await
        .text()
        .await
        .unwrap();
    let mut every = comments_in(&all);
    every.sort();
    assert_eq!(every, every_remark());
    assert!(
        !all.contains("comments shown"),
        "nothing left out, nothing to say"
    );
}

#[tokio::test]
async fn the_sample_speaks_german_and_the_board_gets_no_comment_by_asking_for_all() {
    let app = sealed_round_with_comments().await;
    add_user(&app, "cto@acme.test", Role::Cto);
    add_user(&app, "board@acme.test", Role::Board);
    let cto = sign_in(&app, "cto@acme.test").await;
    let german = cto.page_in(&app, "/dashboard?quarter=2026Q3", "de").await;
    assert!(
        german.contains("10 von 14 Kommentaren angezeigt"),
        "{german}"
    );
    assert!(german.contains(">Alle Kommentare anzeigen<"), "{german}");
    assert!(!german.contains("comments shown"), "no English left");

    // The query only cuts or uncuts lists the role may read: the board reads none (the
    // setting is off by default), and asking for all of them changes nothing.
    let board = sign_in(&app, "board@acme.test").await;
    for path in ["/board?quarter=2026Q3&comments=all", "/board?comments=all"] {
        let body = get_with(&app, path, &board.cookie)
            .await
            .text()
            .await
            .unwrap();
        assert!(comments_in(&body).is_empty(), "{path}: {body}");
        assert!(!body.contains("Remark number"), "{path} shows a comment");
    }
}

#[tokio::test]
async fn the_scorecard_api_carries_comments_unless_asked_to_leave_them_out() {
    let app = sealed_round_with_comments().await;
    let (_, cto) = add_token(&app, "cto-bot", Role::Cto);
    let (_, board) = add_token(&app, "board-bot", Role::Board);
    let get = |token: String, path: &'static str| {
        let app = &app;
        async move { app.api_get(&token, path).await }
    };
    let texts = |body: &serde_json::Value| -> Vec<String> {
        let mut out: Vec<String> = body["scorecard"]["rounds"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|r| r["comments"].as_array().cloned().unwrap_or_default())
            .flat_map(|b| {
                b["comments"]["value"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default()
            })
            .filter_map(|c| c.as_str().map(str::to_string))
            .collect();
        out.sort();
        out
    };

    // By default and with comments=all: every comment, as before.
    for path in [
        "/api/v1/scorecard?quarter=2026Q3",
        "/api/v1/scorecard?quarter=2026Q3&comments=all",
    ] {
        let res = get(cto.clone(), path).await;
        assert_eq!(res.status(), 200, "{path}");
        let body: serde_json::Value = res.json().await.unwrap();
        assert_eq!(texts(&body), every_remark(), "{path}");
    }

    // comments=none: the same figures, no comment.
    let all: serde_json::Value = get(cto.clone(), "/api/v1/scorecard?quarter=2026Q3")
        .await
        .json()
        .await
        .unwrap();
    let res = get(
        cto.clone(),
        "/api/v1/scorecard?quarter=2026Q3&comments=none",
    )
    .await;
    assert_eq!(res.status(), 200);
    let none: serde_json::Value = res.json().await.unwrap();
    assert!(texts(&none).is_empty(), "{none}");
    assert!(!none.to_string().contains("Remark number"));
    for m in ["measure_a", "measure_b", "measure_c", "trends", "changes"] {
        assert_eq!(none["scorecard"][m], all["scorecard"][m], "{m} moved");
    }
    assert_eq!(
        none["scorecard"]["rounds"][0]["items"], all["scorecard"]["rounds"][0]["items"],
        "the items do not move"
    );

    // comments=sample: 10 of the 14, the same 10 on every call, the list saying it has 14;
    // the figures do not move.
    let sample_of = |body: &serde_json::Value| {
        let block = body["scorecard"]["rounds"][0]["comments"][0].clone();
        (texts(body), block["total"].clone())
    };
    let path = "/api/v1/scorecard?quarter=2026Q3&comments=sample";
    let first: serde_json::Value = get(cto.clone(), path).await.json().await.unwrap();
    let again: serde_json::Value = get(cto.clone(), path).await.json().await.unwrap();
    let (sample, total) = sample_of(&first);
    assert_eq!(sample.len(), 10, "{first}");
    assert_eq!(total, 14);
    assert!(sample.iter().all(|c| every_remark().contains(c)));
    assert_eq!(sample_of(&again), (sample, total), "a fixed sample");
    assert_eq!(
        first["scorecard"]["measure_c"],
        all["scorecard"]["measure_c"]
    );
    assert_eq!(
        all["scorecard"]["rounds"][0]["comments"][0]["total"], 14,
        "all comments also say how many"
    );

    // The board asks for all or a sample and gets none: the parameter never widens what a
    // role reads, and a list it may not read does not say its size.
    for path in [
        "/api/v1/scorecard?quarter=2026Q3&comments=all",
        "/api/v1/scorecard?quarter=2026Q3&comments=sample",
    ] {
        let res = get(board.clone(), path).await;
        assert_eq!(res.status(), 200);
        let body: serde_json::Value = res.json().await.unwrap();
        assert!(!body.to_string().contains("Remark number"), "{body}");
        assert!(!body.to_string().contains("\"total\""), "{body}");
    }

    // Anything else is refused and names the parameter.
    let res = get(cto.clone(), "/api/v1/scorecard?comments=some").await;
    assert_eq!(res.status(), 400);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["error"], "bad_request");
    assert!(
        body["message"].as_str().unwrap_or("").contains("comments"),
        "{body}"
    );
}

/// Pages keep a sealed round's comment sample in memory with its tallies
/// (`app::kept_tallies`). A retention purge deletes the comments and renews the round's
/// stamp in the same transaction, so the next page shows none of them.
#[tokio::test]
async fn a_purged_round_s_comment_sample_is_not_shown_again() {
    use diesel::prelude::*;
    let app = sealed_round_with_comments().await;
    let (_, cto) = add_token(&app, "cto-bot", Role::Cto);
    let remarks = || {
        let (app, cto) = (&app, cto.clone());
        async move {
            let path = "/api/v1/scorecard?quarter=2026Q3&comments=sample";
            let body = app.api_text(&cto, path).await;
            body.matches("Remark number").count()
        }
    };
    assert_eq!(remarks().await, 10);
    assert_eq!(remarks().await, 10, "read again, from memory");

    let round: String = ctopulse::db::schema::rounds::table
        .select(ctopulse::db::schema::rounds::id)
        .first(&mut *app.conn())
        .unwrap();
    let id = crate::helpers::rid(&round);
    app.conn()
        .write_transaction(|c| {
            let counts = ctopulse::db::retention::raw_counts(c, id)?;
            ctopulse::db::retention::purge(c, id, counts, ctopulse::clock::now())
        })
        .unwrap();
    assert_eq!(app.count("sealed_comments"), 0);
    assert_eq!(remarks().await, 0, "the purged comments are not shown");
}

/// A group too small to show its comments stays hidden when the sample is read from memory:
/// what is kept is the stored sample, and every page still applies the thresholds to it.
#[tokio::test]
async fn a_small_group_s_comments_stay_hidden_when_the_sample_comes_from_memory() {
    let mut csv = roster();
    let mut answers: Vec<(String, String)> = (1..=PEOPLE)
        .map(|i| (format!("s{i}@acme.test"), format!("Remark number {i}")))
        .collect();
    for i in 1..=2 {
        csv.push_str(&format!(
            "m{i}@acme.test,Marketer {i},marketing,en,false,false,true\n"
        ));
        answers.push((format!("m{i}@acme.test"), format!("Small group remark {i}")));
    }
    let app = sealed_round_answered_by(&csv, &answers).await;
    // Stored with the seal's copy: only the thresholds keep them off the pages.
    assert_eq!(
        app.count("sealed_comments WHERE text LIKE 'Small group remark%'"),
        2
    );
    let (_, cto_token) = add_token(&app, "cto-bot", Role::Cto);
    add_user(&app, "cto@acme.test", Role::Cto);
    let cto = sign_in(&app, "cto@acme.test").await;
    let path = "/api/v1/scorecard?quarter=2026Q3&comments=sample";
    for read in ["first, from the database", "again, from memory"] {
        let api = app.api_text(&cto_token, path).await;
        let dashboard = get_with(&app, "/dashboard?quarter=2026Q3", &cto.cookie)
            .await
            .text()
            .await
            .unwrap();
        for body in [&api, &dashboard] {
            assert!(body.contains("Remark number"), "{read}");
            assert!(!body.contains("Small group remark"), "{read}: {body}");
        }
    }
}
