//! Strict mode (works council), as the admin, the CTO, the board and a respondent meet it:
//! k at least 10 and comments from 20 answers, a smaller k refused, no comments for the board,
//! per-group progress for admins only, and the survey's first page saying so.

use std::process::Output;

use ctopulse::app::rounds::{self, NewRound, RoundError};
use ctopulse::app::survey_page::copy::copy;
use ctopulse::auth::Role;
use ctopulse::domain::anonymity::ThresholdFloor;
use ctopulse::domain::locale::Locale;
use serde_json::Value;

use crate::cli::{ctopulse, stderr};
use crate::helpers::{rid, TestApp, TestDb, ROSTER};
use crate::participation::{group, progress, roster_with_one_ceo, take_hourly};
use crate::staff_support::{add_token, add_user, sign_in};

const STRICT: (&str, &str) = ("CTOPULSE_STRICT_MODE", "true");

/// k and comment threshold of every round, by id, from `round list --json`.
fn thresholds(list: &Output) -> Vec<(String, i64, i64)> {
    let v: Value = serde_json::from_slice(&list.stdout).expect("round list --json");
    v.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().to_string(),
                r["k"].as_i64().unwrap(),
                r["comment_threshold"].as_i64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn the_command_line_refuses_k_below_10_and_raises_rounds_to_10_and_20() {
    let dir = tempfile::tempdir().unwrap();
    let db = TestDb::new();
    let url = db.url().to_string();
    std::fs::write(dir.path().join("roster.csv"), ROSTER).unwrap();
    let run = |args: &[&str], strict: bool| {
        let mut all = vec!["--database-url", url.as_str()];
        all.extend_from_slice(args);
        let env: &[(&str, &str)] = if strict { &[STRICT] } else { &[] };
        ctopulse(dir.path(), &all, env)
    };
    assert_eq!(
        run(&["roster", "import", "roster.csv"], false)
            .status
            .code(),
        Some(0)
    );
    let create = |template: &str, k: Option<&str>, strict: bool| {
        let mut args = vec![
            "round",
            "create",
            "--template",
            template,
            "--quarter",
            "2026Q4",
            "--closes",
            "2099-12-31",
        ];
        if let Some(k) = k {
            args.extend(["--k", k]);
        }
        run(&args, strict)
    };

    // An explicit k below 10 is refused, naming the mode and the least k allowed.
    let o = create("internal-csat", Some("5"), true);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("k = 5 is below 10")
            && stderr(&o).contains("strict mode (anonymity.strict_mode)"),
        "{}",
        stderr(&o)
    );
    assert!(o.stdout.is_empty(), "nothing created");
    // Without k, the round gets 10 and comments from 20 answers.
    let o = create("internal-csat", None, true);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let strict_id = String::from_utf8_lossy(&o.stdout).trim().to_string();
    // A draft made before the mode was switched on (k = 5, comments from 10)…
    let o = create("engineering-culture", None, false);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let old_id = String::from_utf8_lossy(&o.stdout).trim().to_string();
    let list = thresholds(&run(&["round", "list", "--json"], false));
    assert!(list.contains(&(strict_id.clone(), 10, 20)), "{list:?}");
    assert!(list.contains(&(old_id.clone(), 5, 10)), "{list:?}");
    // …is launched at 10 and 20 while the mode is on, and says so.
    let o = run(&["round", "launch", &old_id], true);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("k = 10, comments from 20 answers"),
        "{}",
        stderr(&o)
    );
    let list = thresholds(&run(&["round", "list", "--json"], false));
    assert!(list.contains(&(old_id.clone(), 10, 20)), "{list:?}");
    // With the mode off again, nothing takes a launched round below what it was locked with.
    let o = run(&["round", "launch", &old_id], false);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let list = thresholds(&run(&["round", "list", "--json"], false));
    assert!(list.contains(&(old_id, 10, 20)), "{list:?}");

    // A value that is not a switch is named with its source.
    let o = ctopulse(
        dir.path(),
        &["config", "show"],
        &[("CTOPULSE_STRICT_MODE", "yes")],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("anonymity.strict_mode") && stderr(&o).contains("CTOPULSE_STRICT_MODE"),
        "{}",
        stderr(&o)
    );
}

#[tokio::test]
async fn no_round_is_created_below_the_strict_floor_and_the_admin_page_drafts_at_10_and_20() {
    let app = TestApp::spawn_with(&[STRICT]).await;
    let t = app.state.templates.get("internal-csat").unwrap();
    let now = ctopulse::clock::now();
    let new = NewRound {
        template: t,
        quarter: "2026Q4".parse().unwrap(),
        closes_on: now.date() + time::Duration::days(14),
        k: 9,
        comment_threshold: 20,
        merges: Vec::new(),
        timezone: "UTC",
    };
    let e = rounds::create_at_floor(&mut app.conn(), &new, ThresholdFloor::STRICT, now, "test")
        .unwrap_err();
    assert!(
        matches!(e, RoundError::BelowStrictFloor { k: 9, min: 10 }),
        "{e}"
    );
    assert_eq!(app.count("rounds"), 0);

    // The admin page's draft gets the strict thresholds (it has no k field to refuse).
    add_user(&app, "hr@example.com", Role::Admin);
    let hr = sign_in(&app, "hr@example.com").await;
    let res = hr.draft_csat_round(&app, "").await;
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    let id = location
        .trim_start_matches("/admin/rounds/")
        .split('?')
        .next()
        .unwrap()
        .to_string();
    let round = rounds::get(&mut app.conn(), rid(&id)).unwrap();
    assert_eq!((round.k, round.comment_threshold), (10, 20));
    // Launching from the page says which thresholds the round is locked with.
    app.import_roster(ROSTER);
    let res = hr
        .post(&app, &format!("/admin/rounds/{id}/launch"), &[])
        .await;
    assert_eq!(res.status(), 303);
    let notice = res.headers()["location"].to_str().unwrap().to_string();
    assert!(notice.contains("k+%3D+10"), "{notice}");
}

#[tokio::test]
async fn the_survey_first_page_says_strict_mode_is_on_in_every_language() {
    let app = TestApp::spawn_with(&[STRICT]).await;
    app.import_roster(ROSTER);
    app.launch("internal-csat", "2026Q4");
    app.send_all().await;
    let browser = app.browser();
    let (form, _) = app.open_survey(&browser, "s1@acme.test").await;
    for (lang, words) in [
        ("en", "Strict mode is on, as agreed with the works council"),
        ("ko", "노사협의회와 합의한 엄격 모드가 켜져 있습니다"),
        (
            "nl",
            "De strikte modus staat aan, zoals afgesproken met de ondernemingsraad",
        ),
    ] {
        let locale: Locale = lang.parse().unwrap();
        assert!(copy(locale).promise_strict.starts_with(words));
        let page = browser
            .get(format!("{}{form}?lang={lang}", app.address))
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), 200);
        let body = page.text().await.unwrap();
        assert!(body.contains(copy(locale).promise_strict), "{lang}: {body}");
    }

    // Without strict mode the page does not say it (the preview renders the same page).
    let plain = TestApp::spawn().await;
    plain.import_roster(ROSTER);
    let id = plain.launch("internal-csat", "2026Q4");
    for lang in ["en", "ko", "nl"] {
        let body = plain
            .get(&format!("/preview/{id}?lang={lang}"))
            .await
            .text()
            .await
            .unwrap();
        let locale: Locale = lang.parse().unwrap();
        assert!(body.contains(copy(locale).promise_unanimous), "{lang}");
        assert!(!body.contains(copy(locale).promise_strict), "{lang}");
    }
}

#[tokio::test]
async fn in_strict_mode_per_group_progress_is_for_admins_only() {
    let app = TestApp::spawn_with(&[STRICT]).await;
    let (_, admin) = add_token(&app, "admin-bot", Role::Admin);
    let (_, cto) = add_token(&app, "cto-bot", Role::Cto);
    let (_, board) = add_token(&app, "board-bot", Role::Board);
    app.import_roster(&roster_with_one_ceo());
    app.launch("internal-csat", "2026Q4");
    take_hourly(&app, ctopulse::clock::now());
    for token in [&cto, &board] {
        let body = progress(&app, token).await;
        // Every group is withheld, even sales and engineering with 6 ≥ k = 5 invitations.
        for g in ["ceo", "engineering", "sales"] {
            assert_eq!(group(&body, g)["answered"], Value::Null, "{g}");
            assert!(
                group(&body, g)["withheld"]
                    .as_str()
                    .unwrap()
                    .contains("strict mode"),
                "{g}"
            );
        }
        assert_eq!(body[0]["progress"]["overall"]["answered"], 0);
    }
    let live = progress(&app, &admin).await;
    for g in ["ceo", "engineering", "sales"] {
        assert_eq!(group(&live, g)["answered"], 0, "{g}");
        assert_eq!(group(&live, g)["withheld"], Value::Null, "{g}");
    }
}

/// The board's scorecard has a comment block per group × text question when it may read
/// comments; none at all in strict mode, even with `board_sees_comments` on.
async fn board_comment_blocks(strict: bool) -> (usize, usize, bool) {
    let extra: &[(&str, &str)] = if strict { &[STRICT] } else { &[] };
    let app = TestApp::spawn_adjusted(extra, |s| s.anonymity.board_sees_comments = true).await;
    let (_, cto) = add_token(&app, "cto-bot", Role::Cto);
    let (_, board) = add_token(&app, "board-bot", Role::Board);
    add_user(&app, "chair@example.com", Role::Board);
    app.import_roster(ROSTER);
    let id = app.launch("internal-csat", "2026Q4");
    app.seal_now(&id);
    let blocks = |token: String| {
        let app = &app;
        async move {
            let body: Value = app.api_json(&token, "/api/v1/scorecard").await;
            body["scorecard"]["rounds"][0]["comments"]
                .as_array()
                .unwrap()
                .len()
        }
    };
    let s = sign_in(&app, "chair@example.com").await;
    let page = crate::staff_support::get_with(&app, "/board", &s.cookie)
        .await
        .text()
        .await
        .unwrap();
    (
        blocks(cto).await,
        blocks(board).await,
        page.contains(">Comments</h3>"),
    )
}

#[tokio::test]
async fn in_strict_mode_the_board_never_reads_comments() {
    let (cto, board, page) = board_comment_blocks(false).await;
    assert!(
        cto > 0 && board == cto && page,
        "control: {cto} {board} {page}"
    );
    let (cto, board, page) = board_comment_blocks(true).await;
    assert!(cto > 0, "the CTO still reads them");
    assert_eq!(board, 0);
    assert!(!page, "no comments section on the board page");
}
