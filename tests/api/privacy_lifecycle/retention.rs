//! `retention purge`: old sealed rounds lose their raw answers and comments, never their
//! tallies; the dry run changes nothing; the daily pass in `serve` follows the same rule.

use super::*;
use crate::helpers::ROSTER;

/// The old round's comment, looked for in the database's files after the purge.
const OLD_COMMENT: &str = "zq-retention-marker-old-round";
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
    // The seal's storage scrub ran for the purged round, on either backend.
    assert!(!scrub_pending(&app, &old), "the purge's scrub finished");
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
    six_answer(&app, 0, OLD_COMMENT).await;
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
    assert!(residue(&app, OLD_COMMENT).is_none_or(|n| n > 0));
    let r = ctopulse::startup::purge_due(&app.pool, &settings, july).unwrap();
    assert_eq!(r.rounds.len(), 1);
    assert_eq!(rows_of(&app, "responses", &round), 0);
    // Inside the server the pool keeps its connections open, so nothing but the seal's
    // scrub (run for the purged round) moves the zeroed pages out of the WAL: afterwards
    // the comment is in neither file.
    assert!(!scrub_pending(&app, &round));
    assert!(residue(&app, OLD_COMMENT).is_none_or(|n| n == 0));
    assert_eq!(audit_actor(&app, "retention.purge"), "system:retention");
}

fn scrub_pending(app: &TestApp, round: &str) -> bool {
    use ctopulse::db::schema::rounds;
    use diesel::prelude::*;
    rounds::table
        .find(round)
        .select(rounds::scrub_pending)
        .first(&mut *app.conn())
        .unwrap()
}
