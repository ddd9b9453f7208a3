//! Single sign-on against a real OpenID provider: the certified `oidc-provider` package
//! (scripts/oidc-provider), started on loopback for each test and stopped after. The
//! scripted browser signs in on the provider's own form. A second mode of the same script
//! issues defective ID tokens, for the refusals.

mod refusals;
mod sign_in;

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;

use crate::helpers::TestApp;

pub const CLIENT_ID: &str = "ctopulse-test";
pub const CLIENT_SECRET: &str = "a-client-secret-for-tests-only";

fn script_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scripts/oidc-provider")
}

/// Installs the provider's npm packages once per test run (from package-lock.json).
fn ensure_installed() {
    static INSTALL: Mutex<bool> = Mutex::new(false);
    let mut done = INSTALL.lock().unwrap_or_else(|e| e.into_inner());
    if *done || script_dir().join("node_modules/oidc-provider").exists() {
        *done = true;
        return;
    }
    let status = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
        .current_dir(script_dir())
        .status()
        .expect("npm (Node.js) is needed for the single sign-on tests");
    assert!(status.success(), "npm ci in scripts/oidc-provider failed");
    *done = true;
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

/// A provider process, killed when dropped.
pub struct Op {
    pub issuer: String,
    child: Child,
}

impl Drop for Op {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Op {
    /// Starts the provider for a ctopulse at `app_url`; `hostile` picks a defect.
    pub fn start(app_url: &str, hostile: Option<&str>) -> Op {
        ensure_installed();
        let port = free_port();
        let mut cmd = Command::new("node");
        cmd.current_dir(script_dir())
            .arg("provider.mjs")
            .args(["--port", &port.to_string()])
            .args(["--client-id", CLIENT_ID, "--client-secret", CLIENT_SECRET])
            .args(["--redirect-uri", &format!("{app_url}/login/oidc/callback")])
            .args(["--post-logout-uri", &format!("{app_url}/login")])
            .stdout(Stdio::piped())
            .stderr(if std::env::var_os("OIDC_PROVIDER_LOG").is_some() {
                Stdio::inherit()
            } else {
                Stdio::null()
            });
        if let Some(mode) = hostile {
            cmd.args(["--hostile", mode]);
        }
        let mut child = cmd.spawn().expect("node");
        let stdout = child.stdout.take().expect("stdout");
        let mut reader = BufReader::new(stdout);
        let mut line = String::new();
        reader.read_line(&mut line).expect("provider output");
        assert!(
            line.starts_with("ready "),
            "provider did not start: {line:?}"
        );
        // Keep reading: the provider dies of a broken pipe if its output has no reader.
        std::thread::spawn(move || std::io::copy(&mut reader, &mut std::io::sink()));
        Op {
            issuer: line.trim_start_matches("ready ").trim().to_string(),
            child,
        }
    }
}

/// A ctopulse whose `[oidc]` points at a provider started for it (`hostile`: a defect).
pub async fn app_with_provider(
    hostile: Option<&str>,
    adjust: impl FnOnce(&mut ctopulse::config::Settings),
) -> (TestApp, Op) {
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}");
    let op = Op::start(&url, hostile);
    let bind = format!("127.0.0.1:{port}");
    let env = [
        ("CTOPULSE_BIND", bind.as_str()),
        ("CTOPULSE_PUBLIC_URL", url.as_str()),
        ("CTOPULSE_OIDC_ISSUER_URL", op.issuer.as_str()),
        ("CTOPULSE_OIDC_CLIENT_ID", CLIENT_ID),
        ("CTOPULSE_OIDC_CLIENT_SECRET", CLIENT_SECRET),
    ];
    let app = TestApp::spawn_adjusted(&env, |s| {
        s.oidc.scopes = vec!["email".into(), "profile".into(), "groups".into()];
        s.oidc.display_name = "Test IdP".into();
        s.oidc.roles = [
            ("ctopulse-admins", ctopulse::auth::Role::Admin),
            ("cto-office", ctopulse::auth::Role::Cto),
            ("board", ctopulse::auth::Role::Board),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        adjust(s);
    })
    .await;
    (app, op)
}

pub fn location(resp: &reqwest::Response) -> String {
    resp.headers()
        .get(reqwest::header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

/// Absolute form of a Location that may be relative to `base`.
fn absolute(base: &str, loc: &str) -> String {
    if loc.starts_with("http") {
        loc.to_string()
    } else {
        format!("{base}{loc}")
    }
}

/// Signs in through the provider as `account` in `browser`; returns ctopulse's answer to
/// the callback.
pub async fn sign_in_as(
    app: &TestApp,
    op: &Op,
    browser: &reqwest::Client,
    account: &str,
) -> reqwest::Response {
    let url = callback_url(app, op, browser, account).await;
    browser.get(url).send().await.expect("callback")
}

/// Walks the provider's pages as `account` (its sign-in form included) and returns the
/// callback URL it sends the browser back to, without calling it.
pub async fn callback_url(
    app: &TestApp,
    op: &Op,
    browser: &reqwest::Client,
    account: &str,
) -> String {
    let resp = browser
        .get(format!("{}/login/oidc", app.address))
        .send()
        .await
        .expect("start");
    assert_eq!(resp.status(), 303, "start of single sign-on");
    let mut next = location(&resp);
    assert!(next.starts_with(&op.issuer), "{next}");
    for _ in 0..10 {
        if next.starts_with(&app.address) {
            return next;
        }
        let resp = browser.get(&next).send().await.expect("provider");
        if resp.status() == 200 && next.contains("/interaction/") {
            // The provider's own sign-in form: any password, the login picks the account.
            let resp = browser
                .post(&next)
                .form(&[("prompt", "login"), ("login", account), ("password", "x")])
                .send()
                .await
                .expect("provider form");
            assert_eq!(resp.status(), 303, "provider sign-in form");
            next = absolute(&op.issuer, &location(&resp));
            continue;
        }
        assert_eq!(resp.status(), 303, "at {next}");
        next = absolute(&op.issuer, &location(&resp));
    }
    panic!("no way back from the provider");
}
