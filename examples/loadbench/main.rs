//! The load benchmark's Rust half; `scripts/bench` runs it and prints the figures.
//!
//! Python cannot drive thousands of requests a second on two cores, so the parts that must
//! not be the bottleneck live here:
//!
//! - `links`: gives every invitation of a round a survey link and writes the tokens, as the
//!   outbox would email them.
//! - `drive`: concurrent respondents through the real HTTP flow (link → cookie + 303 → form
//!   → POST) over keep-alive connections; prints submissions/s and latencies as JSON
//!   (`drive.rs`).
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

mod bare;
mod drive;
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
    Drive(drive::Args),
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
        Cmd::Drive(args) => runtime(1)?.block_on(drive::drive(args))?,
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
