//! Anonymity at the storage level (DESIGN "Anonymity" 5): what someone reading the database's
//! own files can learn. Before the seal every response id, link-token hash and answer row is
//! captured; after close, seal and scrub the raw bytes of every file of the database (SQLite:
//! the file, its WAL and shared memory; PostgreSQL: every relation file of the database,
//! tables, indexes, TOAST, free space and visibility maps) must hold none of them. While a
//! round is open, no response may share a transaction id with an invitation.

use diesel::prelude::*;

use crate::helpers::{rid, TestApp};

/// Sales staff invited; the first `ANSWERING` of them answer (as in the attack that found
/// residue: 36 responses, more link tokens than responses).
const INVITED: usize = 40;
const ANSWERING: usize = 36;

fn roster() -> String {
    let mut csv = String::from("email,name,department,locale,is_engineer,is_executive,active\n");
    for i in 0..INVITED {
        csv.push_str(&format!(
            "p{i}@acme.test,Person {i},sales,en,false,false,true\n"
        ));
    }
    // Other departments so the round has several reporting groups.
    for (i, dept) in ["bd", "marketing", "ceo", "engineering"].iter().enumerate() {
        for j in 0..5 {
            csv.push_str(&format!(
                "o{i}{j}@acme.test,Other {i}{j},{dept},en,false,false,true\n"
            ));
        }
    }
    csv
}

/// A round where most of sales answered, after invitations and one reminder wave (so some
/// people hold two links).
async fn answered_round() -> (TestApp, String) {
    let app = TestApp::spawn().await;
    app.import_roster(&roster());
    let round = app.launch("internal-csat", "2026Q4");
    app.send_all().await;
    for i in 0..ANSWERING / 2 {
        answer(&app, &format!("p{i}@acme.test"), i).await;
    }
    ctopulse::app::rounds::remind(
        &mut app.conn(),
        rid(&round),
        ctopulse::clock::now(),
        "test",
        crate::helpers::REMIND,
    )
    .expect("remind");
    app.send_all().await;
    for i in ANSWERING / 2..ANSWERING {
        answer(&app, &format!("p{i}@acme.test"), i).await;
    }
    (app, round)
}

async fn answer(app: &TestApp, who: &str, i: usize) {
    let browser = app.browser();
    let (form, csrf) = app.open_survey(&browser, who).await;
    let value = (1 + i % 5).to_string();
    let res = app
        .post_form(
            &browser,
            &form,
            &[
                ("csrf_token", csrf.as_str()),
                ("q_overall_satisfaction", value.as_str()),
            ],
        )
        .await;
    assert_eq!(res.status(), 200, "{who} answered");
}

/// Every value of a text column, as stored.
fn texts(app: &TestApp, sql: &str) -> Vec<String> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::Text)]
        v: String,
    }
    diesel::sql_query(sql)
        .load::<Row>(&mut *app.conn())
        .expect("query")
        .into_iter()
        .map(|r| r.v)
        .collect()
}

/// The bytes of every file the database keeps its data in.
fn database_bytes(app: &TestApp) -> Vec<(String, Vec<u8>)> {
    match app.db.backend() {
        ctopulse::db::Backend::Sqlite => {
            let file = app.db.url().trim_start_matches("sqlite://").to_string();
            ["", "-wal", "-shm", "-journal"]
                .iter()
                .filter_map(|suffix| {
                    let path = format!("{file}{suffix}");
                    std::fs::read(&path).ok().map(|b| (path, b))
                })
                .collect()
        }
        ctopulse::db::Backend::Postgres => {
            // Dirty shared buffers go to the files first.
            diesel::connection::SimpleConnection::batch_execute(&mut *app.conn(), "CHECKPOINT")
                .expect("checkpoint");
            let dir = texts(
                app,
                "SELECT setting AS v FROM pg_settings WHERE name = 'data_directory'",
            );
            let oid = texts(
                app,
                "SELECT oid::text AS v FROM pg_database WHERE datname = current_database()",
            );
            let base = std::path::Path::new(&dir[0]).join("base").join(&oid[0]);
            let entries = std::fs::read_dir(&base).unwrap_or_else(|e| {
                panic!(
                    "the test reads the database's files at {}: {e}",
                    base.display()
                )
            });
            entries
                .filter_map(|e| e.ok())
                .filter(|e| e.path().is_file())
                .filter_map(|e| {
                    let path = e.path();
                    std::fs::read(&path)
                        .ok()
                        .map(|b| (path.display().to_string(), b))
                })
                .collect()
        }
    }
}

/// How many of `needles` (ids and hashes: runs of hex digits and dashes) occur anywhere in
/// `files`, with where the first few were found. One pass per file over its runs of such
/// characters, so several megabytes of PostgreSQL catalog files scan in a moment.
fn found_in(files: &[(String, Vec<u8>)], needles: &[String]) -> (usize, Vec<String>) {
    let wanted: std::collections::HashSet<&[u8]> = needles.iter().map(|n| n.as_bytes()).collect();
    let lengths: std::collections::BTreeSet<usize> = needles.iter().map(String::len).collect();
    let mut seen = std::collections::BTreeMap::new();
    for (path, bytes) in files {
        for run in bytes.split(|b| !(b.is_ascii_hexdigit() || *b == b'-')) {
            for &len in &lengths {
                for window in run.windows(len) {
                    if wanted.contains(window) {
                        seen.entry(window.to_vec()).or_insert_with(|| path.clone());
                    }
                }
            }
        }
    }
    let places = seen
        .iter()
        .take(3)
        .map(|(needle, path)| format!("{} in {path}", String::from_utf8_lossy(needle)))
        .collect();
    (seen.len(), places)
}

/// What autovacuum's ANALYZE would do while the round is open: PostgreSQL keeps sampled
/// column values (most common values, histogram bounds) in `pg_statistic`, so ids could be
/// copied there; the migrations turn statistics off for the id and hash columns.
fn analyze_like_autovacuum(app: &TestApp) {
    diesel::connection::SimpleConnection::batch_execute(
        &mut *app.conn(),
        "ANALYZE responses; ANALYZE answers; ANALYZE invitation_links; ANALYZE invitations",
    )
    .expect("analyze");
}

#[tokio::test]
async fn after_the_seal_no_file_of_the_database_holds_a_pre_seal_id_or_token_hash() {
    let (app, round) = answered_round().await;
    analyze_like_autovacuum(&app);
    let response_ids = texts(&app, "SELECT id AS v FROM responses");
    let token_hashes = texts(&app, "SELECT token_hash AS v FROM invitation_links");
    assert_eq!(response_ids.len(), ANSWERING);
    assert!(
        token_hashes.len() > INVITED + 20,
        "some people got a second link: {}",
        token_hashes.len()
    );
    // Before the seal the files do hold them: the search below can find what it looks for.
    let (before, _) = found_in(&database_bytes(&app), &response_ids);
    assert!(
        before > 0,
        "the scan finds live response ids before the seal"
    );

    app.seal_now(&round);
    ctopulse::app::rounds::scrub(&mut app.conn()).expect("scrub");

    let mut files = database_bytes(&app);
    if app.db.backend() == ctopulse::db::Backend::Sqlite {
        // A backup taken after the seal (`ctopulse backup`, SQLite's VACUUM INTO).
        let dir = tempfile::tempdir().expect("temp dir");
        let copy = dir.path().join("backup.db");
        ctopulse::app::setup::backup_sqlite(&mut app.conn(), copy.to_str().expect("utf-8"))
            .expect("backup");
        files.push((
            copy.display().to_string(),
            std::fs::read(&copy).expect("backup file"),
        ));
    }
    let (ids_left, id_places) = found_in(&files, &response_ids);
    let (hashes_left, hash_places) = found_in(&files, &token_hashes);
    assert_eq!(
        (ids_left, hashes_left),
        (0, 0),
        "pre-seal response ids / token hashes left in the files: {id_places:?} {hash_places:?}"
    );
    // The sealed responses are all there, under fresh ids.
    let sealed = texts(&app, "SELECT id AS v FROM responses");
    assert_eq!(sealed.len(), ANSWERING);
    assert!(sealed.iter().all(|id| !response_ids.contains(id)));
}

/// PostgreSQL keeps the transaction id that wrote each row version (`xmin`). The responded
/// invitations must not keep the order in which people answered: after the seal they share
/// one transaction id and lie in storage in the order of their random ids.
#[tokio::test]
async fn after_the_seal_invitations_keep_no_answer_order() {
    let (app, round) = answered_round().await;
    if app.db.backend() != ctopulse::db::Backend::Postgres {
        return; // SQLite updates rows in place and has no transaction ids.
    }
    app.seal_now(&round);
    ctopulse::app::rounds::scrub(&mut app.conn()).expect("scrub");
    let xmins = texts(
        &app,
        &format!("SELECT DISTINCT xmin::text AS v FROM invitations WHERE round_id = '{round}'"),
    );
    assert_eq!(
        xmins.len(),
        1,
        "one transaction id for the round's invitations: {xmins:?}"
    );
    let stored = texts(
        &app,
        &format!("SELECT id AS v FROM invitations WHERE round_id = '{round}' ORDER BY ctid"),
    );
    let mut by_id = stored.clone();
    by_id.sort();
    assert_eq!(stored, by_id, "invitations lie in the order of their ids");
}

/// While a round is open: `SELECT … FROM responses r JOIN invitations i ON i.xmin = r.xmin`
/// paired every response with its respondent when one transaction wrote both.
#[tokio::test]
async fn while_open_no_response_shares_a_transaction_id_with_an_invitation() {
    let (app, _round) = answered_round().await;
    if app.db.backend() != ctopulse::db::Backend::Postgres {
        return; // SQLite has no transaction ids in its rows.
    }
    let joined = texts(
        &app,
        "SELECT count(*)::text AS v FROM responses r JOIN invitations i ON i.xmin = r.xmin",
    );
    assert_eq!(joined, vec!["0".to_string()]);
    let linked = texts(
        &app,
        "SELECT count(*)::text AS v FROM responses r JOIN invitation_links l ON l.xmin = r.xmin",
    );
    assert_eq!(linked, vec!["0".to_string()]);
    // Every answer is stored once and every answerer is marked.
    assert_eq!(app.count("responses"), ANSWERING as i64);
    assert_eq!(
        texts(
            &app,
            "SELECT count(*)::text AS v FROM invitations WHERE responded"
        ),
        vec![ANSWERING.to_string()]
    );
}

/// PostgreSQL's rewrite copies a deleted row into the new files while any transaction might
/// still see it, so the scrub waits for transactions older than the seal (a report, a
/// pg_dump), and gives up, leaving the round pending, when they outlast its patience.
#[tokio::test]
async fn the_scrub_waits_for_transactions_that_began_before_the_seal() {
    use diesel::connection::SimpleConnection;
    let (app, round) = answered_round().await;
    if app.db.backend() != ctopulse::db::Backend::Postgres {
        return; // SQLite's VACUUM takes the write lock and copies only committed rows
    }
    let response_ids = texts(&app, "SELECT id AS v FROM responses");
    let mut reader = diesel::PgConnection::establish(app.db.url()).expect("reader");
    reader
        .batch_execute("BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT count(*) FROM responses")
        .expect("a snapshot from before the seal");
    app.seal_now(&round);

    let held =
        ctopulse::db::seal::scrub_within(&mut app.conn(), std::time::Duration::from_millis(300));
    assert!(
        matches!(held, Err(ctopulse::db::DbError::OlderSnapshotsOpen(_))),
        "{held:?}"
    );
    let pending = texts(
        &app,
        "SELECT count(*)::text AS v FROM rounds WHERE scrub_pending",
    );
    assert_eq!(pending, vec!["1".to_string()], "the round stays pending");

    let release = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(1000));
        reader.batch_execute("COMMIT").expect("commit");
    });
    let started = std::time::Instant::now();
    assert_eq!(
        ctopulse::app::rounds::scrub(&mut app.conn()).expect("scrub"),
        1
    );
    assert!(
        started.elapsed() >= std::time::Duration::from_millis(900),
        "the scrub waited for the older transaction"
    );
    release.join().expect("reader");
    let (left, places) = found_in(&database_bytes(&app), &response_ids);
    assert_eq!(left, 0, "{places:?}");
}
