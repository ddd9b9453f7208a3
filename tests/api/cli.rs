//! The command line as a user runs it: exit codes and messages.

use std::process::{Command, Output};

use crate::helpers::TestDb;

fn ctopulse(dir: &std::path::Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ctopulse"));
    cmd.current_dir(dir).args(args).env_clear();
    if let Ok(path) = std::env::var("PATH") {
        cmd.env("PATH", path);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run ctopulse")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn bad_setting_exits_2_naming_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let o = ctopulse(
        dir.path(),
        &["config", "show"],
        &[("CTOPULSE_LOG_FORMAT", "xml")],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("log_format") && stderr(&o).contains("CTOPULSE_LOG_FORMAT"),
        "{}",
        stderr(&o)
    );

    std::fs::write(dir.path().join("ctopulse.toml"), "[anonymity]\nk = 1\n").unwrap();
    let o = ctopulse(dir.path(), &["config", "show"], &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("anonymity.k"), "{}", stderr(&o));
}

#[test]
fn config_show_masks_secrets() {
    let dir = tempfile::tempdir().unwrap();
    let o = ctopulse(
        dir.path(),
        &["config", "show"],
        &[
            (
                "CTOPULSE_DATABASE_URL",
                "postgres://pulse:s3cr3t-pw@db.internal/pulse",
            ),
            ("CTOPULSE_MAIL_TRANSPORT", "smtp"),
            (
                "CTOPULSE_SMTP_URL",
                "smtp://relay:m41l-pw@smtp.internal:587",
            ),
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        !out.contains("s3cr3t-pw") && !out.contains("m41l-pw"),
        "{out}"
    );
    assert!(out.contains("pulse:****@db.internal"), "{out}");
}

#[test]
fn unwritable_sqlite_path_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let o = ctopulse(
        dir.path(),
        &["--database-url", "sqlite://no/such/folder/x.db", "migrate"],
        &[],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("does not exist"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"));
}

#[test]
fn unreachable_postgres_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let started = std::time::Instant::now();
    let o = ctopulse(
        dir.path(),
        &[
            "--database-url",
            "postgres://nobody@127.0.0.1:9/none",
            "migrate",
        ],
        &[],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("cannot connect to the database"),
        "{}",
        stderr(&o)
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
}

#[test]
fn migrate_is_idempotent_and_refuses_a_newer_schema() {
    let db = TestDb::new();
    let dir = tempfile::tempdir().unwrap();
    let url = db.url().to_string();
    let o = ctopulse(dir.path(), &["--database-url", &url, "migrate"], &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("applied"), "{}", stderr(&o));
    let o = ctopulse(dir.path(), &["--database-url", &url, "migrate"], &[]);
    assert!(stderr(&o).contains("up to date"), "{}", stderr(&o));

    // A newer ctopulse left a migration this build does not know.
    {
        use diesel::connection::SimpleConnection;
        let pool =
            ctopulse::db::connect(&ctopulse::config::DatabaseUrl::parse(&url).unwrap()).unwrap();
        let mut conn = ctopulse::db::pool::checkout(&pool).unwrap();
        conn.batch_execute(
            "INSERT INTO __diesel_schema_migrations (version) VALUES ('20991231000000')",
        )
        .unwrap();
    }
    let o = ctopulse(dir.path(), &["--database-url", &url, "migrate"], &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("newer ctopulse") && stderr(&o).contains("20991231000000"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn department_weights_can_be_listed_and_changed() {
    let db = TestDb::new();
    let dir = tempfile::tempdir().unwrap();
    let url = db.url().to_string();
    let o = ctopulse(
        dir.path(),
        &[
            "--database-url",
            &url,
            "department",
            "set-weight",
            "marketing",
            "25",
        ],
        &[],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = ctopulse(
        dir.path(),
        &["--database-url", &url, "department", "list", "--json"],
        &[],
    );
    let rows: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let marketing = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["key"] == "marketing")
        .unwrap();
    assert_eq!(marketing["csat_weight"], 25.0);
    let o = ctopulse(
        dir.path(),
        &[
            "--database-url",
            &url,
            "department",
            "set-weight",
            "hr",
            "5",
        ],
        &[],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown department"));
    let o = ctopulse(
        dir.path(),
        &[
            "--database-url",
            &url,
            "department",
            "set-weight",
            "sales",
            "-- -3",
        ],
        &[],
    );
    assert_ne!(o.status.code(), Some(0));
}

#[test]
fn every_command_has_help() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        vec!["--help"],
        vec!["serve", "--help"],
        vec!["migrate", "--help"],
        vec!["demo", "--help"],
        vec!["config", "show", "--help"],
        vec!["department", "list", "--help"],
        vec!["department", "set-weight", "--help"],
    ] {
        let o = ctopulse(dir.path(), &args, &[]);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        assert!(
            String::from_utf8_lossy(&o.stdout).contains("Usage"),
            "{args:?}"
        );
    }
}
