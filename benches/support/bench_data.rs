//! A company at benchmark scale: N employees (10,000 by default) across the five
//! departments, eight closed quarters of all three surveys sealed through the real
//! `close_and_seal`, HR events, the inflection register, and the current quarter's CSAT
//! round open with 40 % answered.
//!
//! Rounds are created and launched through `db::rounds` and sealed through `db::seal`, so
//! invitations, outbox rows and tallies are exactly what the service writes. Only the
//! answering is a shortcut: responses and answers go in as multi-row inserts, one
//! transaction per round, instead of one `survey::submit` transaction per respondent — a
//! sealed round stores the same rows either way, and the shortcut is what makes millions of
//! answers a matter of minutes. Benchmarks and a test share this code (tests/api includes this
//! file by path); it is not part of the library, and the service never calls it.

use ctopulse::domain::ids::RoundId;
use std::time::{Duration as StdDuration, Instant};

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sha2::{Digest, Sha256};
use time::{Duration, PrimitiveDateTime};

use ctopulse::app::hr::{self, HrImportError};
use ctopulse::app::rounds::{self, NewRound, RoundError};
use ctopulse::config::Settings;
use ctopulse::db::schema::{
    answers, audit_log, driver_analyses, driver_items, employees, group_tallies, index_tallies,
    invitation_links, invitations, outbox, responses, sealed_comments, tallies,
};
use ctopulse::db::{seal, DbConnection, DbError};
use ctopulse::demo::company::department_sizes;
use ctopulse::demo::{self, DemoError};
use ctopulse::domain::department::Department;
use ctopulse::domain::quarter::Quarter;
use ctopulse::domain::question::QuestionKind;
use ctopulse::domain::template::{Template, TemplateSet};
use ctopulse::tokens;

/// Bump when the generated data changes shape, so cached databases are rebuilt.
pub const GENERATOR_VERSION: i64 = 2;
/// Employees in the benchmark company unless told otherwise.
pub const DEFAULT_EMPLOYEES: usize = 10_000;
/// Fewest employees for which every reporting group stays above k.
pub const MIN_EMPLOYEES: usize = 60;
/// Closed quarters of history (the scorecard's window).
pub const QUARTERS: usize = 8;
/// Who the audit log says created the rounds.
pub const ACTOR: &str = "bench:generator";
/// The table a finished build leaves behind (outside the product schema on purpose).
pub const MARKER_TABLE: &str = "bench_scale";
/// Email domain of the generated people (`.example` is reserved: no mail can leave for it).
pub const DOMAIN: &str = "scale.example";
/// Board members (the alignment survey's board group).
const BOARD_MEMBERS: usize = 5;
/// Rows per multi-row INSERT: 1,000 rows × 5 columns stays under SQLite's 32,766 binds.
const BATCH: usize = 1000;

const TEMPLATES: [&str; 3] = [
    "internal-csat",
    "engineering-culture",
    "tech-strategy-alignment",
];
/// Share of invitees who answer, per template (alignment groups are small: everyone answers).
const RESPONSE: [f64; 3] = [0.85, 0.85, 1.0];
/// Share of the open round answered so far.
const CURRENT_ANSWERED: f64 = 0.4;
const COMMENT_RATE: f64 = 0.12;
const NA_RATE: f64 = 0.05;
const COMMENTS: [&str; 6] = [
    "The platform team answered our integration questions within a day.",
    "Release notes arrive late; we learn about changes from customers.",
    "The new pricing engine made quoting much faster this quarter.",
    "Too many priorities at once; it is hard to know what comes first.",
    "Incident follow-ups were clear and honest.",
    "We would like a named engineering contact for our region.",
];

/// Why the company could not be built.
#[derive(Debug, thiserror::Error)]
pub enum ScaleError {
    #[error("the scale company needs at least {MIN_EMPLOYEES} employees, not {0}")]
    Size(usize),
    #[error("the database already holds employees or rounds; build into an empty database")]
    NotEmpty,
    #[error("the shipped survey template {0} is missing")]
    MissingTemplate(&'static str),
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Round(#[from] RoundError),
    #[error(transparent)]
    Demo(#[from] DemoError),
    #[error(transparent)]
    HrImport(#[from] HrImportError),
}

impl From<diesel::result::Error> for ScaleError {
    fn from(e: diesel::result::Error) -> Self {
        ScaleError::Db(e.into())
    }
}

/// What a build wrote.
#[derive(Debug, Clone)]
pub struct BuildReport {
    pub employees: usize,
    pub sealed_rounds: usize,
    /// Answers stored in the sealed rounds.
    pub answers: u64,
    pub hr_events: usize,
    /// The current quarter's open CSAT round.
    pub open_round: RoundId,
    pub elapsed: StdDuration,
}

/// What a finished build recorded in [`MARKER_TABLE`].
#[derive(Debug, Clone, PartialEq, Eq, QueryableByName)]
pub struct Marker {
    #[diesel(sql_type = BigInt)]
    pub employees: i64,
    #[diesel(sql_type = BigInt)]
    pub generator: i64,
    #[diesel(sql_type = Text)]
    pub schema_fingerprint: String,
    #[diesel(sql_type = BigInt)]
    pub answers: i64,
    #[diesel(sql_type = BigInt)]
    pub built_ms: i64,
    #[diesel(sql_type = Text)]
    pub open_round: RoundId,
}

/// The template of `key` from the set.
pub fn template<'a>(set: &'a TemplateSet, key: &'static str) -> Result<&'a Template, ScaleError> {
    set.get(key).ok_or(ScaleError::MissingTemplate(key))
}

/// The quarter after the history: its CSAT round is open. `now` decides it.
pub fn current_quarter(now: PrimitiveDateTime, settings: &Settings) -> Quarter {
    Quarter::containing(now.date(), settings.fiscal_year_start_month)
}

/// Builds the company into an empty, migrated database. Deterministic for a given
/// `employees` and `now` (apart from the random ids seal gives responses).
pub fn build(
    conn: &mut DbConnection,
    settings: &Settings,
    templates: &TemplateSet,
    employees: usize,
    now: PrimitiveDateTime,
) -> Result<BuildReport, ScaleError> {
    if employees < MIN_EMPLOYEES {
        return Err(ScaleError::Size(employees));
    }
    let started = Instant::now();
    let people: i64 = employees::table.count().get_result(conn)?;
    let rounds_n: i64 = ctopulse::db::schema::rounds::table
        .count()
        .get_result(conn)?;
    if people > 0 || rounds_n > 0 {
        return Err(ScaleError::NotEmpty);
    }
    let set = [
        template(templates, TEMPLATES[0])?,
        template(templates, TEMPLATES[1])?,
        template(templates, TEMPLATES[2])?,
    ];
    let fy = settings.fiscal_year_start_month;
    let current = current_quarter(now, settings);
    let history = current.prev().trailing(QUARTERS);
    let first_day = history
        .first()
        .map(|q| q.first_day(fy))
        .unwrap_or(now.date());
    let mut rng = StdRng::seed_from_u64(0x5CA1_E000 ^ employees as u64);

    fast_commits(conn, true)?;
    let result = (|| {
        let engineers = write_roster(
            conn,
            employees,
            PrimitiveDateTime::new(first_day, time::Time::MIDNIGHT),
            &mut rng,
        )?;
        let mut answers_total = 0u64;
        for (h, quarter) in history.iter().enumerate() {
            for (order, t) in set.iter().enumerate() {
                let launch_at = PrimitiveDateTime::new(
                    quarter.first_day(fy) + Duration::days(35 + order as i64),
                    time::macros::time!(09:00),
                );
                let round = open_round(conn, settings, t, *quarter, launch_at)?;
                let mood = Mood::for_round(h, order);
                let (_, stored) =
                    answer_round(conn, t, round, RESPONSE[order], &mood, false, &mut rng)?;
                answers_total += stored;
                let closes_at = rounds::get(conn, round)?.closes_at;
                rounds::close_and_seal(conn, round, closes_at, ACTOR)?;
                seal::scrub(conn)?;
            }
        }
        let mut hr_quarters = history
            .first()
            .copied()
            .unwrap_or(current)
            .prev()
            .trailing(demo::story::HR_LEAD_IN);
        hr_quarters.extend_from_slice(&history);
        let events = demo::history::hr_events(&hr_quarters, engineers, fy);
        hr::import(conn, &events, ACTOR, now)?;
        demo::history::write_register(conn, &history, now)?;

        // The open round went out three days ago (never before its quarter began).
        let quarter_start = PrimitiveDateTime::new(current.first_day(fy), time::Time::MIDNIGHT);
        let launch_at = (now - Duration::days(3)).max(quarter_start);
        let open = open_round(conn, settings, set[0], current, launch_at)?;
        answer_round(
            conn,
            set[0],
            open,
            CURRENT_ANSWERED,
            &Mood::for_round(QUARTERS, 0),
            true,
            &mut rng,
        )?;
        Ok::<_, ScaleError>((answers_total, events.len(), open))
    })();
    fast_commits(conn, false)?;
    let (answers_total, hr_events, open) = result?;
    let elapsed = started.elapsed();
    let fingerprint = schema_fingerprint(conn)?;
    write_marker(
        conn,
        &Marker {
            employees: employees as i64,
            generator: GENERATOR_VERSION,
            schema_fingerprint: fingerprint,
            answers: answers_total as i64,
            built_ms: elapsed.as_millis() as i64,
            open_round: open,
        },
    )?;
    Ok(BuildReport {
        employees,
        sealed_rounds: history.len() * set.len(),
        answers: answers_total,
        hr_events,
        open_round: open,
        elapsed,
    })
}

/// Trades durability for speed while generating: a crash mid-build leaves no marker, so the
/// half-built database is never reused.
fn fast_commits(conn: &mut DbConnection, on: bool) -> Result<(), DbError> {
    let sql = match (&*conn, on) {
        (DbConnection::Sqlite(_), true) => "PRAGMA synchronous = OFF",
        (DbConnection::Sqlite(_), false) => "PRAGMA synchronous = FULL",
        (DbConnection::Pg(_), true) => "SET synchronous_commit = off",
        (DbConnection::Pg(_), false) => "RESET synchronous_commit",
    };
    conn.batch_execute(sql)?;
    Ok(())
}

/// A random v4 UUID from the seeded generator, so reruns draw the same people.
fn uuid_from(rng: &mut StdRng) -> String {
    uuid::Builder::from_random_bytes(rng.random())
        .into_uuid()
        .to_string()
}

/// Writes `n` employees plus the board; returns how many are engineers.
fn write_roster(
    conn: &mut DbConnection,
    n: usize,
    at: PrimitiveDateTime,
    rng: &mut StdRng,
) -> Result<usize, ScaleError> {
    let locales = ["en", "nl", "ko"];
    let mut rows = Vec::with_capacity(n + BOARD_MEMBERS);
    let mut engineers = 0;
    let mut i = 0usize;
    for (dept, size) in department_sizes(n) {
        let executives = if dept == Department::Ceo { 3 } else { 1 };
        for j in 0..size {
            let is_executive = j < executives;
            let is_engineer =
                dept == Department::Engineering && (is_executive || rng.random_bool(0.88));
            engineers += usize::from(is_engineer);
            rows.push((
                employees::id.eq(uuid_from(rng)),
                employees::email.eq(format!("e{i:06}@{DOMAIN}")),
                employees::name.eq(format!("Employee {i}")),
                employees::department.eq(dept.key().to_string()),
                employees::locale.eq(locales[i % locales.len()].to_string()),
                employees::is_engineer.eq(is_engineer),
                employees::is_executive.eq(is_executive),
                employees::active.eq(true),
                employees::created_at.eq(at),
                employees::updated_at.eq(at),
            ));
            i += 1;
        }
    }
    for b in 0..BOARD_MEMBERS {
        rows.push((
            employees::id.eq(uuid_from(rng)),
            employees::email.eq(format!("board{b}@{DOMAIN}")),
            employees::name.eq(format!("Board Member {b}")),
            employees::department.eq("board".to_string()),
            employees::locale.eq("en".to_string()),
            employees::is_engineer.eq(false),
            employees::is_executive.eq(false),
            employees::active.eq(true),
            employees::created_at.eq(at),
            employees::updated_at.eq(at),
        ));
    }
    conn.write_transaction(|conn| {
        // 10 columns: 500 rows stay well under SQLite's bind limit.
        for chunk in rows.chunks(BATCH / 2) {
            ctopulse::insert_rows!(conn, employees::table, chunk)?;
        }
        Ok::<_, ScaleError>(())
    })?;
    Ok(engineers)
}

/// Creates and launches a round of `t` in `quarter` at `launch_at` (through `db::rounds`),
/// and marks its invitations emailed, as the outbox worker would have. Returns its id.
pub fn open_round(
    conn: &mut DbConnection,
    settings: &Settings,
    t: &Template,
    quarter: Quarter,
    launch_at: PrimitiveDateTime,
) -> Result<RoundId, ScaleError> {
    let id = rounds::create(
        conn,
        &NewRound {
            template: t,
            quarter,
            closes_on: launch_at.date() + Duration::days(14),
            k: settings.anonymity.k,
            comment_threshold: settings.anonymity.comment_threshold,
            merges: Vec::new(),
            timezone: &settings.timezone,
        },
        launch_at,
        ACTOR,
    )?;
    rounds::launch_with(conn, id, t, launch_at, ACTOR)?;
    demo::links::mark_sent(conn, id, launch_at)?;
    Ok(id)
}

/// How favourably one round's respondents answer: a per-department drift over quarters so
/// trends and statuses move.
pub struct Mood {
    favourable: [f64; 5],
}

impl Mood {
    /// The mood of template `order` in story quarter `h`.
    pub fn for_round(h: usize, order: usize) -> Mood {
        let mut favourable = [0.0; 5];
        for (d, f) in favourable.iter_mut().enumerate() {
            let phase = h as f64 * 0.9 + d as f64 * 1.3 + order as f64 * 0.7;
            *f = 0.62 + 0.14 * phase.sin();
        }
        Mood { favourable }
    }

    fn of(&self, department: Option<Department>) -> f64 {
        let i = match department {
            Some(Department::Sales) => 0,
            Some(Department::Bd) => 1,
            Some(Department::Marketing) => 2,
            Some(Department::Engineering) => 3,
            Some(Department::Ceo) | None => 4,
        };
        self.favourable[i]
    }
}

/// One invitation of a round.
struct Invitee {
    id: String,
    group: String,
    department: Option<Department>,
}

fn invitees(conn: &mut DbConnection, round_id: RoundId) -> Result<Vec<Invitee>, DbError> {
    let rows: Vec<(String, String, String)> = invitations::table
        .inner_join(employees::table)
        .filter(invitations::round_id.eq(round_id))
        .order(employees::email)
        .select((
            invitations::id,
            invitations::reporting_group,
            employees::department,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, group, dept)| Invitee {
            id,
            group,
            department: dept.parse().ok(),
        })
        .collect())
}

type AnswerRow = (
    diesel::dsl::Eq<answers::response_id, String>,
    diesel::dsl::Eq<answers::question_key, String>,
    diesel::dsl::Eq<answers::value, Option<i32>>,
    diesel::dsl::Eq<answers::not_applicable, bool>,
    diesel::dsl::Eq<answers::text, Option<String>>,
    diesel::dsl::Eq<answers::round_id, String>,
);

/// Answers `share` of the round's invitations (the first ones in a seeded shuffle) with
/// values drawn from `mood`, in one transaction of multi-row inserts: the rows
/// `survey::submit` would store, and each answered invitation flagged. With `links`, every
/// invitation also gets a survey link, as the emails carried. Returns (links issued,
/// answers stored).
pub fn answer_round(
    conn: &mut DbConnection,
    t: &Template,
    round_id: RoundId,
    share: f64,
    mood: &Mood,
    links: bool,
    rng: &mut StdRng,
) -> Result<(usize, u64), ScaleError> {
    use rand::seq::SliceRandom;
    let mut people = invitees(conn, round_id)?;
    people.shuffle(rng);
    let n = ((share * people.len() as f64).round() as usize).min(people.len());
    let mut response_rows = Vec::with_capacity(n);
    let mut answer_rows: Vec<AnswerRow> = Vec::with_capacity(n * 12);
    for p in &people[..n] {
        let response_id = uuid::Uuid::new_v4().to_string();
        let favourable = mood.of(p.department);
        for q in t.questions_for(p.department) {
            let (value, na, text) = match q.kind() {
                QuestionKind::Text => {
                    if !rng.random_bool(COMMENT_RATE) {
                        continue;
                    }
                    let c = COMMENTS[rng.random_range(0..COMMENTS.len())];
                    (None, false, Some(c.to_string()))
                }
                _ if q.allow_na() && rng.random_bool(NA_RATE) => (None, true, None),
                QuestionKind::Likert5 => {
                    let v = if rng.random_bool(favourable) {
                        rng.random_range(4..=5)
                    } else {
                        rng.random_range(1..=3)
                    };
                    (Some(v), false, None)
                }
                QuestionKind::Nps11 => {
                    let v = if rng.random_bool(favourable * 0.7) {
                        rng.random_range(9..=10)
                    } else {
                        rng.random_range(3..=8)
                    };
                    (Some(v), false, None)
                }
                QuestionKind::Choice => {
                    let Some((lo, hi)) = q.value_range() else {
                        continue;
                    };
                    (Some(rng.random_range(lo..=hi)), false, None)
                }
            };
            answer_rows.push((
                answers::response_id.eq(response_id.clone()),
                answers::question_key.eq(q.key().to_string()),
                answers::value.eq(value),
                answers::not_applicable.eq(na),
                answers::text.eq(text),
                answers::round_id.eq(round_id.to_string()),
            ));
        }
        response_rows.push((
            responses::id.eq(response_id),
            responses::round_id.eq(round_id.to_string()),
            responses::reporting_group.eq(p.group.clone()),
        ));
    }
    let link_rows: Vec<_> = if links {
        people
            .iter()
            .map(|p| {
                (
                    invitation_links::token_hash.eq(tokens::hash(&tokens::new_token())),
                    invitation_links::invitation_id.eq(p.id.clone()),
                    invitation_links::round_id.eq(round_id.to_string()),
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    let answered: Vec<&str> = people[..n].iter().map(|p| p.id.as_str()).collect();
    conn.write_transaction(|conn| {
        macro_rules! insert_all {
            ($table:expr, $rows:expr, $per:expr) => {
                for chunk in $rows.chunks($per) {
                    match conn {
                        DbConnection::Pg(c) => {
                            diesel::insert_into($table).values(chunk).execute(c)?
                        }
                        DbConnection::Sqlite(c) => {
                            diesel::insert_into($table).values(chunk).execute(c)?
                        }
                    };
                }
            };
        }
        insert_all!(invitation_links::table, link_rows, BATCH);
        insert_all!(responses::table, response_rows, BATCH);
        insert_all!(answers::table, answer_rows, BATCH);
        for chunk in answered.chunks(BATCH) {
            diesel::update(invitations::table.filter(invitations::id.eq_any(chunk)))
                .set(invitations::responded.eq(true))
                .execute(conn)?;
        }
        Ok::<_, ScaleError>(())
    })?;
    Ok((link_rows.len(), answer_rows.len() as u64))
}

/// Issues one fresh survey link for each invitation and returns the raw tokens (what an
/// email would carry), in the order given.
pub fn issue_links(
    conn: &mut DbConnection,
    round_id: RoundId,
    invitation_ids: &[String],
) -> Result<Vec<String>, DbError> {
    let raw: Vec<String> = invitation_ids.iter().map(|_| tokens::new_token()).collect();
    let rows: Vec<_> = invitation_ids
        .iter()
        .zip(&raw)
        .map(|(inv, t)| {
            (
                invitation_links::token_hash.eq(tokens::hash(t)),
                invitation_links::invitation_id.eq(inv.clone()),
                invitation_links::round_id.eq(round_id.to_string()),
            )
        })
        .collect();
    conn.write_transaction(|conn| {
        for chunk in rows.chunks(BATCH) {
            ctopulse::insert_rows!(conn, invitation_links::table, chunk)?;
        }
        Ok::<_, DbError>(())
    })?;
    Ok(raw)
}

/// Invitations of a round nobody has answered yet.
pub fn unanswered(conn: &mut DbConnection, round_id: RoundId) -> Result<Vec<String>, DbError> {
    Ok(invitations::table
        .filter(invitations::round_id.eq(round_id))
        .filter(invitations::responded.eq(false))
        .select(invitations::id)
        .order(invitations::id)
        .load(conn)?)
}

/// Takes back every answer of an open round and deletes its links, so all its invitations
/// can answer again (a benchmark reuses one round for thousands of submissions).
pub fn reset_round(conn: &mut DbConnection, round_id: RoundId) -> Result<(), DbError> {
    conn.write_transaction(|conn| {
        delete_answers(conn, round_id)?;
        diesel::delete(invitation_links::table.filter(invitation_links::round_id.eq(round_id)))
            .execute(conn)?;
        diesel::update(invitations::table.filter(invitations::round_id.eq(round_id)))
            .set(invitations::responded.eq(false))
            .execute(conn)?;
        Ok(())
    })
}

fn delete_answers(conn: &mut DbConnection, round_id: RoundId) -> Result<(), DbError> {
    diesel::delete(answers::table.filter(answers::round_id.eq(round_id))).execute(conn)?;
    diesel::delete(responses::table.filter(responses::round_id.eq(round_id))).execute(conn)?;
    Ok(())
}

/// Deletes a round and everything that hangs off it (a benchmark's scratch round), so the
/// company stays as built.
pub fn discard_round(conn: &mut DbConnection, round_id: RoundId) -> Result<(), DbError> {
    conn.write_transaction(|conn| {
        delete_answers(conn, round_id)?;
        diesel::delete(tallies::table.filter(tallies::round_id.eq(round_id))).execute(conn)?;
        diesel::delete(group_tallies::table.filter(group_tallies::round_id.eq(round_id)))
            .execute(conn)?;
        diesel::delete(sealed_comments::table.filter(sealed_comments::round_id.eq(round_id)))
            .execute(conn)?;
        diesel::delete(index_tallies::table.filter(index_tallies::round_id.eq(round_id)))
            .execute(conn)?;
        diesel::delete(driver_items::table.filter(driver_items::round_id.eq(round_id)))
            .execute(conn)?;
        diesel::delete(driver_analyses::table.filter(driver_analyses::round_id.eq(round_id)))
            .execute(conn)?;
        diesel::delete(invitation_links::table.filter(invitation_links::round_id.eq(round_id)))
            .execute(conn)?;
        diesel::delete(outbox::table.filter(outbox::round_id.eq(round_id))).execute(conn)?;
        diesel::delete(invitations::table.filter(invitations::round_id.eq(round_id)))
            .execute(conn)?;
        diesel::delete(audit_log::table.filter(audit_log::object_id.eq(round_id))).execute(conn)?;
        diesel::delete(ctopulse::db::schema::rounds::table.find(round_id)).execute(conn)?;
        ctopulse::db::answer_tables::drop_for_round(conn, round_id)?;
        Ok(())
    })
}

#[derive(QueryableByName)]
struct Line {
    #[diesel(sql_type = Text)]
    line: String,
}

/// A short hash of the database's tables, columns and indexes as the migrations left them:
/// a cached database built under another schema is not reused.
pub fn schema_fingerprint(conn: &mut DbConnection) -> Result<String, DbError> {
    let sql = match conn {
        DbConnection::Sqlite(_) => format!(
            "SELECT type || ' ' || name || ' ' || COALESCE(sql, '') AS line FROM sqlite_master \
             WHERE name NOT LIKE 'sqlite_%' AND name NOT IN ('__diesel_schema_migrations', '{MARKER_TABLE}') \
             ORDER BY name"
        ),
        DbConnection::Pg(_) => format!(
            "SELECT line FROM ( \
               SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable AS line \
               FROM information_schema.columns WHERE table_schema = current_schema() \
                 AND table_name NOT IN ('__diesel_schema_migrations', '{MARKER_TABLE}') \
               UNION ALL \
               SELECT indexdef AS line FROM pg_indexes WHERE schemaname = current_schema() \
                 AND tablename NOT IN ('__diesel_schema_migrations', '{MARKER_TABLE}') \
             ) s ORDER BY line"
        ),
    };
    let lines: Vec<Line> = diesel::sql_query(sql).load(conn)?;
    let mut h = Sha256::new();
    h.update(GENERATOR_VERSION.to_le_bytes());
    for l in lines {
        h.update(l.line.as_bytes());
        h.update(b"\n");
    }
    let digest = h.finalize();
    Ok(digest.iter().take(8).map(|b| format!("{b:02x}")).collect())
}

fn write_marker(conn: &mut DbConnection, m: &Marker) -> Result<(), DbError> {
    // Values are numbers, a hex digest and a `RoundId` (a UUID by type); nothing user-supplied is inlined.
    let safe = |s: &str| s.chars().all(|c| c.is_ascii_hexdigit() || c == '-');
    if !safe(&m.schema_fingerprint) {
        return Err(DbError::Migration("unexpected marker value".into()));
    }
    conn.batch_execute(&format!(
        "CREATE TABLE IF NOT EXISTS {MARKER_TABLE} (employees BIGINT NOT NULL, generator BIGINT NOT NULL, \
           schema_fingerprint TEXT NOT NULL, answers BIGINT NOT NULL, built_ms BIGINT NOT NULL, open_round TEXT NOT NULL); \
         DELETE FROM {MARKER_TABLE}; \
         INSERT INTO {MARKER_TABLE} VALUES ({}, {}, '{}', {}, {}, '{}');",
        m.employees, m.generator, m.schema_fingerprint, m.answers, m.built_ms, m.open_round
    ))?;
    Ok(())
}

/// The marker of a finished build, if this database holds one.
pub fn marker(conn: &mut DbConnection) -> Option<Marker> {
    diesel::sql_query(format!(
        "SELECT employees, generator, schema_fingerprint, answers, built_ms, open_round FROM {MARKER_TABLE}"
    ))
    .load::<Marker>(conn)
    .ok()
    .and_then(|v| v.into_iter().next())
}
