//! The command line as a user runs it: exit codes and messages.

use std::process::{Command, Output};

use crate::helpers::TestDb;
use crate::smtp_sink::Wire;

pub(crate) fn ctopulse(dir: &std::path::Path, args: &[&str], env: &[(&str, &str)]) -> Output {
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

pub(crate) fn stderr(o: &Output) -> String {
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

/// The whole path by hand, as the admin guide describes it: import, create, launch, send with
/// the file transport, open the link from the .eml, answer — and the server's log never holds
/// the token.
#[test]
fn the_cli_runs_a_round_with_the_file_transport_and_logs_no_token() {
    let dir = tempfile::tempdir().unwrap();
    let db = TestDb::new();
    let url = db.url().to_string();
    std::fs::write(dir.path().join("roster.csv"), crate::helpers::ROSTER).unwrap();
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let public = format!("http://127.0.0.1:{port}");
    let env = [
        ("CTOPULSE_MAIL_TRANSPORT", "file"),
        ("CTOPULSE_PUBLIC_URL", public.as_str()),
    ];
    let run = |args: &[&str]| {
        let mut all = vec!["--database-url", url.as_str()];
        all.extend_from_slice(args);
        ctopulse(dir.path(), &all, &env)
    };
    let o = run(&["roster", "import", "roster.csv"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = run(&[
        "round",
        "create",
        "--template",
        "engineering-culture",
        "--quarter",
        "2026Q4",
        "--closes",
        "2099-12-31",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let id = String::from_utf8_lossy(&o.stdout).trim().to_string();
    assert_eq!(id.len(), 36, "create prints the id alone: {id:?}");
    assert_eq!(run(&["round", "launch", &id]).status.code(), Some(0));
    let o = run(&["send"]);
    assert!(stderr(&o).contains("6 sent"), "{}", stderr(&o));
    let emls: Vec<_> = std::fs::read_dir(dir.path().join("mail"))
        .unwrap()
        .flatten()
        .collect();
    assert_eq!(emls.len(), 6);
    // The token from one email (quoted-printable may wrap lines: undo soft breaks).
    // An English recipient's message: non-ASCII bodies (Korean, Dutch) are base64-encoded.
    let english = emls
        .iter()
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .find(|m| {
            m.lines()
                .any(|l| l.starts_with("To: ") && l.ends_with("<e1@acme.test>"))
        })
        .expect("the email to e1");
    let raw = english.replace("=\r\n", "").replace("=\n", "");
    let at = raw.find("/s/").unwrap() + 3;
    let token: String = raw[at..]
        .chars()
        .take_while(|c| c.is_ascii_hexdigit())
        .collect();
    assert_eq!(token.len(), 64);

    let server = Command::new(env!("CARGO_BIN_EXE_ctopulse"))
        .current_dir(dir.path())
        .args([
            "--database-url",
            &url,
            "serve",
            "--bind",
            &format!("127.0.0.1:{port}"),
        ])
        .env("CTOPULSE_MAIL_TRANSPORT", "file")
        .env("CTOPULSE_PUBLIC_URL", &public)
        .env("RUST_LOG", "debug")
        .stderr(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let status = rt.block_on(async {
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        for _ in 0..100 {
            if client.get(format!("{public}/healthz")).send().await.is_ok() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        client
            .get(format!("{public}/s/{token}"))
            .send()
            .await
            .unwrap()
            .status()
    });
    assert_eq!(status, 303);
    terminate(&server);
    let out = server.wait_with_output().unwrap();
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(
        log.contains("/s/{token}"),
        "the access log records the route pattern: {log}"
    );
    assert!(!log.contains(&token), "the token never reaches the log");
    let o = run(&["round", "status", &id, "--json"]);
    let status: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(status["overall"]["delivered"], 6);
}

fn terminate(child: &std::process::Child) {
    // SIGTERM: the server stops gracefully and flushes its log.
    let _ = Command::new("kill")
        .arg("-TERM")
        .arg(child.id().to_string())
        .status();
}

/// `ctopulse backup` copies a live SQLite database; the copy gives the same scorecard.
/// PostgreSQL installations are pointed at pg_dump.
#[tokio::test]
async fn backup_round_trips_a_populated_database() {
    let app = crate::helpers::TestApp::spawn().await;
    app.import_roster(crate::helpers::ROSTER);
    let round = app.launch("internal-csat", "2026Q3");
    app.send_all().await;
    for i in 1..=6 {
        let browser = app.browser();
        let (form, csrf) = app.open_survey(&browser, &format!("s{i}@acme.test")).await;
        let v = (1 + i % 5).to_string();
        app.post_form(
            &browser,
            &form,
            &[
                ("csrf_token", csrf.as_str()),
                ("q_overall_satisfaction", v.as_str()),
            ],
        )
        .await;
    }
    app.seal_now(&round);
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("backup.db");
    let o = ctopulse(
        dir.path(),
        &[
            "--database-url",
            app.db.url(),
            "backup",
            copy.to_str().unwrap(),
        ],
        &[],
    );
    if app.db.backend() == ctopulse::db::Backend::Postgres {
        assert_eq!(o.status.code(), Some(2));
        assert!(stderr(&o).contains("pg_dump"), "{}", stderr(&o));
        return;
    }
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = ctopulse(
        dir.path(),
        &[
            "--database-url",
            app.db.url(),
            "backup",
            copy.to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(
        o.status.code(),
        Some(2),
        "an existing file is never overwritten"
    );

    let opts = ctopulse::app::scorecard::Options {
        include_comments: false,
        comment_sample: None,
        thresholds: Default::default(),
        fiscal_year_start_month: 1,
    };
    let original =
        ctopulse::app::scorecard::load(&mut app.conn(), None, &opts, &mut rand::rng()).unwrap();
    let pool = ctopulse::db::connect(&ctopulse::config::DatabaseUrl::Sqlite(copy)).unwrap();
    let restored = ctopulse::app::scorecard::load(
        &mut ctopulse::db::pool::checkout(&pool).unwrap(),
        None,
        &opts,
        &mut rand::rng(),
    )
    .unwrap();
    assert_eq!(
        serde_json::to_value(&restored).unwrap(),
        serde_json::to_value(&original).unwrap()
    );
}

#[test]
fn licenses_prints_ours_and_every_crate_and_font_licence_without_settings() {
    let dir = tempfile::tempdir().unwrap();
    let o = ctopulse(dir.path(), &["licenses"], &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("Apache License") && out.contains("Version 2.0"));
    for crate_name in ["actix-web", "diesel", "askama", "plotters", "pq-src"] {
        assert!(out.contains(crate_name), "{crate_name} missing");
    }
    assert!(out.contains("OFL") && out.contains("SIL OPEN FONT LICENSE"));
    assert!(out.contains("NanumGothic"));
}

/// The demo's mail comes from the demo company, in every language: its sender and every
/// Message-ID name Northwind's domain (not localhost), and the Korean lead says "Northwind는".
#[test]
fn the_demo_sends_as_the_demo_company() {
    let dir = tempfile::tempdir().unwrap();
    let o = ctopulse(
        dir.path(),
        &[
            "demo",
            "--db",
            "demo.db",
            "--seed-only",
            "--employees",
            "60",
        ],
        &[],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mails: Vec<String> = std::fs::read_dir(dir.path().join("mail"))
        .expect("the demo's mail folder")
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert!(!mails.is_empty(), "the demo's open round invites people");
    let mails: Vec<_> = mails.iter().map(|m| Wire::parse(m)).collect();
    for m in &mails {
        assert_eq!(
            m.header("From"),
            ["\"Northwind People Team\" <people@northwind.example>"]
        );
        let id = m.header("Message-ID").concat();
        assert!(id.ends_with("@northwind.example>"), "{id}");
    }
    let korean: Vec<_> = mails
        .iter()
        .filter(|m| m.header("Content-Language") == ["ko"])
        .collect();
    assert!(!korean.is_empty(), "the demo has Korean speakers");
    for m in korean {
        assert!(m.text.contains("Northwind는 매 분기"), "{}", m.text);
        assert!(!m.html.contains("은(는)"), "{}", m.html);
    }
}
