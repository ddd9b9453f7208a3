//! Staff accounts for tests: create users, sign in through the real form, forge principals.

use ctopulse::auth::{password, Role};
use ctopulse::clock;
use ctopulse::db::schema::{sessions, users};
use ctopulse::domain::email::Email;
use ctopulse::tokens;
use diesel::prelude::*;

use crate::helpers::TestApp;

/// A password that passes the rules.
pub const PASSWORD: &str = "plum-kettle-orbit-42";

/// A client that neither follows redirects nor keeps cookies: tests send cookies by hand.
pub fn plain_client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

/// Creates an account with `PASSWORD` and returns its id.
pub fn add_user(app: &TestApp, email: &str, role: Role) -> String {
    let hash = password::hash(PASSWORD).expect("hash");
    let mut conn = app.conn();
    ctopulse::app::accounts::create_user(
        &mut conn,
        &Email::parse(email).expect("email"),
        role,
        &hash,
        "test",
        clock::now(),
    )
    .expect("create user")
}

/// The value of cookie `name` set by a response.
pub fn set_cookie(resp: &reqwest::Response, name: &str) -> Option<String> {
    set_cookie_header(resp, name).and_then(|h| {
        h.split(';')
            .next()
            .and_then(|kv| kv.split_once('='))
            .map(|(_, v)| v.to_string())
    })
}

/// The whole `Set-Cookie` header for cookie `name`.
pub fn set_cookie_header(resp: &reqwest::Response, name: &str) -> Option<String> {
    resp.headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .map(str::to_string)
}

/// The value of the first `csrf_token` hidden field in a page.
pub fn hidden_csrf(html: &str) -> String {
    let marker = "name=\"csrf_token\" value=\"";
    let start = html.find(marker).expect("page has a csrf_token field") + marker.len();
    let end = html[start..].find('"').expect("closing quote") + start;
    html[start..end].to_string()
}

/// A login form fetched from `GET /login`: its pre-session cookie and token.
pub struct LoginForm {
    pub cookie_name: &'static str,
    pub cookie: String,
    pub token: String,
}

impl LoginForm {
    /// Fetches the form (http app: cookie `ctopulse-login`).
    pub async fn fetch(app: &TestApp) -> LoginForm {
        let https = app.settings.is_https();
        let cookie_name = if https {
            "__Host-ctopulse-login"
        } else {
            "ctopulse-login"
        };
        let resp = plain_client()
            .get(format!("{}/login", app.address))
            .send()
            .await
            .expect("GET /login");
        assert_eq!(resp.status(), 200);
        let cookie = set_cookie(&resp, cookie_name).expect("login cookie");
        let token = hidden_csrf(&resp.text().await.expect("body"));
        LoginForm {
            cookie_name,
            cookie,
            token,
        }
    }

    /// Posts the form; `extra_headers` e.g. X-Forwarded-For, `cookie` e.g. an old session.
    pub async fn post(
        &self,
        app: &TestApp,
        email: &str,
        password: &str,
        extra_headers: &[(&str, &str)],
    ) -> reqwest::Response {
        let mut req = plain_client()
            .post(format!("{}/login", app.address))
            .header(
                reqwest::header::COOKIE,
                format!("{}={}", self.cookie_name, self.cookie),
            )
            .form(&[
                ("email", email),
                ("password", password),
                ("csrf_token", self.token.as_str()),
            ]);
        for (k, v) in extra_headers {
            req = req.header(*k, *v);
        }
        req.send().await.expect("POST /login")
    }
}

/// A signed-in browser: its session cookie and its pages' CSRF token.
#[derive(Debug, Clone)]
pub struct Session {
    /// `name=value` for the Cookie header.
    pub cookie: String,
    /// The raw session token.
    pub token: String,
    pub csrf: String,
    pub home: String,
}

/// Signs in through the real form and reads the CSRF token from the landing page.
pub async fn sign_in(app: &TestApp, email: &str) -> Session {
    let form = LoginForm::fetch(app).await;
    let resp = form.post(app, email, PASSWORD, &[]).await;
    assert_eq!(resp.status(), 303, "sign-in of {email} failed");
    let home = resp
        .headers()
        .get(reqwest::header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .expect("location")
        .to_string();
    let name = if app.settings.is_https() {
        "__Host-ctopulse-session"
    } else {
        "ctopulse-session"
    };
    let token = set_cookie(&resp, name).expect("session cookie");
    let cookie = format!("{name}={token}");
    let page = plain_client()
        .get(format!("{}{home}", app.address))
        .header(reqwest::header::COOKIE, &cookie)
        .send()
        .await
        .expect("home");
    assert_eq!(page.status(), 200, "home page {home}");
    let csrf = hidden_csrf(&page.text().await.expect("body"));
    Session {
        cookie,
        token,
        csrf,
        home,
    }
}

/// GET `path` with a cookie.
pub async fn get_with(app: &TestApp, path: &str, cookie: &str) -> reqwest::Response {
    plain_client()
        .get(format!("{}{path}", app.address))
        .header(reqwest::header::COOKIE, cookie)
        .send()
        .await
        .expect("request")
}

/// POST a form to `path` with a cookie.
pub async fn post_form_with(
    app: &TestApp,
    path: &str,
    cookie: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    plain_client()
        .post(format!("{}{path}", app.address))
        .header(reqwest::header::COOKIE, cookie)
        .form(form)
        .send()
        .await
        .expect("request")
}

impl Session {
    /// GET `path` as this session: the page's body.
    pub async fn page(&self, app: &TestApp, path: &str) -> String {
        get_with(app, path, &self.cookie)
            .await
            .text()
            .await
            .expect("body")
    }

    /// GET `path` as this session from a browser asking for `lang`: the page's body.
    pub async fn page_in(&self, app: &TestApp, path: &str, lang: &str) -> String {
        plain_client()
            .get(format!("{}{path}", app.address))
            .header(reqwest::header::ACCEPT, "text/html")
            .header(reqwest::header::COOKIE, &self.cookie)
            .header(reqwest::header::ACCEPT_LANGUAGE, lang)
            .send()
            .await
            .expect("request")
            .text()
            .await
            .expect("body")
    }

    /// POST a form to `path` as this session, its CSRF token first (as the pages put it).
    pub async fn post(
        &self,
        app: &TestApp,
        path: &str,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        let mut form = vec![("csrf_token", self.csrf.as_str())];
        form.extend_from_slice(fields);
        post_form_with(app, path, &self.cookie, &form).await
    }

    /// Drafts this quarter's CSAT round on the admin page (closing 2099-01-31, departments
    /// merged as `merge` says); the response, a 303 to the draft's page when it worked.
    pub async fn draft_csat_round(&self, app: &TestApp, merge: &str) -> reqwest::Response {
        self.post(
            app,
            "/admin/rounds",
            &[
                ("template", "internal-csat"),
                ("quarter", "2026Q4"),
                ("closes", "2099-01-31"),
                ("merge", merge),
            ],
        )
        .await
    }
}

/// Moves a session's last use back by `minutes` (idle expiry without waiting).
pub fn age_session(app: &TestApp, token: &str, minutes: i64) {
    let mut conn = app.conn();
    diesel::update(sessions::table.filter(sessions::token_hash.eq(tokens::hash(token))))
        .set(sessions::last_seen_at.eq(clock::now() - time::Duration::minutes(minutes)))
        .execute(&mut *conn)
        .expect("age session");
}

/// Marks an account disabled without touching its sessions (tests the flag alone).
pub fn flag_disabled(app: &TestApp, email: &str) {
    let mut conn = app.conn();
    diesel::update(users::table.filter(users::email.eq(email)))
        .set(users::disabled.eq(true))
        .execute(&mut *conn)
        .expect("disable");
}

/// How many sessions a user has.
pub fn session_count(app: &TestApp, user_id: &str) -> i64 {
    let mut conn = app.conn();
    sessions::table
        .filter(sessions::user_id.eq(user_id))
        .count()
        .get_result(&mut *conn)
        .expect("count")
}

/// Creates an API token and returns (id, token).
pub fn add_token(app: &TestApp, name: &str, role: Role) -> (String, String) {
    let mut conn = app.conn();
    let t = ctopulse::app::accounts::create_token(&mut conn, name, role, "test", clock::now())
        .expect("token");
    (t.id, t.token)
}
