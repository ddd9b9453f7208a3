//! Set-up shared by the database-scale benchmarks: the scale company (`bench_data`) on
//! SQLite, cached as a file under the target folder keyed by size and schema, and on
//! PostgreSQL, in a database named for its size that is reused while its marker matches.
//! Also the application state and signed-in staff sessions for in-process requests.
//!
//! `BENCH_EMPLOYEES` sets the company size (default 10,000); `BENCH_DATABASE_URL` the
//! PostgreSQL admin connection (default postgres://postgres@127.0.0.1:5432/test);
//! `BENCH_BACKENDS=sqlite` or `=postgres` runs one backend only.

#![allow(dead_code)]

pub mod bench_data;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::Connection;

use bench_data::Marker;
use ctopulse::auth::{password, Role};
use ctopulse::clock;
use ctopulse::config::{FlagOverrides, Settings};
use ctopulse::db::{self, DbConnection, DbPool};
use ctopulse::domain::email::Email;
use ctopulse::mail::{Mailer, MemoryMailbox};
use ctopulse::startup::{load_templates, prepare_database, AppState};
use ctopulse::tokens;

/// The default PostgreSQL admin connection.
pub const DEFAULT_PG: &str = "postgres://postgres@127.0.0.1:5432/test";

/// One backend holding the scale company.
pub struct Bench {
    pub label: &'static str,
    pub pool: DbPool,
    pub settings: Settings,
    pub marker: Marker,
}

impl Bench {
    /// A pooled connection.
    pub fn conn(&self) -> db::PooledConn {
        db::pool::checkout(&self.pool).unwrap_or_else(|e| panic!("{}: checkout: {e}", self.label))
    }

    /// The state the server would build over this database (mail stays in memory).
    pub fn state(&self) -> AppState {
        let templates = load_templates(&self.settings).unwrap_or_else(|e| panic!("{e}"));
        let mailer = Mailer::memory(MemoryMailbox::default(), &self.settings.mail.from)
            .unwrap_or_else(|e| panic!("{e}"));
        AppState::new(
            self.pool.clone(),
            Arc::new(self.settings.clone()),
            Arc::new(templates),
            mailer,
        )
    }
}

/// Company size for this run.
pub fn employees() -> usize {
    std::env::var("BENCH_EMPLOYEES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(bench_data::DEFAULT_EMPLOYEES)
}

/// Every backend to measure: SQLite always, PostgreSQL when a server answers.
pub fn backends() -> Vec<Bench> {
    let n = employees();
    let only = std::env::var("BENCH_BACKENDS").unwrap_or_default();
    let mut out = Vec::new();
    if only.is_empty() || only.contains("sqlite") {
        out.push(sqlite(n));
    }
    if only.is_empty() || only.contains("postgres") {
        if let Some(b) = postgres(n) {
            out.push(b);
        }
    }
    out
}

/// Settings as the service would load them, over `url`, with mail in memory.
pub fn settings_for(url: &str) -> Settings {
    let env: HashMap<&str, String> = HashMap::from([
        ("CTOPULSE_DATABASE_URL", url.to_string()),
        ("CTOPULSE_BIND", "127.0.0.1:0".to_string()),
        ("CTOPULSE_MAIL_TRANSPORT", "memory".to_string()),
    ]);
    let lookup = move |k: &str| env.get(k).cloned();
    Settings::load(None, &lookup, &FlagOverrides::default())
        .unwrap_or_else(|e| panic!("bench settings: {e}"))
}

/// target/ (or CARGO_TARGET_DIR): the bench binary lives in target/<profile>/deps/.
fn target_dir() -> PathBuf {
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.ancestors().nth(3).map(Path::to_path_buf))
        .unwrap_or_else(|| PathBuf::from("target"))
}

fn remove_sqlite(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

fn prepare(label: &str, url: &str) -> (Settings, DbPool) {
    let settings = settings_for(url);
    let pool = prepare_database(&settings).unwrap_or_else(|e| panic!("{label}: {e}"));
    (settings, pool)
}

fn fingerprint(label: &str, pool: &DbPool) -> String {
    let mut conn = db::pool::checkout(pool).unwrap_or_else(|e| panic!("{label}: {e}"));
    bench_data::schema_fingerprint(&mut conn).unwrap_or_else(|e| panic!("{label}: {e}"))
}

fn usable(marker: Option<Marker>, n: usize, fp: &str) -> Option<Marker> {
    marker.filter(|m| {
        m.employees == n as i64
            && m.generator == bench_data::GENERATOR_VERSION
            && m.schema_fingerprint == fp
    })
}

fn build(label: &'static str, settings: Settings, pool: DbPool, n: usize) -> Bench {
    eprintln!("{label}: building the scale company of {n} employees (cached for later runs)…");
    let templates = load_templates(&settings).unwrap_or_else(|e| panic!("{e}"));
    let t0 = Instant::now();
    let report = {
        let mut conn = db::pool::checkout(&pool).unwrap_or_else(|e| panic!("{label}: {e}"));
        let r = bench_data::build(&mut conn, &settings, &templates, n, clock::now())
            .unwrap_or_else(|e| panic!("{label}: building the scale company: {e}"));
        if let DbConnection::Pg(_) = &*conn {
            // A long-running server has statistics (autovacuum analyses); start from there.
            conn.batch_execute("VACUUM ANALYZE")
                .unwrap_or_else(|e| panic!("{label}: analyse: {e}"));
        }
        r
    };
    eprintln!(
        "{label}: built {} employees, {} sealed rounds, {} answers, {} HR events in {:.1} s",
        report.employees,
        report.sealed_rounds,
        report.answers,
        report.hr_events,
        t0.elapsed().as_secs_f64()
    );
    let marker =
        bench_data::marker(&mut db::pool::checkout(&pool).unwrap_or_else(|e| panic!("{e}")))
            .unwrap_or_else(|| panic!("{label}: the build left no marker"));
    Bench {
        label,
        pool,
        settings,
        marker,
    }
}

fn announce(b: &Bench, how: &str) {
    eprintln!(
        "{}: {how} scale company: {} employees, {} answers in sealed rounds (built in {:.1} s)",
        b.label,
        b.marker.employees,
        b.marker.answers,
        b.marker.built_ms as f64 / 1000.0
    );
}

/// The company on SQLite: target/ctopulse-bench/scale-<N>-<schema>.db, built once.
pub fn sqlite(n: usize) -> Bench {
    let dir = target_dir().join("ctopulse-bench");
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    // The schema as the migrations make it today names the cache file.
    let probe = dir.join(format!("probe-{}.db", std::process::id()));
    let fp = {
        let (_, pool) = prepare("sqlite", &format!("sqlite://{}", probe.display()));
        fingerprint("sqlite", &pool)
    };
    remove_sqlite(&probe);
    let path = dir.join(format!("scale-{n}-{fp}.db"));
    let url = format!("sqlite://{}", path.display());
    if path.exists() {
        let (settings, pool) = prepare("sqlite", &url);
        let found =
            bench_data::marker(&mut db::pool::checkout(&pool).unwrap_or_else(|e| panic!("{e}")));
        if let Some(marker) = usable(found, n, &fp) {
            let b = Bench {
                label: "sqlite",
                pool,
                settings,
                marker,
            };
            announce(&b, &format!("reusing {}:", path.display()));
            return b;
        }
        drop(pool);
        remove_sqlite(&path);
    }
    let (settings, pool) = prepare("sqlite", &url);
    let b = build("sqlite", settings, pool, n);
    announce(&b, "new");
    b
}

fn pg_url(admin: &str, name: &str) -> String {
    let (base, query) = match admin.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (admin, None),
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

/// Drops and creates database `name` (separate statements: neither runs in a transaction).
fn recreate(conn: &mut PgConnection, name: &str) {
    for sql in [
        format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
        format!("CREATE DATABASE {name}"),
    ] {
        conn.batch_execute(&sql)
            .unwrap_or_else(|e| panic!("postgres: {sql}: {e}"));
    }
}

/// The company on PostgreSQL: database ctopulse_bench_<N>, reused while its marker matches;
/// None (with a note) when no server answers.
pub fn postgres(n: usize) -> Option<Bench> {
    let admin = std::env::var("BENCH_DATABASE_URL").unwrap_or_else(|_| DEFAULT_PG.to_string());
    let timeout = if admin.contains('?') {
        "&connect_timeout=3"
    } else {
        "?connect_timeout=3"
    };
    let mut conn = match PgConnection::establish(&format!("{admin}{timeout}")) {
        Ok(c) => c,
        Err(e) => {
            eprintln!(
                "postgres: skipped — no server answers at {} ({})",
                ctopulse::config::mask_url_password(&admin),
                e.to_string().trim()
            );
            return None;
        }
    };
    let probe = format!("ctopulse_bench_probe_{}", std::process::id());
    recreate(&mut conn, &probe);
    let fp = {
        let (_, pool) = prepare("postgres", &pg_url(&admin, &probe));
        fingerprint("postgres", &pool)
    };
    conn.batch_execute(&format!("DROP DATABASE IF EXISTS {probe} WITH (FORCE)"))
        .unwrap_or_else(|e| panic!("postgres: drop {probe}: {e}"));
    let name = format!("ctopulse_bench_{n}");
    let url = pg_url(&admin, &name);
    let exists = {
        use diesel::prelude::*;
        use diesel::sql_types::Text;
        #[derive(QueryableByName)]
        struct Db {
            #[diesel(sql_type = Text)]
            #[allow(dead_code)]
            datname: String,
        }
        diesel::sql_query("SELECT datname FROM pg_database WHERE datname = $1")
            .bind::<Text, _>(&name)
            .load::<Db>(&mut conn)
            .map(|v| !v.is_empty())
            .unwrap_or(false)
    };
    if exists {
        let (settings, pool) = prepare("postgres", &url);
        let found =
            bench_data::marker(&mut db::pool::checkout(&pool).unwrap_or_else(|e| panic!("{e}")));
        if let Some(marker) = usable(found, n, &fp) {
            let b = Bench {
                label: "postgres",
                pool,
                settings,
                marker,
            };
            announce(&b, &format!("reusing database {name}:"));
            return Some(b);
        }
        drop(pool);
    }
    recreate(&mut conn, &name);
    let (settings, pool) = prepare("postgres", &url);
    let b = build("postgres", settings, pool, n);
    announce(&b, "new");
    Some(b)
}

/// A signed-in staff session of `role` (account created on first use), as the Cookie header
/// value the browser would send.
pub fn staff_cookie(b: &Bench, role: Role) -> String {
    let mut conn = b.conn();
    let email = format!("bench-{}@{}", role.as_str(), bench_data::DOMAIN);
    let user = match db::users::find_by_email(&mut conn, &email).unwrap_or_else(|e| panic!("{e}")) {
        Some(u) => u.id,
        None => {
            let hash = password::hash(&tokens::new_token()).unwrap_or_else(|e| panic!("{e}"));
            let parsed = Email::parse(&email).unwrap_or_else(|e| panic!("{e}"));
            ctopulse::app::accounts::create_user(
                &mut conn,
                &parsed,
                role,
                &hash,
                "bench",
                clock::now(),
            )
            .unwrap_or_else(|e| panic!("{e}"))
        }
    };
    let token = tokens::new_token();
    db::sessions::create(
        &mut conn,
        &tokens::hash(&token),
        &user,
        &tokens::new_token(),
        ctopulse::auth::session::SessionTimes::starting(clock::now()),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    format!(
        "{}={token}",
        ctopulse::auth::session::cookie_name(b.settings.is_https())
    )
}

/// Load average now (1, 5, 15 minutes), for the record.
pub fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}
