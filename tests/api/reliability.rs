//! Regression tests for faults found by `scripts/faults`.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

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
