//! A long comment list shows a random sample with a link to all of it: at 100,000 people the
//! dashboard carried every comment (1.5 MB).

use crate::helpers::TestApp;
use crate::staff_support::{add_user, get_with, sign_in};
use ctopulse::auth::Role;

const PEOPLE: usize = 14;

fn roster() -> String {
    let mut csv = String::from("email,name,department,locale,is_engineer,is_executive,active\n");
    for i in 1..=PEOPLE {
        csv.push_str(&format!(
            "s{i}@acme.test,Seller {i},sales,en,false,false,true\n"
        ));
    }
    csv
}

fn comments_in(body: &str) -> Vec<String> {
    body.split("<ul class=\"comments\">")
        .skip(1)
        .flat_map(|list| {
            let list = list.split("</ul>").next().unwrap_or("");
            list.split("<li>")
                .skip(1)
                .map(|li| li.split("</li>").next().unwrap_or("").to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}

#[tokio::test]
async fn a_long_comment_list_shows_a_sample_and_links_to_all_of_it() {
    let app = TestApp::spawn().await;
    app.import_roster(&roster());
    let round = app.launch("internal-csat", "2026Q3");
    app.send_all().await;
    for i in 1..=PEOPLE {
        let browser = app.browser();
        let (form, csrf) = app.open_survey(&browser, &format!("s{i}@acme.test")).await;
        let comment = format!("Remark number {i}");
        let res = app
            .post_form(
                &browser,
                &form,
                &[
                    ("csrf_token", csrf.as_str()),
                    ("q_overall_satisfaction", "4"),
                    ("q_comment", comment.as_str()),
                ],
            )
            .await;
        assert_eq!(res.status(), 200);
    }
    app.seal_now(&round);
    add_user(&app, "cto@acme.test", Role::Cto);
    let cto = sign_in(&app, "cto@acme.test").await;

    let body = get_with(&app, "/dashboard", &cto.cookie)
        .await
        .text()
        .await
        .unwrap();
    let sample = comments_in(&body);
    // 10 = view::COMMENTS_SHOWN of the 14.
    assert_eq!(sample.len(), 10, "{sample:?}");
    assert!(sample.iter().all(|c| c.starts_with("Remark number ")));
    assert!(
        body.contains("10 of 14 comments shown"),
        "the page says it shows a sample"
    );
    let link = "?quarter=2026Q3&#38;comments=all#comments-1";
    assert!(body.contains(link), "a link to all of them");
    assert!(body.contains("id=\"comments-1\""), "the link's target");

    let all = get_with(&app, "/dashboard?quarter=2026Q3&comments=all", &cto.cookie)
        .await
        .text()
        .await
        .unwrap();
    let mut every = comments_in(&all);
    every.sort();
    let mut want: Vec<String> = (1..=PEOPLE).map(|i| format!("Remark number {i}")).collect();
    want.sort();
    assert_eq!(every, want);
    assert!(
        !all.contains("comments shown"),
        "nothing left out, nothing to say"
    );
}
