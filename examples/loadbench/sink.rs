//! A lean SMTP sink for the outbox benchmark: accepts every message, counts recipients and
//! distinct recipients, and writes both when it is told to stop (SIGTERM).
//!
//! It is in Rust so that the sink is never the slowest party: a Python sink on two cores
//! starved for CPU and decided the outbox's ratio instead of the sender.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

use crate::Res;

/// What the sink accepted.
#[derive(Default)]
struct Seen {
    messages: u64,
    recipients: u64,
    distinct: HashSet<String>,
}

/// Listens on 127.0.0.1:`port`, prints "ready", serves until SIGTERM, then writes
/// `{"messages", "recipients", "distinct_recipients"}` to `out`.
pub async fn run(port: u16, out: std::path::PathBuf) -> Res<serde_json::Value> {
    let listener = TcpListener::bind(("127.0.0.1", port)).await?;
    let seen = Arc::new(Mutex::new(Seen::default()));
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
    println!("ready");
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let (stream, _) = accepted?;
                let seen = seen.clone();
                tokio::spawn(async move {
                    // A client that hangs up mid-message counts nothing: the message was not
                    // accepted, as a real server would not accept it.
                    let _ = session(stream, seen).await;
                });
            }
            _ = term.recv() => break,
        }
    }
    let seen = seen.lock().map_err(|_| "sink state poisoned")?;
    let figures = serde_json::json!({
        "messages": seen.messages,
        "recipients": seen.recipients,
        "distinct_recipients": seen.distinct.len(),
    });
    std::fs::write(&out, figures.to_string())?;
    Ok(figures)
}

/// One SMTP session: EHLO, then MAIL / RCPT / DATA as often as the client likes.
async fn session(stream: TcpStream, seen: Arc<Mutex<Seen>>) -> Res<()> {
    stream.set_nodelay(true)?;
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read);
    let mut line = Vec::with_capacity(1024);
    let mut rcpts: Vec<String> = Vec::new();
    write.write_all(b"220 sink.test ESMTP\r\n").await?;
    loop {
        line.clear();
        if lines.read_until(b'\n', &mut line).await? == 0 {
            return Ok(());
        }
        let text = String::from_utf8_lossy(&line);
        let verb = text.get(..4).unwrap_or("").to_ascii_uppercase();
        let reply: &[u8] = match verb.as_str() {
            "EHLO" => b"250-sink.test\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n",
            "HELO" | "NOOP" => b"250 2.0.0 OK\r\n",
            "MAIL" => {
                rcpts.clear();
                b"250 2.1.0 OK\r\n"
            }
            "RCPT" => {
                rcpts.push(address(&text));
                b"250 2.1.5 OK\r\n"
            }
            "RSET" => {
                rcpts.clear();
                b"250 2.0.0 OK\r\n"
            }
            "DATA" => {
                write.write_all(b"354 end with <CRLF>.<CRLF>\r\n").await?;
                loop {
                    line.clear();
                    if lines.read_until(b'\n', &mut line).await? == 0 {
                        return Ok(());
                    }
                    if line == b".\r\n" || line == b".\n" {
                        break;
                    }
                }
                let mut s = seen.lock().map_err(|_| "sink state poisoned")?;
                s.messages += 1;
                s.recipients += rcpts.len() as u64;
                s.distinct.extend(rcpts.drain(..));
                drop(s);
                b"250 2.0.0 queued\r\n"
            }
            "QUIT" => {
                write.write_all(b"221 2.0.0 bye\r\n").await?;
                return Ok(());
            }
            _ => b"502 5.5.2 command not recognised\r\n",
        };
        write.write_all(reply).await?;
    }
}

/// The address of `RCPT TO:<a@b>`, lower-cased.
fn address(line: &str) -> String {
    let inner = line
        .split_once('<')
        .and_then(|(_, rest)| rest.split_once('>'))
        .map_or(line, |(a, _)| a);
    inner.trim().to_ascii_lowercase()
}
