//! Errors as people in a browser see them: a page with a heading, the reason and a way back;
//! API clients and scripts keep their JSON or plain-text errors.

use crate::helpers::TestApp;
use crate::staff_support::{add_user, plain_client, sign_in};
use ctopulse::auth::Role;

const BROWSER_ACCEPT: &str = "text/html,application/xhtml+xml,*/*;q=0.8";

async fn browser_get(app: &TestApp, path: &str, cookie: Option<&str>) -> reqwest::Response {
    let mut req = plain_client()
        .get(format!("{}{path}", app.address))
        .header(reqwest::header::ACCEPT, BROWSER_ACCEPT);
    if let Some(c) = cookie {
        req = req.header(reqwest::header::COOKIE, c);
    }
    req.send().await.expect("request")
}

fn content_type(res: &reqwest::Response) -> String {
    res.headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string()
}

#[tokio::test]
async fn a_browser_gets_error_pages_with_a_way_back() {
    let app = TestApp::spawn().await;

    let res = browser_get(&app, "/no-such-page", None).await;
    assert_eq!(res.status(), 404);
    assert!(content_type(&res).starts_with("text/html"));
    assert!(
        res.headers().contains_key("content-security-policy"),
        "the page keeps the security headers"
    );
    let body = res.text().await.unwrap();
    assert!(body.contains("<h1>Page not found</h1>"), "{body}");
    assert!(body.contains("There is no page at this address."));
    assert!(body.contains(r#"href="/login""#), "a way back");
    assert!(body.contains("/static/staff.css") && body.contains("width=device-width"));

    add_user(&app, "cto@acme.test", Role::Cto);
    let cto = sign_in(&app, "cto@acme.test").await;
    let res = browser_get(&app, "/admin", Some(&cto.cookie)).await;
    assert_eq!(res.status(), 403);
    let body = res.text().await.unwrap();
    assert!(body.contains("<h1>No access</h1>"), "{body}");

    // The handler's own reason is shown, escaped.
    let res = browser_get(&app, "/dashboard?quarter=%3Cb%3E", Some(&cto.cookie)).await;
    assert_eq!(res.status(), 400);
    let body = res.text().await.unwrap();
    assert!(body.contains("That request could not be used"), "{body}");
    assert!(body.contains("is not a quarter"), "{body}");
    assert!(!body.contains("<b>"), "the reason is escaped: {body}");

    // Signed out, a page still redirects to the sign-in form.
    let res = browser_get(&app, "/dashboard", None).await;
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/login");
}

#[tokio::test]
async fn api_clients_and_scripts_keep_their_error_formats() {
    let app = TestApp::spawn().await;
    // The API answers JSON even to a browser.
    let res = browser_get(&app, "/api/v1/nope", None).await;
    assert_eq!(res.status(), 404);
    assert!(content_type(&res).starts_with("application/json"));
    // Without Accept: text/html, the plain message.
    let res = plain_client()
        .get(format!("{}/no-such-page", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    assert!(!content_type(&res).starts_with("text/html"));
    // Pages that render their own errors are left alone: the survey's localised message.
    let res = browser_get(&app, "/s/not-a-real-token-0000000000000000", None).await;
    let status = res.status().as_u16();
    let body = res.text().await.unwrap();
    assert!(status >= 400, "{status}");
    assert!(!body.contains("Go to your start page"), "{body}");
}

/// A page's error says its reason in the reader's language, with what they typed; the API
/// keeps the English reason.
#[tokio::test]
async fn an_error_page_says_its_reason_in_the_page_language() {
    let app = TestApp::spawn().await;
    add_user(&app, "cto@acme.test", Role::Cto);
    let cto = sign_in(&app, "cto@acme.test").await;
    let get = |path: &'static str, lang: &'static str| {
        plain_client()
            .get(format!("{}{path}", app.address))
            .header(reqwest::header::ACCEPT, BROWSER_ACCEPT)
            .header(reqwest::header::COOKIE, &cto.cookie)
            .header(reqwest::header::ACCEPT_LANGUAGE, lang)
            .send()
    };
    let cases = [
        (
            "/dashboard?quarter=garbage",
            "ko",
            400,
            "‘garbage’ 값은 분기 형식이 아닙니다.",
        ),
        (
            "/dashboard?quarter=garbage",
            "de",
            400,
            "„garbage“ ist kein Quartal.",
        ),
        (
            "/dashboard?quarter=2019Q1",
            "ko",
            404,
            "2019Q1에 마감된 설문이 없습니다.",
        ),
        (
            "/dashboard?quarter=2019Q1",
            "de",
            404,
            "Für 2019Q1 ist keine Umfragerunde abgeschlossen.",
        ),
    ];
    for (path, lang, status, said) in cases {
        let res = get(path, lang).await.unwrap();
        assert_eq!(res.status(), status, "{lang} {path}");
        let body = res.text().await.unwrap();
        assert!(body.contains(said), "{lang} {path}: {body}");
        for english in ["invalid quarter", "expected YEARQn", "no closed round"] {
            assert!(!body.contains(english), "{lang} {path}: {body}");
        }
    }
    let api = plain_client()
        .get(format!("{}/api/v1/scorecard?quarter=2019Q1", app.address))
        .header(reqwest::header::COOKIE, &cto.cookie)
        .header(reqwest::header::ACCEPT_LANGUAGE, "ko")
        .send()
        .await
        .unwrap();
    let json: serde_json::Value = api.json().await.unwrap();
    assert_eq!(json["message"], "no closed round for 2019Q1");
}
