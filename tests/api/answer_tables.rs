//! Where answers are stored (see `db::answer_tables`): every answer names its response's
//! round; on PostgreSQL each round's answers sit in a table of their own, which the seal
//! replaces and a purge empties; the migration that introduced this keeps every answer.

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use crate::helpers::{rid, TestApp, TestDb};
use ctopulse::db::Backend;
use ctopulse::domain::round::RoundStatus;

const ANSWERING: [&str; 5] = [
    "s1@acme.test",
    "s2@acme.test",
    "s3@acme.test",
    "e1@acme.test",
    "e2@acme.test",
];

async fn answer_all(app: &TestApp) {
    for (i, who) in ANSWERING.iter().enumerate() {
        let browser = app.browser();
        let (form, csrf) = app.open_survey(&browser, who).await;
        let value = (1 + i % 5).to_string();
        let res = app.post_overall(&browser, &form, &csrf, &value).await;
        assert_eq!(res.status(), 200, "{who} answered");
    }
}

#[derive(QueryableByName)]
struct N {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct Text {
    #[diesel(sql_type = diesel::sql_types::Text)]
    t: String,
}

fn count(app: &TestApp, sql: &str) -> i64 {
    diesel::sql_query(sql)
        .get_result::<N>(&mut *app.conn())
        .expect(sql)
        .n
}

/// The round's own answers table on PostgreSQL.
fn table_of(round: &str) -> String {
    format!("answers_{}", round.replace('-', ""))
}

/// The file of `table` (PostgreSQL), which a rewrite changes.
fn file_of(app: &TestApp, table: &str) -> String {
    diesel::sql_query(format!(
        "SELECT pg_relation_filepath('{table}'::regclass) AS t"
    ))
    .get_result::<Text>(&mut *app.conn())
    .expect("file")
    .t
}

/// Answers that name a round other than their response's: none, before and after the seal.
fn misfiled(app: &TestApp) -> i64 {
    count(
        app,
        "SELECT COUNT(*) AS n FROM answers a JOIN responses r ON r.id = a.response_id \
         WHERE a.round_id <> r.round_id",
    )
}

#[tokio::test]
async fn the_seal_replaces_the_rounds_answers_table_and_keeps_every_answer() {
    let (app, round) = TestApp::csat_round_sent().await;
    answer_all(&app).await;
    let held = app.count("answers");
    assert!(held >= ANSWERING.len() as i64, "{held} answers stored");
    assert_eq!(misfiled(&app), 0);
    let pg = app.db.backend() == Backend::Postgres;
    let before = pg.then(|| {
        let n = count(
            &app,
            &format!("SELECT COUNT(*) AS n FROM {}", table_of(&round)),
        );
        assert_eq!(n, held, "every answer in the round's own table");
        file_of(&app, &table_of(&round))
    });

    app.seal_now(&round);

    assert_eq!(app.count("answers"), held, "none lost, none doubled");
    assert_eq!(misfiled(&app), 0);
    if let Some(before) = before {
        let table = table_of(&round);
        assert_ne!(
            file_of(&app, &table),
            before,
            "a new table, the old one dropped"
        );
        assert_eq!(
            count(&app, &format!("SELECT COUNT(*) AS n FROM {table}")),
            held
        );
        assert_eq!(app.count("answers_default"), 0);
        // Still one partition of answers: the parent's key and bound hold for it.
        assert_eq!(
            count(
                &app,
                &format!(
                    "SELECT COUNT(*) AS n FROM pg_inherits i \
                     WHERE i.inhrelid = '{table}'::regclass AND i.inhparent = 'answers'::regclass"
                )
            ),
            1
        );
    }
}

/// A round with no table of its own (made by hand, or lost): its answers are taken by the
/// default partition, not refused, and the seal moves them into the round's new table.
#[tokio::test]
async fn answers_of_a_round_without_its_table_are_kept_and_sealed_into_one() {
    let (app, round) = TestApp::csat_round_sent().await;
    if app.db.backend() != Backend::Postgres {
        return;
    }
    app.conn()
        .batch_execute(&format!("DROP TABLE {}", table_of(&round)))
        .expect("drop the round's table");
    answer_all(&app).await;
    let held = app.count("answers_default");
    assert!(held >= ANSWERING.len() as i64);

    app.seal_now(&round);

    assert_eq!(app.count("answers_default"), 0, "moved out of the default");
    assert_eq!(
        count(
            &app,
            &format!("SELECT COUNT(*) AS n FROM {}", table_of(&round))
        ),
        held
    );
    assert_eq!(misfiled(&app), 0);
}

/// Two seals at once, of rounds that both hold answers: each reads answers and then swaps
/// its table, which takes `answers` exclusively; without one seal waiting for the other
/// PostgreSQL finds a deadlock and aborts one of them.
#[tokio::test]
async fn two_rounds_sealed_at_once_both_seal() {
    use ctopulse::db::survey;
    let (app, csat) = TestApp::csat_round_sent().await;
    let now = ctopulse::clock::now();
    let overall = |v: i32| ctopulse::domain::survey_form::AnswerValue {
        question_key: "overall_satisfaction".into(),
        value: Some(v),
        not_applicable: false,
        text: None,
    };
    let answer_round = |round: &str, people: &[&str]| {
        for (i, who) in people.iter().enumerate() {
            let hash = ctopulse::tokens::hash(&app.link_path(who)[3..]);
            let stored = survey::submit(
                &mut app.conn(),
                rid(round),
                &hash,
                &[overall(1 + i as i32 % 5)],
                now,
            )
            .expect("submit");
            assert_eq!(stored, survey::Submitted::Stored, "{who}");
        }
    };
    answer_round(&csat, &ANSWERING);
    let culture = app.launch("engineering-culture", "2026Q4");
    app.send_all().await;
    answer_round(&culture, &["e1@acme.test", "e3@acme.test", "e4@acme.test"]);
    let held = app.count("answers");

    let start = std::sync::Barrier::new(2);
    let sealed: Vec<_> = std::thread::scope(|s| {
        let seals: Vec<_> = [&csat, &culture]
            .into_iter()
            .map(|round| {
                let (app, start) = (&app, &start);
                s.spawn(move || {
                    let mut conn = app.conn();
                    start.wait();
                    ctopulse::app::rounds::close_and_seal(&mut conn, rid(round), now, "test")
                        .map(|_| ())
                        .map_err(|e| e.to_string())
                })
            })
            .collect();
        seals.into_iter().map(|h| h.join().expect("seal")).collect()
    });
    assert_eq!(sealed, vec![Ok(()), Ok(())]);
    assert_eq!(app.count("answers"), held);
    assert_eq!(misfiled(&app), 0);
}

/// PostgreSQL: the seal swaps the round's answers table in as its last step, and waits only
/// a few seconds for a session that is reading answers (a backup, say) — while it waits,
/// every submission queues behind it. Then it gives up, changes nothing, and says why; once
/// the reader has ended, it seals.
#[tokio::test]
async fn a_seal_gives_way_to_a_long_reader_of_answers_and_changes_nothing() {
    use ctopulse::db::answer_tables::SWAP_LOCK_WAIT_SECONDS;
    let (app, round) = TestApp::csat_round_sent().await;
    if app.db.backend() != Backend::Postgres {
        return;
    }
    answer_all(&app).await;
    let ids = |app: &TestApp| -> Vec<String> {
        diesel::sql_query("SELECT id AS t FROM responses ORDER BY id")
            .load::<Text>(&mut *app.conn())
            .expect("ids")
            .into_iter()
            .map(|r| r.t)
            .collect()
    };
    let (before, held, file) = (
        ids(&app),
        app.count("answers"),
        file_of(&app, &table_of(&round)),
    );

    // A reader in the middle of a long transaction over answers, as `pg_dump` is.
    let mut reader = diesel::PgConnection::establish(app.db.url()).expect("reader");
    reader
        .batch_execute("BEGIN; SELECT COUNT(*) FROM answers")
        .expect("read");
    let started = std::time::Instant::now();
    let refused = ctopulse::app::rounds::close_and_seal(
        &mut app.conn(),
        rid(&round),
        ctopulse::clock::now(),
        "test",
    )
    .expect_err("the seal waits for the reader, then gives up");
    let waited = started.elapsed();
    assert!(
        refused.to_string().contains("reading the answers"),
        "{refused}"
    );
    assert!(
        waited >= std::time::Duration::from_secs(SWAP_LOCK_WAIT_SECONDS)
            && waited < std::time::Duration::from_secs(SWAP_LOCK_WAIT_SECONDS + 20),
        "waited {waited:?}"
    );
    // Nothing changed: still open, same ids, same answers in the same table.
    let status = |app: &TestApp| {
        ctopulse::app::rounds::get(&mut app.conn(), rid(&round))
            .expect("round")
            .status
    };
    assert_eq!(status(&app), RoundStatus::Open);
    assert_eq!(ids(&app), before);
    assert_eq!(app.count("answers"), held);
    assert_eq!(file_of(&app, &table_of(&round)), file);

    reader.batch_execute("COMMIT").expect("reader ends");
    app.seal_now(&round);
    assert_eq!(status(&app), RoundStatus::Sealed);
    let after = ids(&app);
    assert_eq!(after.len(), before.len());
    assert!(after.iter().all(|id| !before.contains(id)), "fresh ids");
    assert_eq!(app.count("answers"), held);
    assert_ne!(file_of(&app, &table_of(&round)), file);
}

/// A round nobody answered: on PostgreSQL its table is emptied at the seal, so whatever a
/// failed store left in it goes with it (the scrub no longer rewrites round tables).
#[tokio::test]
async fn the_seal_of_a_round_nobody_answered_renews_its_table() {
    let (app, round) = TestApp::csat_round_sent().await;
    let before = (app.db.backend() == Backend::Postgres).then(|| file_of(&app, &table_of(&round)));
    app.seal_now(&round);
    if let Some(before) = before {
        assert_ne!(file_of(&app, &table_of(&round)), before);
    }
    assert_eq!(app.count("answers"), 0);
}

#[tokio::test]
async fn a_purge_empties_the_rounds_answers_table() {
    let (app, round) = TestApp::csat_round_sent().await;
    answer_all(&app).await;
    app.seal_now(&round);
    let pg = app.db.backend() == Backend::Postgres;
    let before = pg.then(|| file_of(&app, &table_of(&round)));
    let mut conn = app.conn();
    let counts = ctopulse::db::retention::raw_counts(&mut conn, rid(&round)).expect("counts");
    assert_eq!(counts.answers, app.count("answers"));
    ctopulse::db::retention::purge(&mut conn, rid(&round), counts, ctopulse::clock::now())
        .expect("purge");
    drop(conn);
    assert_eq!(app.count("answers"), 0);
    if let Some(before) = before {
        // Truncated: new files, the old ones (every answer row) unlinked.
        assert_ne!(file_of(&app, &table_of(&round)), before);
        assert_eq!(
            count(
                &app,
                &format!("SELECT COUNT(*) AS n FROM {}", table_of(&round))
            ),
            0
        );
    }
}

const SQLITE: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES: EmbeddedMigrations = embed_migrations!("migrations/postgres");
const BY_ROUND: &str = "20261213000001";

/// Runs migrations up to, not including, `BY_ROUND`; then the rest.
fn migrate_around<DB, C>(
    conn: &mut C,
    source: fn() -> EmbeddedMigrations,
    between: impl FnOnce(&mut C),
) where
    DB: diesel::backend::Backend,
    C: MigrationHarness<DB>,
    EmbeddedMigrations: diesel::migration::MigrationSource<DB>,
{
    loop {
        let pending = conn.pending_migrations(source()).expect("pending");
        let Some(next) = pending.first() else {
            panic!("no migration {BY_ROUND}");
        };
        if next.name().version().to_string() == BY_ROUND {
            break;
        }
        conn.run_next_migration(source()).expect("migrate");
    }
    between(conn);
    conn.run_pending_migrations(source())
        .expect("migrate the rest");
}

/// Two rounds with answers, as a database written before answers named their round holds them.
const OLD_ROWS: &str = "
INSERT INTO rounds (id, template_key, template_version, template_content, template_hash, quarter,
  audience, status, closes_on, closes_at, k, comment_threshold, reporting_groups, weights,
  created_at, scrub_pending)
VALUES
 ('11111111-1111-4111-8111-111111111111', 'internal-csat', 1, 'x', 'h', '2026Q3', 'everyone',
  'sealed', '2026-09-30', '2026-09-30 17:00:00', 5, 10, '[]', '{}', '2026-07-01 00:00:00', false),
 ('22222222-2222-4222-8222-222222222222', 'internal-csat', 1, 'x', 'h', '2026Q4', 'everyone',
  'open', '2026-12-30', '2026-12-30 17:00:00', 5, 10, '[]', '{}', '2026-10-01 00:00:00', false);
INSERT INTO responses (id, round_id, reporting_group) VALUES
 ('aaaaaaaa-0000-4000-8000-000000000001', '11111111-1111-4111-8111-111111111111', 'sales'),
 ('aaaaaaaa-0000-4000-8000-000000000002', '11111111-1111-4111-8111-111111111111', 'sales'),
 ('bbbbbbbb-0000-4000-8000-000000000001', '22222222-2222-4222-8222-222222222222', 'sales');
INSERT INTO answers (response_id, question_key, value, not_applicable, text) VALUES
 ('aaaaaaaa-0000-4000-8000-000000000001', 'overall_satisfaction', 4, false, NULL),
 ('aaaaaaaa-0000-4000-8000-000000000001', 'comment', NULL, false, 'fine'),
 ('aaaaaaaa-0000-4000-8000-000000000002', 'overall_satisfaction', 2, false, NULL),
 ('bbbbbbbb-0000-4000-8000-000000000001', 'overall_satisfaction', 5, false, NULL);
";

#[test]
fn the_migration_gives_every_existing_answer_its_round() {
    let db = TestDb::new();
    let url = ctopulse::config::DatabaseUrl::parse(db.url()).expect("url");
    let pool = ctopulse::db::connect(&url).expect("connect");
    let mut conn = ctopulse::db::pool::checkout(&pool).expect("conn");
    let seed = |c: &mut dyn SimpleConnection| c.batch_execute(OLD_ROWS).expect("old rows");
    match &mut *conn {
        ctopulse::db::DbConnection::Sqlite(c) => migrate_around(c, || SQLITE, |c| seed(c)),
        ctopulse::db::DbConnection::Pg(c) => migrate_around(c, || POSTGRES, |c| seed(c)),
    }
    let rows: Vec<(String, String, Option<String>)> = ctopulse::db::schema::answers::table
        .select((
            ctopulse::db::schema::answers::response_id,
            ctopulse::db::schema::answers::round_id,
            ctopulse::db::schema::answers::text,
        ))
        .order((
            ctopulse::db::schema::answers::response_id,
            ctopulse::db::schema::answers::question_key,
        ))
        .load(&mut *conn)
        .expect("answers");
    let sealed = "11111111-1111-4111-8111-111111111111".to_string();
    let open = "22222222-2222-4222-8222-222222222222".to_string();
    assert_eq!(
        rows,
        vec![
            (
                "aaaaaaaa-0000-4000-8000-000000000001".into(),
                sealed.clone(),
                Some("fine".into())
            ),
            (
                "aaaaaaaa-0000-4000-8000-000000000001".into(),
                sealed.clone(),
                None
            ),
            (
                "aaaaaaaa-0000-4000-8000-000000000002".into(),
                sealed.clone(),
                None
            ),
            (
                "bbbbbbbb-0000-4000-8000-000000000001".into(),
                open.clone(),
                None
            ),
        ]
    );
    if db.backend() == Backend::Postgres {
        for (round, n) in [(&sealed, 3), (&open, 1)] {
            let held = diesel::sql_query(format!("SELECT COUNT(*) AS n FROM {}", table_of(round)))
                .get_result::<N>(&mut *conn)
                .expect("round table")
                .n;
            assert_eq!(held, n, "round {round} in its own table");
        }
    }
}
