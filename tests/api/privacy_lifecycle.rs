//! Retention and erasure through the command line, on the backend TEST_DATABASE_URL picks:
//! `retention purge` removes old raw answers and keeps tallies (the old quarter's export and
//! report stay byte for byte the same); `roster erase` removes a person and leaves every
//! aggregate alone; `roster export-person` shows what is stored, and nothing after an erase.

use std::process::{Command, Output};

use crate::helpers::{TestApp, ROSTER};

fn ctopulse(app: &TestApp, dir: &std::path::Path, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ctopulse"));
    cmd.current_dir(dir)
        .args(["--database-url", app.db.url()])
        .args(args)
        .env_clear();
    if let Ok(path) = std::env::var("PATH") {
        cmd.env("PATH", path);
    }
    cmd.output().expect("run ctopulse")
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Rows of `table` in round `round`, through `responses` for answers.
fn rows_of(app: &TestApp, table: &str, round: &str) -> i64 {
    use diesel::RunQueryDsl;
    #[derive(diesel::QueryableByName)]
    struct N {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let sql = if table == "answers" {
        format!("SELECT COUNT(*) AS n FROM answers a JOIN responses r ON r.id = a.response_id WHERE r.round_id = '{round}'")
    } else {
        format!("SELECT COUNT(*) AS n FROM {table} WHERE round_id = '{round}'")
    };
    diesel::sql_query(sql)
        .get_result::<N>(&mut *app.conn())
        .expect("count")
        .n
}

/// Six sales people answer the newest invitation they got, with a comment each.
async fn six_answer(app: &TestApp, score_offset: usize, comment: &str) {
    for i in 1..=6 {
        let browser = app.browser();
        let (form, csrf) = app.open_survey(&browser, &format!("s{i}@acme.test")).await;
        let v = (1 + (i + score_offset) % 5).to_string();
        let res = app
            .post_form(
                &browser,
                &form,
                &[
                    ("csrf_token", csrf.as_str()),
                    ("q_overall_satisfaction", v.as_str()),
                    ("q_comment", comment),
                ],
            )
            .await;
        assert_eq!(res.status(), 200, "s{i} answered");
    }
}

/// The old round's comment, looked for in the database's files after the purge.
const OLD_COMMENT: &str = "zq-retention-marker-old-round";

fn current_quarter() -> String {
    let now = ctopulse::clock::now();
    ctopulse::domain::quarter::Quarter::containing(now.date(), 1).to_string()
}

/// The export (JSON) and board report (SVG) of `quarter`, as the CLI writes them.
fn outputs(app: &TestApp, dir: &std::path::Path, quarter: &str) -> (String, String) {
    let e = ctopulse(
        app,
        dir,
        &["export", "--quarter", quarter, "--format", "json"],
    );
    assert_eq!(e.status.code(), Some(0), "{}", err(&e));
    let r = ctopulse(
        app,
        dir,
        &["report", "--quarter", quarter, "--format", "svg"],
    );
    assert_eq!(r.status.code(), Some(0), "{}", err(&r));
    (out(&e), out(&r))
}

#[tokio::test]
async fn retention_purge_removes_old_raw_answers_and_keeps_tallies_and_scorecards() {
    let app = TestApp::spawn().await;
    let dir = tempfile::tempdir().unwrap();
    app.import_roster(ROSTER);
    // 2020Q1 is far more than 8 quarters back; the current quarter is not.
    let old = app.launch("internal-csat", "2020Q1");
    app.send_all().await;
    six_answer(&app, 0, OLD_COMMENT).await;
    app.seal_now(&old);
    let now_q = current_quarter();
    let recent = app.launch("internal-csat", &now_q);
    app.send_all().await;
    six_answer(&app, 2, "the deploy pipeline is slow").await;
    app.seal_now(&recent);

    let tallies = app.count("tallies");
    let groups = app.count("group_tallies");
    let index = app.count("index_tallies");
    assert_eq!(rows_of(&app, "responses", &old), 6);
    // 6 × (overall + comment) = 12 answers; 6 comments copied at the seal.
    assert_eq!(rows_of(&app, "answers", &old), 12);
    assert_eq!(rows_of(&app, "sealed_comments", &old), 6);
    let before = outputs(&app, dir.path(), "2020Q1");
    assert!(residue(&app, OLD_COMMENT).is_none_or(|n| n > 0));

    // A dry run counts and changes nothing.
    let o = ctopulse(
        &app,
        dir.path(),
        &["retention", "purge", "--dry-run", "--json"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let dry: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    assert_eq!(dry["dry_run"], true);
    assert_eq!(dry["keep_quarters"], 8);
    assert_eq!(dry["rounds"].as_array().unwrap().len(), 1, "{dry}");
    assert_eq!(dry["rounds"][0]["round_id"], old.as_str());
    assert_eq!(dry["total"]["responses"], 6);
    assert_eq!(dry["total"]["answers"], 12);
    assert_eq!(dry["total"]["comments"], 6);
    assert!(err(&o).contains("would remove"), "{}", err(&o));
    assert_eq!(rows_of(&app, "responses", &old), 6);
    assert_eq!(rows_of(&app, "answers", &old), 12);
    assert_eq!(rows_of(&app, "sealed_comments", &old), 6);
    assert_eq!(app.count("round_purges"), 0);
    assert_eq!(audits(&app, "retention.purge"), 0);

    let o = ctopulse(&app, dir.path(), &["retention", "purge"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(
        out(&o).contains(&old) && !out(&o).contains(&recent),
        "{}",
        out(&o)
    );
    assert!(
        err(&o).contains("6 responses, 12 answers, 6 comments"),
        "{}",
        err(&o)
    );
    for table in ["responses", "answers", "sealed_comments"] {
        assert_eq!(rows_of(&app, table, &old), 0, "{table} of the old round");
    }
    // The current quarter's round keeps everything.
    assert_eq!(rows_of(&app, "responses", &recent), 6);
    assert_eq!(rows_of(&app, "answers", &recent), 12);
    assert_eq!(rows_of(&app, "sealed_comments", &recent), 6);
    assert_eq!(
        (
            app.count("tallies"),
            app.count("group_tallies"),
            app.count("index_tallies")
        ),
        (tallies, groups, index),
        "tallies are kept forever"
    );
    assert_eq!(
        outputs(&app, dir.path(), "2020Q1"),
        before,
        "the purged quarter's export and report are unchanged"
    );
    // SQLite: secure_delete zeroed the deleted rows and the scrub emptied the WAL, so the
    // old comment is nowhere in the files (it was before: checked above).
    assert!(residue(&app, OLD_COMMENT).is_none_or(|n| n == 0));
    // Audited with counts only.
    assert_eq!(audits(&app, "retention.purge"), 1);
    let detail = audit_detail(&app, "retention.purge");
    assert!(
        detail.contains("responses=6 answers=12 comments=6"),
        "{detail}"
    );
    assert!(!detail.contains("deploy"), "never a comment: {detail}");

    // Nothing left to do; a retally of the purged round is refused, tallies untouched.
    let o = ctopulse(&app, dir.path(), &["retention", "purge", "--json"]);
    let again: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    assert_eq!(again["rounds"].as_array().unwrap().len(), 0);
    let o = ctopulse(&app, dir.path(), &["round", "retally", &old]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("purged"), "{}", err(&o));
    assert_eq!(app.count("tallies"), tallies);
    assert_eq!(outputs(&app, dir.path(), "2020Q1"), before);

    // The setting refuses 0 with a clear error.
    std::fs::write(
        dir.path().join("ctopulse.toml"),
        "[retention]\nraw_answers_quarters = 0\n",
    )
    .unwrap();
    let o = ctopulse(&app, dir.path(), &["retention", "purge", "--dry-run"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("retention.raw_answers_quarters") && err(&o).contains("at least 1"),
        "{}",
        err(&o)
    );
}

/// The daily job inside `serve` is the same pass: at a `now` where the current quarter is
/// exactly Q + N the round of Q goes; one quarter earlier it stays.
#[tokio::test]
async fn the_serve_pass_purges_a_round_exactly_n_quarters_later() {
    let app = TestApp::spawn().await;
    app.import_roster(ROSTER);
    let round = app.launch("internal-csat", "2024Q1");
    app.send_all().await;
    six_answer(&app, 0, "the deploy pipeline is slow").await;
    app.seal_now(&round);
    let mut settings = app.settings.clone();
    settings.retention.raw_answers_quarters = 2;
    // 2024Q1 + 2 = 2024Q3: still kept on the last day of 2024Q2 …
    let june = time::macros::datetime!(2024-06-30 23:59);
    let r = ctopulse::startup::purge_due(&app.pool, &settings, june).unwrap();
    assert!(r.rounds.is_empty(), "{r:?}");
    assert_eq!(rows_of(&app, "responses", &round), 6);
    // … and purged on the first day of 2024Q3.
    let july = time::macros::datetime!(2024-07-01 00:00);
    let r = ctopulse::startup::purge_due(&app.pool, &settings, july).unwrap();
    assert_eq!(r.rounds.len(), 1);
    assert_eq!(rows_of(&app, "responses", &round), 0);
    assert_eq!(audit_actor(&app, "retention.purge"), "system:retention");
}

/// SQLite: how many times `needle` is in the database file and its WAL (PostgreSQL: None).
fn residue(app: &TestApp, needle: &str) -> Option<usize> {
    let crate::helpers::TestDb::Sqlite { url, .. } = &app.db else {
        return None;
    };
    let path = url.trim_start_matches("sqlite://").to_string();
    let mut found = 0;
    for file in [path.clone(), format!("{path}-wal")] {
        let bytes = std::fs::read(&file).unwrap_or_default();
        found += bytes
            .windows(needle.len())
            .filter(|w| *w == needle.as_bytes())
            .count();
    }
    Some(found)
}

fn audits(app: &TestApp, action: &str) -> i64 {
    use ctopulse::db::schema::audit_log;
    use diesel::prelude::*;
    audit_log::table
        .filter(audit_log::action.eq(action))
        .count()
        .get_result(&mut *app.conn())
        .unwrap()
}

fn audit_detail(app: &TestApp, action: &str) -> String {
    use ctopulse::db::schema::audit_log;
    use diesel::prelude::*;
    audit_log::table
        .filter(audit_log::action.eq(action))
        .select(audit_log::detail)
        .first::<Option<String>>(&mut *app.conn())
        .unwrap()
        .unwrap_or_default()
}

fn audit_actor(app: &TestApp, action: &str) -> String {
    use ctopulse::db::schema::audit_log;
    use diesel::prelude::*;
    audit_log::table
        .filter(audit_log::action.eq(action))
        .select(audit_log::actor)
        .first::<String>(&mut *app.conn())
        .unwrap()
}

/// Audit rows whose actor, object or detail holds `needle` (any case).
fn audit_mentions(app: &TestApp, needle: &str) -> usize {
    use ctopulse::db::schema::audit_log;
    use diesel::prelude::*;
    let rows: Vec<(String, Option<String>, Option<String>)> = audit_log::table
        .select((audit_log::actor, audit_log::object_id, audit_log::detail))
        .load(&mut *app.conn())
        .unwrap();
    rows.into_iter()
        .filter(|(a, o, d)| {
            [Some(a.clone()), o.clone(), d.clone()]
                .into_iter()
                .flatten()
                .any(|t| t.to_lowercase().contains(needle))
        })
        .count()
}

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
    let res = app
        .post_form(
            &browser,
            &form,
            &[
                ("csrf_token", csrf.as_str()),
                ("q_overall_satisfaction", "4"),
            ],
        )
        .await;
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
