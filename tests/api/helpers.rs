//! TestApp: the real application on port 0 against a fresh database.

use std::collections::HashMap;

use ctopulse::config::{FlagOverrides, Settings};
use ctopulse::db::{self, Backend, DbPool};
use ctopulse::startup::{prepare_database, Application};
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
        let db = TestDb::new();
        let settings = test_settings(db.url(), extra);
        let pool = prepare_database(&settings).expect("prepare test database");
        let app = Application::build_with_pool(settings.clone(), pool.clone()).expect("build app");
        let port = app.port();
        tokio::spawn(app.run_until_stopped());
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_store(true)
            .build()
            .expect("client");
        TestApp {
            address: format!("http://127.0.0.1:{port}"),
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
