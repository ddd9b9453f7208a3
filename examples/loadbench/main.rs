//! The load benchmark's Rust half; `scripts/bench` runs it and prints the figures.
//!
//! Python cannot drive thousands of requests a second on two cores, so the parts that must
//! not be the bottleneck live here:
//!
//! - `links`: gives every invitation of a round a survey link and writes the tokens, as the
//!   outbox would email them.
//! - `drive`: concurrent respondents through the real HTTP flow (link → cookie + 303 → form
//!   → POST) over keep-alive connections; prints submissions/s and latencies as JSON.
//! - `lettre`: bare pooled lettre sending a rendered invite to an SMTP server, the
//!   reference the outbox's throughput is compared with.
//! - `sink`: the SMTP server both send to; counts what it accepted (`sink.rs`).
//! - `bare`: the respondent flow's floor, a minimal server doing `serve`'s database work
//!   (`bare.rs`).
//!
//! Every command prints one JSON object on stdout.

use std::error::Error;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::{Parser, Subcommand};
use diesel::prelude::*;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

mod bare;
mod sink;

use ctopulse::config::DatabaseUrl;
use ctopulse::db::schema::{invitation_links, invitations};
use ctopulse::db::{self, DbConnection};

type Res<T> = Result<T, Box<dyn Error + Send + Sync>>;

/// `serve`'s allocator and its tuning (`ctopulse::allocator`), so the floor (`bare`) is not
/// slower for want of them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(about = "ctopulse load benchmark tools (run through scripts/bench)")]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Links for every invitation of a round; tokens go to `out`, one a line.
    Links {
        #[arg(long)]
        database_url: String,
        #[arg(long)]
        round: String,
        #[arg(long)]
        out: std::path::PathBuf,
        /// At most this many links.
        #[arg(long)]
        limit: Option<i64>,
    },
    /// Concurrent respondents through the HTTP survey flow.
    Drive {
        /// host:port of `ctopulse serve`; several, comma-separated, spread the respondents
        /// over instances round-robin (one load balancer's worth of fairness).
        #[arg(long)]
        addr: String,
        /// File of survey tokens, one a line.
        #[arg(long)]
        tokens: std::path::PathBuf,
        /// The answers, as an urlencoded form without the CSRF field.
        #[arg(long)]
        form: String,
        #[arg(long, default_value_t = 32)]
        concurrency: usize,
        /// Stop after this many seconds (or when the tokens run out).
        #[arg(long, default_value_t = 10.0)]
        seconds: f64,
        /// Seconds of load before measuring (warms the server's caches and pools).
        #[arg(long, default_value_t = 1.0)]
        warmup: f64,
    },
    /// Bare pooled lettre to an SMTP server.
    Lettre {
        /// host:port of the SMTP server.
        #[arg(long)]
        smtp: String,
        #[arg(long, default_value_t = 32)]
        pool: u32,
        #[arg(long, default_value_t = 5000)]
        count: usize,
    },
    /// A minimal survey server on 127.0.0.1:`port` (the flow's floor) until SIGTERM.
    Bare {
        #[arg(long)]
        database_url: String,
        #[arg(long)]
        port: u16,
    },
    /// An SMTP sink on 127.0.0.1:`port` until SIGTERM; writes what it accepted to `out`.
    Sink {
        #[arg(long)]
        port: u16,
        #[arg(long)]
        out: std::path::PathBuf,
    },
}

fn main() -> Res<()> {
    // SAFETY: in `main` before any thread is started (parsing the command line starts none).
    unsafe { ctopulse::allocator::tune() };
    let cli = Cli::parse();
    let out = match cli.cmd {
        Cmd::Links {
            database_url,
            round,
            out,
            limit,
        } => links(&database_url, &round, &out, limit)?,
        Cmd::Drive {
            addr,
            tokens,
            form,
            concurrency,
            seconds,
            warmup,
        } => runtime(1)?.block_on(drive(addr, tokens, form, concurrency, seconds, warmup))?,
        Cmd::Lettre { smtp, pool, count } => {
            runtime(2)?.block_on(bare_lettre(smtp, pool, count))?
        }
        Cmd::Bare { database_url, port } => bare::run(&database_url, port)?,
        Cmd::Sink { port, out } => runtime(1)?.block_on(sink::run(port, out))?,
    };
    println!("{out}");
    Ok(())
}

fn runtime(threads: usize) -> Res<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_multi_thread()
        .worker_threads(threads)
        .enable_all()
        .build()?)
}

// ---------------------------------------------------------------------------------------
// Links

fn links(
    url: &str,
    round: &str,
    out: &std::path::Path,
    limit: Option<i64>,
) -> Res<serde_json::Value> {
    let pool = db::connect(&DatabaseUrl::parse(url)?)?;
    let mut conn = db::pool::checkout(&pool)?;
    let ids: Vec<String> = invitations::table
        .filter(invitations::round_id.eq(round))
        .filter(invitations::responded.eq(false))
        .select(invitations::id)
        .order(invitations::id)
        .limit(limit.unwrap_or(i64::MAX))
        .load(&mut *conn)?;
    let mut tokens = String::with_capacity(ids.len() * 65);
    let mut rows = Vec::with_capacity(ids.len());
    for id in ids {
        let token = ctopulse::tokens::new_token();
        rows.push((
            invitation_links::token_hash.eq(ctopulse::tokens::hash(&token)),
            invitation_links::invitation_id.eq(id),
            invitation_links::round_id.eq(round.to_string()),
        ));
        tokens.push_str(&token);
        tokens.push('\n');
    }
    let n = rows.len();
    conn.write_transaction(|conn| -> Result<(), diesel::result::Error> {
        for chunk in rows.chunks(1000) {
            match conn {
                DbConnection::Pg(c) => diesel::insert_into(invitation_links::table)
                    .values(chunk)
                    .execute(c)?,
                DbConnection::Sqlite(c) => diesel::insert_into(invitation_links::table)
                    .values(chunk)
                    .execute(c)?,
            };
        }
        Ok(())
    })?;
    std::fs::write(out, tokens)?;
    Ok(serde_json::json!({ "links": n }))
}

// ---------------------------------------------------------------------------------------
// The HTTP driver

/// A response, as much of it as the flow needs.
struct Reply {
    status: u16,
    cookie: Option<String>,
    location: Option<String>,
    body: Vec<u8>,
    close: bool,
}

/// One keep-alive HTTP/1.1 connection.
struct Http {
    addr: String,
    stream: Option<TcpStream>,
    buf: Vec<u8>,
}

impl Http {
    fn new(addr: &str) -> Self {
        Http {
            addr: addr.to_string(),
            stream: None,
            buf: Vec::with_capacity(16 * 1024),
        }
    }

    async fn call(&mut self, request: &[u8]) -> Res<Reply> {
        if self.stream.is_none() {
            let s = TcpStream::connect(&self.addr).await?;
            s.set_nodelay(true)?;
            self.stream = Some(s);
            self.buf.clear();
        }
        let result = self.exchange(request).await;
        match &result {
            Ok(r) if !r.close => {}
            _ => self.stream = None,
        }
        result
    }

    async fn exchange(&mut self, request: &[u8]) -> Res<Reply> {
        let stream = self.stream.as_mut().ok_or("not connected")?;
        stream.write_all(request).await?;
        // Headers.
        let head_end = loop {
            if let Some(p) = find(&self.buf, b"\r\n\r\n") {
                break p;
            }
            if read_more(stream, &mut self.buf).await? == 0 {
                return Err("connection closed before a response".into());
            }
        };
        let head = std::str::from_utf8(&self.buf[..head_end])?.to_string();
        let mut lines = head.split("\r\n");
        let status: u16 = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|s| s.parse().ok())
            .ok_or("bad status line")?;
        let (mut length, mut cookie, mut location, mut close) = (0usize, None, None, false);
        for line in lines {
            let Some((k, v)) = line.split_once(':') else {
                continue;
            };
            let v = v.trim();
            match k.to_ascii_lowercase().as_str() {
                "content-length" => length = v.parse()?,
                "set-cookie" if cookie.is_none() => {
                    cookie = v.split(';').next().map(str::to_string)
                }
                "location" => location = Some(v.to_string()),
                "connection" => close = v.eq_ignore_ascii_case("close"),
                "transfer-encoding" => return Err("chunked responses are not supported".into()),
                _ => {}
            }
        }
        let total = head_end + 4 + length;
        while self.buf.len() < total {
            if read_more(stream, &mut self.buf).await? == 0 {
                return Err("connection closed mid-body".into());
            }
        }
        let body = self.buf[head_end + 4..total].to_vec();
        self.buf.drain(..total);
        Ok(Reply {
            status,
            cookie,
            location,
            body,
            close,
        })
    }
}

async fn read_more(stream: &mut TcpStream, buf: &mut Vec<u8>) -> Res<usize> {
    let mut chunk = [0u8; 16 * 1024];
    let n = stream.read(&mut chunk).await?;
    buf.extend_from_slice(&chunk[..n]);
    Ok(n)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn csrf(body: &[u8]) -> Option<String> {
    let marker = b"name=\"csrf_token\" value=\"";
    let start = find(body, marker)? + marker.len();
    let len = find(&body[start..], b"\"")?;
    String::from_utf8(body[start..start + len].to_vec()).ok()
}

/// What one respondent task saw.
#[derive(Default)]
struct Seen {
    submitted: usize,
    /// Every thank-you page, the warm-up's included: what the server acknowledged storing.
    acknowledged: usize,
    requests: usize,
    errors: usize,
    unexpected: std::collections::BTreeMap<String, usize>,
    post_us: Vec<u64>,
    flow_us: Vec<u64>,
    request_us: Vec<u64>,
}

struct Shared {
    tokens: Vec<String>,
    next: AtomicUsize,
    form: String,
    measure_from: Instant,
    deadline: Instant,
}

async fn respondent(addr: String, shared: Arc<Shared>) -> Seen {
    let mut http = Http::new(&addr);
    let mut seen = Seen::default();
    loop {
        if Instant::now() >= shared.deadline {
            break;
        }
        let i = shared.next.fetch_add(1, Ordering::Relaxed);
        let Some(token) = shared.tokens.get(i) else {
            break;
        };
        let began = Instant::now();
        match one_flow(&mut http, &shared, token, &mut seen).await {
            Ok(Some(post_us)) => {
                seen.acknowledged += 1;
                if began >= shared.measure_from {
                    seen.submitted += 1;
                    seen.post_us.push(post_us);
                    seen.flow_us.push(began.elapsed().as_micros() as u64);
                }
            }
            Ok(None) => {}
            Err(_) => seen.errors += 1,
        }
    }
    seen
}

/// link → 303 + cookie → form → POST; `Some(post latency)` when the thank-you page came.
async fn one_flow(
    http: &mut Http,
    shared: &Shared,
    token: &str,
    seen: &mut Seen,
) -> Res<Option<u64>> {
    // Each respondent keeps to one instance, as a sticky load balancer would.
    let host = http.addr.clone();
    let timed = |seen: &mut Seen, t0: Instant| {
        seen.requests += 1;
        if t0 >= shared.measure_from {
            seen.request_us.push(t0.elapsed().as_micros() as u64);
        }
    };
    let t0 = Instant::now();
    let open = http
        .call(format!("GET /s/{token} HTTP/1.1\r\nHost: {host}\r\n\r\n").as_bytes())
        .await?;
    timed(seen, t0);
    let (Some(cookie), Some(location), 303) = (open.cookie, open.location, open.status) else {
        *seen
            .unexpected
            .entry(format!("link {}", open.status))
            .or_default() += 1;
        return Ok(None);
    };
    let t0 = Instant::now();
    let form = http
        .call(
            format!("GET {location} HTTP/1.1\r\nHost: {host}\r\nCookie: {cookie}\r\n\r\n")
                .as_bytes(),
        )
        .await?;
    timed(seen, t0);
    let Some(csrf) = (form.status == 200).then(|| csrf(&form.body)).flatten() else {
        *seen
            .unexpected
            .entry(format!("form {}", form.status))
            .or_default() += 1;
        return Ok(None);
    };
    let body = format!("csrf_token={csrf}&{}", shared.form);
    let t0 = Instant::now();
    let post = http
        .call(
            format!(
                "POST {location} HTTP/1.1\r\nHost: {host}\r\nCookie: {cookie}\r\n\
                 Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            )
            .as_bytes(),
        )
        .await?;
    let post_us = t0.elapsed().as_micros() as u64;
    timed(seen, t0);
    if post.status != 200 {
        *seen
            .unexpected
            .entry(format!("post {}", post.status))
            .or_default() += 1;
        return Ok(None);
    }
    Ok(Some(post_us))
}

fn percentile(sorted: &[u64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)] as f64 / 1000.0
}

async fn drive(
    addr: String,
    tokens: std::path::PathBuf,
    form: String,
    concurrency: usize,
    seconds: f64,
    warmup: f64,
) -> Res<serde_json::Value> {
    let tokens: Vec<String> = std::fs::read_to_string(&tokens)?
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    let start = Instant::now();
    let measure_from = start + Duration::from_secs_f64(warmup);
    let shared = Arc::new(Shared {
        tokens,
        next: AtomicUsize::new(0),
        form,
        measure_from,
        deadline: measure_from + Duration::from_secs_f64(seconds),
    });
    let addrs: Vec<String> = addr
        .split(',')
        .filter(|a| !a.is_empty())
        .map(str::to_string)
        .collect();
    if addrs.is_empty() {
        return Err("--addr: no host:port given".into());
    }
    let tasks: Vec<_> = (0..concurrency.max(1))
        .map(|i| tokio::spawn(respondent(addrs[i % addrs.len()].clone(), shared.clone())))
        .collect();
    let mut all = Seen::default();
    for t in tasks {
        let s = t.await?;
        all.submitted += s.submitted;
        all.acknowledged += s.acknowledged;
        all.requests += s.requests;
        all.errors += s.errors;
        for (k, v) in s.unexpected {
            *all.unexpected.entry(k).or_default() += v;
        }
        all.post_us.extend(s.post_us);
        all.flow_us.extend(s.flow_us);
        all.request_us.extend(s.request_us);
    }
    let ended = Instant::now();
    let measured = ended.saturating_duration_since(measure_from).as_secs_f64();
    all.post_us.sort_unstable();
    all.flow_us.sort_unstable();
    all.request_us.sort_unstable();
    Ok(serde_json::json!({
        "concurrency": concurrency,
        "seconds": measured,
        "submissions": all.submitted,
        "acknowledged": all.acknowledged,
        "submissions_per_s": all.submitted as f64 / measured.max(1e-9),
        "requests": all.requests,
        "requests_per_s": all.request_us.len() as f64 / measured.max(1e-9),
        "errors": all.errors,
        "unexpected": all.unexpected,
        "tokens_used": shared.next.load(Ordering::Relaxed).min(shared.tokens.len()),
        "tokens_out": shared.next.load(Ordering::Relaxed) >= shared.tokens.len(),
        "post_ms": {"p50": percentile(&all.post_us, 0.5), "p99": percentile(&all.post_us, 0.99)},
        "flow_ms": {"p50": percentile(&all.flow_us, 0.5), "p99": percentile(&all.flow_us, 0.99)},
        "request_ms": {"p50": percentile(&all.request_us, 0.5), "p99": percentile(&all.request_us, 0.99)},
    }))
}

// ---------------------------------------------------------------------------------------
// Bare lettre

async fn bare_lettre(smtp: String, pool: u32, count: usize) -> Res<serde_json::Value> {
    use lettre::message::Mailbox;
    use lettre::transport::smtp::PoolConfig;
    use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

    use ctopulse::domain::locale::Locale;
    use ctopulse::mail::content::{self, MessageContext, MessageKind};

    // The same invite the outbox renders, so the bytes on the wire match.
    let token = ctopulse::tokens::new_token();
    let link = format!("http://127.0.0.1:8080/s/{token}");
    let closes_on = time::Date::from_calendar_date(2026, time::Month::December, 20)?;
    let email = content::render(&MessageContext {
        kind: MessageKind::Invite,
        locale: Locale::En,
        to: "p000001@example.test",
        recipient_name: "Person 1",
        company: "Example",
        survey_title: "Engineering culture",
        duration: "This takes about two minutes.",
        quarter: "2026Q4"
            .parse()
            .map_err(|e: ctopulse::domain::quarter::InvalidQuarter| e.to_string())?,
        closes_on,
        timezone: "UTC",
        k: 5,
        link: &link,
        sender: "ctopulse <ctopulse@localhost>",
        recap: None,
    })?;
    let message = ctopulse::mail::build_message(
        &"ctopulse <ctopulse@localhost>".parse::<Mailbox>()?,
        &email,
    )?;
    let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&format!("smtp://{smtp}"))?
        .timeout(Some(Duration::from_secs(30)))
        .pool_config(PoolConfig::new().max_size(pool))
        .build();
    let next = Arc::new(AtomicUsize::new(0));
    let failed = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let tasks: Vec<_> = (0..pool.max(1))
        .map(|_| {
            let (transport, message, next, failed) = (
                transport.clone(),
                message.clone(),
                next.clone(),
                failed.clone(),
            );
            tokio::spawn(async move {
                while next.fetch_add(1, Ordering::Relaxed) < count {
                    if transport.send(message.clone()).await.is_err() {
                        failed.fetch_add(1, Ordering::Relaxed);
                    }
                }
            })
        })
        .collect();
    for t in tasks {
        t.await?;
    }
    let secs = started.elapsed().as_secs_f64();
    let failed = failed.load(Ordering::Relaxed);
    Ok(serde_json::json!({
        "pool": pool,
        "count": count,
        "failed": failed,
        "seconds": secs,
        "messages_per_s": (count - failed) as f64 / secs,
        "message_bytes": message.formatted().len(),
    }))
}
