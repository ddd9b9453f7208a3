//! A provider that answers with a defective ID token (forged signature, expired, for another
//! client, from another issuer, with another sign-in's nonce, or none at all), or that is
//! down: each gets the sign-in page with what went wrong, an audit entry, and no session.

use ctopulse::db::schema::{audit_log, sessions, users};
use diesel::prelude::*;

use super::{app_with_provider, sign_in_as};
use crate::helpers::TestApp;
use crate::staff_support::set_cookie;

fn failures(app: &TestApp) -> Vec<String> {
    audit_log::table
        .filter(audit_log::action.eq("login.failed"))
        .select(audit_log::detail)
        .load::<Option<String>>(&mut *app.conn())
        .unwrap()
        .into_iter()
        .flatten()
        .collect()
}

#[tokio::test]
async fn defective_id_tokens_sign_nobody_in() {
    for (mode, why) in [
        ("forged", "Signature verification failed"),
        ("expired", "Expired"),
        ("wrong-audience", "Invalid audiences"),
        ("wrong-issuer", "Invalid issuer"),
        ("wrong-nonce", "Invalid nonce"),
        ("no-id-token", "no ID token"),
    ] {
        let (app, op) = app_with_provider(Some(mode), |_| {}).await;
        let resp = sign_in_as(&app, &op, &app.browser(), "admin").await;
        assert_eq!(resp.status(), 400, "{mode}");
        assert!(set_cookie(&resp, "ctopulse-session").is_none(), "{mode}");
        let page = resp.text().await.unwrap();
        assert!(page.contains("could not be verified"), "{mode}: {page}");
        let n: i64 = sessions::table
            .count()
            .get_result(&mut *app.conn())
            .unwrap();
        assert_eq!(n, 0, "{mode}");
        let n: i64 = users::table.count().get_result(&mut *app.conn()).unwrap();
        assert_eq!(n, 0, "{mode}: no account is created");
        let failed = failures(&app);
        assert_eq!(failed.len(), 1, "{mode}: {failed:?}");
        assert!(failed[0].contains(why), "{mode}: {failed:?}");
    }
}

#[tokio::test]
async fn a_provider_that_is_down_gets_a_sign_in_page_that_says_so() {
    let (app, op) = app_with_provider(None, |_| {}).await;
    drop(op);
    let resp = app.get("/login/oidc").await;
    assert_eq!(resp.status(), 502);
    assert!(resp.text().await.unwrap().contains("could not be reached"));
    let failed = failures(&app);
    assert_eq!(failed.len(), 1);
    assert!(failed[0].contains("provider unreachable"), "{failed:?}");
}

#[tokio::test]
async fn an_error_from_the_provider_is_named_and_too_many_failures_wait() {
    let (app, _op) = app_with_provider(None, |_| {}).await;
    let browser = app.browser();
    let start = browser
        .get(format!("{}/login/oidc", app.address))
        .send()
        .await
        .unwrap();
    let authorize = super::location(&start);
    let state = authorize
        .split(['?', '&'])
        .find_map(|kv| kv.strip_prefix("state="))
        .unwrap()
        .to_string();
    let resp = browser
        .get(format!(
            "{}/login/oidc/callback?error=access_denied&error_description=%3Cb%3Eno%3C%2Fb%3E&state={state}",
            app.address
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    let page = resp.text().await.unwrap();
    assert!(
        page.contains("did not sign you in (access_denied)"),
        "{page}"
    );
    assert!(
        !page.contains("<b>no"),
        "the provider's description is not shown"
    );
    // Forged callbacks count against the sign-in limit like wrong passwords.
    let mut last = 0;
    for _ in 0..12 {
        last = app
            .get("/login/oidc/callback?code=x&state=forged")
            .await
            .status()
            .as_u16();
    }
    assert_eq!(last, 429);
    // Nor can it start another sign-in while it waits.
    assert_eq!(app.get("/login/oidc").await.status(), 429);
}
