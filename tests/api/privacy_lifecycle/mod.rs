//! Retention and erasure through the command line, on the backend TEST_DATABASE_URL picks:
//! `retention purge` removes old raw answers and keeps tallies (the old quarter's export and
//! report stay byte for byte the same); `roster erase` removes a person and leaves every
//! aggregate alone; `roster export-person` shows what is stored, and nothing after an erase.
//! Shared helpers here; the stories in `retention` and `erasure`.

mod erasure;
mod retention;

use std::process::{Command, Output};

use crate::helpers::TestApp;

pub fn ctopulse(app: &TestApp, dir: &std::path::Path, args: &[&str]) -> Output {
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

pub fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Rows of `table` in round `round`, through `responses` for answers.
pub fn rows_of(app: &TestApp, table: &str, round: &str) -> i64 {
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
pub async fn six_answer(app: &TestApp, score_offset: usize, comment: &str) {
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

pub fn current_quarter() -> String {
    let now = ctopulse::clock::now();
    ctopulse::domain::quarter::Quarter::containing(now.date(), 1).to_string()
}

/// The export (JSON) and board report (SVG) of `quarter`, as the CLI writes them.
pub fn outputs(app: &TestApp, dir: &std::path::Path, quarter: &str) -> (String, String) {
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

/// SQLite: how many times `needle` is in the database file and its WAL (PostgreSQL: None).
pub fn residue(app: &TestApp, needle: &str) -> Option<usize> {
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

pub fn audits(app: &TestApp, action: &str) -> i64 {
    use ctopulse::db::schema::audit_log;
    use diesel::prelude::*;
    audit_log::table
        .filter(audit_log::action.eq(action))
        .count()
        .get_result(&mut *app.conn())
        .unwrap()
}

pub fn audit_detail(app: &TestApp, action: &str) -> String {
    use ctopulse::db::schema::audit_log;
    use diesel::prelude::*;
    audit_log::table
        .filter(audit_log::action.eq(action))
        .select(audit_log::detail)
        .first::<Option<String>>(&mut *app.conn())
        .unwrap()
        .unwrap_or_default()
}

pub fn audit_actor(app: &TestApp, action: &str) -> String {
    use ctopulse::db::schema::audit_log;
    use diesel::prelude::*;
    audit_log::table
        .filter(audit_log::action.eq(action))
        .select(audit_log::actor)
        .first::<String>(&mut *app.conn())
        .unwrap()
}

/// Audit rows whose actor, object or detail holds `needle` (any case).
pub fn audit_mentions(app: &TestApp, needle: &str) -> usize {
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
