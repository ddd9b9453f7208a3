//! The survey when what is stored is wrong: a respondent gets a "try again shortly" page in
//! their language (never a 500 without a page, never a silently different form), and nothing
//! is written.

use crate::helpers::TestApp;
use diesel::RunQueryDsl;

#[tokio::test]
async fn a_stored_template_that_does_not_load_gives_a_retry_page_and_stores_nothing() {
    let (app, round) = TestApp::csat_round_sent().await;
    // A new hash as well, so no process has it parsed already.
    diesel::sql_query(format!(
        "UPDATE rounds SET template_content = 'not a template', template_hash = 'x' \
         WHERE id = '{round}'"
    ))
    .execute(&mut *app.conn())
    .unwrap();
    let browser = app.browser();
    let form = app.follow_link(&browser, "s2@acme.test").await;
    let res = browser
        .get(format!("{}{}", app.address, form))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 503);
    assert!(res.headers().contains_key("retry-after"));
    let body = res.text().await.unwrap();
    assert!(
        body.contains("lang=\"nl\""),
        "in the respondent's language: {body}"
    );
    let res = browser
        .post(format!("{}{}", app.address, form))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("q_overall_satisfaction=4")
        .send()
        .await
        .unwrap();
    assert!(
        res.status().is_client_error() || res.status() == 503,
        "{}",
        res.status()
    );
    assert_eq!(app.count("responses"), 0);
}

#[tokio::test]
async fn a_malformed_stored_locale_is_not_read_as_english() {
    let (app, _round) = TestApp::csat_round_sent().await;
    diesel::sql_query("UPDATE employees SET locale = 'xx-bogus' WHERE email = 's2@acme.test'")
        .execute(&mut *app.conn())
        .unwrap();
    let browser = app.browser();
    let res = browser
        .get(format!("{}{}", app.address, app.link_path("s2@acme.test")))
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        503,
        "a stored value that does not parse is an error"
    );
    assert_eq!(app.count("responses"), 0);
}
