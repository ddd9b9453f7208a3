//! The public URL respondents and staff use, checked before a real install goes live:
//! well-formed, and https unless it names this machine.

use std::fmt;

/// A public URL that passed the checks, split for a health probe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicUrl {
    pub https: bool,
    /// Host name or IP address (IPv6 without brackets).
    pub host: String,
    pub port: u16,
    /// The path the service is mounted under, without a trailing slash ("" at the root).
    pub base_path: String,
}

impl PublicUrl {
    /// Whether the URL names this machine (where plain http is fine).
    pub fn is_loopback(&self) -> bool {
        is_loopback(&self.host)
    }

    /// The `Host` header value for a request to this URL.
    pub fn host_header(&self) -> String {
        let host = if self.host.contains(':') {
            format!("[{}]", self.host)
        } else {
            self.host.clone()
        };
        let default_port = if self.https { 443 } else { 80 };
        if self.port == default_port {
            host
        } else {
            format!("{host}:{}", self.port)
        }
    }
}

/// What is wrong with a public URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlProblem {
    /// Not `http://` or `https://`.
    Scheme,
    /// No host, or a host with characters a host cannot have.
    Host,
    /// A port that is not 1–65535.
    Port,
    /// `user:password@` in the URL.
    Credentials,
    /// A query or fragment: links are built by appending paths.
    QueryOrFragment,
    /// Plain http to another machine: survey links and sign-ins would cross the network
    /// unencrypted.
    PlainHttp(String),
}

impl fmt::Display for UrlProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UrlProblem::Scheme => write!(f, "it must start with https:// (or http:// for localhost)"),
            UrlProblem::Host => write!(f, "it has no valid host name"),
            UrlProblem::Port => write!(f, "its port is not a number from 1 to 65535"),
            UrlProblem::Credentials => write!(f, "it must not hold a user name or password"),
            UrlProblem::QueryOrFragment => write!(f, "it must not have a query (?…) or fragment (#…)"),
            UrlProblem::PlainHttp(host) => write!(
                f,
                "it uses plain http for {host}, which is not this machine: survey links and passwords would travel unencrypted; use https://"
            ),
        }
    }
}

/// Checks a public URL.
pub fn check(url: &str) -> Result<PublicUrl, UrlProblem> {
    let url = url.trim();
    let (https, rest) = if let Some(r) = url.strip_prefix("https://") {
        (true, r)
    } else if let Some(r) = url.strip_prefix("http://") {
        (false, r)
    } else {
        return Err(UrlProblem::Scheme);
    };
    let rest = rest.trim_end_matches('/');
    if rest.contains(['?', '#']) {
        return Err(UrlProblem::QueryOrFragment);
    }
    let (authority, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    if authority.contains('@') {
        return Err(UrlProblem::Credentials);
    }
    let (host, port) = split_host_port(authority)?;
    let port = match port {
        None => {
            if https {
                443
            } else {
                80
            }
        }
        Some(p) => p
            .parse::<u16>()
            .ok()
            .filter(|p| *p > 0)
            .ok_or(UrlProblem::Port)?,
    };
    if path.contains(char::is_whitespace) {
        return Err(UrlProblem::Host);
    }
    let out = PublicUrl {
        https,
        host: host.to_ascii_lowercase(),
        port,
        base_path: path.to_string(),
    };
    if !out.https && !out.is_loopback() {
        return Err(UrlProblem::PlainHttp(out.host));
    }
    Ok(out)
}

fn split_host_port(authority: &str) -> Result<(&str, Option<&str>), UrlProblem> {
    let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
        let (host, after) = v6.split_once(']').ok_or(UrlProblem::Host)?;
        if host.parse::<std::net::Ipv6Addr>().is_err() {
            return Err(UrlProblem::Host);
        }
        match after {
            "" => (host, None),
            p => (host, Some(p.strip_prefix(':').ok_or(UrlProblem::Host)?)),
        }
    } else {
        match authority.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (authority, None),
        }
    };
    let valid_name = !host.is_empty()
        && host.len() <= 253
        && (host.contains(':')
            || host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.'));
    if !valid_name || host.starts_with(['.', '-']) {
        return Err(UrlProblem::Host);
    }
    Ok((host, port))
}

/// `localhost`, a name under `.localhost`, or a loopback address.
fn is_loopback(host: &str) -> bool {
    host == "localhost"
        || host.ends_with(".localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_urls_split_into_host_port_and_path() {
        let u = check("https://Pulse.Example.com/").unwrap();
        assert_eq!(
            u,
            PublicUrl {
                https: true,
                host: "pulse.example.com".into(),
                port: 443,
                base_path: String::new(),
            }
        );
        assert_eq!(u.host_header(), "pulse.example.com");
        let u = check("https://example.com:8443/ctopulse").unwrap();
        assert_eq!((u.port, u.base_path.as_str()), (8443, "/ctopulse"));
        assert_eq!(u.host_header(), "example.com:8443");
    }

    #[test]
    fn plain_http_is_only_for_this_machine() {
        for ok in [
            "http://localhost:8080",
            "http://127.0.0.1:8080",
            "http://[::1]:8080",
            "http://app.localhost",
        ] {
            assert!(check(ok).is_ok(), "{ok}");
        }
        assert_eq!(
            check("http://[::1]:8080").unwrap().host_header(),
            "[::1]:8080"
        );
        assert_eq!(
            check("http://pulse.example.com"),
            Err(UrlProblem::PlainHttp("pulse.example.com".into()))
        );
        assert_eq!(
            check("http://10.0.0.7:8080"),
            Err(UrlProblem::PlainHttp("10.0.0.7".into()))
        );
    }

    #[test]
    fn malformed_urls_say_what_is_wrong() {
        assert_eq!(check("pulse.example.com"), Err(UrlProblem::Scheme));
        assert_eq!(check("ftp://pulse.example.com"), Err(UrlProblem::Scheme));
        assert_eq!(check("https://"), Err(UrlProblem::Host));
        assert_eq!(check("https://exa mple.com"), Err(UrlProblem::Host));
        assert_eq!(check("https://example.com:0"), Err(UrlProblem::Port));
        assert_eq!(check("https://example.com:99999"), Err(UrlProblem::Port));
        assert_eq!(check("https://example.com:x"), Err(UrlProblem::Port));
        assert_eq!(
            check("https://a:b@example.com"),
            Err(UrlProblem::Credentials)
        );
        assert_eq!(
            check("https://example.com/?x=1"),
            Err(UrlProblem::QueryOrFragment)
        );
        assert_eq!(check("https://[zz]:1"), Err(UrlProblem::Host));
    }
}
