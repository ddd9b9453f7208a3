//! Bad input at scale: a generated corpus of malformed requests against every route of the
//! one route table, sent as raw bytes over TCP to the running service. Every request must get
//! an answer (no hang) that is not a 5xx, `/healthz` must still answer after it, and the
//! database must be exactly as before — except for the changes named in [`ALLOWED_CHANGES`].
//!
//! The corpus is a proptest strategy run with a fixed seed, so a run is reproducible; a
//! failing case is shrunk and its seed saved to `bad_input.proptest-regressions`, which is
//! replayed first on every later run; defects found are also kept as fixed cases in
//! [`regressions`]. `BAD_INPUT_CASES` and `BAD_INPUT_SEED` (64 hex digits) explore more or
//! other cases; `BAD_INPUT_VERBOSE` prints the statuses each route gave.
//!
//! Each case combines defects: wrong methods, bad percent-encodings and invalid UTF-8 in
//! path, query, form and cookie, bodies and headers over the limits, wrong content types and
//! framing, out-of-range/missing/duplicated form values, forged and truncated cookies (survey
//! hand-off, session, sign-in form) and CSRF tokens, unknown and reused survey links, and
//! callers of the wrong role. A case that could otherwise pass every check of a write route
//! has one defect forced on it (an invalid form, an unknown object or a forged CSRF token),
//! so every case must leave the data untouched.

use crate::helpers::rid;
use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use ctopulse::auth::Role;
use ctopulse::db::Backend;
use ctopulse::domain::department::Department;
use ctopulse::domain::question::QuestionKind;
use ctopulse::tokens;
use ctopulse::web::{route_table, Access, RouteSpec};
use diesel::RunQueryDsl;
use proptest::prelude::*;
use proptest::test_runner::{
    Config, FileFailurePersistence, RngAlgorithm, TestCaseError, TestRng, TestRunner,
};
use sha2::{Digest, Sha256};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::helpers::{TestApp, ROSTER};
use crate::staff_support::{add_token, add_user, sign_in, LoginForm, Session};

/// Cases per run (each a fresh generated request); `BAD_INPUT_CASES` overrides.
const CASES: u32 = 1200;
/// The corpus seed; `BAD_INPUT_SEED` (32 bytes as hex) overrides.
const SEED: [u8; 32] = *b"ctopulse bad-input corpus seed 1";
/// Longest a request may take before it counts as a hang.
const ANSWER_WITHIN: Duration = Duration::from_secs(10);

/// Tables (or parts of them) that a rejected request changes by design, and why.
const ALLOWED_CHANGES: &[(&str, Allowance, &str)] = &[
    (
        "login_failures",
        Allowance::WholeTable,
        "failed sign-ins and unknown survey links are counted for the rate limit",
    ),
    (
        "audit_log",
        Allowance::RowsWhere("action <> 'login.failed'"),
        "every failed sign-in is audited (action login.failed); nothing else may be added",
    ),
    (
        "sessions",
        Allowance::ExceptColumns(&["last_seen_at"]),
        "presenting a live session touches its last use (idle expiry), at most once a minute",
    ),
    (
        "api_tokens",
        Allowance::ExceptColumns(&["last_used_at"]),
        "presenting a live API token records its last use, at most once a minute",
    ),
];

/// What may change in one table.
#[derive(Debug, Clone, Copy)]
enum Allowance {
    /// Not compared at all.
    WholeTable,
    /// Only rows matching this SQL condition are compared.
    RowsWhere(&'static str),
    /// Every row is compared, without these columns.
    ExceptColumns(&'static [&'static str]),
}

/// Statuses a bad request may get: success or redirect (a bad cookie on a public page, an
/// unknown query parameter), or a clear client error.
const CLIENT_ERRORS: &[u16] = &[
    400, 401, 403, 404, 405, 409, 410, 411, 413, 414, 415, 422, 429, 431,
];

// ---------------------------------------------------------------------------------------
// The world the corpus attacks: a launched round, a closed quarter, staff, tokens.
// ---------------------------------------------------------------------------------------

/// One question of the open round's form as a sales respondent sees it.
#[derive(Debug, Clone)]
struct FormQuestion {
    field: String,
    required: bool,
    text: bool,
    range: Option<(i32, i32)>,
    allow_na: bool,
}

struct World {
    open_round: String,
    closed_round: String,
    point: String,
    /// Survey tokens: not yet answered (open round), answered (open round), of the closed round.
    fresh: String,
    answered: String,
    closed: String,
    /// Signed-in admin, CTO and board member.
    staff: [Session; 3],
    /// The CSRF token of another admin session.
    other_csrf: String,
    api_token: String,
    login: LoginForm,
    questions: Vec<FormQuestion>,
}

impl World {
    fn role_session(&self, who: u8) -> (&Session, Role) {
        match who % 3 {
            0 => (&self.staff[0], Role::Admin),
            1 => (&self.staff[1], Role::Cto),
            _ => (&self.staff[2], Role::Board),
        }
    }

    fn survey_token(&self, which: u8) -> &str {
        match which % 3 {
            0 => &self.fresh,
            1 => &self.answered,
            _ => &self.closed,
        }
    }

    /// Real values for a path parameter of `path`, so cases reach the objects behind it.
    fn real_params(&self, path: &str, name: &str) -> Vec<String> {
        match (path, name) {
            (_, "token") => vec![
                self.fresh.clone(),
                self.answered.clone(),
                self.closed.clone(),
            ],
            (_, "action") => vec!["launch".into(), "remind".into(), "close".into()],
            (p, "id") if p.contains("inflections") => vec![self.point.clone()],
            (p, "round") if p.starts_with("/survey/") => vec![
                self.open_round.clone(),
                self.open_round.clone(),
                self.open_round.clone(),
                self.closed_round.clone(),
            ],
            _ => vec![self.open_round.clone(), self.closed_round.clone()],
        }
    }
}

async fn seed_world(app: &TestApp) -> World {
    app.import_roster(ROSTER);
    // A closed, sealed quarter with responses...
    let closed_round = app.launch("internal-csat", "2026Q3");
    app.send_all().await;
    let closed = app.link_path("s3@acme.test")[3..].to_string();
    for who in ["s4@acme.test", "e4@acme.test"] {
        answer(app, who).await;
    }
    ctopulse::app::rounds::close_and_seal(
        &mut app.conn(),
        rid(&closed_round),
        ctopulse::clock::now(),
        "test",
    )
    .expect("seal");
    // ...and an open round with one answer in.
    let open_round = app.launch("internal-csat", "2026Q4");
    app.send_all().await;
    let fresh = app.link_path("s1@acme.test")[3..].to_string();
    answer(app, "s2@acme.test").await;
    let answered = app.link_path("s2@acme.test")[3..].to_string();
    // An inflection point with a proposed assessment awaiting the board.
    let point = {
        let mut conn = app.conn();
        let q: ctopulse::domain::quarter::Quarter = "2026Q3".parse().expect("quarter");
        let id = ctopulse::app::inflection::add(
            &mut conn,
            "Platform rewrite",
            q,
            None,
            "test",
            ctopulse::clock::now(),
        )
        .expect("point");
        let assessment =
            ctopulse::app::inflection::parse_assessment("ahead").expect("assessment kind");
        ctopulse::app::inflection::assess(
            &mut conn,
            &id,
            q,
            assessment,
            None,
            "test",
            ctopulse::clock::now(),
        )
        .expect("assess");
        id
    };
    let mut staff = Vec::new();
    for (email, role) in [
        ("admin@acme.test", Role::Admin),
        ("cto@acme.test", Role::Cto),
        ("board@acme.test", Role::Board),
    ] {
        add_user(app, email, role);
        staff.push(sign_in(app, email).await);
    }
    add_user(app, "admin2@acme.test", Role::Admin);
    let other_csrf = sign_in(app, "admin2@acme.test").await.csrf;
    let (_, api_token) = add_token(app, "corpus", Role::Board);
    let login = LoginForm::fetch(app).await;
    let template = app
        .state
        .templates
        .get("internal-csat")
        .expect("template")
        .clone();
    let questions = template
        .questions_for(Some(Department::Sales))
        .map(|q| FormQuestion {
            field: format!("q_{}", q.key()),
            required: q.required(),
            text: q.kind() == QuestionKind::Text,
            range: q.value_range(),
            allow_na: q.allow_na(),
        })
        .collect();
    let staff: [Session; 3] = staff.try_into().expect("three sessions");
    World {
        open_round,
        closed_round,
        point,
        fresh,
        answered,
        closed,
        staff,
        other_csrf,
        api_token,
        login,
        questions,
    }
}

/// Answers a survey through the real pages with the lowest value of every question.
async fn answer(app: &TestApp, address: &str) {
    let browser = app.browser();
    let (form, csrf) = app.open_survey(&browser, address).await;
    let res = app
        .post_form(&browser, &form, &[("csrf_token", csrf.as_str())])
        .await;
    // A form without answers re-shows with problems; fill every required item and send again.
    assert_eq!(res.status(), 422, "an empty form is refused");
    let body = res.text().await.expect("body");
    let mut fields = vec![("csrf_token".to_string(), csrf.clone())];
    let mut at = 0;
    while let Some(i) = body[at..].find("name=\"q_") {
        let start = at + i + "name=\"".len();
        let end = start + body[start..].find('"').expect("quote");
        let name = body[start..end].to_string();
        if !fields.iter().any(|(k, _)| *k == name) && !name.ends_with("comment") {
            let value_at = body[end..].find("value=\"").map(|v| end + v + 7);
            let value = value_at
                .map(|v| body[v..v + body[v..].find('"').expect("quote")].to_string())
                .unwrap_or_default();
            fields.push((name, value));
        }
        at = end;
    }
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let res = app.post_form(&browser, &form, &pairs).await;
    assert_eq!(res.status(), 200, "{address} answers");
}

// ---------------------------------------------------------------------------------------
// The corpus.
// ---------------------------------------------------------------------------------------

#[derive(Debug, Clone)]
enum MethodChoice {
    Declared,
    Other(&'static str),
    Raw(Vec<u8>),
}

#[derive(Debug, Clone)]
enum Param {
    Real(u8),
    Unknown(u64),
    Text(String),
    Tricky(&'static str),
    /// Raw bytes 0x80–0xFF straight into the request line.
    InvalidUtf8(Vec<u8>),
    Huge(usize),
}

#[derive(Debug, Clone)]
enum Value {
    Good(u8),
    Text(String),
    Tricky(&'static str),
    InvalidUtf8(Vec<u8>),
    Huge(usize),
}

#[derive(Debug, Clone)]
enum Query {
    None,
    Pairs(Vec<(u8, Value)>),
    Raw(Vec<u8>),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum CookieForm {
    Exact,
    Forged,
    Truncated(u8),
    Extended,
    Upper,
    Empty,
    /// A forged cookie of the same name first, then the real one.
    Duplicate,
    Quoted,
}

impl CookieForm {
    /// Whether the server might accept it as the real credential.
    fn may_pass(self) -> bool {
        matches!(
            self,
            CookieForm::Exact | CookieForm::Duplicate | CookieForm::Quoted
        )
    }
}

#[derive(Debug, Clone)]
enum Cred {
    /// What a legitimate caller of the route presents (resolved per route).
    Proper,
    None,
    Session {
        who: u8,
        form: CookieForm,
    },
    Bearer {
        form: CookieForm,
        scheme: u8,
    },
    Respondent {
        which: u8,
        form: CookieForm,
        other_name: bool,
    },
    LoginCookie {
        form: CookieForm,
    },
    /// A Cookie header of arbitrary bytes (invalid UTF-8, no `=`, control characters).
    RawCookie(Vec<u8>),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Csrf {
    None,
    Exact,
    Forged,
    Truncated(u8),
    Empty,
    Upper,
    DuplicateExactFirst,
    DuplicateForgedFirst,
    OtherSession,
    HeaderExact,
    HeaderForged,
}

impl Csrf {
    fn may_pass(self) -> bool {
        matches!(
            self,
            Csrf::Exact
                | Csrf::DuplicateExactFirst
                | Csrf::DuplicateForgedFirst
                | Csrf::HeaderExact
        )
    }
}

#[derive(Debug, Clone)]
enum FormMut {
    Drop(u8),
    Set(u8, Value),
    Duplicate(u8),
    Unknown(String),
}

#[derive(Debug, Clone)]
enum Body {
    /// The route's own form, mutated.
    Form(Vec<FormMut>),
    /// A form the route must refuse (which defect: the two numbers).
    Invalid(u8, u8),
    /// Over the body limit.
    Huge(usize),
    Json(&'static str),
    Bytes(Vec<u8>),
    Empty,
}

#[derive(Debug, Clone)]
enum ContentType {
    Form,
    FormCharset,
    FormOddCase,
    Json,
    Text,
    Multipart,
    Missing,
    Raw(Vec<u8>),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Framing {
    Length,
    Chunked,
    NoLength,
    /// Declares fewer bytes than follow.
    TooShort(u8),
    /// Declares more bytes than are sent, then closes the sending side.
    Truncated(u16),
    Conflicting,
    NonNumeric,
    BadChunk,
}

#[derive(Debug, Clone)]
enum Noise {
    None,
    HugeHeader(usize),
    ManyHeaders(usize),
    HugeCookie(usize),
    ObsText(Vec<u8>),
    NulInHeader,
    BadHeaderName,
    NoHost,
    AcceptLanguage(String),
    Expect100,
    Version(&'static str),
    AbsoluteTarget,
}

#[derive(Debug, Clone)]
enum Client {
    /// A forwarded address of its own, so rate limits rarely interfere.
    Spread(u32),
    /// One shared address: exercises the rate limits.
    Shared,
    Raw(Vec<u8>),
    Direct,
}

#[derive(Debug, Clone)]
struct Case {
    route: usize,
    method: MethodChoice,
    params: Vec<Param>,
    query: Query,
    cred: Cred,
    csrf: Csrf,
    body: Body,
    content_type: ContentType,
    framing: Framing,
    noise: Noise,
    client: Client,
    /// Picks the forced defect when one is needed.
    salt: (u8, u8),
    /// Sends the request well-formed (method, framing, headers), so the defects in
    /// credentials, path and form reach the handlers instead of the HTTP parser.
    well_formed: bool,
}

fn tricky() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "%",
        "%z",
        "%zz",
        "%f",
        "%ff%fe",
        "%c3%28",
        "%e2%82",
        "%00",
        "a%00b",
        "%2F",
        "%2f..%2f..",
        "..",
        ".",
        "%2e%2e",
        "a%20b",
        "%25",
        "+",
        "&",
        "=",
        "%0d%0a",
        "%u0041",
        "%%",
        "\u{fffd}",
    ])
}

fn invalid_utf8() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(0x80u8..=0xff, 1..8)
}

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        12 => any::<u8>().prop_map(Value::Good),
        3 => "\\PC{0,30}".prop_map(Value::Text),
        3 => tricky().prop_map(Value::Tricky),
        1 => invalid_utf8().prop_map(Value::InvalidUtf8),
        1 => (2_000usize..80_000).prop_map(Value::Huge),
    ]
}

fn cookie_form() -> impl Strategy<Value = CookieForm> {
    prop_oneof![
        4 => Just(CookieForm::Exact),
        2 => Just(CookieForm::Forged),
        1 => any::<u8>().prop_map(CookieForm::Truncated),
        1 => Just(CookieForm::Extended),
        1 => Just(CookieForm::Upper),
        1 => Just(CookieForm::Empty),
        1 => Just(CookieForm::Duplicate),
        1 => Just(CookieForm::Quoted),
    ]
}

fn case() -> impl Strategy<Value = Case> {
    let routes = route_table().len();
    let method = prop_oneof![
        16 => Just(MethodChoice::Declared),
        3 => prop::sample::select(vec![
            "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "post", "Get",
        ])
        .prop_map(MethodChoice::Other),
        1 => prop_oneof![
            Just(b"G\xffT".to_vec()),
            Just(Vec::new()),
            Just(vec![b'P'; 3000]),
            Just(b"GET POST".to_vec()),
            Just(b"G\x00T".to_vec()),
            Just(b"CONNECT".to_vec()),
        ]
        .prop_map(MethodChoice::Raw),
    ];
    let param = prop_oneof![
        24 => any::<u8>().prop_map(Param::Real),
        2 => any::<u64>().prop_map(Param::Unknown),
        2 => "\\PC{0,40}".prop_map(Param::Text),
        4 => tricky().prop_map(Param::Tricky),
        1 => invalid_utf8().prop_map(Param::InvalidUtf8),
        1 => (4_000usize..70_000).prop_map(Param::Huge),
    ];
    let query = prop_oneof![
        8 => Just(Query::None),
        4 => prop::collection::vec((any::<u8>(), value()), 1..3).prop_map(Query::Pairs),
        1 => prop::collection::vec(any::<u8>(), 1..40)
            .prop_map(|b| b.into_iter().filter(|c| !c.is_ascii_whitespace() && *c != b'#').collect())
            .prop_map(Query::Raw),
    ];
    let cred = prop_oneof![
        14 => Just(Cred::Proper),
        2 => Just(Cred::None),
        6 => (any::<u8>(), cookie_form()).prop_map(|(who, form)| Cred::Session { who, form }),
        2 => (cookie_form(), any::<u8>()).prop_map(|(form, scheme)| Cred::Bearer { form, scheme }),
        4 => (any::<u8>(), cookie_form(), prop::bool::weighted(0.2)).prop_map(
            |(which, form, other_name)| Cred::Respondent { which, form, other_name }
        ),
        1 => cookie_form().prop_map(|form| Cred::LoginCookie { form }),
        1 => prop::collection::vec(any::<u8>(), 0..60)
            .prop_map(|b| b.into_iter().filter(|c| *c != b'\r' && *c != b'\n').collect())
            .prop_map(Cred::RawCookie),
    ];
    let csrf = prop_oneof![
        2 => Just(Csrf::None),
        14 => Just(Csrf::Exact),
        1 => Just(Csrf::Forged),
        1 => any::<u8>().prop_map(Csrf::Truncated),
        1 => Just(Csrf::Empty),
        1 => Just(Csrf::Upper),
        1 => Just(Csrf::DuplicateExactFirst),
        1 => Just(Csrf::DuplicateForgedFirst),
        1 => Just(Csrf::OtherSession),
        1 => Just(Csrf::HeaderExact),
        1 => Just(Csrf::HeaderForged),
    ];
    let form_mut = prop_oneof![
        2 => any::<u8>().prop_map(FormMut::Drop),
        4 => (any::<u8>(), value()).prop_map(|(i, v)| FormMut::Set(i, v)),
        2 => any::<u8>().prop_map(FormMut::Duplicate),
        1 => "[a-z_]{0,12}".prop_map(FormMut::Unknown),
    ];
    let body = prop_oneof![
        10 => prop::collection::vec(form_mut, 0..4).prop_map(Body::Form),
        3 => (any::<u8>(), any::<u8>()).prop_map(|(a, b)| Body::Invalid(a, b)),
        1 => (70_000usize..400_000).prop_map(Body::Huge),
        1 => prop::sample::select(vec!["{}", "[1,2", "{\"csrf_token\":1}", "null"])
            .prop_map(Body::Json),
        1 => prop::collection::vec(any::<u8>(), 0..200).prop_map(Body::Bytes),
        1 => Just(Body::Empty),
    ];
    let content_type = prop_oneof![
        16 => Just(ContentType::Form),
        1 => Just(ContentType::FormCharset),
        1 => Just(ContentType::FormOddCase),
        1 => Just(ContentType::Json),
        1 => Just(ContentType::Text),
        1 => Just(ContentType::Multipart),
        1 => Just(ContentType::Missing),
        1 => invalid_utf8().prop_map(ContentType::Raw),
    ];
    let framing = prop_oneof![
        24 => Just(Framing::Length),
        2 => Just(Framing::Chunked),
        1 => Just(Framing::NoLength),
        1 => (1u8..=255).prop_map(Framing::TooShort),
        1 => (1u16..2000).prop_map(Framing::Truncated),
        1 => Just(Framing::Conflicting),
        1 => Just(Framing::NonNumeric),
        1 => Just(Framing::BadChunk),
    ];
    let noise = prop_oneof![
        36 => Just(Noise::None),
        1 => (9_000usize..200_000).prop_map(Noise::HugeHeader),
        1 => (50usize..300).prop_map(Noise::ManyHeaders),
        1 => (9_000usize..100_000).prop_map(Noise::HugeCookie),
        1 => invalid_utf8().prop_map(Noise::ObsText),
        1 => Just(Noise::NulInHeader),
        1 => Just(Noise::BadHeaderName),
        1 => Just(Noise::NoHost),
        1 => "\\PC{0,40}".prop_map(Noise::AcceptLanguage),
        1 => Just(Noise::Expect100),
        1 => prop::sample::select(vec!["HTTP/1.0", "HTTP/2.0", "HTTP/1.2", "HTTX/1.1", "HTTP/1"])
            .prop_map(Noise::Version),
        1 => Just(Noise::AbsoluteTarget),
    ];
    let client = prop_oneof![
        16 => any::<u32>().prop_map(Client::Spread),
        1 => Just(Client::Shared),
        1 => prop::collection::vec(any::<u8>(), 0..30)
            .prop_map(|b| b.into_iter().filter(|c| *c != b'\r' && *c != b'\n').collect())
            .prop_map(Client::Raw),
        1 => Just(Client::Direct),
    ];
    (
        0..routes,
        method,
        prop::collection::vec(param, 2),
        query,
        cred,
        csrf,
        body,
        content_type,
        framing,
        noise,
        client,
        (any::<(u8, u8)>(), prop::bool::weighted(0.4)),
    )
        .prop_map(
            |(
                route,
                method,
                params,
                query,
                cred,
                csrf,
                body,
                content_type,
                framing,
                noise,
                client,
                (salt, well_formed),
            )| {
                force_a_defect(Case {
                    route,
                    method,
                    params,
                    query,
                    cred,
                    csrf,
                    body,
                    content_type,
                    framing,
                    noise,
                    client,
                    salt,
                    well_formed,
                })
            },
        )
}

/// How a write route is made to refuse a case that would otherwise pass its checks.
enum Refusal {
    /// An invalid form (the route validates its fields).
    Form,
    /// An unknown object in the path.
    UnknownObject,
    /// A forged CSRF token (the route has no fields to get wrong).
    Csrf,
}

fn refusal(path: &str) -> Refusal {
    match path {
        "/admin/rounds/{id}/{action}" => Refusal::UnknownObject,
        p if FORMS.iter().any(|(f, _)| *f == p) => Refusal::Form,
        _ => Refusal::Csrf,
    }
}

/// Whether a case could pass authentication, role and CSRF checks of a write route and
/// reach its handler with a body it reads as sent. Errs on the side of "could".
fn could_write(c: &Case, spec: &RouteSpec) -> bool {
    let method_matches = match &c.method {
        MethodChoice::Declared => true,
        MethodChoice::Other(m) => *m == spec.method.as_str(),
        MethodChoice::Raw(_) => false,
    };
    if !method_matches || matches!(spec.method.as_str(), "GET" | "HEAD" | "OPTIONS") {
        return false;
    }
    match spec.access {
        // Sign-in writes only what ALLOWED_CHANGES names (nobody knows a password here);
        // no case holds a scim token.
        Access::Public | Access::Scim => false,
        Access::Respondent => {
            matches!(&c.cred, Cred::Respondent { which, form, other_name: false }
                if which % 3 == 0 && form.may_pass())
                && c.csrf.may_pass()
        }
        Access::Staff(roles) => match &c.cred {
            Cred::Session { who, form } => {
                let role = [Role::Admin, Role::Cto, Role::Board][(*who % 3) as usize];
                form.may_pass() && roles.contains(&role) && c.csrf.may_pass()
            }
            Cred::Bearer { form, .. } => {
                spec.path.starts_with("/api/") && form.may_pass() && roles.contains(&Role::Board)
            }
            _ => false,
        },
    }
}

fn body_is_refused(c: &Case) -> bool {
    matches!(c.body, Body::Invalid(..) | Body::Huge(_)) && c.framing == Framing::Length
}

/// The credential a legitimate caller of `spec` presents.
fn proper_cred(spec: &RouteSpec) -> Cred {
    let exact = CookieForm::Exact;
    match spec.access {
        Access::Staff(roles) => {
            let who = match roles.first() {
                Some(Role::Cto) => 1,
                Some(Role::Board) => 2,
                _ => 0,
            };
            Cred::Session { who, form: exact }
        }
        Access::Respondent => Cred::Respondent {
            which: 0,
            form: exact,
            other_name: false,
        },
        Access::Public if spec.path == "/login" => Cred::LoginCookie { form: exact },
        Access::Public | Access::Scim => Cred::None,
    }
}

/// Resolves the route's proper credential, and gives a case that could write one defect its
/// route must refuse.
fn force_a_defect(mut c: Case) -> Case {
    let table = route_table();
    let spec = &table[c.route];
    if c.well_formed {
        c.method = MethodChoice::Declared;
        c.content_type = ContentType::Form;
        c.framing = Framing::Length;
        c.noise = Noise::None;
        c.client = Client::Spread(u32::from(c.salt.0) << 8 | u32::from(c.salt.1));
    }
    if matches!(c.cred, Cred::Proper) {
        c.cred = proper_cred(spec);
    }
    if !could_write(&c, spec) {
        return c;
    }
    match refusal(spec.path) {
        Refusal::Form => {
            if !body_is_refused(&c) {
                let (a, b) = match c.body {
                    Body::Invalid(a, b) => (a, b),
                    _ => c.salt,
                };
                c.body = Body::Invalid(a, b);
                c.framing = Framing::Length;
            }
        }
        Refusal::UnknownObject => c.params[0] = Param::Unknown(u64::from(c.salt.0)),
        Refusal::Csrf => match c.cred {
            Cred::Bearer { scheme, .. } => {
                c.cred = Cred::Bearer {
                    form: CookieForm::Forged,
                    scheme,
                }
            }
            _ => c.csrf = Csrf::Forged,
        },
    }
    c
}

// ---------------------------------------------------------------------------------------
// Route forms: the fields a page of ours sends, and forms each route must refuse.
// ---------------------------------------------------------------------------------------

type Fields = Vec<(String, String)>;

type FormOf = fn(&World) -> Fields;

/// The write routes whose fields are validated, with a realistic form.
const FORMS: &[(&str, FormOf)] = &[
    ("/survey/{round}", survey_fields),
    ("/login", |_| {
        fields(&[
            ("email", "admin@acme.test"),
            ("password", "not-the-password"),
        ])
    }),
    ("/admin/rounds", |_| {
        fields(&[
            ("template", "internal-csat"),
            ("quarter", "2027Q1"),
            ("closes", &in_days(30)),
            ("merge", ""),
        ])
    }),
    ("/admin/roster", |_| {
        fields(&[("csv", ROSTER), ("action", "check")])
    }),
    ("/dashboard/commentary", |_| {
        fields(&[("quarter", "2026Q3"), ("body", "A steady quarter.")])
    }),
    ("/dashboard/inflections", |_| {
        fields(&[
            ("title", "New point"),
            ("quarter", "2026Q3"),
            ("description", ""),
        ])
    }),
    ("/dashboard/inflections/{id}/assess", |_| {
        fields(&[("quarter", "2026Q3"), ("assessment", "ahead"), ("note", "")])
    }),
    ("/board/inflections/{id}/confirm", |_| {
        fields(&[("quarter", "2026Q3"), ("decision", "confirm"), ("note", "")])
    }),
];

fn fields(pairs: &[(&str, &str)]) -> Fields {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn in_days(n: i64) -> String {
    (ctopulse::clock::now().date() + time::Duration::days(n)).to_string()
}

fn survey_fields(w: &World) -> Fields {
    w.questions
        .iter()
        .map(|q| {
            let v = match q.range {
                _ if q.text => "Fine.".to_string(),
                Some((lo, _)) => lo.to_string(),
                None => "0".to_string(),
            };
            (q.field.clone(), v)
        })
        .collect()
}

fn route_fields(w: &World, path: &str) -> Fields {
    FORMS
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, f)| f(w))
        .unwrap_or_else(|| fields(&[("x", "1")]))
}

fn drop_field(mut f: Fields, name: &str) -> Fields {
    f.retain(|(k, _)| k != name);
    f
}

fn set_field(mut f: Fields, name: &str, v: &str) -> Fields {
    match f.iter_mut().find(|(k, _)| k == name) {
        Some(slot) => slot.1 = v.to_string(),
        None => f.push((name.to_string(), v.to_string())),
    }
    f
}

fn duplicate_field(mut f: Fields, i: u8) -> Fields {
    if !f.is_empty() {
        let pick = f[i as usize % f.len()].clone();
        f.push(pick);
    }
    f
}

fn pick<'a>(options: &[&'a str], i: u8) -> &'a str {
    options[i as usize % options.len()]
}

/// A form `path` must refuse, whatever else is right about the request. `a` picks the
/// defect, `b` varies it.
fn invalid_fields(w: &World, path: &str, a: u8, b: u8) -> Fields {
    let base = route_fields(w, path);
    // A NUL character in any staff form field (survey comments drop control characters).
    if a % 8 == 7 && path != "/survey/{round}" && !base.is_empty() {
        let name = base[b as usize % base.len()].0.clone();
        let value = format!("{}\0", base[b as usize % base.len()].1);
        return set_field(base, &name, &value);
    }
    let bad_quarter = pick(&["2026Q5", "", "Q3-2026", "2026q", "99999Q1", "2026Q3x"], b);
    match path {
        "/survey/{round}" => invalid_survey_fields(w, base, a, b),
        "/admin/rounds" => match a % 7 {
            0 => set_field(base, "quarter", bad_quarter),
            1 => set_field(
                base,
                "closes",
                pick(&["2027-02-30", "soon", "", &in_days(-1), "2027-13-01"], b),
            ),
            2 => set_field(base, "template", pick(&["nope", "", "../internal-csat"], b)),
            3 => set_field(
                base,
                "merge",
                pick(&["ceo+nowhere", "ceo", "x+y", "ceo+ceo"], b),
            ),
            4 => drop_field(base, pick(&["template", "quarter", "closes"], b)),
            5 => duplicate_field(base, b % 3),
            _ => set_field(base, "quarter", "2026Q3"), // a round of this template exists
        },
        "/admin/roster" => match a % 4 {
            0 => set_field(
                set_field(base, "action", "import"),
                "csv",
                &format!("{ROSTER}not-an-email,Nobody,sales,en,false,false,true\n"),
            ),
            1 => set_field(
                set_field(base, "action", "import"),
                "csv",
                &ROSTER.replace("s1@acme.test,Sam One,sales", "s1@acme.test,Sam One,nowhere"),
            ),
            2 => drop_field(set_field(base, "action", "import"), "csv"),
            _ => drop_field(base, "action"),
        },
        "/dashboard/commentary" => match a % 5 {
            0 => set_field(base, "quarter", bad_quarter),
            1 => set_field(base, "body", &"x".repeat(601 + b as usize)),
            2 => drop_field(base, pick(&["quarter", "body"], b)),
            3 => duplicate_field(base, b),
            _ => set_field(base, "quarter", "\u{ff12}026Q3"),
        },
        "/dashboard/inflections" => match a % 5 {
            0 => set_field(base, "quarter", bad_quarter),
            1 => set_field(base, "title", pick(&["", "   ", "\t\n"], b)),
            2 => drop_field(base, pick(&["title", "quarter"], b)),
            3 => set_field(base, "title", &"t".repeat(121 + b as usize)),
            _ => set_field(base, "description", &"d".repeat(1001 + b as usize)),
        },
        "/dashboard/inflections/{id}/assess" => match a % 5 {
            0 => set_field(base, "quarter", bad_quarter),
            1 => set_field(base, "assessment", pick(&["great", "", "AHEAD", "1"], b)),
            2 => drop_field(base, pick(&["quarter", "assessment"], b)),
            3 => set_field(base, "note", &"n".repeat(1001 + b as usize)),
            _ => duplicate_field(base, b),
        },
        "/board/inflections/{id}/confirm" => match a % 5 {
            0 => set_field(base, "quarter", bad_quarter),
            1 => set_field(base, "decision", pick(&["maybe", "", "Confirm", "yes"], b)),
            2 => set_field(base, "decision", "dispute"), // a dispute needs a note
            3 => set_field(base, "note", &"n".repeat(1001 + b as usize)),
            _ => drop_field(base, pick(&["quarter", "decision"], b)),
        },
        _ => base,
    }
}

fn invalid_survey_fields(w: &World, base: Fields, a: u8, b: u8) -> Fields {
    let required: Vec<&FormQuestion> = w.questions.iter().filter(|q| q.required).collect();
    let scored: Vec<&FormQuestion> = w.questions.iter().filter(|q| !q.text).collect();
    let text = w.questions.iter().find(|q| q.text);
    match a % 5 {
        0 if !required.is_empty() => drop_field(base, &required[b as usize % required.len()].field),
        1 if !scored.is_empty() => {
            let q = scored[b as usize % scored.len()];
            let (lo, hi) = q.range.unwrap_or((0, 0));
            let na = if q.allow_na { "2.5" } else { "na" };
            let out = [
                (hi + 1).to_string(),
                if lo > 0 {
                    (lo - 1).to_string()
                } else {
                    "-1".into()
                },
                "2.5".into(),
                "three".into(),
                "1e1".into(),
                "\u{0663}".into(),
                "0x3".into(),
                na.into(),
                "9999".into(),
            ];
            set_field(base, &q.field, &out[(b / 8) as usize % out.len()])
        }
        2 => duplicate_field(base, b),
        3 => {
            let name = pick(
                &["q_is_admin", "", "q_", "overall_satisfaction", "Q_comment"],
                b,
            );
            let mut f = base;
            f.push((name.to_string(), "1".to_string()));
            f
        }
        4 if text.is_some() => {
            let q = text.map(|q| q.field.clone()).unwrap_or_default();
            set_field(base, &q, &"long ".repeat(401 + b as usize))
        }
        _ => {
            let mut f = base;
            f.push(("q_is_admin".into(), "1".into()));
            f
        }
    }
}

// ---------------------------------------------------------------------------------------
// Rendering a case as bytes.
// ---------------------------------------------------------------------------------------

fn pct(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn param_bytes(w: &World, spec: &RouteSpec, name: &str, p: &Param) -> Vec<u8> {
    match p {
        Param::Real(i) => {
            let reals = w.real_params(spec.path, name);
            reals[*i as usize % reals.len()].clone().into_bytes()
        }
        Param::Unknown(n) => format!("{n:016x}{:048x}", n.rotate_left(7)).into_bytes(),
        Param::Text(s) => pct(s).into_bytes(),
        Param::Tricky(s) => s.as_bytes().to_vec(),
        Param::InvalidUtf8(b) => b.clone(),
        Param::Huge(n) => "a".repeat(*n).into_bytes(),
    }
}

fn value_bytes(v: &Value, key: &str) -> Vec<u8> {
    match v {
        Value::Good(i) => {
            let good: &[&str] = match key {
                "quarter" => &["2026Q3", "2026Q4", "2031Q1", ""],
                "format" => &["png", "svg", "csv", "json", "pdf"],
                "lang" => &["en", "ko", "nl", "de"],
                "dept" => &["sales", "engineering", "nowhere"],
                _ => &["1", "yes", ""],
            };
            pick(good, *i).as_bytes().to_vec()
        }
        Value::Text(s) => pct(s).into_bytes(),
        Value::Tricky(s) => s.as_bytes().to_vec(),
        Value::InvalidUtf8(b) => b.clone(),
        Value::Huge(n) => "v".repeat(*n).into_bytes(),
    }
}

const QUERY_KEYS: &[&str] = &[
    "quarter", "format", "lang", "dept", "notice", "x", "quarter",
];

fn target(w: &World, spec: &RouteSpec, c: &Case) -> Vec<u8> {
    let mut out = Vec::new();
    let mut rest = spec.path;
    let mut n = 0;
    while let Some(open) = rest.find('{') {
        out.extend_from_slice(&rest.as_bytes()[..open]);
        let close = open + rest[open..].find('}').unwrap_or(0);
        let name = &rest[open + 1..close];
        out.extend(param_bytes(w, spec, name, &c.params[n % c.params.len()]));
        n += 1;
        rest = &rest[close + 1..];
    }
    out.extend_from_slice(rest.as_bytes());
    match &c.query {
        Query::None => {}
        Query::Pairs(pairs) => {
            out.push(b'?');
            for (i, (k, v)) in pairs.iter().enumerate() {
                if i > 0 {
                    out.push(b'&');
                }
                let key = pick(QUERY_KEYS, *k);
                out.extend_from_slice(key.as_bytes());
                out.push(b'=');
                out.extend(value_bytes(v, key));
            }
        }
        Query::Raw(b) => {
            out.push(b'?');
            out.extend_from_slice(b);
        }
    }
    out
}

fn mangle(token: &str, form: CookieForm) -> String {
    match form {
        CookieForm::Exact | CookieForm::Duplicate => token.to_string(),
        CookieForm::Forged => tokens::new_token(),
        CookieForm::Truncated(n) => token[..(n as usize % token.len().max(1))].to_string(),
        CookieForm::Extended => format!("{token}0"),
        CookieForm::Upper => token.to_ascii_uppercase(),
        CookieForm::Empty => String::new(),
        CookieForm::Quoted => format!("\"{token}\""),
    }
}

fn cookie_pair(name: &str, token: &str, form: CookieForm) -> String {
    match form {
        CookieForm::Duplicate => format!("{name}={}; {name}={token}", tokens::new_token()),
        _ => format!("{name}={}", mangle(token, form)),
    }
}

/// The Cookie and Authorization headers, and the CSRF value the credential's pages carry.
fn credentials(w: &World, c: &Case) -> (Option<Vec<u8>>, Option<String>, String) {
    match &c.cred {
        Cred::None | Cred::Proper => (None, None, w.staff[0].csrf.clone()),
        Cred::Session { who, form } => {
            let (s, _) = w.role_session(*who);
            let (name, token) = s.cookie.split_once('=').unwrap_or(("", ""));
            (
                Some(cookie_pair(name, token, *form).into_bytes()),
                None,
                s.csrf.clone(),
            )
        }
        Cred::Bearer { form, scheme } => {
            let scheme = pick(
                &["Bearer", "Bearer", "bearer", "Basic", "", "Bearer  "],
                *scheme,
            );
            (
                None,
                Some(format!("{scheme} {}", mangle(&w.api_token, *form))),
                String::new(),
            )
        }
        Cred::Respondent {
            which,
            form,
            other_name,
        } => {
            let token = w.survey_token(*which);
            let round = if *other_name {
                &w.closed_round
            } else {
                &w.open_round
            };
            (
                Some(cookie_pair(&format!("s-{round}"), token, *form).into_bytes()),
                None,
                tokens::derive("survey-csrf", token),
            )
        }
        Cred::LoginCookie { form } => (
            Some(cookie_pair(w.login.cookie_name, &w.login.cookie, *form).into_bytes()),
            None,
            w.login.token.clone(),
        ),
        Cred::RawCookie(b) => (Some(b.clone()), None, w.staff[0].csrf.clone()),
    }
}

fn urlencode(f: &Fields) -> Vec<u8> {
    serde_urlencoded::to_string(f)
        .unwrap_or_default()
        .into_bytes()
}

/// The body bytes and the CSRF header, if any.
fn body(w: &World, c: &Case, spec: &RouteSpec, csrf: &str) -> (Vec<u8>, Option<String>) {
    let forged = tokens::new_token();
    let mut csrf_fields: Fields = match c.csrf {
        Csrf::Exact => fields(&[("csrf_token", csrf)]),
        Csrf::Forged => fields(&[("csrf_token", &forged)]),
        Csrf::Truncated(n) => fields(&[("csrf_token", &csrf[..n as usize % csrf.len().max(1)])]),
        Csrf::Empty => fields(&[("csrf_token", "")]),
        Csrf::Upper => fields(&[("csrf_token", &csrf.to_ascii_uppercase())]),
        Csrf::DuplicateExactFirst => fields(&[("csrf_token", csrf), ("csrf_token", &forged)]),
        Csrf::DuplicateForgedFirst => fields(&[("csrf_token", &forged), ("csrf_token", csrf)]),
        Csrf::OtherSession => fields(&[("csrf_token", &w.other_csrf)]),
        Csrf::None | Csrf::HeaderExact | Csrf::HeaderForged => Vec::new(),
    };
    let header = match c.csrf {
        Csrf::HeaderExact => Some(csrf.to_string()),
        Csrf::HeaderForged => Some(forged.clone()),
        _ => None,
    };
    let bytes = match &c.body {
        Body::Form(muts) => {
            let mut f = route_fields(w, spec.path);
            let mut raw_tail: Vec<u8> = Vec::new();
            for m in muts {
                match m {
                    FormMut::Drop(i) if !f.is_empty() => {
                        let i = *i as usize % f.len();
                        f.remove(i);
                    }
                    FormMut::Set(i, v) if !f.is_empty() => {
                        let i = *i as usize % f.len();
                        // Raw bytes go in unencoded, as a broken client would send them.
                        let name = f.remove(i).0;
                        raw_tail.push(b'&');
                        raw_tail.extend_from_slice(pct(&name).as_bytes());
                        raw_tail.push(b'=');
                        raw_tail.extend(value_bytes(v, &name));
                    }
                    FormMut::Duplicate(i) => f = duplicate_field(f, *i),
                    FormMut::Unknown(name) => f.push((name.clone(), "1".into())),
                    _ => {}
                }
            }
            csrf_fields.extend(f);
            let mut b = urlencode(&csrf_fields);
            b.extend(raw_tail);
            b
        }
        Body::Invalid(a, x) => {
            csrf_fields.extend(invalid_fields(w, spec.path, *a, *x));
            urlencode(&csrf_fields)
        }
        Body::Huge(n) => {
            let mut b = urlencode(&csrf_fields);
            b.extend_from_slice(b"&body=");
            b.extend(std::iter::repeat_n(b'a', *n));
            b
        }
        Body::Json(j) => j.as_bytes().to_vec(),
        Body::Bytes(raw) => {
            let mut b = urlencode(&csrf_fields);
            b.push(b'&');
            b.extend_from_slice(raw);
            b
        }
        Body::Empty => Vec::new(),
    };
    (bytes, header)
}

/// A request as bytes, and whether to close the sending side after it.
struct Raw {
    bytes: Vec<u8>,
    half_close: bool,
}

fn client_ip_header(c: &Client) -> Option<Vec<u8>> {
    match c {
        Client::Spread(n) => {
            let [a, b, cc, d] = n.to_be_bytes();
            Some(format!("{}.{b}.{cc}.{d}", 11 + a % 200).into_bytes())
        }
        Client::Shared => Some(b"198.51.100.77".to_vec()),
        Client::Raw(b) => Some(b.clone()),
        Client::Direct => None,
    }
}

fn render(w: &World, c: &Case, spec: &RouteSpec, port: u16) -> Raw {
    let method: Vec<u8> = match &c.method {
        MethodChoice::Declared => spec.method.as_str().as_bytes().to_vec(),
        MethodChoice::Other(m) => m.as_bytes().to_vec(),
        MethodChoice::Raw(b) => b.clone(),
    };
    let (cookie, authorization, csrf) = credentials(w, c);
    let (body, csrf_header) = body(w, c, spec, &csrf);
    let mut path = target(w, spec, c);
    if matches!(c.noise, Noise::AbsoluteTarget) {
        let mut abs = format!("http://127.0.0.1:{port}").into_bytes();
        abs.extend(path);
        path = abs;
    }
    let version = match c.noise {
        Noise::Version(v) => v,
        _ => "HTTP/1.1",
    };
    let mut h: Vec<u8> = Vec::new();
    h.extend(method);
    h.push(b' ');
    h.extend(path);
    h.push(b' ');
    h.extend_from_slice(version.as_bytes());
    h.extend_from_slice(b"\r\n");
    let mut header = |name: &[u8], value: &[u8]| {
        h.extend_from_slice(name);
        h.extend_from_slice(b": ");
        h.extend_from_slice(value);
        h.extend_from_slice(b"\r\n");
    };
    if !matches!(c.noise, Noise::NoHost) {
        header(b"Host", format!("127.0.0.1:{port}").as_bytes());
    }
    header(b"Connection", b"close");
    if let Some(v) = client_ip_header(&c.client) {
        header(b"X-Forwarded-For", &v);
    }
    if let Some(v) = &cookie {
        header(b"Cookie", v);
    }
    if let Some(v) = &authorization {
        header(b"Authorization", v.as_bytes());
    }
    if let Some(v) = &csrf_header {
        header(b"X-CSRF-Token", v.as_bytes());
    }
    match &c.content_type {
        ContentType::Form => header(b"Content-Type", b"application/x-www-form-urlencoded"),
        ContentType::FormCharset => header(
            b"Content-Type",
            b"application/x-www-form-urlencoded; charset=utf-8",
        ),
        ContentType::FormOddCase => header(b"Content-Type", b"Application/X-WWW-Form-URLEncoded"),
        ContentType::Json => header(b"Content-Type", b"application/json"),
        ContentType::Text => header(b"Content-Type", b"text/plain"),
        ContentType::Multipart => header(b"Content-Type", b"multipart/form-data; boundary=x"),
        ContentType::Missing => {}
        ContentType::Raw(b) => header(b"Content-Type", b),
    }
    match &c.noise {
        Noise::HugeHeader(n) => header(b"X-Padding", "p".repeat(*n).as_bytes()),
        Noise::ManyHeaders(n) => {
            for i in 0..*n {
                header(format!("X-Many-{i}").as_bytes(), b"1");
            }
        }
        Noise::HugeCookie(n) => header(b"Cookie", format!("big={}", "c".repeat(*n)).as_bytes()),
        Noise::ObsText(b) => header(b"X-Obs", b),
        Noise::NulInHeader => header(b"X-Nul", b"a\0b"),
        Noise::BadHeaderName => header(b"Bad Header(", b"x"),
        Noise::AcceptLanguage(s) => header(b"Accept-Language", s.as_bytes()),
        Noise::Expect100 => header(b"Expect", b"100-continue"),
        _ => {}
    }
    let len = body.len();
    let mut half_close = false;
    let mut payload = body.clone();
    match c.framing {
        Framing::Length => header(b"Content-Length", len.to_string().as_bytes()),
        Framing::Chunked | Framing::BadChunk => {
            header(b"Transfer-Encoding", b"chunked");
            payload.clear();
            for chunk in body.chunks(4096) {
                payload.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
                payload.extend_from_slice(chunk);
                payload.extend_from_slice(b"\r\n");
            }
            if c.framing == Framing::BadChunk {
                payload.extend_from_slice(b"zz\r\nxx\r\n");
            }
            payload.extend_from_slice(b"0\r\n\r\n");
        }
        Framing::NoLength => {}
        Framing::TooShort(n) => header(
            b"Content-Length",
            len.saturating_sub(n as usize).to_string().as_bytes(),
        ),
        Framing::Truncated(n) => {
            header(b"Content-Length", (len + n as usize).to_string().as_bytes());
            half_close = true;
        }
        Framing::Conflicting => {
            header(b"Content-Length", len.to_string().as_bytes());
            header(b"Content-Length", (len + 5).to_string().as_bytes());
        }
        Framing::NonNumeric => header(b"Content-Length", b"12abc"),
    }
    h.extend_from_slice(b"\r\n");
    h.extend(payload);
    Raw {
        bytes: h,
        half_close,
    }
}

/// A legitimate request to the route at `path` (a defect forced on it if it could write),
/// changed by `edit`.
fn regression(path: &str, edit: impl FnOnce(&mut Case)) -> Case {
    let table = route_table();
    let route = table
        .iter()
        .position(|r| r.path == path)
        .unwrap_or_else(|| panic!("{path} is not in the route table"));
    let mut c = Case {
        route,
        method: MethodChoice::Declared,
        params: vec![Param::Real(0), Param::Real(0)],
        query: Query::None,
        cred: Cred::Proper,
        csrf: Csrf::Exact,
        body: Body::Form(Vec::new()),
        content_type: ContentType::Form,
        framing: Framing::Length,
        noise: Noise::None,
        client: Client::Spread(1),
        salt: (0, 0),
        well_formed: false,
    };
    edit(&mut c);
    force_a_defect(c)
}

/// Every defect the corpus found, as a fixed case.
fn regressions() -> Vec<Case> {
    vec![
        // CONNECT with a session cookie and a form type: the CSRF capture waited for the end
        // of a tunnel that never ends (no answer at all).
        regression("/dashboard/inflections/{id}/assess", |c| {
            c.method = MethodChoice::Raw(b"CONNECT".to_vec());
            c.framing = Framing::TooShort(70);
        }),
        regression("/api/v1/trends", |c| {
            c.method = MethodChoice::Raw(b"CONNECT".to_vec());
            c.framing = Framing::NoLength;
        }),
        regression("/admin/rounds/{id}", |c| c.params[0] = Param::Tricky("%00")),
        regression("/api/v1/rounds/{id}/results", |c| {
            c.params[0] = Param::Tricky("a%00b")
        }),
        // NUL characters: PostgreSQL refuses them in text (500), SQLite stored them.
        regression("/dashboard/commentary", |c| c.body = Body::Invalid(7, 1)),
        regression("/admin/roster", |c| c.body = Body::Invalid(7, 0)),
        regression("/board/inflections/{id}/confirm", |c| {
            c.params[0] = Param::Tricky("%00");
            c.csrf = Csrf::Forged;
        }),
    ]
}

// ---------------------------------------------------------------------------------------
// The wire: one request on its own connection, raw.
// ---------------------------------------------------------------------------------------

#[derive(Debug)]
enum Answer {
    Status(u16),
    /// The server closed or reset the connection without a status line.
    Closed(String),
    Hang,
}

fn response_complete(buf: &[u8]) -> bool {
    let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") else {
        return false;
    };
    let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
    let length = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse::<usize>().ok());
    match length {
        Some(n) => buf.len() >= end + 4 + n,
        None if head.contains("transfer-encoding: chunked") => buf.ends_with(b"0\r\n\r\n"),
        None => false,
    }
}

async fn exchange(port: u16, raw: &Raw) -> Answer {
    let attempt = async {
        let stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .map_err(|e| format!("connect: {e}"))?;
        let (mut rd, mut wr) = stream.into_split();
        let bytes = raw.bytes.clone();
        let half_close = raw.half_close;
        // Written concurrently: the server may answer (413, 431) before reading everything.
        let writer = tokio::spawn(async move {
            let _ = wr.write_all(&bytes).await;
            if half_close {
                let _ = wr.shutdown().await;
            }
            // Held open until the answer is read: a closed side may read as a hang-up.
            std::future::pending::<()>().await;
            drop(wr);
        });
        let mut buf = Vec::new();
        let mut chunk = vec![0u8; 64 * 1024];
        let read_error = loop {
            match rd.read(&mut chunk).await {
                Ok(0) => break None,
                Ok(n) => {
                    buf.extend_from_slice(&chunk[..n]);
                    if response_complete(&buf) {
                        break None;
                    }
                }
                Err(e) => break Some(e.to_string()),
            }
        };
        writer.abort();
        // Interim answers (100 Continue) precede the real one.
        let mut start = 0;
        while buf[start..].starts_with(b"HTTP/1.1 1") {
            match buf[start..].windows(4).position(|w| w == b"\r\n\r\n") {
                Some(end) => start += end + 4,
                None => break,
            }
        }
        let buf = &buf[start..];
        let head = String::from_utf8_lossy(&buf[..buf.len().min(64)]).to_string();
        match head
            .strip_prefix("HTTP/1.1 ")
            .or_else(|| head.strip_prefix("HTTP/1.0 "))
            .and_then(|s| s.get(..3))
            .and_then(|s| s.parse::<u16>().ok())
        {
            Some(status) => Ok(status),
            None => Err(read_error.unwrap_or_else(|| format!("closed after {:?}", head))),
        }
    };
    match tokio::time::timeout(ANSWER_WITHIN, attempt).await {
        Ok(Ok(status)) => Answer::Status(status),
        Ok(Err(e)) => Answer::Closed(e),
        Err(_) => Answer::Hang,
    }
}

// ---------------------------------------------------------------------------------------
// The database fingerprint.
// ---------------------------------------------------------------------------------------

#[derive(diesel::QueryableByName)]
struct Name {
    #[diesel(sql_type = diesel::sql_types::Text)]
    name: String,
}

#[derive(diesel::QueryableByName)]
struct Row {
    #[diesel(sql_type = diesel::sql_types::Text)]
    t: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    r: String,
}

/// One query that returns every compared row of every table as (table, text).
fn fingerprint_query(app: &TestApp) -> String {
    let mut conn = app.conn();
    let tables_sql = match app.db.backend() {
        Backend::Sqlite => "SELECT name FROM sqlite_master WHERE type = 'table' \
                            AND name NOT LIKE 'sqlite_%' ORDER BY name"
            .to_string(),
        Backend::Postgres => "SELECT table_name::text AS name FROM information_schema.tables \
                              WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' \
                              ORDER BY table_name"
            .to_string(),
    };
    let tables: Vec<String> = diesel::sql_query(tables_sql)
        .load::<Name>(&mut *conn)
        .expect("list tables")
        .into_iter()
        .map(|n| n.name)
        .collect();
    assert!(tables.len() >= 15, "found only these tables: {tables:?}");
    let mut parts = Vec::new();
    for t in &tables {
        let allowance = ALLOWED_CHANGES
            .iter()
            .find(|(name, _, _)| name == t)
            .map(|(_, a, _)| *a);
        if matches!(allowance, Some(Allowance::WholeTable)) {
            continue;
        }
        let columns_sql = match app.db.backend() {
            Backend::Sqlite => format!("SELECT name FROM pragma_table_info('{t}') ORDER BY cid"),
            Backend::Postgres => format!(
                "SELECT column_name::text AS name FROM information_schema.columns \
                 WHERE table_schema = current_schema() AND table_name = '{t}' \
                 ORDER BY ordinal_position"
            ),
        };
        let skip: &[&str] = match allowance {
            Some(Allowance::ExceptColumns(c)) => c,
            _ => &[],
        };
        let columns: Vec<String> = diesel::sql_query(columns_sql)
            .load::<Name>(&mut *conn)
            .expect("list columns")
            .into_iter()
            .map(|n| n.name)
            .filter(|c| !skip.contains(&c.as_str()))
            .collect();
        let row = columns
            .iter()
            .map(|c| format!("COALESCE(CAST(\"{c}\" AS TEXT), '<null>')"))
            .collect::<Vec<_>>()
            .join(" || '|' || ");
        let filter = match allowance {
            Some(Allowance::RowsWhere(w)) => format!(" WHERE {w}"),
            _ => String::new(),
        };
        parts.push(format!(
            "SELECT CAST('{t}' AS TEXT) AS t, CAST({row} AS TEXT) AS r FROM \"{t}\"{filter}"
        ));
    }
    parts.join(" UNION ALL ")
}

/// Row count and content hash per compared table.
fn fingerprint(app: &TestApp, query: &str) -> BTreeMap<String, (usize, String)> {
    let rows = diesel::sql_query(query)
        .load::<Row>(&mut *app.conn())
        .expect("fingerprint");
    let mut by_table: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for r in rows {
        by_table.entry(r.t).or_default().push(r.r);
    }
    by_table
        .into_iter()
        .map(|(t, mut rows)| {
            rows.sort();
            let mut h = Sha256::new();
            for r in &rows {
                h.update(r.as_bytes());
                h.update([0u8]);
            }
            let hex: String = h.finalize().iter().map(|b| format!("{b:02x}")).collect();
            (t, (rows.len(), hex))
        })
        .collect()
}

fn differences(
    before: &BTreeMap<String, (usize, String)>,
    after: &BTreeMap<String, (usize, String)>,
) -> Vec<String> {
    let mut out = Vec::new();
    for (t, b) in before {
        match after.get(t) {
            Some(a) if a == b => {}
            Some(a) => out.push(format!("{t}: {} rows → {} rows, content changed", b.0, a.0)),
            None => out.push(format!("{t}: {} rows → none", b.0)),
        }
    }
    for (t, a) in after {
        if !before.contains_key(t) {
            out.push(format!("{t}: empty → {} rows", a.0));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// The run.
// ---------------------------------------------------------------------------------------

fn seed() -> [u8; 32] {
    let Ok(hex) = std::env::var("BAD_INPUT_SEED") else {
        return SEED;
    };
    let mut out = [0u8; 32];
    for (i, slot) in out.iter_mut().enumerate() {
        *slot = hex
            .get(i * 2..i * 2 + 2)
            .and_then(|b| u8::from_str_radix(b, 16).ok())
            .unwrap_or_else(|| panic!("BAD_INPUT_SEED must be 64 hex digits"));
    }
    out
}

#[derive(Default)]
struct Tally {
    cases: u32,
    by_route: BTreeMap<String, u32>,
    by_status: BTreeMap<String, u32>,
    by_route_status: BTreeMap<(String, String), u32>,
}

#[test]
fn malformed_requests_get_a_clear_answer_and_change_nothing() {
    let started = Instant::now();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    // Trusting the loopback proxy lets each case come from its own forwarded address.
    let app = rt.block_on(TestApp::spawn_with(&[(
        "CTOPULSE_TRUSTED_PROXIES",
        "127.0.0.1/32",
    )]));
    let world = rt.block_on(seed_world(&app));
    let table = route_table();
    let query = fingerprint_query(&app);
    let baseline = fingerprint(&app, &query);
    let seeded = started.elapsed();

    let cases = std::env::var("BAD_INPUT_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(CASES);
    let config = Config {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/api/bad_input.proptest-regressions"
        )))),
        // Shrinking replays requests; a bounded number keeps a failing run short.
        max_shrink_iters: 200,
        max_shrink_time: 120_000,
        ..Config::default()
    };
    let mut runner =
        TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &seed()));
    let tally = Mutex::new(Tally::default());
    let healthz = Raw {
        bytes: format!(
            "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n\r\n",
            app.port
        )
        .into_bytes(),
        half_close: false,
    };
    let check = |c: Case| -> Result<(), TestCaseError> {
        let spec = &table[c.route];
        let raw = render(&world, &c, spec, app.port);
        let answer = rt.block_on(exchange(app.port, &raw));
        let what = format!("{} {}", spec.method, spec.path);
        {
            let mut t = tally.lock().expect("tally");
            t.cases += 1;
            *t.by_route.entry(what.clone()).or_default() += 1;
            let key = match &answer {
                Answer::Status(s) => s.to_string(),
                Answer::Closed(_) if c.framing == Framing::BadChunk => "closed-on-bad-chunk".into(),
                Answer::Closed(_) => "closed".into(),
                Answer::Hang => "hang".into(),
            };
            *t.by_status.entry(key.clone()).or_default() += 1;
            *t.by_route_status.entry((what.clone(), key)).or_default() += 1;
        }
        match answer {
            Answer::Status(s) if s < 400 || CLIENT_ERRORS.contains(&s) => {}
            Answer::Status(s) => return Err(TestCaseError::fail(format!("{what}: answered {s}"))),
            // A corrupt chunked body loses the message boundary: closing the connection
            // (actix-http's answer once the handler has started) is the safe response.
            Answer::Closed(_) if c.framing == Framing::BadChunk => {}
            Answer::Closed(e) => {
                return Err(TestCaseError::fail(format!(
                    "{what}: connection ended without an answer ({e})"
                )))
            }
            Answer::Hang => {
                return Err(TestCaseError::fail(format!(
                    "{what}: no answer within {ANSWER_WITHIN:?}"
                )))
            }
        }
        match rt.block_on(exchange(app.port, &healthz)) {
            Answer::Status(200) => {}
            other => {
                return Err(TestCaseError::fail(format!(
                    "after {what}: /healthz answered {other:?}"
                )))
            }
        }
        let changed = differences(&baseline, &fingerprint(&app, &query));
        if !changed.is_empty() {
            return Err(TestCaseError::fail(format!(
                "{what} changed the database: {}",
                changed.join("; ")
            )));
        }
        Ok(())
    };
    // Cases that once failed, replayed first whatever the seed.
    let mut result = Ok(());
    for c in regressions() {
        if let Err(e) = check(c.clone()) {
            result = Err(format!("regression case failed: {e}\n{c:#?}"));
            break;
        }
    }
    if result.is_ok() {
        result = runner.run(&case(), check).map_err(|e| e.to_string());
    }
    let t = tally.into_inner().expect("tally");
    let uncovered: Vec<String> = table
        .iter()
        .map(|s| format!("{} {}", s.method, s.path))
        .filter(|r| !t.by_route.contains_key(r))
        .collect();
    eprintln!(
        "bad-input corpus: {} cases over {} routes in {:.1?} (seeding {:.1?}); statuses {:?}",
        t.cases,
        t.by_route.len(),
        started.elapsed(),
        seeded,
        t.by_status
    );
    if std::env::var("BAD_INPUT_VERBOSE").is_ok() {
        for ((r, s), n) in &t.by_route_status {
            eprintln!("{r:45} {s:6} {n}");
        }
    }
    if let Err(e) = result {
        panic!("{e}");
    }
    assert!(
        uncovered.is_empty() || cases < 200,
        "routes the corpus never reached: {uncovered:?}"
    );
    drop(rt);
}
