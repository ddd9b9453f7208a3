//! On SQLite an emailed link is read on the request's own thread (`db::read_here`), not
//! through the connection pool: opening a link never queues behind submissions holding
//! every pooled connection, and what it reads is the latest commit.

use ctopulse::db::Backend;

use crate::helpers::TestApp;

#[tokio::test]
async fn a_link_opens_while_every_pooled_connection_is_busy_and_sees_the_latest_answer() {
    let (app, round) = TestApp::csat_round_sent().await;
    if app.db.backend() != Backend::Sqlite {
        return; // PostgreSQL reads links through the pool
    }
    let person = "s1@acme.test";
    let browser = app.browser();
    let form = {
        // Every connection of the pool checked out: a read through it would wait for
        // `CHECKOUT_WAIT` and answer 503.
        let held: Vec<_> = (0..app.pool.max_size()).map(|_| app.conn()).collect();
        assert_eq!(app.pool.state().idle_connections, 0);
        let form = app.follow_link(&browser, person).await;
        drop(held);
        form
    };
    assert_eq!(form, format!("/survey/{round}"));
    let page = browser
        .get(format!("{}{form}", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    let body = page.text().await.unwrap();
    let marker = "name=\"csrf_token\" value=\"";
    let at = body.find(marker).expect("csrf field") + marker.len();
    let csrf = body[at..at + 64].to_string();
    assert_eq!(
        app.post_overall(&browser, &form, &csrf, "4").await.status(),
        200
    );
    assert_eq!(app.count("responses"), 1);
    // The request threads' readers, opened before the answer, see it at once.
    let again = app.browser();
    for _ in 0..4 {
        let res = again
            .get(format!("{}{}", app.address, app.link_path(person)))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 409, "an answered link says so");
    }
}
