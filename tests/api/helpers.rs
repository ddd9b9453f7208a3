//! TestApp: the real application on port 0 against a fresh database.

use std::collections::HashMap;

use ctopulse::config::{FlagOverrides, Settings};
use ctopulse::db::{self, Backend, DbPool};
use ctopulse::mail::{Mailer, MemoryMailbox};
use ctopulse::startup::{load_templates, prepare_database, AppState, Application, Services};
use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::Connection;

/// A fresh database for one test, dropped when the test ends.
pub enum TestDb {
    Sqlite {
        _dir: tempfile::TempDir,
        url: String,
    },
    Postgres {
        admin_url: String,
        name: String,
        url: String,
    },
}

impl TestDb {
    /// SQLite in a temporary folder, or a new PostgreSQL database if TEST_DATABASE_URL says so.
    pub fn new() -> TestDb {
        match std::env::var("TEST_DATABASE_URL") {
            Ok(admin) if admin.starts_with("postgres://") || admin.starts_with("postgresql://") => {
                let name = format!("ctopulse_test_{}", uuid::Uuid::new_v4().simple());
                let mut conn = PgConnection::establish(&admin)
                    .unwrap_or_else(|e| panic!("TEST_DATABASE_URL does not answer: {e}"));
                conn.batch_execute(&format!("CREATE DATABASE {name}"))
                    .expect("create test database");
                let url = replace_db_name(&admin, &name);
                TestDb::Postgres {
                    admin_url: admin,
                    name,
                    url,
                }
            }
            _ => {
                let dir = tempfile::tempdir().expect("temp dir");
                let url = format!("sqlite://{}", dir.path().join("test.db").display());
                TestDb::Sqlite { _dir: dir, url }
            }
        }
    }

    /// The database URL the app should use.
    pub fn url(&self) -> &str {
        match self {
            TestDb::Sqlite { url, .. } | TestDb::Postgres { url, .. } => url,
        }
    }

    /// Which backend this run uses.
    pub fn backend(&self) -> Backend {
        match self {
            TestDb::Sqlite { .. } => Backend::Sqlite,
            TestDb::Postgres { .. } => Backend::Postgres,
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let TestDb::Postgres {
            admin_url, name, ..
        } = self
        {
            if let Ok(mut conn) = PgConnection::establish(admin_url) {
                let _ = conn.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
            }
        }
    }
}

/// Swaps the database name at the end of a PostgreSQL URL, keeping any query string.
pub fn replace_db_name(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let prefix = match base.rfind('/') {
        Some(i) if i > base.find("://").map(|j| j + 2).unwrap_or(0) => &base[..i],
        _ => base,
    };
    match query {
        Some(q) => format!("{prefix}/{name}?{q}"),
        None => format!("{prefix}/{name}"),
    }
}

/// Settings for a test: defaults, port 0, the given database, in-memory mail.
pub fn test_settings(db_url: &str, extra: &[(&str, &str)]) -> Settings {
    let mut env: HashMap<String, String> = HashMap::from([
        ("CTOPULSE_DATABASE_URL".to_string(), db_url.to_string()),
        ("CTOPULSE_BIND".to_string(), "127.0.0.1:0".to_string()),
        ("CTOPULSE_MAIL_TRANSPORT".to_string(), "memory".to_string()),
    ]);
    for (k, v) in extra {
        env.insert(k.to_string(), v.to_string());
    }
    let lookup = move |k: &str| env.get(k).cloned();
    Settings::load(None, &lookup, &FlagOverrides::default()).expect("test settings")
}

/// The running application and what a test needs to drive it.
pub struct TestApp {
    pub address: String,
    pub mailbox: MemoryMailbox,
    pub state: AppState,
    pub port: u16,
    pub pool: DbPool,
    pub client: reqwest::Client,
    pub settings: Settings,
    pub db: TestDb,
}

impl TestApp {
    /// Starts the app on a fresh database.
    pub async fn spawn() -> TestApp {
        Self::spawn_with(&[]).await
    }

    /// Starts the app on a fresh database with extra settings (environment variable, value).
    pub async fn spawn_with(extra: &[(&str, &str)]) -> TestApp {
        Self::spawn_adjusted(extra, |_| {}).await
    }

    /// Like `spawn_with`, with the loaded settings changed by `adjust` (for settings that
    /// have no environment variable).
    pub async fn spawn_adjusted(
        extra: &[(&str, &str)],
        adjust: impl FnOnce(&mut Settings),
    ) -> TestApp {
        let db = TestDb::new();
        let mut settings = test_settings(db.url(), extra);
        adjust(&mut settings);
        let pool = prepare_database(&settings).expect("prepare test database");
        let mailbox = MemoryMailbox::default();
        let mailer = Mailer::memory(mailbox.clone(), &settings.mail.from).expect("mailer");
        let templates = load_templates(&settings).expect("templates");
        let app = Application::build_with(Services {
            settings: settings.clone(),
            pool: pool.clone(),
            mailer,
            templates,
            background: false,
        })
        .expect("build app");
        let port = app.port();
        let state = app.state().clone();
        tokio::spawn(app.run_until_stopped());
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_store(true)
            .build()
            .expect("client");
        TestApp {
            address: format!("http://127.0.0.1:{port}"),
            mailbox,
            state,
            port,
            pool,
            client,
            settings,
            db,
        }
    }

    /// A pooled connection for inspecting the database directly.
    pub fn conn(&self) -> db::PooledConn {
        db::pool::checkout(&self.pool).expect("connection")
    }

    /// GET a path.
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{}", self.address, path))
            .send()
            .await
            .expect("request")
    }
}

#[test]
fn database_name_is_replaced_in_urls() {
    assert_eq!(
        replace_db_name("postgres://u@h:5432/test", "x"),
        "postgres://u@h:5432/x"
    );
    assert_eq!(
        replace_db_name("postgres://u@h/test?sslmode=disable", "x"),
        "postgres://u@h/x?sslmode=disable"
    );
    assert_eq!(replace_db_name("postgres://u@h", "x"), "postgres://u@h/x");
}

/// A small company: 6 in sales, 6 in engineering (engineers), 2 in the CEO's office, one
/// board member. Locales mixed.
pub const ROSTER: &str = "email,name,department,locale,is_engineer,is_executive,active
s1@acme.test,Sam One,sales,en,false,false,true
s2@acme.test,Sara Two,sales,nl,false,false,true
s3@acme.test,Seo Three,sales,ko,false,false,true
s4@acme.test,Sid Four,sales,en,false,false,true
s5@acme.test,Sue Five,sales,en,false,false,true
s6@acme.test,Stan Six,sales,en,false,true,true
e1@acme.test,Eli One,engineering,en,true,false,true
e2@acme.test,Eun Two,engineering,ko,true,false,true
e3@acme.test,Eva Three,engineering,nl,true,false,true
e4@acme.test,Ed Four,engineering,en,true,false,true
e5@acme.test,Emma Five,engineering,en,true,false,true
e6@acme.test,Eric Six,engineering,en,true,true,true
c1@acme.test,Cora Chen,ceo,en,false,true,true
c2@acme.test,Chris Aide,ceo,en,false,false,true
b1@acme.test,Bea Board,board,en,false,false,true
";

impl TestApp {
    /// Imports a roster CSV through the same code as `ctopulse roster import`.
    pub fn import_roster(&self, csv: &str) -> ctopulse::app::roster::ImportReport {
        let parsed = ctopulse::domain::roster::parse(csv.as_bytes()).expect("roster parses");
        assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
        ctopulse::app::roster::import(
            &mut self.conn(),
            &parsed.entries,
            false,
            "test",
            ctopulse::clock::now(),
            &|_| {},
        )
        .expect("import")
    }

    /// Creates and launches a round of `template` for `quarter`, closing in 14 days.
    pub fn launch(&self, template: &str, quarter: &str) -> String {
        self.launch_with(template, quarter, &[])
    }

    /// Like `launch`, with reporting-group merges such as `ceo+bd`.
    pub fn launch_with(&self, template: &str, quarter: &str, merges: &[&str]) -> String {
        use ctopulse::app::rounds::{self, NewRound};
        let now = ctopulse::clock::now();
        let t = self.state.templates.get(template).expect("template");
        let mut conn = self.conn();
        let id = rounds::create(
            &mut conn,
            &NewRound {
                template: t,
                quarter: quarter.parse().unwrap(),
                closes_on: now.date() + time::Duration::days(14),
                k: 5,
                comment_threshold: 10,
                merges: merges
                    .iter()
                    .map(|m| ctopulse::domain::round::parse_merge(m).unwrap())
                    .collect(),
                timezone: "UTC",
            },
            now,
            "test",
        )
        .expect("create round");
        rounds::launch_with(&mut conn, id, t, now, "test").expect("launch round");
        id.to_string()
    }

    /// Runs the outbox worker until nothing is due.
    pub async fn send_all(&self) -> ctopulse::mail::outbox::Stats {
        ctopulse::mail::outbox::OutboxWorker::new(
            self.pool.clone(),
            self.state.mailer.clone(),
            self.state.settings.clone(),
        )
        .with_recaps(ctopulse::app::actions::recap::outbox_source(
            &self.state.settings,
            self.state.recaps.clone(),
        ))
        .drain()
        .await
        .expect("drain outbox")
    }

    /// The path (`/s/<token>`) of the newest email to `address`.
    pub fn link_path(&self, address: &str) -> String {
        let mails = self.mailbox.sent_to(address);
        let mail = mails
            .last()
            .unwrap_or_else(|| panic!("no email to {address}"));
        let start = mail.text.find("/s/").expect("a survey link in the email");
        mail.text[start..start + 3 + 64].to_string()
    }

    /// The newest email's link to `address` as a path with its query
    /// (`/s/<token>?lang=…&round=…`).
    pub fn emailed_link(&self, address: &str) -> String {
        let mails = self.mailbox.sent_to(address);
        let mail = mails
            .last()
            .unwrap_or_else(|| panic!("no email to {address}"));
        let start = mail.text.find("/s/").expect("a survey link in the email");
        mail.text[start..]
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_string()
    }

    /// A browser of its own (cookie jar, no redirects followed).
    pub fn browser(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_store(true)
            .build()
            .expect("client")
    }

    /// Opens the emailed link in `browser` (which keeps the round's cookie) and returns
    /// where it redirects: the form page's path.
    pub async fn follow_link(&self, browser: &reqwest::Client, address: &str) -> String {
        let res = browser
            .get(format!("{}{}", self.address, self.link_path(address)))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "the link redirects");
        let location = res.headers()["location"].to_str().unwrap().to_string();
        assert!(!location.contains("/s/"), "the token leaves the URL");
        location
    }

    /// Opens the emailed link in `browser` and returns the form page's path and CSRF token.
    pub async fn open_survey(&self, browser: &reqwest::Client, address: &str) -> (String, String) {
        let location = self.follow_link(browser, address).await;
        let page = browser
            .get(format!("{}{}", self.address, location))
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), 200);
        let body = page.text().await.unwrap();
        let marker = "name=\"csrf_token\" value=\"";
        let at = body.find(marker).expect("csrf field") + marker.len();
        (location, body[at..at + 64].to_string())
    }

    /// Posts form fields to a survey page.
    pub async fn post_form(
        &self,
        browser: &reqwest::Client,
        path: &str,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        let body = serde_urlencoded::to_string(fields).unwrap();
        browser
            .post(format!("{}{}", self.address, path))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap()
    }

    /// A fresh app with the shared roster, this quarter's CSAT round launched and its
    /// invitations sent; returns the app and the round's id.
    pub async fn csat_round_sent() -> (TestApp, String) {
        let app = TestApp::spawn().await;
        app.import_roster(ROSTER);
        let round = app.launch("internal-csat", "2026Q4");
        app.send_all().await;
        (app, round)
    }

    /// Posts the CSAT form with only the overall question answered.
    pub async fn post_overall(
        &self,
        browser: &reqwest::Client,
        form: &str,
        csrf: &str,
        value: &str,
    ) -> reqwest::Response {
        self.post_form(
            browser,
            form,
            &[("csrf_token", csrf), ("q_overall_satisfaction", value)],
        )
        .await
    }

    /// Closes and seals round `id` (as printed by the pages) now, as the admin's Close does.
    pub fn seal_now(&self, id: &str) -> ctopulse::app::rounds::SealReport {
        let answers = self.count("answers");
        let report = ctopulse::app::rounds::close_and_seal(
            &mut self.conn(),
            rid(id),
            ctopulse::clock::now(),
            "test",
        )
        .expect("close and seal");
        // The rewrite moves every answer to its response's fresh id: none lost, none left
        // pointing at a response that no longer exists (PostgreSQL has no foreign key there).
        assert_eq!(
            self.count("answers"),
            answers,
            "the seal changed the number of answers"
        );
        assert_eq!(
            self.count(
                "answers a WHERE NOT EXISTS (SELECT 1 FROM responses r WHERE r.id = a.response_id)"
            ),
            0,
            "answers without a response after the seal"
        );
        report
    }

    /// GETs an API path with a bearer token.
    pub async fn api_get(&self, token: &str, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.address))
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
    }

    /// GETs an API path with a bearer token and returns the body as text.
    pub async fn api_text(&self, token: &str, path: &str) -> String {
        self.api_get(token, path).await.text().await.unwrap()
    }

    /// GETs an API path with a bearer token and parses the body as JSON.
    pub async fn api_json(&self, token: &str, path: &str) -> serde_json::Value {
        serde_json::from_str(&self.api_text(token, path).await).expect("a JSON body")
    }

    /// Counts rows of a table.
    /// Marks every queued email sent, as the outbox worker would, without sending.
    pub fn mark_sent(&self) {
        use ctopulse::db::schema::outbox;
        use diesel::prelude::*;
        diesel::update(outbox::table.filter(outbox::status.eq("pending")))
            .set(outbox::status.eq("sent"))
            .execute(&mut *self.conn())
            .expect("mark sent");
    }

    pub fn count(&self, table: &str) -> i64 {
        use diesel::RunQueryDsl;
        #[derive(diesel::QueryableByName)]
        struct N {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        diesel::sql_query(format!("SELECT COUNT(*) AS n FROM {table}"))
            .get_result::<N>(&mut *self.conn())
            .expect("count")
            .n
    }
}

/// A round id as the API and pages print it, typed (tests take ids from responses).
pub fn rid(text: &str) -> ctopulse::domain::ids::RoundId {
    text.parse().expect("a round id")
}

/// A reminder wave as `round remind` runs it, with the default 24-hour cooldown.
pub const REMIND: ctopulse::app::rounds::ReminderRules = ctopulse::app::rounds::ReminderRules {
    cooldown: time::Duration::hours(24),
    trigger: ctopulse::domain::reminders::Trigger::Cli,
};
