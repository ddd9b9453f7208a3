//! Text in a round's place that is not a round id is answered exactly as an id of no round:
//! never a 5xx, never another round's page, on every route that takes a round id.

use crate::helpers::{TestApp, ROSTER};
use crate::staff_support::add_token;
use ctopulse::auth::Role;
use ctopulse::domain::ids::RoundId;

/// Not ids: empty-ish, short, SQL, traversal, a UUID in another spelling, a prefix too short.
const NOT_IDS: &[&str] = &[
    "x",
    "1%27%20OR%20%271%27%3D%271",
    "..%2F..%2Fetc%2Fpasswd",
    "%7B67e55044-10b1-426f-9247-bb680e5fe0c8%7D",
    "67e5504410b1426f9247bb680e5fe0c8",
    "67e5",
];

#[tokio::test]
async fn text_that_is_not_a_round_id_is_answered_as_an_unknown_round() {
    let app = TestApp::spawn().await;
    let (_, board) = add_token(&app, "board-bot", Role::Board);
    app.import_roster(ROSTER);
    let real = app.launch("internal-csat", "2026Q4");
    app.seal_now(&real);
    let unknown = RoundId::random().to_string();
    let browser = app.browser();

    for text in NOT_IDS {
        for path in ["/survey/{}", "/preview/{}", "/api/v1/rounds/{}/results"] {
            let ask = |id: &str| {
                let url = format!("{}{}", app.address, path.replace("{}", id));
                browser.get(url).bearer_auth(&board).send()
            };
            let (known, bad) = (ask(&unknown).await.unwrap(), ask(text).await.unwrap());
            assert_eq!(bad.status(), known.status(), "{path} with {text:?}");
            assert!(!bad.status().is_server_error(), "{path} with {text:?}");
            let (known, bad) = (known.text().await.unwrap(), bad.text().await.unwrap());
            if path.starts_with("/api/") {
                let code = |b: &str| {
                    serde_json::from_str::<serde_json::Value>(b).unwrap()["error"].clone()
                };
                assert_eq!(code(&bad), code(&known), "{path} with {text:?}");
            } else {
                assert_eq!(bad, known, "{path} with {text:?}: the same page");
            }
        }
    }
    // The real round's full id still works, and so does a unique prefix typed by hand.
    let res = browser
        .get(format!(
            "{}/api/v1/rounds/{}/results",
            app.address,
            &real[..8]
        ))
        .bearer_auth(&board)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
}
