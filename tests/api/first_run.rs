//! A new install: `ctopulse init` and the first-run `/setup` page make the first admin
//! once, and never a second.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use crate::helpers::{TestApp, TestDb};
use crate::staff_support::{add_user, hidden_csrf, plain_client, set_cookie, sign_in, PASSWORD};
use ctopulse::auth::Role;

/// Runs the binary on `db` with `stdin` piped in and extra environment.
fn ctopulse(db: &TestDb, args: &[&str], stdin: &str, env: &[(&str, &str)]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ctopulse"));
    cmd.current_dir(dir.path())
        .args(args)
        .env_clear()
        .env("CTOPULSE_DATABASE_URL", db.url())
        .env("CTOPULSE_MAIL_DIR", dir.path().join("mail"))
        .env("USER", "ops")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("run ctopulse");
    {
        let mut pipe = child.stdin.take().unwrap();
        let _ = pipe.write_all(stdin.as_bytes());
    }
    child.wait_with_output().unwrap()
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A port nothing listens on (bound, then released).
fn closed_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

const INIT: [&str; 5] = [
    "init",
    "--email",
    "Ada@Example.com",
    "--name",
    "Ada Lovelace",
];

#[test]
fn init_on_an_empty_database_makes_the_admin_and_passes_every_check() {
    let db = TestDb::new();
    let url = format!("http://127.0.0.1:{}", closed_port());
    let o = ctopulse(
        &db,
        &INIT,
        "plum-kettle-orbit-42\n",
        &[("CTOPULSE_PUBLIC_URL", &url)],
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let id = out(&o).trim().to_string();
    assert!(
        uuid::Uuid::parse_str(&id).is_ok(),
        "stdout is the id: {:?}",
        out(&o)
    );
    let e = err(&o);
    let kind = match db.backend() {
        ctopulse::db::Backend::Sqlite => "SQLite",
        ctopulse::db::Backend::Postgres => "PostgreSQL",
    };
    assert!(e.contains(&format!("✓ database: {kind} at")), "{e}");
    assert!(e.contains("migration(s) applied"), "{e}");
    assert!(
        e.contains("✓ first admin: ada@example.com (Ada Lovelace) created"),
        "{e}"
    );
    assert!(
        e.contains("✓ test email: to ada@example.com: written as an .eml file"),
        "{e}"
    );
    assert!(
        e.contains("✓ public URL:") && e.contains("no server answers there yet"),
        "{e}"
    );
    assert!(!e.contains('✗'), "{e}");
    assert!(
        e.contains("roster import") && e.contains("round create"),
        "{e}"
    );
    assert!(
        !e.contains("plum-kettle") && !out(&o).contains("plum-kettle"),
        "never the password"
    );

    let o = ctopulse(&db, &["user", "list", "--json"], "", &[]);
    let list: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    assert_eq!(list.as_array().map(Vec::len), Some(1));
    assert_eq!(list[0]["email"], "ada@example.com");
    assert_eq!(list[0]["role"], "admin");
    assert_eq!(list[0]["name"], "Ada Lovelace");
    let o = ctopulse(&db, &["user", "list"], "", &[]);
    let table = out(&o);
    let row = table.lines().nth(1).unwrap_or_default();
    assert!(
        table.lines().next().is_some_and(|h| h.contains("NAME"))
            && row.contains("Ada Lovelace")
            && row.contains("ada@example.com"),
        "{table}"
    );

    // A second init is refused before it asks for a password, and changes nothing.
    let o = ctopulse(
        &db,
        &["init", "--email", "eve@example.com", "--name", "Eve"],
        "another-long-pass-99\n",
        &[],
    );
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert!(
        err(&o).contains("an admin account already exists"),
        "{}",
        err(&o)
    );
    assert!(err(&o).contains("user add"), "{}", err(&o));
    let o = ctopulse(&db, &["user", "list", "--json"], "", &[]);
    let list: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    assert_eq!(list.as_array().map(Vec::len), Some(1), "no second admin");
}

#[test]
fn a_failed_test_email_is_reported_and_the_admin_is_kept() {
    let db = TestDb::new();
    let smtp = format!("smtp://127.0.0.1:{}", closed_port());
    let o = ctopulse(
        &db,
        &INIT,
        "plum-kettle-orbit-42\n",
        &[
            ("CTOPULSE_MAIL_TRANSPORT", "smtp"),
            ("CTOPULSE_SMTP_URL", &smtp),
            ("CTOPULSE_PUBLIC_URL", "http://pulse.example.com"),
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    let e = err(&o);
    assert!(e.contains("✓ first admin"), "{e}");
    assert!(e.contains("✗ test email: to ada@example.com:"), "{e}");
    assert!(
        e.contains("mail.smtp_url") && e.contains("The admin account was kept"),
        "{e}"
    );
    // Plain http to another machine is refused too.
    assert!(
        e.contains("✗ public URL: http://pulse.example.com: it uses plain http"),
        "{e}"
    );
    assert!(e.contains("2 check(s) failed"), "{e}");
    let o = ctopulse(&db, &["user", "list", "--json"], "", &[]);
    assert!(out(&o).contains("ada@example.com"), "{}", out(&o));
}

#[test]
fn init_without_a_password_explains_where_it_comes_from() {
    let db = TestDb::new();
    let o = ctopulse(&db, &INIT, "", &[]);
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert!(err(&o).contains("| ctopulse init --email"), "{}", err(&o));
    let o = ctopulse(&db, &["init", "--help"], "", &[]);
    let help = out(&o);
    assert!(
        help.contains("standard input") && help.contains("--test-email"),
        "{help}"
    );
}

/// The setup form's cookie and token, fetched like a browser would.
async fn setup_form(app: &TestApp) -> (String, String) {
    let resp = plain_client()
        .get(format!("{}/setup", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let cookie = set_cookie(&resp, "ctopulse-login").expect("pre-session cookie");
    let token = hidden_csrf(&resp.text().await.unwrap());
    (cookie, token)
}

async fn post_setup(
    app: &TestApp,
    (cookie, token): &(String, String),
    email: &str,
    repeat: &str,
) -> reqwest::Response {
    plain_client()
        .post(format!("{}/setup", app.address))
        .header(reqwest::header::COOKIE, format!("ctopulse-login={cookie}"))
        .form(&[
            ("email", email),
            ("name", "Grace Hopper"),
            ("password", PASSWORD),
            ("password_repeat", repeat),
            ("csrf_token", token),
        ])
        .send()
        .await
        .unwrap()
}

fn admins(app: &TestApp) -> i64 {
    app.count("users WHERE role = 'admin'")
}

#[tokio::test]
async fn the_setup_page_makes_the_first_admin_then_is_gone() {
    let app = TestApp::spawn().await;
    let form = setup_form(&app).await;
    // Without the form's token: refused, nothing made.
    let forged = (form.0.clone(), "forged".to_string());
    assert_eq!(
        post_setup(&app, &forged, "grace@example.com", PASSWORD)
            .await
            .status(),
        403
    );
    // Passwords that differ: refused, the page says why.
    let resp = post_setup(&app, &form, "grace@example.com", "something-else-77").await;
    assert_eq!(resp.status(), 400);
    assert!(resp
        .text()
        .await
        .unwrap()
        .contains("The two passwords differ."));
    assert_eq!(admins(&app), 0);

    let resp = post_setup(&app, &form, "Grace@Example.com", PASSWORD).await;
    assert_eq!(resp.status(), 303);
    assert_eq!(resp.headers()[reqwest::header::LOCATION], "/login");
    assert_eq!(admins(&app), 1);
    let session = sign_in(&app, "grace@example.com").await;
    assert_eq!(session.home, "/admin");
    assert_eq!(
        app.count("audit_log WHERE action = 'user.create_first_admin' AND actor = 'setup-page'"),
        1
    );

    // Gone for good: the page and the form both answer 404, and nothing more is made.
    assert_eq!(app.get("/setup").await.status(), 404);
    let resp = post_setup(&app, &form, "mallory@example.com", PASSWORD).await;
    assert_eq!(resp.status(), 404);
    assert_eq!(admins(&app), 1);
    assert_eq!(app.count("users"), 1);
}

#[tokio::test]
async fn two_racing_setups_make_one_admin() {
    let app = TestApp::spawn().await;
    let form = setup_form(&app).await;
    let (a, b) = tokio::join!(
        post_setup(&app, &form, "first@example.com", PASSWORD),
        post_setup(&app, &form, "second@example.com", PASSWORD),
    );
    let mut statuses = [a.status().as_u16(), b.status().as_u16()];
    statuses.sort_unstable();
    assert_eq!(
        statuses,
        [303, 404],
        "one wins, the other finds the page gone"
    );
    assert_eq!(admins(&app), 1);
}

#[tokio::test]
async fn setup_is_closed_when_an_admin_already_exists() {
    let app = TestApp::spawn().await;
    // A CTO account alone leaves setup open; an admin (even disabled) closes it.
    add_user(&app, "cto@example.com", Role::Cto);
    assert_eq!(app.get("/setup").await.status(), 200);
    add_user(&app, "hr@example.com", Role::Admin);
    assert_eq!(app.get("/setup").await.status(), 404);
}

#[tokio::test]
async fn setup_posts_are_rate_limited_like_sign_ins() {
    let app = TestApp::spawn().await;
    let form = setup_form(&app).await;
    // Ten bad attempts a minute are answered; the eleventh waits.
    for _ in 0..10 {
        let resp = post_setup(&app, &form, "not-an-email", PASSWORD).await;
        assert_eq!(resp.status(), 400);
    }
    let resp = post_setup(&app, &form, "grace@example.com", PASSWORD).await;
    assert_eq!(resp.status(), 429);
    assert!(resp.headers().contains_key(reqwest::header::RETRY_AFTER));
    assert_eq!(admins(&app), 0);
}

#[tokio::test]
async fn concurrent_first_admins_make_exactly_one() {
    use ctopulse::app::first_admin::{self, FirstAdminError};
    use ctopulse::domain::email::Email;
    let app = TestApp::spawn().await;
    let hash = ctopulse::auth::password::hash(PASSWORD).unwrap();
    // Eight set-ups released together, each on its own connection: the check and the insert
    // share one transaction that holds the accounts table, so one wins and seven are told
    // an admin exists.
    let start = std::sync::Arc::new(std::sync::Barrier::new(8));
    let handles: Vec<_> = (0..8)
        .map(|i| {
            let (pool, hash, start) = (app.pool.clone(), hash.clone(), start.clone());
            std::thread::spawn(move || {
                let mut conn = ctopulse::db::pool::checkout(&pool).unwrap();
                let email = Email::parse(&format!("admin{i}@example.com")).unwrap();
                start.wait();
                first_admin::create(
                    &mut conn,
                    &email,
                    "Admin",
                    &hash,
                    "test",
                    "a test",
                    ctopulse::clock::now(),
                )
            })
        })
        .collect();
    let outcomes: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let won = outcomes.iter().filter(|o| o.is_ok()).count();
    let refused = outcomes
        .iter()
        .filter(|o| matches!(o, Err(FirstAdminError::AdminExists)))
        .count();
    assert_eq!((won, refused), (1, 7), "{outcomes:?}");
    assert_eq!(admins(&app), 1);
}

#[tokio::test]
async fn a_running_server_at_the_public_url_is_checked_for_health() {
    let app = TestApp::spawn().await;
    let o = tokio::task::spawn_blocking({
        let url = app.db.url().to_string();
        let address = app.address.clone();
        move || {
            let dir = tempfile::tempdir().unwrap();
            Command::new(env!("CARGO_BIN_EXE_ctopulse"))
                .current_dir(dir.path())
                .args(["init", "--check-only"])
                .env_clear()
                .env("CTOPULSE_DATABASE_URL", url)
                .env("CTOPULSE_PUBLIC_URL", address)
                .output()
                .unwrap()
        }
    })
    .await
    .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let e = err(&o);
    assert!(
        e.contains(&format!(
            "✓ public URL: {}/healthz answered 200",
            app.address
        )),
        "{e}"
    );
    assert!(e.contains("– first admin: --check-only"), "{e}");
    assert!(e.contains("– test email: no address"), "{e}");
    assert!(out(&o).is_empty(), "no account, no id: {}", out(&o));
}
