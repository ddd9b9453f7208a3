//! Both migration sets and `schema.rs` describe the same tables, columns, types and
//! nullability.

use std::collections::BTreeMap;

use crate::helpers::{replace_db_name, TestDb};
use ctopulse::config::DatabaseUrl;
use ctopulse::db;
use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::sql_types::{Bool, Text};
use diesel::{Connection, QueryableByName, RunQueryDsl};

/// table → column → (type class, nullable)
type Shape = BTreeMap<String, BTreeMap<String, (String, bool)>>;

#[derive(QueryableByName)]
struct Col {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Text)]
    data_type: String,
    #[diesel(sql_type = Bool)]
    nullable: bool,
}

fn class(sql_type: &str) -> String {
    let t = sql_type.to_ascii_lowercase();
    let c = match t.as_str() {
        "text" | "character varying" => "text",
        "integer" => "integer",
        "bigint" => "bigint",
        "boolean" => "boolean",
        "double" | "double precision" | "real" => "double",
        "timestamp" | "timestamp without time zone" => "timestamp",
        "date" => "date",
        other => other,
    };
    c.to_string()
}

fn shape_of(rows: Vec<Col>) -> Shape {
    let mut shape = Shape::new();
    for c in rows {
        if c.table_name.starts_with("__diesel") {
            continue;
        }
        shape
            .entry(c.table_name)
            .or_default()
            .insert(c.column_name, (class(&c.data_type), c.nullable));
    }
    shape
}

fn sqlite_shape() -> Shape {
    let dir = tempfile::tempdir().unwrap();
    let url = DatabaseUrl::Sqlite(dir.path().join("parity.db"));
    let pool = db::connect(&url).unwrap();
    let mut conn = db::pool::checkout(&pool).unwrap();
    db::migrate::run(&mut conn).unwrap();
    let rows: Vec<Col> = diesel::sql_query(
        "SELECT m.name AS table_name, p.name AS column_name, p.type AS data_type, \
         (p.\"notnull\" = 0 AND p.pk = 0) AS nullable \
         FROM sqlite_master m JOIN pragma_table_info(m.name) p \
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'",
    )
    .load(&mut conn)
    .unwrap();
    shape_of(rows)
}

/// The shape `src/db/schema.rs` declares, read from its text.
fn schema_rs_shape() -> Shape {
    let text = include_str!("../../src/db/schema.rs");
    let mut shape = Shape::new();
    let mut table: Option<String> = None;
    for line in text.lines().map(str::trim) {
        if line.ends_with('{') && line.contains('(') && !line.starts_with("diesel") {
            table = line.split_whitespace().next().map(str::to_string);
        } else if line == "}" {
            table = None;
        } else if let (Some(t), Some((col, ty))) = (&table, line.split_once("->")) {
            let ty = ty.trim().trim_end_matches(',');
            let (inner, nullable) = match ty.strip_prefix("Nullable<") {
                Some(rest) => (rest.trim_end_matches('>'), true),
                None => (ty, false),
            };
            let sql = match inner {
                "Text" => "text",
                "Integer" => "integer",
                "BigInt" => "bigint",
                "Bool" => "boolean",
                "Double" => "double",
                "Timestamp" => "timestamp",
                "Date" => "date",
                other => panic!("schema.rs uses {other}; add it to this test"),
            };
            shape
                .entry(t.clone())
                .or_default()
                .insert(col.trim().to_string(), (sql.to_string(), nullable));
        }
    }
    shape
}

#[test]
fn schema_rs_matches_the_sqlite_migrations() {
    let sqlite = sqlite_shape();
    let declared = schema_rs_shape();
    assert_eq!(
        declared.len(),
        34,
        "every table of DESIGN's data model, plus group_tallies, sealed_comments, round_purges, \
         driver_analyses, driver_items, actions, action_texts, the four time_* tables of the \
         time split, schedules, schedule_steps and reminder_waves, and oidc_logins"
    );
    assert_eq!(sqlite, declared);
}

#[test]
fn postgres_migrations_match_the_sqlite_migrations() {
    let Ok(admin) = std::env::var("TEST_DATABASE_URL") else {
        eprintln!("skipped: set TEST_DATABASE_URL to a PostgreSQL server to compare backends");
        return;
    };
    if !admin.starts_with("postgres") {
        eprintln!("skipped: TEST_DATABASE_URL is not PostgreSQL");
        return;
    }
    let test_db = TestDb::new();
    let url = DatabaseUrl::parse(test_db.url()).unwrap();
    let pool = db::connect(&url).unwrap();
    let mut conn = db::pool::checkout(&pool).unwrap();
    db::migrate::run(&mut conn).unwrap();
    let rows: Vec<Col> = diesel::sql_query(
        "SELECT table_name::text AS table_name, column_name::text AS column_name, \
         data_type::text AS data_type, (is_nullable = 'YES') AS nullable \
         FROM information_schema.columns c WHERE table_schema = 'public' \
         AND NOT EXISTS (SELECT 1 FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhrelid \
                         WHERE p.relname = c.table_name)",
    )
    .load(&mut conn)
    .unwrap();
    assert_eq!(shape_of(rows), sqlite_shape());
    // And the test database really is separate from the admin one.
    assert_ne!(replace_db_name(&admin, "x"), admin);
    let mut admin_conn = PgConnection::establish(&admin).unwrap();
    admin_conn.batch_execute("SELECT 1").unwrap();
}
