//! `roster export-person` and `roster erase`: everything about a person, then nothing; the
//! refusals (open rounds, active staff accounts, unknown addresses) change nothing.

use super::*;
use crate::helpers::ROSTER;

#[tokio::test]
async fn erase_removes_a_person_everywhere_and_keeps_every_aggregate() {
    let app = TestApp::spawn().await;
    let dir = tempfile::tempdir().unwrap();
    app.import_roster(ROSTER);
    let sealed = app.launch("internal-csat", "2026Q1");
    app.send_all().await;
    six_answer(&app, 0, "the deploy pipeline is slow").await;
    app.seal_now(&sealed);
    // An open round: s1 invited, not answered yet.
    let open = app.launch("internal-csat", "2026Q2");
    app.send_all().await;
    let now = ctopulse::clock::now();
    {
        let mut conn = app.conn();
        // A failed sign-in typed with other capitals, and a staff account with the same email.
        ctopulse::db::audit::record(
            &mut conn,
            now,
            "anonymous",
            "login.failed",
            "user",
            None,
            Some("account \"S1@Acme.test\" from 127.0.0.1"),
        )
        .unwrap();
        ctopulse::db::users::insert(
            &mut conn,
            "s1@acme.test",
            ctopulse::auth::Role::Board,
            "not-a-real-hash",
            now,
        )
        .unwrap();
    }

    // What is stored about s1, as JSON.
    let o = ctopulse(
        &app,
        dir.path(),
        &["roster", "export-person", "S1@acme.test"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let p: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    assert_eq!(p["email"], "s1@acme.test");
    assert_eq!(p["roster_entry"]["name"], "Sam One");
    let inv = p["invitations"].as_array().unwrap();
    assert_eq!(inv.len(), 2, "{p}");
    assert_eq!(inv[0]["quarter"], "2026Q1");
    assert_eq!(inv[0]["responded"], true);
    assert_eq!(inv[0]["round_status"], "sealed");
    assert_eq!(inv[1]["round_status"], "open");
    assert_eq!(inv[1]["emails_sent"], 1);
    assert_eq!(p["emails"].as_array().unwrap().len(), 2, "{p}");
    assert_eq!(p["emails"][0]["kind"], "invite");
    assert_eq!(p["staff_account"]["role"], "board");
    let actions: Vec<&str> = p["audit_entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["action"].as_str().unwrap())
        .collect();
    assert!(
        actions.contains(&"roster.add") && actions.contains(&"login.failed"),
        "{actions:?}"
    );
    assert!(p["answers"]
        .as_str()
        .unwrap()
        .contains("nothing links them"));
    let text = ctopulse(
        &app,
        dir.path(),
        &["roster", "export-person", "s1@acme.test", "--text"],
    );
    assert_eq!(text.status.code(), Some(0), "{}", err(&text));
    assert!(out(&text).contains("Sam One") && out(&text).contains("Invitations: 2"));

    let aggregates = |app: &TestApp| {
        [
            "responses",
            "answers",
            "tallies",
            "group_tallies",
            "index_tallies",
            "sealed_comments",
        ]
        .map(|t| app.count(t))
    };
    let kept = aggregates(&app);
    let (export_before, report_before) = outputs(&app, dir.path(), "2026Q1");
    let people = app.count("employees");

    // Refused while s1 is invited to an open round; then while the staff account is active.
    let o = ctopulse(&app, dir.path(), &["roster", "erase", "s1@acme.test"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("open round") && err(&o).contains("--force"),
        "{}",
        err(&o)
    );
    let o = ctopulse(
        &app,
        dir.path(),
        &["roster", "erase", "s1@acme.test", "--force"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("user disable"), "{}", err(&o));
    assert_eq!(app.count("employees"), people, "a refusal changes nothing");
    assert_eq!(app.count("users"), 1);

    // An answer in the open round blocks even --force.
    let browser = app.browser();
    let (form, csrf) = app.open_survey(&browser, "s2@acme.test").await;
    let res = app.post_overall(&browser, &form, &csrf, "4").await;
    assert_eq!(res.status(), 200);
    let o = ctopulse(
        &app,
        dir.path(),
        &["roster", "erase", "s2@acme.test", "--force"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("has answered round"), "{}", err(&o));
    let kept_open = aggregates(&app);

    {
        let mut conn = app.conn();
        let u = ctopulse::db::users::find_by_email(&mut conn, "s1@acme.test")
            .unwrap()
            .unwrap();
        ctopulse::db::users::set_disabled(&mut conn, &u.id, true).unwrap();
    }
    let o = ctopulse(
        &app,
        dir.path(),
        &["roster", "erase", "s1@acme.test", "--force"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let report = out(&o);
    for line in [
        "roster entries               1",
        "invitations (sealed rounds)  1",
        "invitations (open rounds)    1",
        "emails (outbox)              2",
        "staff accounts               1",
    ] {
        assert!(report.contains(line), "{line:?} in\n{report}");
    }
    assert!(report.contains("audit entries rewritten      "), "{report}");

    // Nothing about s1 is left; the export says so and exits non-zero.
    let o = ctopulse(
        &app,
        dir.path(),
        &["roster", "export-person", "s1@acme.test"],
    );
    assert_ne!(o.status.code(), Some(0));
    assert!(
        err(&o).contains("nothing is stored about s1@acme.test"),
        "{}",
        err(&o)
    );
    assert_eq!(audit_mentions(&app, "s1@acme.test"), 0);
    // SQLite: not a byte of the address is left in the files — not even the stale copies
    // that earlier updates of the outbox rows left in free space inside pages.
    assert!(residue(&app, "s1@acme.test").is_none_or(|n| n == 0));
    assert!(audit_mentions(&app, "erased person") >= 2);
    assert_eq!(app.count("employees"), people - 1);
    assert_eq!(app.count("users"), 0);
    let erase = audit_detail(&app, "roster.erase");
    assert!(erase.starts_with("roster entry erased"), "{erase}");
    // Unanswered open invitation removed: the open round now invites 5 of sales, not 6.
    let status = ctopulse(&app, dir.path(), &["round", "status", &open, "--json"]);
    let status: serde_json::Value = serde_json::from_str(&out(&status)).unwrap();
    let sales = status["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["group"] == "sales")
        .unwrap()
        .clone();
    assert_eq!(sales["invited"], 5, "{status}");

    // Every aggregate as it was; the sealed quarter's export and report byte for byte.
    assert_eq!(aggregates(&app), kept_open);
    assert_eq!(kept_open[2..], kept[2..], "tallies untouched");
    assert_eq!(
        outputs(&app, dir.path(), "2026Q1"),
        (export_before, report_before)
    );

    // Unknown and malformed emails: a clear error, nothing changed.
    let o = ctopulse(&app, dir.path(), &["roster", "erase", "nobody@acme.test"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("nothing is stored about nobody@acme.test"),
        "{}",
        err(&o)
    );
    let o = ctopulse(
        &app,
        dir.path(),
        &["roster", "export-person", "not-an-email"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("invalid email"), "{}", err(&o));
    assert_eq!(app.count("employees"), people - 1);
}
