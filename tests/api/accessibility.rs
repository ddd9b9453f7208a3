//! What a screen reader and a keyboard need from the pages' HTML: every control named by its
//! label, and a failed submit announced (title, focused summary, invalid fields described).
//! `scripts/browser` checks the same in Chromium, with axe-core and the accessibility tree.

use crate::helpers::{TestApp, ROSTER};
use crate::staff_support::LoginForm;

fn title(body: &str) -> &str {
    let start = body.find("<title>").expect("a title") + "<title>".len();
    let end = body[start..].find("</title>").expect("a closed title");
    &body[start..start + end]
}

/// The element with `id="…"`, from its `<` to its `>`.
fn tag_with_id<'a>(body: &'a str, id: &str) -> &'a str {
    let needle = format!("id=\"{id}\"");
    assert_eq!(
        body.matches(&needle).count(),
        1,
        "one element with {needle}"
    );
    let at = body.find(&needle).unwrap();
    let start = body[..at].rfind('<').unwrap();
    let end = at + body[at..].find('>').unwrap();
    &body[start..=end]
}

#[tokio::test]
async fn the_comment_label_names_the_comment_box_in_every_language() {
    let app = TestApp::spawn().await;
    app.import_roster(ROSTER);
    app.launch("internal-csat", "2026Q4");
    app.send_all().await;
    for who in ["s1@acme.test", "s2@acme.test", "s3@acme.test"] {
        let browser = app.browser();
        let (form, _) = app.open_survey(&browser, who).await;
        let body = browser
            .get(format!("{}{form}", app.address))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(body.contains("<label for=\"q_comment\">"), "{who}");
        assert!(
            tag_with_id(&body, "q_comment").starts_with("<textarea "),
            "{who}"
        );
        assert!(
            !body.contains("<script"),
            "{who}: no script before a mistake"
        );
    }
}

#[tokio::test]
async fn a_failed_submit_is_announced_in_the_respondents_language() {
    let app = TestApp::spawn().await;
    app.import_roster(ROSTER);
    app.launch("internal-csat", "2026Q4");
    app.send_all().await;
    for (who, prefix) in [
        ("s1@acme.test", "Error: "),
        ("s2@acme.test", "Fout: "),
        ("s3@acme.test", "오류: "),
    ] {
        let browser = app.browser();
        let (form, csrf) = app.open_survey(&browser, who).await;
        let res = app
            .post_form(&browser, &form, &[("csrf_token", csrf.as_str())])
            .await;
        assert_eq!(res.status(), 422, "{who}");
        let body = res.text().await.unwrap();
        assert!(title(&body).starts_with(prefix), "{who}: {}", title(&body));
        let summary = tag_with_id(&body, "errors");
        for attr in ["role=\"alert\"", "tabindex=\"-1\"", "autofocus"] {
            assert!(summary.contains(attr), "{who}: {summary}");
        }
        assert!(body.contains("<script src=\"/static/error-focus.js\" defer></script>"));
        // The unanswered required question is invalid and described by its message.
        let group = tag_with_id(&body, "q_overall_satisfaction-group");
        assert!(group.contains("aria-invalid=\"true\""), "{group}");
        assert!(group.contains("aria-describedby=\"q_overall_satisfaction-problem\""));
        assert!(body.contains("id=\"q_overall_satisfaction-problem\""));
        let radio = tag_with_id(&body, "q_overall_satisfaction-1");
        assert!(radio.contains("aria-invalid=\"true\""), "{radio}");
        // The optional comment is not.
        assert!(!tag_with_id(&body, "q_comment").contains("aria-invalid"));
    }
}

#[tokio::test]
async fn a_failed_sign_in_is_announced_and_marks_both_fields() {
    let app = TestApp::spawn().await;
    let form = LoginForm::fetch(&app).await;
    let res = form
        .post(&app, "nobody@example.com", "wrong-password-1", &[])
        .await;
    assert_eq!(res.status(), 401);
    let body = res.text().await.unwrap();
    assert_eq!(title(&body), "Error: Sign in · ctopulse");
    let message = tag_with_id(&body, "signin-error");
    for attr in ["role=\"alert\"", "tabindex=\"-1\"", "autofocus"] {
        assert!(message.contains(attr), "{message}");
    }
    for field in ["email", "password"] {
        let input = tag_with_id(&body, field);
        assert!(input.contains("aria-invalid=\"true\""), "{input}");
        assert!(
            input.contains("aria-describedby=\"signin-error\""),
            "{input}"
        );
    }
    let plain = app.get("/login").await.text().await.unwrap();
    assert_eq!(title(&plain), "Sign in · ctopulse");
    assert!(!plain.contains("aria-invalid"));
}

#[tokio::test]
async fn the_focus_script_is_served_from_our_origin() {
    let app = TestApp::spawn().await;
    let res = app.get("/static/error-focus.js").await;
    assert_eq!(res.status(), 200);
    let kind = res.headers()["content-type"].to_str().unwrap().to_string();
    assert!(kind.starts_with("text/javascript"), "{kind}");
    let csp = res.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(csp.contains("script-src 'self'"), "{csp}");
    assert!(res.text().await.unwrap().contains(".focus()"));
}
