//! A value that must never be printed or logged: database and SMTP URLs (their passwords),
//! session CSRF secrets. `Debug`, `Display` and `Serialize` all show it masked; only
//! `expose` gives the value, for the one place that needs it.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A secret string. Masked everywhere it could be shown.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret string.
    pub fn new(s: impl Into<String>) -> Self {
        Secret(s.into())
    }

    /// The secret itself, for the one place that needs it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// What may be shown: a URL with its password masked (the rest helps to tell which
    /// server is meant); anything else entirely masked.
    pub fn masked(&self) -> String {
        if self.0.is_empty() {
            String::new()
        } else if self.0.contains("://") {
            mask_url_password(&self.0)
        } else {
            "****".into()
        }
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({:?})", self.masked())
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

impl Serialize for Secret {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.masked())
    }
}

impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Secret)
    }
}

/// Masks the password of `scheme://user:password@host` and any `password=` query value
/// (PostgreSQL accepts both) with `****`.
pub fn mask_url_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let (authority, tail) = match rest.find(['/', '?']) {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let authority = match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _)) => format!("{user}:****@{host}"),
            None => authority.to_string(),
        },
        None => authority.to_string(),
    };
    let tail = match tail.split_once('?') {
        Some((path, query)) => {
            let query: Vec<String> = query
                .split('&')
                .map(|pair| match pair.split_once('=') {
                    Some((k, _)) if k.to_ascii_lowercase().contains("password") => {
                        format!("{k}=****")
                    }
                    _ => pair.to_string(),
                })
                .collect();
            format!("{path}?{}", query.join("&"))
        }
        None => tail.to_string(),
    };
    format!("{scheme}://{authority}{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_show_all_but_their_password() {
        let s = Secret::new("postgres://app:hunter2@db:5432/pulse?sslmode=require");
        assert_eq!(
            s.to_string(),
            "postgres://app:****@db:5432/pulse?sslmode=require"
        );
        assert!(!format!("{s:?}").contains("hunter2"));
        assert_eq!(
            mask_url_password("postgresql://db/pulse?user=a&password=hunter2"),
            "postgresql://db/pulse?user=a&password=****"
        );
        assert_eq!(mask_url_password("smtp://relay:25"), "smtp://relay:25");
        assert_eq!(mask_url_password("smtp://u:p@relay"), "smtp://u:****@relay");
    }

    #[test]
    fn other_values_are_masked_entirely() {
        let s = Secret::new("0123456789abcdef");
        assert_eq!(s.to_string(), "****");
        assert_eq!(format!("{s:?}"), "Secret(\"****\")");
        assert_eq!(
            serde_json::to_string(&s).unwrap_or_default(),
            "\"****\"",
            "serialised masked too"
        );
        assert_eq!(s.expose(), "0123456789abcdef");
    }
}
