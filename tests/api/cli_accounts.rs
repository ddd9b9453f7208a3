//! `ctopulse user …` and `ctopulse token …` as an operator runs them.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use crate::helpers::TestDb;

fn ctopulse(db: &TestDb, args: &[&str], stdin: Option<&str>) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ctopulse"));
    cmd.current_dir(dir.path())
        .args(args)
        .env_clear()
        .env("CTOPULSE_DATABASE_URL", db.url())
        .env("USER", "ops")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("run ctopulse");
    {
        let mut pipe = child.stdin.take().unwrap();
        if let Some(text) = stdin {
            // The command may exit before reading (bad role, bad email): a broken pipe is fine.
            let _ = pipe.write_all(text.as_bytes());
        }
    }
    child.wait_with_output().unwrap()
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn user_add_reads_the_password_from_stdin_and_prints_only_the_id() {
    let db = TestDb::new();
    let o = ctopulse(
        &db,
        &["user", "add", "CTO@Example.com", "--role", "cto"],
        Some("plum-kettle-orbit-42\n"),
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let id = out(&o).trim().to_string();
    assert!(
        uuid::Uuid::parse_str(&id).is_ok(),
        "stdout is the id alone: {:?}",
        out(&o)
    );
    let o = ctopulse(&db, &["user", "list", "--json"], None);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let list: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    assert_eq!(list[0]["email"], "cto@example.com");
    assert_eq!(list[0]["role"], "cto");
    assert_eq!(list[0]["disabled"], false);
    assert!(!out(&o).contains("argon2"), "no hashes in listings");
    let o = ctopulse(
        &db,
        &["user", "add", "cto@example.com", "--role", "cto"],
        Some("another-long-pass-99\n"),
    );
    assert_eq!(o.status.code(), Some(2), "duplicate: {}", err(&o));
    assert!(err(&o).contains("already exists"));
}

#[test]
fn weak_passwords_bad_roles_and_argv_passwords_are_refused() {
    let db = TestDb::new();
    for (args, stdin, says) in [
        (
            vec!["user", "add", "a@example.com", "--role", "cto"],
            "short\n",
            "at least 12",
        ),
        (
            vec!["user", "add", "a@example.com", "--role", "cto"],
            "Password2024!\n",
            "common",
        ),
        (
            vec!["user", "add", "a@example.com", "--role", "cto"],
            "",
            "no password",
        ),
        (
            vec!["user", "add", "a@example.com", "--role", "root"],
            "plum-kettle-orbit-42\n",
            "unknown role",
        ),
        (
            vec!["user", "add", "not-an-email", "--role", "cto"],
            "plum-kettle-orbit-42\n",
            "invalid email",
        ),
    ] {
        let o = ctopulse(&db, &args, Some(stdin));
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", err(&o));
        assert!(err(&o).contains(says), "{args:?}: {}", err(&o));
        assert!(out(&o).is_empty());
    }
    let o = ctopulse(
        &db,
        &[
            "user",
            "add",
            "a@example.com",
            "--role",
            "cto",
            "--password",
            "plum-kettle-orbit-42",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(2), "there is no password flag");
    let o = ctopulse(&db, &["user", "list", "--json"], None);
    assert_eq!(out(&o).trim(), "[]", "nothing was created");
}

#[test]
fn disable_and_reset_password_end_sessions_and_are_audited() {
    let db = TestDb::new();
    let o = ctopulse(
        &db,
        &["user", "add", "hr@example.com", "--role", "admin"],
        Some("plum-kettle-orbit-42\n"),
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let o = ctopulse(
        &db,
        &["user", "reset-password", "hr@example.com"],
        Some("fresh-kettle-orbit-43\n"),
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(err(&o).contains("session(s) ended"));
    let o = ctopulse(&db, &["user", "disable", "hr@example.com"], None);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let o = ctopulse(&db, &["user", "disable", "nobody@example.com"], None);
    assert_eq!(o.status.code(), Some(2));
    let o = ctopulse(
        &db,
        &["user", "reset-password", "nobody@example.com"],
        Some("fresh-kettle-orbit-43\n"),
    );
    assert_eq!(o.status.code(), Some(2));
    let o = ctopulse(&db, &["user", "list"], None);
    assert!(out(&o).contains("disabled"), "{}", out(&o));

    let pool =
        ctopulse::db::connect(&ctopulse::config::DatabaseUrl::parse(db.url()).unwrap()).unwrap();
    let mut conn = ctopulse::db::pool::checkout(&pool).unwrap();
    let entries = ctopulse::db::audit::recent(&mut conn, 10).unwrap();
    let actions: Vec<&str> = entries.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        ["user.disable", "user.reset_password", "user.create"]
    );
    assert!(entries.iter().all(|e| e.actor == "cli:ops"));
    assert!(
        !format!("{entries:?}").contains("orbit"),
        "no password in the audit log"
    );
}

#[test]
fn token_create_prints_the_token_alone_and_revoke_stops_it() {
    let db = TestDb::new();
    let o = ctopulse(
        &db,
        &[
            "token",
            "create",
            "--role",
            "board",
            "--name",
            "nightly report",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let token = out(&o).trim().to_string();
    assert!(
        ctopulse::tokens::is_well_formed(&token),
        "stdout is the token alone: {:?}",
        out(&o)
    );
    let id = err(&o)
        .split_whitespace()
        .find(|w| uuid::Uuid::parse_str(w).is_ok())
        .expect("id on stderr")
        .to_string();
    assert!(
        !err(&o).contains(&token),
        "the token is printed once, on stdout"
    );
    let o = ctopulse(&db, &["token", "list", "--json"], None);
    assert!(out(&o).contains("nightly report") && !out(&o).contains(&token));
    let o = ctopulse(&db, &["token", "revoke", &id], None);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let o = ctopulse(&db, &["token", "revoke", &id], None);
    assert_eq!(o.status.code(), Some(2), "already revoked: {}", err(&o));
    let o = ctopulse(&db, &["token", "revoke", "no-such-id"], None);
    assert_eq!(o.status.code(), Some(2));
    let o = ctopulse(
        &db,
        &["token", "create", "--role", "owner", "--name", "x"],
        None,
    );
    assert_eq!(o.status.code(), Some(2));

    let pool =
        ctopulse::db::connect(&ctopulse::config::DatabaseUrl::parse(db.url()).unwrap()).unwrap();
    let mut conn = ctopulse::db::pool::checkout(&pool).unwrap();
    let found =
        ctopulse::db::api_tokens::find_active(&mut conn, &ctopulse::tokens::hash(&token)).unwrap();
    assert!(found.is_none(), "revoked");
    let actions: Vec<String> = ctopulse::db::audit::recent(&mut conn, 10)
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(actions, ["token.revoke", "token.create"]);
}
