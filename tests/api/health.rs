//! Liveness, readiness and the headers every response carries.

use crate::helpers::TestApp;
use ctopulse::db::Backend;

#[tokio::test]
async fn healthz_answers_ok() {
    let app = TestApp::spawn().await;
    let res = app.get("/healthz").await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.text().await.unwrap(), "ok\n");
}

#[tokio::test]
async fn readyz_answers_200_when_the_database_answers() {
    let app = TestApp::spawn().await;
    let res = app.get("/readyz").await;
    assert_eq!(res.status(), 200, "{:?}", res.text().await);
    // The run uses the backend TEST_DATABASE_URL asks for, so the PostgreSQL pass really
    // exercises PostgreSQL.
    let wants_pg = std::env::var("TEST_DATABASE_URL").is_ok_and(|u| u.starts_with("postgres"));
    assert_eq!(app.conn().backend() == Backend::Postgres, wants_pg);
    assert_eq!(app.db.backend(), app.conn().backend());
}

#[tokio::test]
async fn readyz_answers_503_when_the_database_is_gone() {
    let app = TestApp::spawn().await;
    // Exhaust the pool so no connection can be had: the probe must fail fast, not hang.
    let held: Vec<_> = (0..app.pool.max_size()).map(|_| app.conn()).collect();
    let started = std::time::Instant::now();
    let res = app.get("/readyz").await;
    assert_eq!(res.status(), 503);
    assert!(res.headers().contains_key("retry-after"));
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    drop(held);
    assert_eq!(app.get("/readyz").await.status(), 200);
}

#[tokio::test]
async fn every_response_carries_security_headers() {
    let app = TestApp::spawn().await;
    // API errors are rebuilt as JSON and browser errors as pages: both keep the headers.
    for path in [
        "/healthz",
        "/readyz",
        "/no-such-page",
        "/api/v1/no-such-endpoint",
        "/api/v1/scorecard",
    ] {
        let res = app.get(path).await;
        let h = res.headers();
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(h["referrer-policy"], "no-referrer", "{path}");
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"),
            "{path}: {csp}"
        );
    }
}
