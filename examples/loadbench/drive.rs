//! `loadbench drive`: concurrent respondents through serve's real survey flow (link →
//! cookie + 303 → form → POST) over keep-alive connections, with the counts and latencies
//! `scripts/bench` reads as JSON.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::Res;

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

/// `loadbench drive`'s options.
#[derive(clap::Args)]
pub struct Args {
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
}

pub async fn drive(args: Args) -> Res<serde_json::Value> {
    let Args {
        addr,
        tokens,
        form,
        concurrency,
        seconds,
        warmup,
    } = args;
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
