//! "You said, we did" through the real launch, outbox and survey page: each respondent sees
//! their own group's published figure and the actions that concern them, in their language;
//! a withheld figure never appears, in an email or on a page; a first round shows nothing.

use crate::actions::{action, post_json, sealed_quarter};
use crate::helpers::TestApp;
use crate::staff_support::add_token;
use ctopulse::auth::Role;
use serde_json::json;

/// As `actions::roster`, with sales0 reading Dutch and sales1 Korean.
fn roster() -> String {
    crate::actions::roster()
        .replace(
            "sales0@acme.test,P 0,sales,en",
            "sales0@acme.test,P 0,sales,nl",
        )
        .replace(
            "sales1@acme.test,P 1,sales,en",
            "sales1@acme.test,P 1,sales,ko",
        )
}

async fn first_page(app: &TestApp, address: &str) -> String {
    let browser = app.browser();
    let location = app.follow_link(&browser, address).await;
    browser
        .get(format!("{}{location}", app.address))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

fn last_text(app: &TestApp, to: &str) -> String {
    app.mailbox
        .sent_to(to)
        .last()
        .expect("an email")
        .text
        .clone()
}

#[tokio::test]
async fn each_group_reads_its_own_published_figure_and_its_actions_and_nothing_withheld() {
    let app = TestApp::spawn().await;
    app.import_roster(&roster());
    let q3 = sealed_quarter(&app, "2026Q3", 10).await;
    // The first round had nothing before it: its emails say nothing extra.
    assert!(!last_text(&app, "sales5@acme.test").contains("You said, we did"));

    let (_, cto) = add_token(&app, "cto-bot", Role::Cto);
    for (link, title) in [
        (
            json!({"kind": "group", "group": "sales"}),
            "Deal review for sales",
        ),
        (
            json!({"kind": "group", "group": "marketing"}),
            "Launch kit for marketing",
        ),
        (
            json!({"kind": "measure", "metric": "weighted_csat"}),
            "Monthly office hours for all",
        ),
    ] {
        let mut body = action(&q3, link);
        body["texts"] = json!({"en": {"title": title, "note": ""}});
        let (status, answer) = post_json(&app, &cto, "/api/v1/actions", &body).await;
        assert_eq!(status, 201, "{answer}");
    }
    let mut dutch = action(
        &q3,
        json!({"kind": "item", "item": "overall_satisfaction", "group": "sales"}),
    );
    dutch["texts"]["nl"] = json!({"title": "Wekelijkse demo voor sales", "note": ""});
    dutch["texts"]["en"] = json!({"title": "Weekly demo for sales", "note": ""});
    post_json(&app, &cto, "/api/v1/actions", &dutch).await;

    app.launch("internal-csat", "2026Q4");
    app.send_all().await;

    // Sales: 10 of 20 favourable in Q3, its own actions and everyone's, not marketing's.
    let sales = last_text(&app, "sales5@acme.test");
    assert!(sales.contains("You said, we did"), "{sales}");
    assert!(
        sales.contains("In Q3 2026, 50% of your group were satisfied"),
        "{sales}"
    );
    assert!(sales.contains("Deal review for sales (done)"));
    assert!(sales.contains("Monthly office hours for all (done)"));
    assert!(!sales.contains("Launch kit for marketing"));
    // In Dutch, with the Dutch text where there is one and the fallback said where not.
    let nl = last_text(&app, "sales0@acme.test");
    assert!(nl.contains("Jullie zeiden, wij deden"), "{nl}");
    assert!(nl.contains("Wekelijkse demo voor sales (gedaan)"), "{nl}");
    assert!(
        nl.contains("Deal review for sales (gedaan)\n  Niet vertaald"),
        "{nl}"
    );
    let ko = last_text(&app, "sales1@acme.test");
    assert!(ko.contains("여러분 그룹의 50%"), "{ko}");

    // Marketing (3 < k) and BD (withheld with it): no figure at all, only their actions.
    for who in ["marketing0@acme.test", "bd0@acme.test"] {
        let text = last_text(&app, who);
        assert!(text.contains("You said, we did"), "{who}: {text}");
        assert!(!text.contains("% of your group"), "{who}: {text}");
        assert!(text.contains("Monthly office hours for all"));
        assert!(!text.contains("Deal review for sales"));
    }
    assert!(last_text(&app, "marketing0@acme.test").contains("Launch kit for marketing"));

    // The survey's first page says the same, in the respondent's language.
    let page = first_page(&app, "sales5@acme.test").await;
    assert!(
        page.contains("<h2 id=\"recap-title\">You said, we did</h2>"),
        "{page}"
    );
    assert!(page.contains("50% of your group"));
    assert!(page.contains("Deal review for sales"));
    let page = first_page(&app, "marketing1@acme.test").await;
    assert!(page.contains("Launch kit for marketing"));
    assert!(!page.contains("% of your group"), "{page}");
}
