//! Regression tests for faults found by `scripts/faults`.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::helpers::TestApp;
use ctopulse::mail::outbox::OutboxWorker;
use diesel::prelude::*;
use diesel::sql_types::BigInt;

#[derive(QueryableByName)]
struct N {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

fn scalar(app: &TestApp, sql: &str) -> i64 {
    diesel::sql_query(sql)
        .get_result::<N>(&mut *app.conn())
        .expect("query")
        .n
}

fn engineers(n: usize) -> String {
    let mut csv = String::from("email,name,department,locale,is_engineer,is_executive,active\n");
    for i in 0..n {
        csv.push_str(&format!(
            "eng{i}@acme.test,Eng {i},engineering,en,true,false,true\n"
        ));
    }
    csv
}

/// A stop signal mid-batch on a slow mail server: the worker finishes what it is sending,
/// starts nothing new, and releases every other claim at once — not after the whole batch.
#[tokio::test]
async fn stopping_the_worker_mid_batch_releases_unsent_claims_promptly() {
    let app = TestApp::spawn().await;
    app.import_roster(&engineers(40));
    app.launch("engineering-culture", "2026Q4");
    app.mailbox.set_delay(Duration::from_millis(500));
    let worker = OutboxWorker::new(
        app.pool.clone(),
        app.state.mailer.clone(),
        app.state.settings.clone(),
    );
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let running = tokio::spawn(worker.run(stop_rx));
    let claimed = "SELECT COUNT(*) AS n FROM outbox WHERE claim_owner IS NOT NULL";
    let deadline = Instant::now() + Duration::from_secs(10);
    while scalar(&app, claimed) == 0 {
        assert!(Instant::now() < deadline, "the worker claimed nothing");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    let t0 = Instant::now();
    stop_tx.send(true).unwrap();
    tokio::time::timeout(Duration::from_secs(10), running)
        .await
        .expect("worker stops")
        .unwrap();
    // 40 messages, 8 at a time, 0.5 s each: the whole batch would take 2.5 s.
    assert!(
        t0.elapsed() < Duration::from_millis(1500),
        "stop took {:?}: the worker kept sending its batch",
        t0.elapsed()
    );
    assert_eq!(scalar(&app, claimed), 0, "claims left after the stop");
    let sent = scalar(
        &app,
        "SELECT COUNT(*) AS n FROM outbox WHERE status = 'sent'",
    );
    assert!(sent < 40, "everything was sent before stopping ({sent})");
    assert_eq!(app.mailbox.sent().len() as i64, sent);

    // Another worker picks the rest up; nobody gets two invites.
    app.mailbox.set_delay(Duration::ZERO);
    app.send_all().await;
    for i in 0..40 {
        assert_eq!(app.mailbox.sent_to(&format!("eng{i}@acme.test")).len(), 1);
    }
}

fn ctopulse(dir: &std::path::Path, args: &[&str], env: &[(&str, &str)]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ctopulse"));
    cmd.current_dir(dir).args(args).env_clear();
    if let Ok(path) = std::env::var("PATH") {
        cmd.env("PATH", path);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd
}

fn closed_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}

/// `send` and `serve` with the SMTP transport used to panic at start ("there is no reactor
/// running"): lettre's pool was built outside the Tokio runtime.
#[test]
fn send_and_serve_start_with_the_smtp_transport() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("x.db").display());
    let smtp = format!("smtp://127.0.0.1:{}", closed_port());
    let port = closed_port();
    let bind = format!("127.0.0.1:{port}");
    let env = [
        ("CTOPULSE_DATABASE_URL", db.as_str()),
        ("CTOPULSE_MAIL_TRANSPORT", "smtp"),
        ("CTOPULSE_SMTP_URL", smtp.as_str()),
        ("CTOPULSE_BIND", bind.as_str()),
    ];
    let o = ctopulse(dir.path(), &["migrate"], &env).output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    let o = ctopulse(dir.path(), &["send"], &env).output().unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );

    let mut child = ctopulse(dir.path(), &["serve"], &env)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    let healthy = loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut err = String::new();
            let _ = child.stderr.take().unwrap().read_to_string(&mut err);
            panic!("serve exited with {status}: {err}");
        }
        if let Ok(mut s) = std::net::TcpStream::connect(&bind) {
            let _ = s.write_all(b"GET /healthz HTTP/1.0\r\n\r\n");
            let mut r = String::new();
            let _ = s.read_to_string(&mut r);
            if r.starts_with("HTTP/1.0 200") || r.starts_with("HTTP/1.1 200") {
                break true;
            }
        }
        if Instant::now() > deadline {
            break false;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let _ = child.kill();
    let _ = child.wait();
    assert!(healthy, "serve did not answer /healthz");
}

/// Found by scripts/faults (smtp-faults, "hang"): lettre's async client times only the
/// connect, and the worker allowed 4 × `command_timeout_seconds` per message (120 s at the
/// default) against the design's "a command that hangs times out (≤ 30 s)".
#[tokio::test]
async fn a_mail_server_that_never_answers_times_out_within_the_command_timeout() {
    let app = TestApp::spawn().await;
    app.import_roster(&engineers(1));
    app.launch("engineering-culture", "2026Q4");
    app.mailbox.set_delay(Duration::from_secs(30));
    let mut settings = (*app.state.settings).clone();
    settings.mail.command_timeout_seconds = 1;
    let worker = OutboxWorker::new(
        app.pool.clone(),
        app.state.mailer.clone(),
        std::sync::Arc::new(settings),
    );
    let t0 = Instant::now();
    let stats = worker.run_once().await.unwrap();
    assert!(
        t0.elapsed() < Duration::from_millis(2500),
        "took {:?}",
        t0.elapsed()
    );
    assert_eq!((stats.sent, stats.retried), (0, 1));
    assert_eq!(
        scalar(
            &app,
            "SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending' AND claim_owner IS NULL"
        ),
        1,
        "left for a retry, unclaimed"
    );
}

/// PostgreSQL drops a pooled connection (restart, `pg_terminate_backend`, a proxy). One that
/// sat idle is tested at checkout and replaced unseen; one in recent use is handed out
/// untested, fails its query as "unavailable" (a 503, never a 500), and is then dropped from
/// the pool, so the next checkout works. Never the same dead connection twice.
#[tokio::test]
async fn pooled_connections_the_server_dropped_are_replaced() {
    use ctopulse::db::{pool, DbError};
    let app = TestApp::spawn().await;
    if app.db.backend() != ctopulse::db::Backend::Postgres {
        return;
    }
    let pid = |conn: &mut ctopulse::db::DbConnection| -> Result<i64, DbError> {
        Ok(diesel::sql_query("SELECT pg_backend_pid()::int8 AS n")
            .get_result::<N>(conn)?
            .n)
    };
    let kill = |victim: i64| {
        let killed = scalar(
            &app,
            &format!("SELECT count(pg_terminate_backend({victim}))::int8 AS n"),
        );
        assert_eq!(killed, 1);
        // pg_terminate_backend only signals; wait until the backend is gone.
        while scalar(
            &app,
            &format!("SELECT count(*)::int8 AS n FROM pg_stat_activity WHERE pid = {victim}"),
        ) > 0
        {
            std::thread::sleep(Duration::from_millis(20));
        }
    };
    // A pool of its own, so the app's connections do not mix in.
    let url = ctopulse::config::DatabaseUrl::parse(app.db.url()).unwrap();
    let pool = pool::connect(&url).unwrap();

    // Idle past the trust window: tested at checkout, replaced, the query just works.
    let first = pid(&mut pool::checkout(&pool).unwrap()).unwrap();
    kill(first);
    std::thread::sleep(Duration::from_millis(1100));
    let second = pid(&mut pool::checkout(&pool).unwrap()).unwrap();
    assert_ne!(first, second);

    // Used a moment ago: handed out untested, fails as unavailable, then dropped.
    kill(second);
    let failed = pid(&mut pool::checkout(&pool).unwrap());
    match failed {
        Err(e) => assert!(
            e.is_transient(),
            "a dead connection must read as transient: {e}"
        ),
        Ok(p) => panic!("a killed backend answered as {p}"),
    }
    let third = pid(&mut pool::checkout(&pool).unwrap()).unwrap();
    assert_ne!(third, second);
    assert_eq!(
        pool.state().connections,
        1,
        "the dead connection left the pool"
    );
}
