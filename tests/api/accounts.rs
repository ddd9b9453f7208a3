//! Staff sign-in, sessions, CSRF, rate limits, API tokens and the audit log, as a user meets them.

use std::time::{Duration, Instant};

use ctopulse::auth::Role;
use ctopulse::db::schema::{audit_log, sessions, users};
use ctopulse::tokens;
use diesel::prelude::*;

use crate::helpers::TestApp;
use crate::staff_support::{
    add_token, add_user, age_session, get_with, plain_client, post_form_with, session_count,
    set_cookie_header, sign_in, LoginForm, PASSWORD,
};

fn location(resp: &reqwest::Response) -> Option<String> {
    resp.headers()
        .get(reqwest::header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

fn audit_actions(app: &TestApp) -> Vec<(String, String, Option<String>)> {
    let mut conn = app.conn();
    audit_log::table
        .order(audit_log::at)
        .select((audit_log::actor, audit_log::action, audit_log::detail))
        .load(&mut *conn)
        .unwrap()
}

#[tokio::test]
async fn each_role_signs_in_to_its_own_page() {
    let app = TestApp::spawn().await;
    for (email, role, home, says) in [
        ("hr@example.com", Role::Admin, "/admin", "<h1>Admin</h1>"),
        ("cto@example.com", Role::Cto, "/dashboard", "CTO dashboard"),
        (
            "chair@example.com",
            Role::Board,
            "/board",
            "Board: how is the CTO doing?",
        ),
    ] {
        add_user(&app, email, role);
        let s = sign_in(&app, email).await;
        assert_eq!(s.home, home);
        let page = get_with(&app, home, &s.cookie).await;
        assert_eq!(
            page.headers().get("cache-control").unwrap(),
            "no-store",
            "signed-in pages are never cached"
        );
        let body = page.text().await.unwrap();
        assert!(body.contains(email) && body.contains(says), "{body}");
        // Signed in already: the login page sends you home.
        let again = get_with(&app, "/login", &s.cookie).await;
        assert_eq!(location(&again).as_deref(), Some(home));
    }
}

#[tokio::test]
async fn session_cookie_is_httponly_samesite_and_stored_hashed() {
    let app = TestApp::spawn().await;
    add_user(&app, "cto@example.com", Role::Cto);
    let form = LoginForm::fetch(&app).await;
    let resp = form.post(&app, "CTO@Example.com ", PASSWORD, &[]).await;
    assert_eq!(resp.status(), 303, "email is case-folded and trimmed");
    let header = set_cookie_header(&resp, "ctopulse-session").expect("cookie");
    assert!(header.contains("HttpOnly"), "{header}");
    assert!(header.contains("SameSite=Lax"), "{header}");
    assert!(header.contains("Path=/"), "{header}");
    assert!(
        !header.contains("Secure"),
        "plain http has no Secure: {header}"
    );
    let token = header.split(';').next().unwrap().split_once('=').unwrap().1;
    assert_eq!(token.len(), 64);
    let mut conn = app.conn();
    let stored: Vec<String> = sessions::table
        .select(sessions::token_hash)
        .load(&mut *conn)
        .unwrap();
    assert_eq!(stored, vec![tokens::hash(token)], "only the hash is stored");
}

#[tokio::test]
async fn https_sessions_use_the_host_prefix_secure_cookie_and_hsts() {
    let app = TestApp::spawn_with(&[("CTOPULSE_PUBLIC_URL", "https://pulse.example.com")]).await;
    add_user(&app, "hr@example.com", Role::Admin);
    let form = LoginForm::fetch(&app).await;
    let resp = form.post(&app, "hr@example.com", PASSWORD, &[]).await;
    assert_eq!(resp.status(), 303);
    let header = set_cookie_header(&resp, "__Host-ctopulse-session").expect("__Host- cookie");
    assert!(
        header.contains("Secure") && header.contains("HttpOnly"),
        "{header}"
    );
    assert!(!header.contains("Domain"), "{header}");
    let hsts = resp
        .headers()
        .get("strict-transport-security")
        .expect("HSTS under https");
    assert!(hsts.to_str().unwrap().contains("max-age="));
    let s = sign_in(&app, "hr@example.com").await;
    assert_eq!(get_with(&app, "/admin", &s.cookie).await.status(), 200);
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = TestApp::spawn().await;
    let resp = app.get("/login").await;
    let h = resp.headers();
    let csp = h.get("content-security-policy").unwrap().to_str().unwrap();
    assert!(
        csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    assert_eq!(h.get("x-content-type-options").unwrap(), "nosniff");
    assert_eq!(h.get("referrer-policy").unwrap(), "no-referrer");
    assert!(
        h.get("strict-transport-security").is_none(),
        "no HSTS over plain http"
    );
    let body = resp.text().await.unwrap();
    assert!(
        !body.contains("style=") && !body.contains("<script"),
        "no inline style or script"
    );
    let css = app.get("/static/staff.css").await;
    assert_eq!(css.status(), 200);
    assert!(css
        .headers()
        .get("cache-control")
        .unwrap()
        .to_str()
        .unwrap()
        .contains("max-age"));
}

#[tokio::test]
async fn unknown_user_and_wrong_password_get_the_same_answer_in_the_same_time() {
    let app = TestApp::spawn().await;
    add_user(&app, "cto@example.com", Role::Cto);
    let form = LoginForm::fetch(&app).await;
    let mut timings = Vec::new();
    let mut bodies = Vec::new();
    for (email, password) in [
        ("cto@example.com", "wrong-password-123"),
        ("nobody@example.com", "wrong-password-123"),
        ("cto@example.com", "wrong-password-456"),
        ("nobody@example.com", "wrong-password-456"),
    ] {
        let start = Instant::now();
        let resp = form.post(&app, email, password, &[]).await;
        timings.push(start.elapsed());
        assert_eq!(resp.status(), 401, "{email}");
        assert!(set_cookie_header(&resp, "ctopulse-session").is_none());
        bodies.push(resp.text().await.unwrap().replace(email, "EMAIL"));
    }
    assert_eq!(
        bodies[0], bodies[1],
        "same page for unknown user and wrong password"
    );
    assert!(bodies[0].contains("Email or password is incorrect."));
    // The dummy hash makes unknown users cost an argon2 check too (loose bound: shared CI).
    let known = (timings[0] + timings[2]) / 2;
    let unknown = (timings[1] + timings[3]) / 2;
    assert!(
        unknown * 3 >= known && known * 3 >= unknown,
        "known {known:?} vs unknown {unknown:?}"
    );
}

#[tokio::test]
async fn a_disabled_account_is_refused_like_a_wrong_password() {
    let app = TestApp::spawn().await;
    let id = add_user(&app, "chair@example.com", Role::Board);
    let s = sign_in(&app, "chair@example.com").await;
    {
        let mut conn = app.conn();
        let email = ctopulse::domain::email::Email::parse("chair@example.com").unwrap();
        ctopulse::app::accounts::disable_user(
            &mut conn,
            ctopulse::clock::now(),
            &email,
            "test",
            ctopulse::app::accounts::AdminGuard::Off,
        )
        .unwrap();
    }
    assert_eq!(session_count(&app, &id), 0, "disabling ends every session");
    assert_eq!(
        location(&get_with(&app, "/board", &s.cookie).await).as_deref(),
        Some("/login")
    );
    let form = LoginForm::fetch(&app).await;
    let resp = form.post(&app, "chair@example.com", PASSWORD, &[]).await;
    assert_eq!(resp.status(), 401);
    assert!(resp
        .text()
        .await
        .unwrap()
        .contains("Email or password is incorrect."));
}

#[tokio::test]
async fn ten_failures_a_minute_then_429_with_retry_after() {
    let app = TestApp::spawn().await;
    add_user(&app, "cto@example.com", Role::Cto);
    add_user(&app, "hr@example.com", Role::Admin);
    let form = LoginForm::fetch(&app).await;
    for i in 0..10 {
        let resp = form
            .post(&app, "cto@example.com", "guess-guess-guess", &[])
            .await;
        assert_eq!(resp.status(), 401, "attempt {i}");
    }
    let resp = form.post(&app, "cto@example.com", PASSWORD, &[]).await;
    assert_eq!(resp.status(), 429, "even the right password waits");
    let retry: i64 = resp
        .headers()
        .get("retry-after")
        .expect("Retry-After")
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry), "{retry}");
    // Per client IP too: another account from the same address is held back.
    let resp = form.post(&app, "hr@example.com", PASSWORD, &[]).await;
    assert_eq!(resp.status(), 429);
}

#[tokio::test]
async fn nobody_can_lock_the_cto_out_from_elsewhere() {
    let app = TestApp::spawn_with(&[("CTOPULSE_TRUSTED_PROXIES", "127.0.0.1")]).await;
    add_user(&app, "cto@example.com", Role::Cto);
    let form = LoginForm::fetch(&app).await;
    let attacker = [("X-Forwarded-For", "203.0.113.9")];
    for _ in 0..12 {
        form.post(&app, "cto@example.com", "guess-guess-guess", &attacker)
            .await;
    }
    assert_eq!(
        form.post(&app, "cto@example.com", PASSWORD, &attacker)
            .await
            .status(),
        429
    );
    let cto = [("X-Forwarded-For", "198.51.100.7")];
    let resp = form.post(&app, "cto@example.com", PASSWORD, &cto).await;
    assert_eq!(resp.status(), 303, "the CTO's own address is not limited");
}

#[tokio::test]
async fn forwarded_for_from_an_untrusted_peer_does_not_dodge_the_limit() {
    let app = TestApp::spawn().await;
    add_user(&app, "cto@example.com", Role::Cto);
    let form = LoginForm::fetch(&app).await;
    for i in 0..10 {
        let xff = format!("203.0.113.{i}");
        form.post(
            &app,
            "cto@example.com",
            "guess-guess-guess",
            &[("X-Forwarded-For", &xff)],
        )
        .await;
    }
    let resp = form
        .post(
            &app,
            "cto@example.com",
            PASSWORD,
            &[("X-Forwarded-For", "198.51.100.1")],
        )
        .await;
    assert_eq!(resp.status(), 429);
}

#[tokio::test]
async fn successful_sign_ins_are_never_slowed_or_counted() {
    let app = TestApp::spawn().await;
    add_user(&app, "hr@example.com", Role::Admin);
    let form = LoginForm::fetch(&app).await;
    for i in 0..15 {
        let resp = form.post(&app, "hr@example.com", PASSWORD, &[]).await;
        assert_eq!(resp.status(), 303, "sign-in {i}");
    }
}

#[tokio::test]
async fn logout_ends_every_session_of_the_user() {
    let app = TestApp::spawn().await;
    let id = add_user(&app, "hr@example.com", Role::Admin);
    let laptop = sign_in(&app, "hr@example.com").await;
    let phone = sign_in(&app, "hr@example.com").await;
    assert_ne!(laptop.token, phone.token);
    assert_eq!(session_count(&app, &id), 2);
    let resp = laptop.post(&app, "/logout", &[]).await;
    assert_eq!(resp.status(), 303);
    assert_eq!(location(&resp).as_deref(), Some("/login"));
    let removal = set_cookie_header(&resp, "ctopulse-session").expect("cookie removed");
    assert!(
        removal.contains("Max-Age=0") || removal.contains("expires"),
        "{removal}"
    );
    assert_eq!(session_count(&app, &id), 0);
    for s in [&laptop, &phone] {
        // A replayed cookie after logout gets nothing.
        let page = get_with(&app, "/admin", &s.cookie).await;
        assert_eq!(location(&page).as_deref(), Some("/login"));
    }
    let actions: Vec<String> = audit_actions(&app).into_iter().map(|a| a.1).collect();
    assert!(actions.contains(&"logout".to_string()), "{actions:?}");
}

#[tokio::test]
async fn idle_and_absolute_expiry_end_a_session() {
    let app = TestApp::spawn().await;
    add_user(&app, "cto@example.com", Role::Cto);
    let s = sign_in(&app, "cto@example.com").await;
    age_session(&app, &s.token, 119);
    assert_eq!(
        get_with(&app, "/dashboard", &s.cookie).await.status(),
        200,
        "119 idle minutes"
    );
    age_session(&app, &s.token, 121);
    assert_eq!(
        location(&get_with(&app, "/dashboard", &s.cookie).await).as_deref(),
        Some("/login"),
        "121 idle minutes"
    );
    let s = sign_in(&app, "cto@example.com").await;
    {
        let mut conn = app.conn();
        diesel::update(sessions::table.filter(sessions::token_hash.eq(tokens::hash(&s.token))))
            .set(sessions::expires_at.eq(ctopulse::clock::now() - time::Duration::seconds(1)))
            .execute(&mut *conn)
            .unwrap();
    }
    assert_eq!(
        location(&get_with(&app, "/dashboard", &s.cookie).await).as_deref(),
        Some("/login"),
        "past the 12-hour limit"
    );
    let mut conn = app.conn();
    let left: i64 = sessions::table.count().get_result(&mut *conn).unwrap();
    assert_eq!(left, 0, "expired sessions are deleted when seen");
}

#[tokio::test]
async fn signing_in_again_issues_a_new_token_and_ends_the_old_one() {
    let app = TestApp::spawn().await;
    add_user(&app, "hr@example.com", Role::Admin);
    let old = sign_in(&app, "hr@example.com").await;
    let form = LoginForm::fetch(&app).await;
    let resp = plain_client()
        .post(format!("{}/login", app.address))
        .header(
            reqwest::header::COOKIE,
            format!("{}={}; {}", form.cookie_name, form.cookie, old.cookie),
        )
        .form(&[
            ("email", "hr@example.com"),
            ("password", PASSWORD),
            ("csrf_token", &form.token),
        ])
        .send()
        .await
        .unwrap();
    // Signed in already, the login form still works and rotates the token.
    assert_eq!(resp.status(), 303);
    let new = set_cookie_header(&resp, "ctopulse-session").unwrap();
    assert!(!new.contains(&old.token));
    assert_eq!(
        location(&get_with(&app, "/admin", &old.cookie).await).as_deref(),
        Some("/login")
    );
}

#[tokio::test]
async fn forged_or_malformed_session_cookies_get_nothing() {
    let app = TestApp::spawn().await;
    add_user(&app, "hr@example.com", Role::Admin);
    let real = sign_in(&app, "hr@example.com").await;
    let forged_hash = format!("ctopulse-session={}", tokens::hash(&real.token));
    for cookie in [
        format!("ctopulse-session={}", tokens::new_token()),
        forged_hash,
        "ctopulse-session=' OR '1'='1".to_string(),
        format!("ctopulse-session={}", "a".repeat(5000)),
        "__Host-ctopulse-session=".to_string() + &real.token,
    ] {
        let resp = get_with(&app, "/admin", &cookie).await;
        assert_eq!(location(&resp).as_deref(), Some("/login"), "{cookie:.40}");
    }
}

#[tokio::test]
async fn writes_without_the_right_csrf_token_are_refused_and_change_nothing() {
    let app = TestApp::spawn().await;
    let id = add_user(&app, "hr@example.com", Role::Admin);
    let s = sign_in(&app, "hr@example.com").await;
    for form in [
        vec![],
        vec![("csrf_token", "forged")],
        vec![("csrf_token", "")],
    ] {
        let resp = post_form_with(&app, "/logout", &s.cookie, &form).await;
        assert_eq!(resp.status(), 403, "{form:?}");
    }
    // Another session's token is no good either.
    let other = sign_in(&app, "hr@example.com").await;
    let resp = post_form_with(&app, "/logout", &s.cookie, &[("csrf_token", &other.csrf)]).await;
    assert_eq!(resp.status(), 403);
    assert_eq!(session_count(&app, &id), 2, "nothing changed");
    // The header works for scripts.
    let resp = plain_client()
        .post(format!("{}/logout", app.address))
        .header(reqwest::header::COOKIE, &s.cookie)
        .header("X-CSRF-Token", &s.csrf)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 303);
    assert_eq!(session_count(&app, &id), 0);
}

#[tokio::test]
async fn the_login_form_itself_needs_its_csrf_token() {
    let app = TestApp::spawn().await;
    add_user(&app, "hr@example.com", Role::Admin);
    let form = LoginForm::fetch(&app).await;
    // No pre-session cookie (a cross-site post), or a wrong token.
    let resp = plain_client()
        .post(format!("{}/login", app.address))
        .form(&[
            ("email", "hr@example.com"),
            ("password", PASSWORD),
            ("csrf_token", &form.token),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 403);
    let wrong = LoginForm {
        token: tokens::new_token(),
        ..form
    };
    let resp = wrong.post(&app, "hr@example.com", PASSWORD, &[]).await;
    assert_eq!(resp.status(), 403);
    let mut conn = app.conn();
    let n: i64 = sessions::table.count().get_result(&mut *conn).unwrap();
    assert_eq!(n, 0);
}

#[tokio::test]
async fn sql_script_and_oversized_input_get_a_clear_4xx_and_change_nothing() {
    let app = TestApp::spawn().await;
    add_user(&app, "hr@example.com", Role::Admin);
    let form = LoginForm::fetch(&app).await;
    let cases: Vec<(String, String, u16)> = vec![
        ("' OR '1'='1' --".into(), "' OR '1'='1' --".into(), 401),
        (
            "hr@example.com' --".into(),
            "x' OR 1=1; DROP TABLE users; --".into(),
            401,
        ),
        (
            "<script>alert(1)</script>@example.com".into(),
            "<script>alert(1)</script>".into(),
            401,
        ),
        ("hr@example.com".into(), "x".repeat(5000), 400),
        (
            format!("{}@example.com", "a".repeat(400)),
            PASSWORD.into(),
            400,
        ),
        ("".into(), PASSWORD.into(), 400),
        ("hr@example.com".into(), "".into(), 400),
        ("hr@example.com\u{0}".into(), PASSWORD.into(), 400),
        ("hr@example.com".into(), format!("{PASSWORD}\u{0}"), 401),
    ];
    for (email, password, expected) in cases {
        let resp = form.post(&app, &email, &password, &[]).await;
        assert_eq!(
            resp.status().as_u16(),
            expected,
            "{email:.60} / {password:.40}"
        );
        let body = resp.text().await.unwrap();
        assert!(!body.contains("<script>alert"), "input is escaped");
        assert!(
            !body.contains(&password) || password.is_empty() || password == PASSWORD,
            "password never echoed"
        );
    }
    // A body beyond the form limit.
    let huge = "a".repeat(200 * 1024);
    let resp = plain_client()
        .post(format!("{}/login", app.address))
        .header(
            reqwest::header::COOKIE,
            format!("{}={}", form.cookie_name, form.cookie),
        )
        .form(&[
            ("email", "hr@example.com"),
            ("password", huge.as_str()),
            ("csrf_token", &form.token),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 413);
    // Not a form at all.
    let resp = plain_client()
        .post(format!("{}/login", app.address))
        .header("content-type", "application/json")
        .body("{\"email\":\"hr@example.com\"}")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    let mut conn = app.conn();
    let n: i64 = users::table.count().get_result(&mut *conn).unwrap();
    assert_eq!(n, 1, "users intact");
    let n: i64 = sessions::table.count().get_result(&mut *conn).unwrap();
    assert_eq!(n, 0, "nobody signed in");
}

#[tokio::test]
async fn a_board_member_calling_admin_pages_gets_403_and_changes_nothing() {
    let app = TestApp::spawn().await;
    add_user(&app, "chair@example.com", Role::Board);
    let s = sign_in(&app, "chair@example.com").await;
    let before = audit_actions(&app).len();
    for path in ["/admin", "/admin/audit", "/dashboard"] {
        let resp = get_with(&app, path, &s.cookie).await;
        assert_eq!(resp.status(), 403, "{path}");
        let body = resp.text().await.unwrap();
        assert!(
            !body.contains("login.failed") && !body.contains("hr@"),
            "{body}"
        );
    }
    assert_eq!(audit_actions(&app).len(), before);
}

#[tokio::test]
async fn api_tokens_work_as_bearer_on_the_api_only_and_stop_when_revoked() {
    let app = TestApp::spawn().await;
    let (id, token) = add_token(&app, "nightly-report", Role::Board);
    let me = |t: String| {
        let app_address = app.address.clone();
        async move {
            plain_client()
                .get(format!("{app_address}/api/v1/me"))
                .bearer_auth(t)
                .send()
                .await
                .unwrap()
        }
    };
    let resp = me(token.clone()).await;
    assert_eq!(resp.status(), 200);
    let json: serde_json::Value = resp.json().await.unwrap();
    assert_eq!(json["role"], "board");
    assert_eq!(json["via"], "token");
    assert_eq!(json["actor"], "token:nightly-report");
    assert_eq!(me(tokens::new_token()).await.status(), 401);
    assert_eq!(me("not-a-token".into()).await.status(), 401);
    // A bearer token is no key to the pages.
    let resp = plain_client()
        .get(format!("{}/board", app.address))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(location(&resp).as_deref(), Some("/login"));
    {
        let mut conn = app.conn();
        ctopulse::app::accounts::revoke_token(&mut conn, &id, "test", ctopulse::clock::now())
            .unwrap();
    }
    assert_eq!(me(token).await.status(), 401, "revoked tokens stop at once");
}

#[tokio::test]
async fn the_audit_log_records_staff_actions_and_never_a_password() {
    let app = TestApp::spawn().await;
    add_user(&app, "hr@example.com", Role::Admin);
    let form = LoginForm::fetch(&app).await;
    form.post(&app, "hr@example.com", "a-wrong-secret-word", &[])
        .await;
    let s = sign_in(&app, "hr@example.com").await;
    let page = get_with(&app, "/admin/audit", &s.cookie).await;
    assert_eq!(page.status(), 200);
    let body = page.text().await.unwrap();
    for action in ["user.create", "login.failed", "login"] {
        assert!(
            body.contains(action),
            "{action} missing from the audit page"
        );
    }
    s.post(&app, "/logout", &[]).await;
    let all = audit_actions(&app);
    let actions: Vec<&str> = all.iter().map(|a| a.1.as_str()).collect();
    assert_eq!(
        actions,
        ["user.create", "login.failed", "login", "logout"],
        "{all:?}"
    );
    let text = format!("{all:?}");
    assert!(
        !text.contains("a-wrong-secret-word") && !text.contains(PASSWORD),
        "{text}"
    );
    assert!(!text.contains(&s.token), "no session token in the log");
}

#[tokio::test]
async fn sign_in_is_quick_enough_for_people() {
    // argon2 is optimised even in debug builds (Cargo profile); a sign-in stays well under a second.
    let app = TestApp::spawn().await;
    add_user(&app, "hr@example.com", Role::Admin);
    let form = LoginForm::fetch(&app).await;
    let start = Instant::now();
    assert_eq!(
        form.post(&app, "hr@example.com", PASSWORD, &[])
            .await
            .status(),
        303
    );
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "{:?}",
        start.elapsed()
    );
}
