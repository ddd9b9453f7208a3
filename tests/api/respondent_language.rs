//! The respondent's pages speak the invitation's language (the roster's locale) whenever the
//! link or the round's cookie identifies the invitation, whatever the browser asks for; only
//! a link that identifies nobody follows Accept-Language. A closed round says when it closed.

use crate::helpers::rid;
use crate::helpers::TestApp;
use diesel::prelude::*;

/// A browser that asks for `accept_language` (cookie jar, no redirects followed).
fn browser_asking(accept_language: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        reqwest::header::ACCEPT_LANGUAGE,
        reqwest::header::HeaderValue::from_str(accept_language).unwrap(),
    );
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .default_headers(headers)
        .build()
        .unwrap()
}

async fn get(app: &TestApp, browser: &reqwest::Client, path: &str) -> (u16, String) {
    let res = browser
        .get(format!("{}{}", app.address, path))
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

/// s3 is Korean on the roster; their browser asks for English.
const KO_INVITEE: &str = "s3@acme.test";

#[tokio::test]
async fn answered_pages_follow_the_invitation_not_the_browser() {
    let (app, _round) = TestApp::csat_round_sent().await;
    let browser = browser_asking("en-US,en;q=0.9");
    let (form, csrf) = app.open_survey(&browser, KO_INVITEE).await;
    let fields = [
        ("csrf_token", csrf.as_str()),
        ("q_overall_satisfaction", "4"),
    ];
    let res = app.post_form(&browser, &form, &fields).await;
    assert_eq!(res.status(), 200);
    let thanks = res.text().await.unwrap();
    assert!(thanks.contains("lang=\"ko\"") && thanks.contains("감사합니다"));

    // The emailed link again, in the same English-asking browser: answered, in Korean.
    let (status, page) = get(&app, &browser, &app.link_path(KO_INVITEE)).await;
    assert_eq!(status, 409);
    assert!(page.contains("<html lang=\"ko\">"), "{page}");
    assert!(page.contains("이미 응답하셨습니다"), "{page}");
    assert!(!page.contains("already answered"), "{page}");

    // A link that names nobody can only follow the browser.
    let bogus = format!("/s/{}", "a".repeat(64));
    let (status, page) = get(&app, &browser_asking("ko-KR"), &bogus).await;
    assert_eq!(status, 404);
    assert!(page.contains("<html lang=\"ko\">"), "{page}");
    let (status, page) = get(&app, &browser, &bogus).await;
    assert_eq!(status, 404);
    assert!(page.contains("<html lang=\"en\">"), "{page}");
    assert!(
        page.contains("stop working once their survey has closed"),
        "{page}"
    );
    assert!(!page.contains("ask the survey admin"), "{page}");
}

/// A round whose close time has passed but which the scheduler has not sealed yet: its
/// links still name their invitations.
#[tokio::test]
async fn a_closed_round_says_when_it_closed_in_the_invitations_language() {
    let (app, round) = TestApp::csat_round_sent().await;
    let browser = browser_asking("en");
    // Holds the round's cookie (the form was open in a tab when the survey closed).
    app.follow_link(&browser, KO_INVITEE).await;
    let token = &app.link_path(KO_INVITEE)[3..];
    let csrf = ctopulse::tokens::derive("survey-csrf", token);

    // It closed at the end of yesterday (UTC, the test settings' time zone).
    let today = ctopulse::clock::now().date();
    let yesterday = today.previous_day().unwrap();
    {
        use ctopulse::db::schema::rounds::dsl as r;
        diesel::update(r::rounds.filter(r::id.eq(rid(&round))))
            .set((
                r::closes_on.eq(yesterday),
                r::closes_at.eq(today.midnight()),
            ))
            .execute(&mut *app.conn())
            .unwrap();
    }
    // e.g. "2026년 12월 2일 하루가 끝날 때(UTC 기준) 마감".
    let when = format!(
        "{}년 {}월 {}일 하루가 끝날 때(UTC 기준) 마감",
        yesterday.year(),
        u8::from(yesterday.month()),
        yesterday.day()
    );
    let says_closed_in_korean = |status: u16, page: &str| {
        assert_eq!(status, 410, "{page}");
        assert!(page.contains("<html lang=\"ko\">"), "{page}");
        assert!(page.contains("설문이 마감되었습니다"), "{page}");
        assert!(page.contains(&when), "{page}");
        assert!(page.contains("회사에 전달됩니다"), "{page}");
    };

    let (status, page) = get(&app, &browser, &app.link_path(KO_INVITEE)).await;
    says_closed_in_korean(status, &page);
    let res = app
        .post_overall(&browser, &format!("/survey/{round}"), &csrf, "4")
        .await;
    let status = res.status().as_u16();
    says_closed_in_korean(status, &res.text().await.unwrap());
    assert_eq!(app.count("responses"), 0);
}

/// Closed by hand and sealed: the links are gone, so the page cannot know the person; a
/// browser still holding the round's cookie is told the survey closed, and on which day.
#[tokio::test]
async fn after_the_seal_a_held_form_is_told_the_survey_closed() {
    let (app, round) = TestApp::csat_round_sent().await;
    let browser = browser_asking("en");
    let (form, csrf) = app.open_survey(&browser, KO_INVITEE).await;
    app.seal_now(&round);
    let today = ctopulse::clock::now().date();
    let res = app.post_overall(&browser, &form, &csrf, "4").await;
    assert_eq!(res.status(), 410);
    let page = res.text().await.unwrap();
    // e.g. "closed on 3 December 2026 (UTC)".
    let on = format!(
        "The survey closed on {} ({})",
        ctopulse::mail::content::format_date(today, ctopulse::domain::locale::Locale::En),
        "UTC"
    );
    assert!(page.contains(&on), "{page}");
    assert!(page.contains("results go to the company"), "{page}");
    // So is the form reloaded in that tab.
    let (status, page) = get(&app, &browser, &form).await;
    assert_eq!(status, 410);
    assert!(page.contains(&on), "{page}");
    // The bare token names nobody now.
    let (status, page) = get(&app, &browser, &app.link_path(KO_INVITEE)).await;
    assert_eq!(status, 404);
    assert!(
        page.contains("no longer") || page.contains("stop working"),
        "{page}"
    );
}

/// Sealed: the links are gone, but the emailed link names its language and round, so a late
/// respondent in a fresh English browser is told in Korean that the survey closed, and when.
#[tokio::test]
async fn after_the_seal_the_emailed_link_says_the_survey_closed_in_its_language() {
    let (app, round) = TestApp::csat_round_sent().await;
    let link = app.emailed_link(KO_INVITEE);
    assert!(link.ends_with(&format!("?lang=ko&round={round}")), "{link}");
    app.seal_now(&round);
    let today = ctopulse::clock::now().date();
    let (status, page) = get(&app, &browser_asking("en-US,en"), &link).await;
    assert_eq!(status, 410, "{page}");
    assert!(page.contains("<html lang=\"ko\">"), "{page}");
    assert!(page.contains("설문이 마감되었습니다"), "{page}");
    // e.g. "2026년 12월 5일".
    let on = format!(
        "{}년 {}월 {}일",
        today.year(),
        u8::from(today.month()),
        today.day()
    );
    assert!(page.contains(&on), "{page}");
    assert!(page.contains("회사에 전달됩니다"), "{page}");
    assert!(!page.contains("The survey closed"), "no English: {page}");

    // The hints choose words only: another round's id, or hints that do not parse, lead
    // to the page for a link that names nobody (in the hinted language when it parses).
    let other_round = "5f0c6d3e-8a1b-4c2d-9e3f-0a1b2c3d4e5f";
    let token = &link[3..3 + 64];
    let (status, page) = get(
        &app,
        &browser_asking("en"),
        &format!("/s/{token}?lang=de&round={other_round}"),
    )
    .await;
    assert_eq!(status, 404, "{page}");
    assert!(page.contains("<html lang=\"de\">"), "{page}");
    for junk in ["?lang=xx&round=zz", "?round", "?lang=%ZZ&&=", "?a=b"] {
        let (status, page) = get(&app, &browser_asking("en"), &format!("/s/{token}{junk}")).await;
        assert_eq!(status, 404, "{junk}: {page}");
        assert!(page.contains("<html lang=\"en\">"), "{junk}: {page}");
    }
}
