//! A failed sign-in is recorded under the account's id, or as an unknown account: what was
//! typed into the email field (perhaps a password) is stored nowhere and shown nowhere.

use ctopulse::auth::Role;
use ctopulse::db::schema::{audit_log, login_failures};
use diesel::prelude::*;

use crate::helpers::TestApp;
use crate::staff_support::{add_user, get_with, sign_in, LoginForm};

/// A password typed into the email field by mistake.
const TYPED_AS_EMAIL: &str = "Tr0ub4dor&3-horse";

fn failed_login_rows(app: &TestApp) -> Vec<(String, Option<String>, Option<String>)> {
    let mut conn = app.conn();
    audit_log::table
        .filter(audit_log::action.eq("login.failed"))
        .order(audit_log::at)
        .select((audit_log::actor, audit_log::object_id, audit_log::detail))
        .load(&mut *conn)
        .unwrap()
}

#[tokio::test]
async fn a_password_typed_as_email_is_neither_stored_nor_shown() {
    let app = TestApp::spawn().await;
    let hr_id = add_user(&app, "hr@example.com", Role::Admin);
    let form = LoginForm::fetch(&app).await;
    let res = form.post(&app, TYPED_AS_EMAIL, "whatever-else", &[]).await;
    assert_eq!(res.status(), 401);
    // Not even the answer to the one who typed it puts it back on the screen.
    let body = res.text().await.unwrap();
    assert!(!body.contains("Tr0ub4dor"), "{body}");
    let res = form
        .post(&app, "HR@example.com", "a-wrong-password", &[])
        .await;
    assert_eq!(res.status(), 401);
    // An email address is kept in the field, to correct the password.
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("value=\"HR@example.com\""));

    let rows = failed_login_rows(&app);
    assert_eq!(rows.len(), 2, "{rows:?}");
    // The unknown account: no id, the words "unknown account" (and the client's IP).
    assert_eq!(rows[0].1, None);
    let detail = rows[0].2.clone().unwrap_or_default();
    assert!(detail.starts_with("unknown account"), "{detail}");
    // The existing account: its id, in the object column and the detail.
    assert_eq!(rows[1].1.as_deref(), Some(hr_id.as_str()));
    let detail = rows[1].2.clone().unwrap_or_default();
    assert!(detail.starts_with(&format!("account {hr_id}")), "{detail}");

    let all_audit: Vec<(String, String, Option<String>, Option<String>)> = audit_log::table
        .select((
            audit_log::actor,
            audit_log::action,
            audit_log::object_id,
            audit_log::detail,
        ))
        .load(&mut *app.conn())
        .unwrap();
    let failures: Vec<Option<String>> = login_failures::table
        .select(login_failures::account)
        .load(&mut *app.conn())
        .unwrap();
    let mut failures_sorted = failures.clone();
    failures_sorted.sort();
    assert_eq!(
        failures_sorted,
        [None, Some(hr_id.clone())],
        "the failure counts hold ids, not typed text"
    );
    let stored = format!("{all_audit:?} {failures:?}");
    assert!(!stored.contains(TYPED_AS_EMAIL), "{stored}");
    assert!(!stored.to_lowercase().contains("tr0ub4dor"), "{stored}");
    assert!(!stored.contains("HR@example.com"), "{stored}");

    let s = sign_in(&app, "hr@example.com").await;
    let page = get_with(&app, "/admin/audit", &s.cookie).await;
    assert_eq!(page.status(), 200);
    let body = page.text().await.unwrap();
    assert!(body.contains("login.failed"), "the failures are listed");
    assert!(body.contains("unknown account"), "{body}");
    assert!(!body.to_lowercase().contains("tr0ub4dor"), "{body}");
}

/// The upgrade rewrites entries written before this release, which held the typed text.
#[tokio::test]
async fn the_upgrade_removes_typed_text_from_earlier_failed_sign_ins() {
    let app = TestApp::spawn().await;
    let hr_id = add_user(&app, "hr@example.com", Role::Admin);
    let mut conn = app.conn();
    let old = |id: &str, object: Option<&str>, detail: &str| {
        diesel::insert_into(audit_log::table).values((
            audit_log::id.eq(id.to_string()),
            audit_log::at.eq(ctopulse::clock::now()),
            audit_log::actor.eq("anonymous"),
            audit_log::action.eq("login.failed"),
            audit_log::object_type.eq("user"),
            audit_log::object_id.eq(object.map(str::to_string)),
            audit_log::detail.eq(Some(detail.to_string())),
        ))
    };
    old(
        "old-1",
        None,
        &format!("account {TYPED_AS_EMAIL:?} from 10.0.0.1"),
    )
    .execute(&mut *conn)
    .unwrap();
    old(
        "old-2",
        Some(&hr_id),
        "account \"hr@example.com\" from 10.0.0.1",
    )
    .execute(&mut *conn)
    .unwrap();
    diesel::insert_into(login_failures::table)
        .values((
            login_failures::id.eq("old-f"),
            login_failures::kind.eq("login"),
            login_failures::account.eq(Some(TYPED_AS_EMAIL)),
            login_failures::client_ip.eq("10.0.0.1"),
            login_failures::failed_at.eq(ctopulse::clock::now()),
        ))
        .execute(&mut *conn)
        .unwrap();

    let up = match app.db.backend() {
        ctopulse::db::Backend::Sqlite => {
            include_str!("../../migrations/sqlite/2026-12-03-000301_failed_logins_untyped/up.sql")
        }
        ctopulse::db::Backend::Postgres => {
            include_str!("../../migrations/postgres/2026-12-03-000301_failed_logins_untyped/up.sql")
        }
    };
    let statements: String = up
        .lines()
        .filter(|l| !l.trim_start().starts_with("--"))
        .collect::<Vec<_>>()
        .join("\n");
    for statement in statements.split(';').filter(|s| !s.trim().is_empty()) {
        diesel::sql_query(statement).execute(&mut *conn).unwrap();
    }
    drop(conn);

    let rows = failed_login_rows(&app);
    let details: Vec<Option<String>> = rows.into_iter().map(|r| r.2).collect();
    assert!(
        details.contains(&Some("unknown account".into())),
        "{details:?}"
    );
    assert!(
        details.contains(&Some(format!("account {hr_id}"))),
        "{details:?}"
    );
    assert!(!format!("{details:?}").contains("Tr0ub4dor"));
    assert_eq!(app.count("login_failures"), 0);
}
