//! Action plans on the staff pages: the CTO records one from the dashboard's list of links,
//! moves it along, and sees "done, and did it move?"; the board reads the same without
//! forms; free text is escaped.

use crate::actions::{roster, sealed_quarter};
use crate::helpers::TestApp;
use crate::staff_support::{add_user, sign_in};
use ctopulse::auth::Role;
use ctopulse::domain::locale::Locale;

/// The value of the `<option>` whose label is `label`, unescaped as a browser would send it.
fn option_value(html: &str, label: &str) -> String {
    let end = html
        .find(&format!(">{label}</option>"))
        .unwrap_or_else(|| panic!("no option {label}"));
    let start = html[..end].rfind("value=\"").expect("value") + 7;
    let raw = &html[start..end - 1];
    raw.replace("&#34;", "\"")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[tokio::test]
async fn the_cto_records_an_action_moves_it_along_and_sees_whether_it_moved() {
    let app = TestApp::spawn().await;
    app.import_roster(&roster());
    sealed_quarter(&app, "2026Q3", 10).await;
    add_user(&app, "cto@acme.test", Role::Cto);
    add_user(&app, "board@acme.test", Role::Board);
    let cto = sign_in(&app, "cto@acme.test").await;
    let page = cto.page(&app, "/dashboard").await;
    assert!(page.contains("Record an action"), "{page}");
    let target = option_value(&page, "Sales CSAT");
    let resp = cto
        .post(
            &app,
            "/dashboard/actions",
            &[
                ("target", target.as_str()),
                (
                    "title_en",
                    "CTO joins the weekly deal review <script>x</script>",
                ),
                ("title_nl", "CTO schuift aan bij het dealoverleg"),
                (
                    "title_de",
                    "Der CTO nimmt am wöchentlichen Deal-Review teil",
                ),
                ("owner", "CTO"),
                ("due", "2026Q4"),
                ("status", "in_progress"),
                ("note_en", ""),
            ],
        )
        .await;
    assert_eq!(resp.status(), 303);
    let page = cto.page(&app, "/dashboard").await;
    assert!(
        page.contains("CTO joins the weekly deal review &#60;script&#62;")
            || page.contains("&lt;script&gt;"),
        "escaped title"
    );
    assert!(!page.contains("<script>x</script>"));
    assert!(page.contains("In progress"));
    assert!(
        page.contains("50% (95%"),
        "the Q3 figure: 10 of 20 favourable"
    );

    // A second quarter, then the CTO marks it done: the done list says whether it moved.
    sealed_quarter(&app, "2026Q4", 19).await;
    let id = {
        let list = ctopulse::app::actions::list(&mut app.conn()).unwrap();
        // The German title from the form is kept beside the English and Dutch ones.
        let de = list[0]
            .texts
            .0
            .get(&ctopulse::domain::locale::Locale::De)
            .map(|t| t.title.clone());
        assert_eq!(
            de.as_deref(),
            Some("Der CTO nimmt am wöchentlichen Deal-Review teil")
        );
        list[0].id.clone()
    };
    let resp = cto
        .post(
            &app,
            &format!("/dashboard/actions/{id}"),
            &[
                ("status", "done"),
                ("due", "2026Q4"),
                ("owner", "CTO"),
                ("note", "Every Tuesday since October."),
            ],
        )
        .await;
    assert_eq!(resp.status(), 303);
    let page = cto.page(&app, "/dashboard").await;
    assert!(page.contains("Done, and did it move?"), "{page}");
    assert!(page.contains("Changed since Q3 2026: +45 points"), "{page}");
    // The round is named by its survey's title and quarter, never the template's key.
    let round = "How well does the CTO serve your department? (Q3 2026)";
    assert!(
        page.contains(&format!("Answers to Sales CSAT — {round}")),
        "{page}"
    );
    assert!(
        page.contains(
            r#"<optgroup label="How well does the CTO serve your department? (Q4 2026)">"#
        ),
        "{page}"
    );
    assert!(!page.contains("internal-csat 2026Q"), "{page}");
    let ko = cto.page_in(&app, "/dashboard", "ko").await;
    assert!(
        ko.contains(
            "대상: 영업 CSAT — CTO는 우리 부서를 얼마나 잘 지원하고 있나요? (2026년 3분기)"
        ),
        "{ko}"
    );
    assert!(!ko.contains("internal-csat 2026Q"), "{ko}");
    // Each reader reads the action in their language where it has one, else the company's;
    // the move-along form keeps the company's note whatever the page's language.
    assert!(
        ko.contains(r#"<h3 lang="en">CTO joins the weekly deal review"#),
        "{ko}"
    );
    let de = cto.page_in(&app, "/dashboard", "de").await;
    assert!(
        de.contains(r#"<h3 lang="de">Der CTO nimmt am wöchentlichen Deal-Review teil</h3>"#),
        "{de}"
    );
    assert!(
        de.contains(r#"value="Every Tuesday since October." maxlength="500" lang="en">"#),
        "{de}"
    );
    assert!(de.contains("Öffentliche Notiz (English)"), "{de}");
    // Quarters as the reader says them, in the quarter picker, the heading and the due date.
    for shown in [
        r#"<a href="?quarter=2026Q3">3. Quartal 2026</a>"#,
        r#"<span aria-current="true">4. Quartal 2026</span>"#,
        "fällig 4. Quartal 2026",
    ] {
        assert!(de.contains(shown), "{shown}: {de}");
    }
    assert!(
        !page.contains(">2026Q3<") && !page.contains(">2026Q4<"),
        "{page}"
    );

    let board = sign_in(&app, "board@acme.test").await;
    let page = board.page(&app, "/board").await;
    assert!(page.contains("Every Tuesday since October."));
    assert!(page.contains("Done, and did it move?"));
    assert!(
        !page.contains("/dashboard/actions"),
        "the board gets no forms"
    );

    // A bad status from the form is refused with its reason, nothing changed.
    let resp = cto
        .post(
            &app,
            &format!("/dashboard/actions/{id}"),
            &[("status", "finished"), ("due", "2026Q4"), ("owner", "CTO")],
        )
        .await;
    assert_eq!(resp.status(), 400);
    assert!(resp.text().await.unwrap().contains("unknown status"));
    assert_eq!(
        ctopulse::app::actions::list(&mut app.conn()).unwrap()[0].status,
        ctopulse::domain::actions::ActionStatus::Done
    );
}

#[tokio::test]
async fn the_admin_records_and_updates_actions_without_seeing_a_figure() {
    let app = TestApp::spawn().await;
    app.import_roster(&roster());
    sealed_quarter(&app, "2026Q3", 10).await;
    add_user(&app, "admin@acme.test", Role::Admin);
    let admin = sign_in(&app, "admin@acme.test").await;
    let page = admin.page(&app, "/admin/actions").await;
    assert!(page.contains("Record an action"), "{page}");
    // One title and one note per registered language, the company's first and required.
    for l in Locale::ALL {
        let code = l.code();
        assert!(page.contains(&format!(r#"name="title_{code}""#)), "{code}");
        assert!(page.contains(&format!(r#"name="note_{code}""#)), "{code}");
    }
    let first = page.find(r#"<input id="title_"#).expect("a title field");
    assert!(
        page[first..].starts_with(
            r#"<input id="title_en" name="title_en" maxlength="200" lang="en" required>"#
        ),
        "{}",
        &page[first..first + 120]
    );
    let ko = admin.page_in(&app, "/admin/actions", "ko").await;
    assert!(ko.contains(">제목 (Deutsch)</label>"), "{ko}");
    assert!(ko.contains(">공개 메모 (Nederlands)</label>"), "{ko}");
    let target = option_value(&page, "Weighted CSAT (measure C)");
    let resp = admin
        .post(
            &app,
            "/admin/actions",
            &[
                ("target", target.as_str()),
                ("title_en", "Office hours every Thursday"),
                ("title_ko", "매주 목요일 오피스 아워"),
                ("note_ko", "영업팀과 함께"),
                ("owner", "CTO"),
                ("due", "2026Q4"),
                ("status", "planned"),
            ],
        )
        .await;
    assert_eq!(resp.status(), 303);
    let to = resp.headers()["location"].to_str().unwrap().to_string();
    assert!(to.starts_with("/admin/actions?"), "{to}");
    let page = admin.page(&app, "/admin/actions").await;
    assert!(page.contains("Office hours every Thursday"));
    assert!(page.contains("Planned"));
    // Every language the form filled in is kept, and only those.
    let kept = ctopulse::app::actions::list(&mut app.conn()).unwrap()[0]
        .texts
        .0
        .clone();
    assert_eq!(
        kept.keys().copied().collect::<Vec<_>>(),
        [Locale::En, Locale::Ko]
    );
    assert_eq!(kept[&Locale::Ko].title, "매주 목요일 오피스 아워");
    assert_eq!(kept[&Locale::Ko].note, "영업팀과 함께");
    assert!(
        !page.contains("Linked figure"),
        "no follow-through for the admin"
    );
    assert!(!page.contains("% (95%"), "no figure for the admin");
    let id = ctopulse::app::actions::list(&mut app.conn()).unwrap()[0]
        .id
        .clone();
    let resp = admin
        .post(
            &app,
            &format!("/admin/actions/{id}"),
            &[
                ("status", "in_progress"),
                ("due", "2026Q4"),
                ("owner", "CTO"),
            ],
        )
        .await;
    assert_eq!(resp.status(), 303);
    assert_eq!(app.count("audit_log WHERE action LIKE 'action.%'"), 2);
}

#[tokio::test]
async fn an_action_on_a_withheld_group_shows_no_number_on_any_page_or_export() {
    let app = TestApp::spawn().await;
    app.import_roster(&roster());
    let q3 = sealed_quarter(&app, "2026Q3", 10).await;
    add_user(&app, "cto@acme.test", Role::Cto);
    add_user(&app, "board@acme.test", Role::Board);
    // Marketing (3 answers < k) and BD (withheld with it): every link to them.
    let (_, token) = crate::staff_support::add_token(&app, "cto-bot", Role::Cto);
    for link in [
        serde_json::json!({"kind": "group", "group": "marketing"}),
        serde_json::json!({"kind": "item", "item": "overall_satisfaction", "group": "marketing"}),
        serde_json::json!({"kind": "group", "group": "bd"}),
        serde_json::json!({"kind": "item", "item": "overall_satisfaction", "group": "bd"}),
    ] {
        let (status, body) = crate::actions::post_json(
            &app,
            &token,
            "/api/v1/actions",
            &crate::actions::action(&q3, link),
        )
        .await;
        assert_eq!(status, 201, "{body}");
    }
    let cto = sign_in(&app, "cto@acme.test").await;
    let board = sign_in(&app, "board@acme.test").await;
    for page in [
        cto.page(&app, "/dashboard").await,
        board.page(&app, "/board").await,
    ] {
        let start = page
            .find("<h2 id=\"actions\">")
            .expect("the actions section");
        let end = page[start..].find("</section>").unwrap() + start;
        let section = &page[start..end];
        assert_eq!(section.matches("withheld (").count(), 4, "{section}");
        assert!(!section.contains("% (95%"), "{section}");
    }
    for path in [
        "/api/v1/actions",
        "/api/v1/actions/export?format=csv",
        "/api/v1/actions/export?format=json",
    ] {
        let body = app.api_text(&token, path).await;
        assert!(!body.contains("\"value\""), "{path}: {body}");
        assert!(!body.contains(",shown,"), "{path}: {body}");
    }
}
