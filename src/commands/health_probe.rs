//! One GET of the service's health endpoint at its public URL, for `ctopulse init`: over
//! TLS with the same rustls and web PKI roots the mailer uses, so no HTTP client crate.

use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::domain::public_url::PublicUrl;

/// How a probe ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Probe {
    /// Nothing answers there (yet): refused, unknown host, or silence.
    NoServer(String),
    /// A server answered with this HTTP status.
    Answered(u16),
    /// Something answered but the exchange failed (TLS certificate, not HTTP…).
    Failed(String),
}

/// GETs `{public_url}/healthz`, giving up after `timeout` for the connection and again for
/// the exchange.
pub async fn health(url: &PublicUrl, timeout: Duration) -> Probe {
    let connect = TcpStream::connect((url.host.as_str(), url.port));
    let tcp = match tokio::time::timeout(timeout, connect).await {
        Err(_) => return Probe::NoServer(format!("no answer within {} s", timeout.as_secs())),
        Ok(Err(e)) => return Probe::NoServer(e.to_string()),
        Ok(Ok(s)) => s,
    };
    let request = format!(
        "GET {}/healthz HTTP/1.1\r\nHost: {}\r\nUser-Agent: ctopulse-init\r\nAccept: */*\r\nConnection: close\r\n\r\n",
        url.base_path,
        url.host_header()
    );
    let exchange = async {
        if url.https {
            let tls = tls_connect(url, tcp).await?;
            status_of(tls, &request).await
        } else {
            status_of(tcp, &request).await
        }
    };
    match tokio::time::timeout(timeout, exchange).await {
        Err(_) => Probe::Failed(format!("no HTTP answer within {} s", timeout.as_secs())),
        Ok(Err(e)) => Probe::Failed(e),
        Ok(Ok(status)) => Probe::Answered(status),
    }
}

async fn tls_connect(
    url: &PublicUrl,
    tcp: TcpStream,
) -> Result<tokio_rustls::client::TlsStream<TcpStream>, String> {
    let mut roots = rustls::RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(|e| format!("TLS set-up: {e}"))?
    .with_root_certificates(roots)
    .with_no_client_auth();
    let name = rustls::pki_types::ServerName::try_from(url.host.clone())
        .map_err(|e| format!("{}: {e}", url.host))?;
    tokio_rustls::TlsConnector::from(Arc::new(config))
        .connect(name, tcp)
        .await
        .map_err(|e| format!("TLS: {e}"))
}

/// Sends the request and reads the status code from the first line of the answer.
async fn status_of<S: AsyncRead + AsyncWrite + Unpin>(
    mut stream: S,
    request: &str,
) -> Result<u16, String> {
    stream
        .write_all(request.as_bytes())
        .await
        .map_err(|e| e.to_string())?;
    let mut head = Vec::new();
    let mut buf = [0u8; 512];
    while !head.windows(2).any(|w| w == b"\r\n") && head.len() < 4096 {
        let n = stream.read(&mut buf).await.map_err(|e| e.to_string())?;
        if n == 0 {
            break;
        }
        head.extend_from_slice(&buf[..n]);
    }
    parse_status(&head).ok_or_else(|| "the answer is not HTTP".to_string())
}

/// The status code of an HTTP/1.x status line.
fn parse_status(head: &[u8]) -> Option<u16> {
    let line = head.split(|b| *b == b'\n').next()?;
    let line = std::str::from_utf8(line).ok()?;
    let mut parts = line.split_whitespace();
    if !parts.next()?.starts_with("HTTP/1.") {
        return None;
    }
    parts.next()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::public_url;

    #[test]
    fn status_lines_are_read() {
        assert_eq!(parse_status(b"HTTP/1.1 200 OK\r\nx: y\r\n"), Some(200));
        assert_eq!(
            parse_status(b"HTTP/1.0 503 Service Unavailable\r\n"),
            Some(503)
        );
        assert_eq!(parse_status(b"SSH-2.0-OpenSSH\r\n"), None);
        assert_eq!(parse_status(b""), None);
    }

    #[tokio::test]
    async fn a_closed_port_is_no_server() {
        // Bind then drop a listener: its port is (for a moment) one nothing listens on.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let url = public_url::check(&format!("http://127.0.0.1:{port}")).unwrap();
        assert!(matches!(
            health(&url, Duration::from_secs(2)).await,
            Probe::NoServer(_)
        ));
    }
}
