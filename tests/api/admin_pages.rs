//! The admin pages as the survey admin uses them: roster file upload (checked, then
//! imported on confirmation), departments and weights, users, round preview and test-send,
//! round status with undeliverable addresses. Each write also without its CSRF token, from a
//! wrong role, and with bad input: 4xx, and nothing changed.

use crate::helpers::rid;
use std::time::Instant;

use ctopulse::app::rounds;
use ctopulse::auth::Role;
use ctopulse::db::departments;

use crate::helpers::{TestApp, ROSTER};
use crate::staff_support::{
    add_user, get_with, plain_client, post_form_with, session_count, sign_in, LoginForm, Session,
};

/// One part of a hand-built multipart body.
enum Part<'a> {
    Text(&'a str, &'a str),
    File(&'a str, &'a str, &'a [u8]),
}

/// Builds a `multipart/form-data` body as a browser does (fields in the given order).
fn multipart(parts: &[Part<'_>]) -> (String, Vec<u8>) {
    let boundary = "----ctopulseTestBoundary7MA4YWxkTrZu0gW";
    let mut body = Vec::new();
    for p in parts {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        match p {
            Part::Text(name, value) => {
                body.extend_from_slice(
                    format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                        .as_bytes(),
                );
            }
            Part::File(name, file_name, bytes) => {
                body.extend_from_slice(
                    format!(
                        "Content-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\nContent-Type: text/csv\r\n\r\n"
                    )
                    .as_bytes(),
                );
                body.extend_from_slice(bytes);
                body.extend_from_slice(b"\r\n");
            }
        }
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// Posts a multipart body with the session cookie.
async fn upload(app: &TestApp, cookie: &str, parts: &[Part<'_>]) -> reqwest::Response {
    let (content_type, body) = multipart(parts);
    plain_client()
        .post(format!("{}/admin/roster/upload", app.address))
        .header(reqwest::header::COOKIE, cookie)
        .header(reqwest::header::CONTENT_TYPE, content_type)
        .body(body)
        .send()
        .await
        .expect("upload")
}

/// Uploads a roster file as `s` for `action` ("check", or "import" of the file checked as
/// `sha`), fields before the file as the page's form sends them.
async fn send_roster(
    app: &TestApp,
    s: &Session,
    file_name: &str,
    file: &[u8],
    action: &str,
    sha: Option<&str>,
) -> reqwest::Response {
    let mut parts = vec![
        Part::Text("csrf_token", &s.csrf),
        Part::Text("action", action),
    ];
    if let Some(sha) = sha {
        parts.push(Part::Text("checked_sha256", sha));
    }
    parts.push(Part::File("roster", file_name, file));
    upload(app, &s.cookie, &parts).await
}

/// The value of the hidden field `name` in a page.
fn hidden(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html
        .find(&marker)
        .unwrap_or_else(|| panic!("no {name} field"))
        + marker.len();
    let end = html[start..].find('"').expect("closing quote") + start;
    html[start..end].to_string()
}

/// A roster of `n` people across the five departments and the board.
fn big_roster(n: usize) -> String {
    let depts = ["sales", "bd", "marketing", "engineering", "ceo", "board"];
    let locales = ["en", "ko", "nl"];
    let mut csv = String::from("email,name,department,locale,is_engineer,is_executive,active\n");
    for i in 0..n {
        let d = depts[i % depts.len()];
        csv.push_str(&format!(
            "person{i:05}@northwind.test,Person Number {i:05},{d},{},{},{},true\n",
            locales[i % 3],
            d == "engineering",
            i % 50 == 0,
        ));
    }
    csv
}

async fn admin(app: &TestApp) -> Session {
    add_user(app, "hr@acme.test", Role::Admin);
    sign_in(app, "hr@acme.test").await
}

#[tokio::test]
async fn a_ten_thousand_person_roster_file_is_checked_then_imported_exactly_as_checked() {
    let app = TestApp::spawn().await;
    let hr = admin(&app).await;
    let page = get_with(&app, "/admin/roster", &hr.cookie).await;
    assert_eq!(page.status(), 200);
    let body = page.text().await.unwrap();
    assert!(body.contains("enctype=\"multipart/form-data\"") && body.contains("type=\"file\""));

    let csv = big_roster(10_000);
    assert!(csv.len() > 700_000, "about a megabyte: {} bytes", csv.len());
    let started = Instant::now();
    let res = send_roster(&app, &hr, "people.csv", csv.as_bytes(), "check", None).await;
    eprintln!("check of 10,000 rows: {:?}", started.elapsed());
    assert_eq!(res.status(), 200);
    let body = res.text().await.unwrap();
    assert!(body.contains("all 10,000 rows are valid"), "{body}");
    assert!(body.contains("add <strong>10,000</strong>"));
    assert_eq!(app.count("employees"), 0, "a check writes nothing");
    let sha = hidden(&body, "checked_sha256");
    assert_eq!(sha.len(), 64);

    // A different file under the checked hash is refused.
    let mut edited = csv.clone();
    edited.push_str("late@northwind.test,Late Joiner,sales,en,false,false,true\n");
    let res = send_roster(
        &app,
        &hr,
        "people.csv",
        edited.as_bytes(),
        "import",
        Some(&sha),
    )
    .await;
    assert_eq!(res.status(), 409);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("not the file you checked"));
    assert_eq!(app.count("employees"), 0);

    let started = Instant::now();
    let res = send_roster(
        &app,
        &hr,
        "people.csv",
        csv.as_bytes(),
        "import",
        Some(&sha),
    )
    .await;
    eprintln!("import of 10,000 rows: {:?}", started.elapsed());
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    assert!(location.starts_with("/admin/roster?notice=Roster+imported"));
    assert_eq!(app.count("employees"), 10_000);
    let audited: i64 = {
        use ctopulse::db::schema::audit_log;
        use diesel::prelude::*;
        audit_log::table
            .filter(audit_log::action.eq("roster.add"))
            .filter(audit_log::actor.eq("hr@acme.test"))
            .count()
            .get_result(&mut *app.conn())
            .unwrap()
    };
    assert_eq!(
        audited, 10_000,
        "every added person is audited, as by the CLI"
    );

    // The same file checked again: nothing would change.
    let res = send_roster(&app, &hr, "people.csv", csv.as_bytes(), "check", None).await;
    let body = res.text().await.unwrap();
    assert!(
        body.contains("leave <strong>10,000</strong> unchanged"),
        "{body}"
    );
}

#[tokio::test]
async fn broken_and_oversized_roster_files_change_nothing() {
    let app = TestApp::spawn().await;
    app.import_roster(ROSTER);
    let hr = admin(&app).await;
    let before = app.count("employees");

    // A bad row: every bad row is reported with its line, nothing written, even on "import".
    let bad = format!(
        "{ROSTER}broken-email,X,sales,en,false,false,true\nnew@acme.test,New,finance,en,false,false,true\n"
    );
    let res = send_roster(&app, &hr, "people.csv", bad.as_bytes(), "check", None).await;
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(
        body.contains("Nothing was written: 2 of 17 row(s)"),
        "{body}"
    );
    assert!(body.contains("line 17") && body.contains("line 18"));
    assert!(
        !body.contains("checked_sha256"),
        "no confirm form for a bad file"
    );

    // A wrong header, an empty file, no file, a file that is not text.
    for (name, bytes, status) in [
        ("header", &b"mail,name\nx@y.z,X\n"[..], 400),
        ("empty", &b""[..], 400),
        ("binary", &b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"[..], 400),
    ] {
        let res = send_roster(&app, &hr, "people.csv", bytes, "import", Some("0")).await;
        assert!(
            res.status().as_u16() == status || res.status() == 409,
            "{name}: {}",
            res.status()
        );
        let body = res.text().await.unwrap();
        assert!(body.contains("Nothing was written"), "{name}: {body}");
    }
    for (name, bytes) in [
        ("header", &b"mail,name\nx@y.z,X\n"[..]),
        ("binary", &b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"[..]),
    ] {
        let res = send_roster(&app, &hr, "people.csv", bytes, "check", None).await;
        assert_eq!(res.status(), 400, "{name}");
    }

    // Over the 5 MB limit: a clear 413 page.
    let mut huge = big_roster(10);
    while huge.len() <= 6 * 1024 * 1024 {
        huge.push_str("filler@acme.test,Filler Row With A Long Name To Fill Space,sales,en,false,false,true\n");
    }
    let res = send_roster(&app, &hr, "huge.csv", huge.as_bytes(), "check", None).await;
    assert_eq!(res.status(), 413);
    assert_eq!(
        res.headers()["content-type"].to_str().unwrap(),
        "text/html; charset=utf-8"
    );
    let body = res.text().await.unwrap();
    assert!(body.contains("larger than 5 MB"), "{body}");

    // Not multipart at all.
    let res = hr
        .post(&app, "/admin/roster/upload", &[("csv", ROSTER)])
        .await;
    assert_eq!(res.status(), 400);

    assert_eq!(app.count("employees"), before, "nothing was written");
}

#[tokio::test]
async fn roster_upload_needs_the_csrf_token_and_the_admin_role() {
    let app = TestApp::spawn().await;
    let hr = admin(&app).await;
    add_user(&app, "board@acme.test", Role::Board);
    let board = sign_in(&app, "board@acme.test").await;
    let parts = |csrf: &str| -> (String, Vec<u8>) {
        multipart(&[
            Part::Text("csrf_token", csrf),
            Part::File("roster", "people.csv", ROSTER.as_bytes()),
            Part::Text("action", "check"),
        ])
    };
    // No token, a wrong token, the token placed after the file: 403.
    for (csrf, late) in [("", false), ("0123", false), (hr.csrf.as_str(), true)] {
        let (ct, body) = if late {
            multipart(&[
                Part::File("roster", "people.csv", ROSTER.as_bytes()),
                Part::Text("csrf_token", csrf),
            ])
        } else {
            parts(csrf)
        };
        let res = plain_client()
            .post(format!("{}/admin/roster/upload", app.address))
            .header(reqwest::header::COOKIE, &hr.cookie)
            .header(reqwest::header::CONTENT_TYPE, ct)
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403, "csrf {csrf:?} late={late}");
    }
    let res = send_roster(&app, &board, "people.csv", ROSTER.as_bytes(), "check", None).await;
    assert_eq!(res.status(), 403, "a board member is no admin");
    assert_eq!(
        get_with(&app, "/admin/roster", &board.cookie)
            .await
            .status(),
        403
    );
    assert_eq!(app.count("employees"), 0);
}

fn weight(app: &TestApp, key: &str) -> f64 {
    departments::list(&mut app.conn())
        .unwrap()
        .into_iter()
        .find(|d| d.key.key() == key)
        .unwrap()
        .csat_weight
}

#[tokio::test]
async fn weights_are_edited_as_a_set_and_launched_rounds_keep_their_snapshot() {
    let app = TestApp::spawn().await;
    app.import_roster(ROSTER);
    let launched = app.launch("internal-csat", "2026Q3");
    let snapshot = rounds::get(&mut app.conn(), rid(&launched))
        .unwrap()
        .weights;
    let hr = admin(&app).await;
    let page = get_with(&app, "/admin/departments", &hr.cookie).await;
    assert_eq!(page.status(), 200);
    let body = page.text().await.unwrap();
    assert!(body.contains("Open and closed rounds keep the weights they were launched with"));
    assert!(body.contains("name=\"weight_sales\" value=\"35\""));

    let all = |s: &str, b: &str, m: &str, e: &str, c: &str| {
        vec![
            ("weight_sales", s.to_string()),
            ("weight_bd", b.to_string()),
            ("weight_marketing", m.to_string()),
            ("weight_engineering", e.to_string()),
            ("weight_ceo", c.to_string()),
        ]
    };
    let post = |fields: Vec<(&'static str, String)>, csrf: Option<String>, cookie: String| {
        let app = &app;
        async move {
            let mut form: Vec<(&str, &str)> =
                fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            if let Some(c) = &csrf {
                form.push(("csrf_token", c));
            }
            post_form_with(app, "/admin/departments", &cookie, &form).await
        }
    };

    // Bad input: a word, a negative number, all zero → 400 naming the field, nothing saved.
    for (fields, needle) in [
        (
            all("abc", "15", "20", "20", "10"),
            "CSAT weight of Sales must be a number",
        ),
        (all("35", "-1", "20", "20", "10"), "Business development"),
        (all("0", "0", "0", "0", "0"), "at least one department"),
        (all("35", "15", "1e9", "20", "10"), "Marketing"),
    ] {
        let res = post(fields, Some(hr.csrf.clone()), hr.cookie.clone()).await;
        assert_eq!(res.status(), 400);
        let body = res.text().await.unwrap();
        assert!(body.contains(needle), "{needle}: {body}");
        assert!(body.contains("aria-invalid=\"true\""));
    }
    assert_eq!(weight(&app, "sales"), 35.0);
    assert_eq!(weight(&app, "marketing"), 20.0);

    // Without the token, or as the CTO: 403.
    let res = post(all("1", "1", "1", "1", "1"), None, hr.cookie.clone()).await;
    assert_eq!(res.status(), 403);
    add_user(&app, "cto@acme.test", Role::Cto);
    let cto = sign_in(&app, "cto@acme.test").await;
    let res = post(
        all("1", "1", "1", "1", "1"),
        Some(cto.csrf.clone()),
        cto.cookie.clone(),
    )
    .await;
    assert_eq!(res.status(), 403);
    assert_eq!(weight(&app, "sales"), 35.0);

    // A set that passes through "all zero" one weight at a time is fine as a whole.
    let res = post(
        all("0", "0", "0", "0", "1"),
        Some(hr.csrf.clone()),
        hr.cookie.clone(),
    )
    .await;
    assert_eq!(res.status(), 303);
    let res = post(
        all("50", "0", "0", "0", "0"),
        Some(hr.csrf.clone()),
        hr.cookie.clone(),
    )
    .await;
    assert_eq!(res.status(), 303, "sales up and ceo to zero in one save");
    assert_eq!(weight(&app, "sales"), 50.0);
    assert_eq!(weight(&app, "ceo"), 0.0);
    let changes: Vec<String> = ctopulse::db::audit::recent(&mut app.conn(), 20)
        .unwrap()
        .into_iter()
        .filter(|e| e.action == "department.set_weight" && e.actor == "hr@acme.test")
        .map(|e| e.detail.unwrap_or_default())
        .collect();
    assert_eq!(changes.len(), 7, "each changed weight audited: {changes:?}");
    assert_eq!(
        rounds::get(&mut app.conn(), rid(&launched))
            .unwrap()
            .weights,
        snapshot,
        "the launched round keeps its weights"
    );
}

/// The one-time password shown on a page.
fn shown_password(html: &str) -> String {
    let start = html
        .find("<p class=\"secret\"><code>")
        .expect("password shown")
        + 24;
    let end = html[start..].find("</code>").unwrap() + start;
    html[start..end].to_string()
}

async fn user_id(app: &TestApp, email: &str) -> String {
    ctopulse::db::users::find_by_email(&mut app.conn(), email)
        .unwrap()
        .unwrap()
        .id
}

#[tokio::test]
async fn the_admin_adds_disables_enables_and_changes_users_but_never_the_last_admin() {
    let app = TestApp::spawn().await;
    let hr = admin(&app).await;
    let page = get_with(&app, "/admin/users", &hr.cookie).await;
    assert_eq!(page.status(), 200);
    let body = page.text().await.unwrap();
    assert!(body.contains("hr@acme.test") && body.contains("(you)"));
    assert!(
        !body.contains(">never<"),
        "the admin's own sign-in is shown"
    );

    // Add a CTO: the initial password is shown once and works.
    let res = hr
        .post(
            &app,
            "/admin/users",
            &[("email", "Ceo.Tech@Acme.test"), ("role", "cto")],
        )
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["cache-control"], "no-store");
    let body = res.text().await.unwrap();
    let secret = shown_password(&body);
    assert_eq!(secret.len(), 24);
    let login = LoginForm::fetch(&app).await;
    let res = login.post(&app, "ceo.tech@acme.test", &secret, &[]).await;
    assert_eq!(res.status(), 303, "the shown password signs in");
    let audit = format!(
        "{:?}",
        ctopulse::db::audit::recent(&mut app.conn(), 50).unwrap()
    );
    assert!(!audit.contains(&secret), "the password is never audited");
    let cto_id = user_id(&app, "ceo.tech@acme.test").await;
    assert_eq!(session_count(&app, &cto_id), 1);

    // Bad input: a duplicate, a bad email, an unknown role → 4xx, nothing added.
    let users_before = app.count("users");
    for (email, role, status) in [
        ("ceo.tech@acme.test", "board", 409),
        ("not-an-email", "board", 400),
        ("x@acme.test", "owner", 400),
    ] {
        let res = hr
            .post(&app, "/admin/users", &[("email", email), ("role", role)])
            .await;
        assert_eq!(res.status(), status, "{email} {role}");
        assert!(res.text().await.unwrap().contains("class=\"errors\""));
    }
    assert_eq!(app.count("users"), users_before);

    // Disable ends the sessions; enable lets the account in again; the role changes.
    let res = hr
        .post(&app, &format!("/admin/users/{cto_id}/disable"), &[])
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(session_count(&app, &cto_id), 0);
    let res = login.post(&app, "ceo.tech@acme.test", &secret, &[]).await;
    assert_ne!(res.status(), 303, "a disabled account cannot sign in");
    let res = hr
        .post(&app, &format!("/admin/users/{cto_id}/enable"), &[])
        .await;
    assert_eq!(res.status(), 303);
    let res = hr
        .post(
            &app,
            &format!("/admin/users/{cto_id}/role"),
            &[("role", "board")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let u = ctopulse::db::users::find_by_email(&mut app.conn(), "ceo.tech@acme.test")
        .unwrap()
        .unwrap();
    assert_eq!((u.role.as_str(), u.disabled), ("board", false));

    // A new password is shown once; the old one stops working.
    let res = hr
        .post(&app, &format!("/admin/users/{cto_id}/reset-password"), &[])
        .await;
    assert_eq!(res.status(), 200);
    let fresh = shown_password(&res.text().await.unwrap());
    assert_ne!(fresh, secret);
    let login = LoginForm::fetch(&app).await;
    assert_ne!(
        login
            .post(&app, "ceo.tech@acme.test", &secret, &[])
            .await
            .status(),
        303
    );

    // The last active admin can be neither disabled nor demoted.
    let hr_id = user_id(&app, "hr@acme.test").await;
    for (action, extra) in [("disable", None), ("role", Some("cto"))] {
        let mut form = vec![("csrf_token", hr.csrf.as_str())];
        if let Some(r) = extra {
            form.push(("role", r));
        }
        let res = post_form_with(
            &app,
            &format!("/admin/users/{hr_id}/{action}"),
            &hr.cookie,
            &form,
        )
        .await;
        assert_eq!(res.status(), 409, "{action}");
        assert!(res.text().await.unwrap().contains("last active admin"));
    }
    let u = ctopulse::db::users::find_by_email(&mut app.conn(), "hr@acme.test")
        .unwrap()
        .unwrap();
    assert_eq!((u.role.as_str(), u.disabled), ("admin", false));
    // With a second admin, the first may step down.
    add_user(&app, "ops@acme.test", Role::Admin);
    let res = hr
        .post(
            &app,
            &format!("/admin/users/{hr_id}/role"),
            &[("role", "cto")],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        get_with(&app, "/admin/users", &hr.cookie).await.status(),
        403,
        "the new role applies at once"
    );
}

#[tokio::test]
async fn user_changes_need_the_csrf_token_and_the_admin_role() {
    let app = TestApp::spawn().await;
    let hr = admin(&app).await;
    add_user(&app, "board@acme.test", Role::Board);
    let board = sign_in(&app, "board@acme.test").await;
    let board_id = user_id(&app, "board@acme.test").await;
    let hr_id = user_id(&app, "hr@acme.test").await;
    let res = post_form_with(
        &app,
        "/admin/users",
        &hr.cookie,
        &[("email", "x@acme.test"), ("role", "admin")],
    )
    .await;
    assert_eq!(res.status(), 403);
    let res = post_form_with(
        &app,
        &format!("/admin/users/{board_id}/role"),
        &hr.cookie,
        &[("role", "admin")],
    )
    .await;
    assert_eq!(res.status(), 403);
    let res = board
        .post(
            &app,
            "/admin/users",
            &[("email", "x@acme.test"), ("role", "admin")],
        )
        .await;
    assert_eq!(res.status(), 403);
    let res = board
        .post(&app, &format!("/admin/users/{hr_id}/disable"), &[])
        .await;
    assert_eq!(res.status(), 403);
    assert_eq!(app.count("users"), 2);
    let u = ctopulse::db::users::find_by_email(&mut app.conn(), "board@acme.test")
        .unwrap()
        .unwrap();
    assert_eq!(u.role, ctopulse::auth::Role::Board);
    assert_eq!(
        get_with(&app, "/admin/users", &board.cookie).await.status(),
        403
    );
}

#[tokio::test]
async fn a_draft_round_is_previewed_and_test_sent_without_inviting_anyone() {
    let app = TestApp::spawn().await;
    app.import_roster(ROSTER);
    let hr = admin(&app).await;
    let res = hr.draft_csat_round(&app, "").await;
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    assert!(location.starts_with("/admin/rounds/"), "{location}");
    let page = get_with(&app, &location, &hr.cookie).await;
    assert_eq!(page.status(), 200);
    let body = page.text().await.unwrap();
    let round: String = location["/admin/rounds/".len()..]
        .split('?')
        .next()
        .unwrap()
        .to_string();
    assert!(body.contains(&format!("action=\"/preview/{round}\"")));
    assert!(body.contains(&format!("action=\"/admin/rounds/{round}/test-send\"")));
    assert!(body.contains("Nobody has been invited yet"));
    let preview = app
        .get(&format!("/preview/{round}?lang=ko&dept=engineering"))
        .await;
    assert_eq!(preview.status(), 200);
    let preview = preview.text().await.unwrap();
    assert!(preview.contains("미리보기") && !preview.contains("type=\"submit\""));

    let res = hr
        .post(
            &app,
            &format!("/admin/rounds/{round}/test-send"),
            &[("to", "reviewer@acme.test"), ("lang", "nl")],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("Sample+invitation+sent"));
    let sent = app.mailbox.sent_to("reviewer@acme.test");
    assert_eq!(sent.len(), 1);
    let text = &sent[0].text;
    assert!(
        text.contains(&format!("/preview/{round}?lang=nl")),
        "{text}"
    );
    assert!(!text.contains("/s/"), "no survey link in a sample");
    assert!(
        text.contains("SAMPLE") || text.contains("VOORBEELD"),
        "{text}"
    );
    assert_eq!(app.count("invitations"), 0, "nobody was invited");
    assert_eq!(app.count("outbox"), 0);
    assert_eq!(app.count("invitation_links"), 0);
    let audit = ctopulse::db::audit::recent(&mut app.conn(), 5).unwrap();
    assert!(audit
        .iter()
        .any(|e| e.action == "round.test_send" && e.actor == "hr@acme.test"));

    // Bad input, no token, wrong role: nothing sent.
    for (to, lang, status) in [("nobody", "en", 400), ("x@acme.test", "fr", 400)] {
        let res = hr
            .post(
                &app,
                &format!("/admin/rounds/{round}/test-send"),
                &[("to", to), ("lang", lang)],
            )
            .await;
        assert_eq!(res.status(), status, "{to} {lang}");
    }
    let res = hr
        .post(
            &app,
            "/admin/rounds/00000000-0000-4000-8000-000000000000/test-send",
            &[("to", "x@acme.test"), ("lang", "en")],
        )
        .await;
    assert_eq!(res.status(), 404);
    let res = post_form_with(
        &app,
        &format!("/admin/rounds/{round}/test-send"),
        &hr.cookie,
        &[("to", "x@acme.test"), ("lang", "en")],
    )
    .await;
    assert_eq!(res.status(), 403);
    add_user(&app, "cto@acme.test", Role::Cto);
    let cto = sign_in(&app, "cto@acme.test").await;
    let res = cto
        .post(
            &app,
            &format!("/admin/rounds/{round}/test-send"),
            &[("to", "x@acme.test"), ("lang", "en")],
        )
        .await;
    assert_eq!(res.status(), 403);
    assert_eq!(app.mailbox.sent().len(), 1, "only the one sample was sent");
}

#[tokio::test]
async fn the_round_page_lists_undeliverable_addresses_but_never_who_answered() {
    let app = TestApp::spawn().await;
    app.import_roster(ROSTER);
    app.mailbox.reject_permanently("e3@acme.test");
    let round = app.launch("internal-csat", "2026Q3");
    app.send_all().await;
    for who in ["s1@acme.test", "s2@acme.test"] {
        let browser = app.browser();
        let (form, csrf) = app.open_survey(&browser, who).await;
        let res = app
            .post_form(
                &browser,
                &form,
                &[("csrf_token", &csrf), ("q_overall_satisfaction", "4")],
            )
            .await;
        assert_eq!(res.status(), 200);
    }
    let hr = admin(&app).await;
    let body = hr.page(&app, &format!("/admin/rounds/{round}")).await;
    assert!(body.contains("Undeliverable (1)") && body.contains("e3@acme.test"));
    assert!(
        body.contains(concat!(
            "<th scope=\"row\">Sales</th><td data-label=\"Invited\">6</td>",
            "<td data-label=\"Delivered\">6</td><td data-label=\"Answered\">2</td>",
            "<td data-label=\"Undeliverable\">0</td><td data-label=\"Response rate\">33%</td>"
        )),
        "{body}"
    );
    for answered in ["s1@acme.test", "s2@acme.test"] {
        assert!(!body.contains(answered), "who answered is never shown");
    }
}

#[tokio::test]
async fn the_admin_page_counts_every_round_as_its_status_page_does() {
    use ctopulse::db::schema::invitations;
    use diesel::prelude::*;
    let app = TestApp::spawn().await;
    app.import_roster(ROSTER);
    let csat = app.launch("internal-csat", "2026Q3");
    let culture = app.launch("engineering-culture", "2026Q3");
    app.send_all().await;
    // Mixed states: answered, bounced, bounced but answered before, never sent.
    let ids: Vec<String> = invitations::table
        .filter(invitations::round_id.eq(&csat))
        .select(invitations::id)
        .order(invitations::id)
        .load(&mut app.conn())
        .unwrap();
    let mut conn = app.conn();
    let set = |conn: &mut _, id: &str, responded: bool, undeliverable: bool, sent: i32| {
        diesel::update(invitations::table.find(id))
            .set((
                invitations::responded.eq(responded),
                invitations::undeliverable.eq(undeliverable),
                invitations::emails_sent.eq(sent),
            ))
            .execute(conn)
            .unwrap();
    };
    set(&mut conn, &ids[0], true, false, 1);
    set(&mut conn, &ids[1], true, true, 1);
    set(&mut conn, &ids[2], false, true, 1);
    set(&mut conn, &ids[3], false, false, 0);
    let counts = ctopulse::db::rounds::answered_and_delivered(&mut conn).unwrap();
    for round in [&csat, &culture] {
        let p = rounds::progress(&mut conn, rid(round)).unwrap().overall;
        let (answered, delivered) = counts.get(&rid(round)).copied().unwrap_or((0, 0));
        assert_eq!((answered, delivered), (p.answered, p.delivered), "{round}");
    }
    let p = rounds::progress(&mut conn, rid(&csat)).unwrap().overall;
    assert_eq!(p.answered, 2);
    assert_eq!(p.delivered, p.invited - 2, "one bounced, one never sent");
    drop(conn);
    let s = admin(&app).await;
    let page = s.page(&app, "/admin").await;
    assert!(
        page.contains(&format!("{} of {} (", p.answered, p.delivered)),
        "the admin page shows the status page's counts"
    );

    // A sealed round's counts come from its tallies: the same figures, and an invitation
    // cancelled unsent at the seal is not counted as delivered there either.
    let mut conn = app.conn();
    let ids: Vec<String> = invitations::table
        .filter(invitations::round_id.eq(&culture))
        .select(invitations::id)
        .order(invitations::id)
        .load(&mut conn)
        .unwrap();
    set(&mut conn, &ids[0], false, true, 1);
    set(&mut conn, &ids[1], false, false, 0);
    ctopulse::app::rounds::close_and_seal(&mut conn, rid(&culture), ctopulse::clock::now(), "test")
        .unwrap();
    let p = rounds::progress(&mut conn, rid(&culture)).unwrap().overall;
    assert_eq!(p.delivered, p.invited - 2, "one bounced, one never sent");
    let counts = ctopulse::db::rounds::answered_and_delivered(&mut conn).unwrap();
    assert_eq!(counts.get(&rid(&culture)), Some(&(p.answered, p.delivered)));
}

#[tokio::test]
async fn closing_a_round_asks_first_and_names_what_it_cannot_undo() {
    let app = TestApp::spawn().await;
    app.import_roster(ROSTER);
    let round = app.launch("internal-csat", "2026Q3");
    app.send_all().await;
    let s = admin(&app).await;
    let list = s.page(&app, "/admin").await;
    assert!(
        list.contains(&format!(
            "href=\"/admin/rounds/{round}?confirm=close#confirm\""
        )),
        "the list links to the confirmation"
    );
    assert!(
        !list.contains(&format!("action=\"/admin/rounds/{round}/close\"")),
        "no one-click close on the list"
    );
    // The list names the quarter as the reader says it; the code stays in links only.
    assert!(
        list.contains(r#"<td data-label="Quarter">Q3 2026</td>"#),
        "{list}"
    );
    let ko = s.page_in(&app, "/admin", "ko").await;
    assert!(ko.contains(">2026년 3분기</td>"), "{ko}");
    let page = s.page(&app, &format!("/admin/rounds/{round}")).await;
    assert!(!page.contains("Close this round now?"));
    assert!(
        page.contains("<h1>2026Q3 · "),
        "titled with the survey's name"
    );
    assert!(!page.contains("<h1>2026Q3 internal-csat"));
    let ask = s
        .page(&app, &format!("/admin/rounds/{round}?confirm=close"))
        .await;
    assert!(ask.contains("Close this round now?"));
    assert!(ask.contains("cannot be undone"));
    assert!(ask.contains(&format!("action=\"/admin/rounds/{round}/close\"")));
    assert_eq!(
        rounds::get(&mut app.conn(), rid(&round))
            .unwrap()
            .status
            .key(),
        "open",
        "asking changes nothing"
    );
    let res = s
        .post(&app, &format!("/admin/rounds/{round}/close"), &[])
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        rounds::get(&mut app.conn(), rid(&round))
            .unwrap()
            .status
            .key(),
        "sealed"
    );
    // A sealed round no longer offers to close, even when asked to.
    let after = s
        .page(&app, &format!("/admin/rounds/{round}?confirm=close"))
        .await;
    assert!(!after.contains("Close this round now?"));
}
