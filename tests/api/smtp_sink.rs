//! A real SMTP server on loopback, for tests that check what a receiving server gets: it speaks
//! the ESMTP that lettre's SMTP transport uses (no TLS, no AUTH), keeps each message's DATA as
//! it arrived (dot-unstuffed), and refuses chosen recipients at RCPT with a permanent 550, as a
//! server does for an unknown mailbox. `Wire` reads a delivered message back: unfolded,
//! RFC 2047-decoded headers, and the text and HTML parts decoded from their transfer encoding.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

/// One message as the server received it.
#[derive(Debug, Clone)]
pub struct Delivered {
    pub rcpt_to: Vec<String>,
    pub data: String,
}

#[derive(Default)]
struct Inner {
    delivered: Vec<Delivered>,
    refused: HashSet<String>,
}

/// The running server; it stops with the test's runtime.
pub struct SmtpSink {
    pub port: u16,
    inner: Arc<Mutex<Inner>>,
}

impl SmtpSink {
    pub async fn start() -> SmtpSink {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let port = listener.local_addr().expect("address").port();
        let inner = Arc::new(Mutex::new(Inner::default()));
        let shared = inner.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(session(stream, shared.clone()));
            }
        });
        SmtpSink { port, inner }
    }

    /// `mail.smtp_url` for this server (plain SMTP on loopback).
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Refuse `address` at RCPT with 550 (a bounce) until `accept` is called.
    pub fn refuse(&self, address: &str) {
        self.inner.lock().unwrap().refused.insert(address.into());
    }

    pub fn accept(&self, address: &str) {
        self.inner.lock().unwrap().refused.remove(address);
    }

    pub fn delivered(&self) -> Vec<Delivered> {
        self.inner.lock().unwrap().delivered.clone()
    }
}

async fn session(stream: TcpStream, inner: Arc<Mutex<Inner>>) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut read = BufReader::new(read);
    write.write_all(b"220 sink.test ESMTP\r\n").await?;
    let mut rcpt_to = Vec::new();
    loop {
        let line = read_line(&mut read).await?;
        if line.is_empty() {
            return Ok(());
        }
        let verb = line.trim_end().to_ascii_uppercase();
        let reply: &[u8] = if verb.starts_with("EHLO") {
            b"250-sink.test\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n"
        } else if verb.starts_with("HELO") {
            b"250 sink.test\r\n"
        } else if verb.starts_with("MAIL FROM:") || verb.starts_with("RSET") {
            rcpt_to.clear();
            b"250 OK\r\n"
        } else if verb.starts_with("RCPT TO:") {
            let address = line
                .split_once('<')
                .and_then(|(_, rest)| rest.split_once('>'))
                .map(|(a, _)| a.to_string())
                .unwrap_or_default();
            if inner.lock().unwrap().refused.contains(&address) {
                b"550 5.1.1 no such mailbox\r\n"
            } else {
                rcpt_to.push(address);
                b"250 OK\r\n"
            }
        } else if verb == "DATA" {
            write.write_all(b"354 go ahead\r\n").await?;
            let mut data = String::new();
            loop {
                let l = read_line(&mut read).await?;
                if l.is_empty() || l == ".\r\n" {
                    break;
                }
                data.push_str(l.strip_prefix('.').unwrap_or(&l));
            }
            inner.lock().unwrap().delivered.push(Delivered {
                rcpt_to: std::mem::take(&mut rcpt_to),
                data,
            });
            b"250 OK queued\r\n"
        } else if verb == "NOOP" {
            b"250 OK\r\n"
        } else if verb == "QUIT" {
            write.write_all(b"221 bye\r\n").await?;
            return Ok(());
        } else {
            b"502 not implemented\r\n"
        };
        write.write_all(reply).await?;
    }
}

/// One line with its CRLF; empty at the end of the stream.
async fn read_line(
    read: &mut BufReader<tokio::net::tcp::OwnedReadHalf>,
) -> std::io::Result<String> {
    let mut buf = Vec::new();
    read.read_until(b'\n', &mut buf).await?;
    Ok(String::from_utf8_lossy(&buf).into_owned())
}

/// A delivered message, read as a mail client would.
pub struct Wire {
    /// `(name, value)`, unfolded; values RFC 2047-decoded.
    pub headers: Vec<(String, String)>,
    pub text: String,
    pub html: String,
}

impl Wire {
    pub fn parse(data: &str) -> Wire {
        let (head, body) = data.split_once("\r\n\r\n").expect("a header block");
        let headers = unfold(head);
        let boundary = headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("Content-Type"))
            .and_then(|(_, v)| v.split_once("boundary="))
            .map(|(_, b)| b.trim_matches('"').to_string())
            .expect("a multipart message");
        let (mut text, mut html) = (String::new(), String::new());
        for part in body.split(&format!("--{boundary}")).skip(1) {
            let Some((part_head, part_body)) = part.split_once("\r\n\r\n") else {
                continue; // the closing "--"
            };
            let part_headers = unfold(part_head.trim_start_matches("\r\n"));
            let get = |name: &str| {
                part_headers
                    .iter()
                    .find(|(n, _)| n.eq_ignore_ascii_case(name))
                    .map(|(_, v)| v.to_ascii_lowercase())
                    .unwrap_or_default()
            };
            let raw = part_body.strip_suffix("\r\n").unwrap_or(part_body);
            let decoded = match get("Content-Transfer-Encoding").as_str() {
                "base64" => String::from_utf8(base64(raw)).expect("UTF-8 part"),
                "quoted-printable" => String::from_utf8(quoted_printable(raw)).expect("UTF-8 part"),
                _ => raw.to_string(),
            }
            .replace("\r\n", "\n");
            if get("Content-Type").starts_with("text/plain") {
                text = decoded;
            } else if get("Content-Type").starts_with("text/html") {
                html = decoded;
            }
        }
        Wire {
            headers,
            text,
            html,
        }
    }

    /// Every value of header `name`.
    pub fn header(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect()
    }
}

fn unfold(head: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in head.split("\r\n") {
        if line.starts_with([' ', '\t']) {
            if let Some(last) = out.last_mut() {
                last.1.push_str(line);
            }
        } else if let Some((name, value)) = line.split_once(':') {
            out.push((name.to_string(), value.trim_start().to_string()));
        }
    }
    out.into_iter()
        .map(|(n, v)| (n, decode_words(&v)))
        .collect()
}

/// RFC 2047 encoded words (`=?utf-8?b?…?=`, `=?utf-8?q?…?=`); the whitespace between two
/// adjacent encoded words is not part of the text.
fn decode_words(value: &str) -> String {
    let mut out = String::new();
    let mut bytes = Vec::new();
    let mut rest = value;
    while let Some(start) = rest.find("=?") {
        let between = &rest[..start];
        let Some(end) = rest[start + 2..].find("?=").map(|e| start + 2 + e) else {
            break;
        };
        let word: Vec<&str> = rest[start + 2..end].splitn(3, '?').collect();
        if word.len() != 3 {
            break;
        }
        // Text between two encoded words that is only whitespace is dropped.
        let joins_previous = between.trim().is_empty() && !bytes.is_empty();
        if !joins_previous {
            out.push_str(&String::from_utf8_lossy(&std::mem::take(&mut bytes)));
            out.push_str(between);
        }
        match word[1] {
            "b" | "B" => bytes.extend(base64(word[2])),
            _ => bytes.extend(quoted_printable(&word[2].replace('_', " "))),
        }
        rest = &rest[end + 2..];
    }
    out.push_str(&String::from_utf8_lossy(&bytes));
    out.push_str(rest);
    out
}

fn base64(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let (mut out, mut acc, mut bits) = (Vec::new(), 0u32, 0);
    for c in text.bytes() {
        let Some(v) = ALPHABET.iter().position(|&a| a == c) else {
            continue; // line breaks and padding
        };
        acc = (acc << 6) | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

fn quoted_printable(text: &str) -> Vec<u8> {
    let text = text.replace("=\r\n", "");
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match (bytes[i], text.get(i + 1..i + 3)) {
            (b'=', Some(hex)) if u8::from_str_radix(hex, 16).is_ok() => {
                out.push(u8::from_str_radix(hex, 16).unwrap());
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

#[test]
fn encoded_words_and_transfer_encodings_decode() {
    assert_eq!(
        decode_words("=?utf-8?b?6rmA66+8?= <min@acme.test>"),
        "김민 <min@acme.test>"
    );
    assert_eq!(decode_words("=?utf-8?b?6rmA?= =?utf-8?b?66+8?="), "김민");
    assert_eq!(
        decode_words("=?UTF-8?Q?Caf=C3=A9_au_lait?="),
        "Café au lait"
    );
    assert_eq!(base64("aGVsbG8gd29y\r\nbGQ="), b"hello world");
    assert_eq!(quoted_printable("a=3Db=\r\nc"), b"a=bc");
}
