//! Staff sign in through the provider: accounts matched by verified email or created from
//! mapped groups, roles following the groups, sessions as with passwords, sign-out offering
//! the provider's logout, passwords that can be turned off.

use ctopulse::auth::Role;
use ctopulse::db::schema::{audit_log, sessions, users};
use diesel::prelude::*;

use super::{app_with_provider, callback_url, location, sign_in_as};
use crate::helpers::TestApp;
use crate::staff_support::{add_user, hidden_csrf, set_cookie, LoginForm};

fn audit(app: &TestApp, action: &str) -> Vec<(String, Option<String>)> {
    audit_log::table
        .filter(audit_log::action.eq(action))
        .order(audit_log::at)
        .select((audit_log::actor, audit_log::detail))
        .load(&mut *app.conn())
        .unwrap()
}

fn role_of(app: &TestApp, email: &str) -> Option<String> {
    users::table
        .filter(users::email.eq(email))
        .select(users::role)
        .first::<Role>(&mut *app.conn())
        .optional()
        .unwrap()
        .map(|r| r.as_str().to_string())
}

#[tokio::test]
async fn a_mapped_group_creates_the_account_on_first_sign_in() {
    let (app, op) = app_with_provider(None, |_| {}).await;
    let login = app.get("/login").await.text().await.unwrap();
    assert!(login.contains("Sign in with Test IdP"), "{login}");
    let browser = app.browser();
    let resp = sign_in_as(&app, &op, &browser, "admin").await;
    assert_eq!(resp.status(), 303);
    assert_eq!(location(&resp), "/admin");
    let session = set_cookie(&resp, "ctopulse-session").expect("session cookie");
    assert!(!session.is_empty());
    // The short-lived sign-in cookie is removed with the session's start.
    assert_eq!(set_cookie(&resp, "ctopulse-oidc").as_deref(), Some(""));
    let admin = browser
        .get(format!("{}/admin", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(admin.status(), 200);

    assert_eq!(role_of(&app, "admin@idp.example").as_deref(), Some("admin"));
    let (hash, name): (String, Option<String>) = users::table
        .filter(users::email.eq("admin@idp.example"))
        .select((users::password_hash, users::name))
        .first(&mut *app.conn())
        .unwrap();
    assert!(!hash.starts_with("$argon2"), "no password to sign in with");
    assert_eq!(name.as_deref(), Some("Ada Admin"));
    let created = audit(&app, "user.create");
    assert_eq!(created.len(), 1);
    assert_eq!(created[0].0, "oidc");
    let logins = audit(&app, "login");
    assert!(logins[0]
        .1
        .as_deref()
        .unwrap_or("")
        .starts_with("single sign-on"));
    // Nothing of the sign-in's secrets is left behind.
    let pending: i64 = ctopulse::db::schema::oidc_logins::table
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(pending, 0);
    // A password never opens an account created this way.
    let form = LoginForm::fetch(&app).await;
    let resp = form.post(&app, "admin@idp.example", "x", &[]).await;
    assert_eq!(resp.status(), 401);
}

#[tokio::test]
async fn an_existing_account_is_matched_by_email_and_its_role_follows_the_groups() {
    let (app, op) = app_with_provider(None, |_| {}).await;
    add_user(&app, "keeper@example.com", Role::Admin);
    add_user(&app, "board@idp.example", Role::Cto);
    add_user(&app, "nobody@idp.example", Role::Board);
    let resp = sign_in_as(&app, &op, &app.browser(), "board").await;
    assert_eq!(location(&resp), "/board");
    assert_eq!(role_of(&app, "board@idp.example").as_deref(), Some("board"));
    let changed = audit(&app, "user.set_role");
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(changed[0].1.as_deref().unwrap().contains("cto -> board"));
    // No mapped group: the account keeps the role an admin gave it.
    let resp = sign_in_as(&app, &op, &app.browser(), "nobody").await;
    assert_eq!(resp.status(), 303);
    assert_eq!(location(&resp), "/board");
    assert_eq!(
        role_of(&app, "nobody@idp.example").as_deref(),
        Some("board")
    );
}

#[tokio::test]
async fn no_account_and_no_mapped_group_or_an_unverified_email_signs_nobody_in() {
    let (app, op) = app_with_provider(None, |_| {}).await;
    let resp = sign_in_as(&app, &op, &app.browser(), "nobody").await;
    assert_eq!(resp.status(), 403);
    assert!(set_cookie(&resp, "ctopulse-session").is_none());
    assert!(resp.text().await.unwrap().contains("does not have access"));
    let resp = sign_in_as(&app, &op, &app.browser(), "unverified").await;
    assert_eq!(resp.status(), 400);
    assert!(set_cookie(&resp, "ctopulse-session").is_none());
    assert!(resp
        .text()
        .await
        .unwrap()
        .contains("not verified your email"));
    assert_eq!(role_of(&app, "nobody@idp.example"), None);
    assert_eq!(role_of(&app, "unverified@idp.example"), None);
    let failed = audit(&app, "login.failed");
    assert_eq!(failed.len(), 2, "{failed:?}");
    assert!(failed[0]
        .1
        .as_deref()
        .unwrap()
        .contains("no account and no mapped group"));
    assert!(failed[1]
        .1
        .as_deref()
        .unwrap()
        .contains("email not verified"));
    let n: i64 = sessions::table
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(n, 0);
}

#[tokio::test]
async fn a_disabled_account_stays_out() {
    let (app, op) = app_with_provider(None, |_| {}).await;
    add_user(&app, "keeper@example.com", Role::Admin);
    add_user(&app, "cto@idp.example", Role::Cto);
    diesel::update(users::table.filter(users::email.eq("cto@idp.example")))
        .set(users::disabled.eq(true))
        .execute(&mut *app.conn())
        .unwrap();
    let resp = sign_in_as(&app, &op, &app.browser(), "cto").await;
    assert_eq!(resp.status(), 403);
    assert!(set_cookie(&resp, "ctopulse-session").is_none());
}

#[tokio::test]
async fn sign_out_ends_the_session_and_offers_the_providers_logout() {
    let (app, op) = app_with_provider(None, |_| {}).await;
    let browser = app.browser();
    sign_in_as(&app, &op, &browser, "cto").await;
    let home = browser
        .get(format!("{}/dashboard", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(home.status(), 200);
    let csrf = hidden_csrf(&home.text().await.unwrap());
    let resp = browser
        .post(format!("{}/logout", app.address))
        .form(&[("csrf_token", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 303);
    assert_eq!(location(&resp), "/login?signed_out=1");
    let n: i64 = sessions::table
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(n, 0);
    let page = browser
        .get(format!("{}/login?signed_out=1", app.address))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let start = page
        .find(&format!("href=\"{}/session/end", op.issuer))
        .expect(&page)
        + 6;
    let end = page[start..].find('"').unwrap() + start;
    let logout = page[start..end].replace("&amp;", "&");
    assert!(logout.contains("client_id=ctopulse-test"), "{logout}");
    assert!(logout.contains("post_logout_redirect_uri="), "{logout}");
    // The provider accepts it: its own "sign out?" page, not an error.
    let resp = browser.get(&logout).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    assert!(resp.text().await.unwrap().contains("sign-out"));
}

#[tokio::test]
async fn passwords_can_be_turned_off() {
    let (app, _op) = app_with_provider(None, |s| s.oidc.allow_passwords = false).await;
    add_user(&app, "local@example.com", Role::Admin);
    let page = app.get("/login").await.text().await.unwrap();
    assert!(page.contains("Sign in with Test IdP"));
    assert!(!page.contains("type=\"password\""), "{page}");
    let resp = app
        .browser()
        .post(format!("{}/login", app.address))
        .form(&[
            ("email", "local@example.com"),
            ("password", crate::staff_support::PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 403);
    assert!(set_cookie(&resp, "ctopulse-session").is_none());
    assert!(resp
        .text()
        .await
        .unwrap()
        .contains("Passwords are turned off"));
}

#[tokio::test]
async fn without_a_provider_the_routes_are_not_there() {
    let app = TestApp::spawn().await;
    assert_eq!(app.get("/login/oidc").await.status(), 404);
    assert_eq!(
        app.get("/login/oidc/callback?code=a&state=b")
            .await
            .status(),
        404
    );
    let page = app.get("/login").await.text().await.unwrap();
    assert!(!page.contains("/login/oidc"));
}

#[tokio::test]
async fn a_callback_works_once_and_only_in_the_browser_that_started_it() {
    let (app, op) = app_with_provider(None, |_| {}).await;
    let browser = app.browser();
    let url = callback_url(&app, &op, &browser, "cto").await;
    // Another browser holding the same URL (a stolen or planted callback) gets nothing.
    let resp = app.browser().get(&url).send().await.unwrap();
    assert_eq!(resp.status(), 400);
    assert!(set_cookie(&resp, "ctopulse-session").is_none());
    assert!(resp.text().await.unwrap().contains("another browser"));
    // It used the state up, so the real browser must start again.
    let resp = browser.get(&url).send().await.unwrap();
    assert_eq!(resp.status(), 400);
    assert!(resp
        .text()
        .await
        .unwrap()
        .contains("expired or was already used"));

    let url = callback_url(&app, &op, &browser, "cto").await;
    let tampered = url.replace("state=", "state=0");
    assert_eq!(browser.get(&tampered).send().await.unwrap().status(), 400);
    let resp = browser.get(&url).send().await.unwrap();
    assert_eq!(resp.status(), 303, "the untampered callback still works");
    // Replayed: the state is gone.
    let resp = browser.get(&url).send().await.unwrap();
    assert_eq!(resp.status(), 400);
    assert!(set_cookie(&resp, "ctopulse-session").is_none());
    let n: i64 = sessions::table
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(n, 1);
    assert_eq!(audit(&app, "login.failed").len(), 4);
}
