//! The client's IP address: the peer, or X-Forwarded-For when the peer is a trusted proxy.

use std::net::IpAddr;

use actix_web::HttpRequest;

use crate::config::IpBlock;

/// The address to attribute a request to (rate limits). X-Forwarded-For is believed only
/// when the direct peer is a configured trusted proxy; then the right-most address that is
/// not itself a trusted proxy is the client.
pub fn client_ip(req: &HttpRequest, trusted: &[IpBlock]) -> String {
    let peer: Option<IpAddr> = req.peer_addr().map(|a| a.ip());
    let Some(peer) = peer else {
        return "unknown".into();
    };
    if !trusted.iter().any(|b| b.contains(peer)) {
        return peer.to_string();
    }
    let forwarded: Vec<IpAddr> = req
        .headers()
        .get_all("x-forwarded-for")
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    forwarded
        .iter()
        .rev()
        .find(|ip| !trusted.iter().any(|b| b.contains(**ip)))
        .or(forwarded.first())
        .map(|ip| ip.to_string())
        .unwrap_or_else(|| peer.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    fn req(peer: &str, xff: Option<&str>) -> HttpRequest {
        let mut r = TestRequest::default().peer_addr(format!("{peer}:4000").parse().unwrap());
        if let Some(x) = xff {
            r = r.insert_header(("X-Forwarded-For", x));
        }
        r.to_http_request()
    }

    #[test]
    fn forwarded_for_is_ignored_from_untrusted_peers() {
        let trusted = [IpBlock::parse("10.0.0.0/8").unwrap()];
        assert_eq!(
            client_ip(&req("203.0.113.9", Some("1.2.3.4")), &trusted),
            "203.0.113.9"
        );
    }

    #[test]
    fn forwarded_for_is_used_behind_a_trusted_proxy() {
        let trusted = [IpBlock::parse("10.0.0.0/8").unwrap()];
        assert_eq!(
            client_ip(&req("10.0.0.5", Some("198.51.100.7, 10.0.0.9")), &trusted),
            "198.51.100.7"
        );
        // A client cannot spoof by prepending: the right-most untrusted address wins.
        assert_eq!(
            client_ip(&req("10.0.0.5", Some("6.6.6.6, 198.51.100.7")), &trusted),
            "198.51.100.7"
        );
        assert_eq!(client_ip(&req("10.0.0.5", None), &trusted), "10.0.0.5");
    }
}
