//! Email addresses, case-folded so one person is one roster entry.

use std::fmt;

use serde::{Serialize, Serializer};

/// A plausible email address, lowercased.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Email(String);

/// Why a string is not an email address.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid email {0:?}")]
pub struct InvalidEmail(pub String);

impl Email {
    /// Accepts `local@domain.tld` without spaces or control characters, at most 254 bytes.
    /// Deliverability is the mail server's call; this only catches typos and garbage.
    pub fn parse(s: &str) -> Result<Email, InvalidEmail> {
        let t = s.trim();
        let bad = || InvalidEmail(s.to_string());
        if t.len() > 254 || t.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(bad());
        }
        let (local, domain) = t.rsplit_once('@').ok_or_else(bad)?;
        if local.is_empty()
            || local.len() > 64
            || local.contains('@')
            || local.contains(['<', '>', '(', ')', ',', ';', ':', '"', '[', ']', '\\'])
        {
            return Err(bad());
        }
        let labels: Vec<&str> = domain.split('.').collect();
        let label_ok = |l: &&str| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        };
        if labels.len() < 2 || !labels.iter().all(label_ok) {
            return Err(bad());
        }
        Ok(Email(t.to_lowercase()))
    }

    /// The address as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Email {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_and_folds() {
        assert_eq!(
            Email::parse(" Ann.Lee+q3@Example.COM ").unwrap().as_str(),
            "ann.lee+q3@example.com"
        );
        assert!(Email::parse("min-jun@회사.kr").is_ok());
    }

    #[test]
    fn rejects_garbage() {
        for bad in [
            "",
            "a",
            "a@",
            "@b.c",
            "a@b",
            "a b@c.d",
            "a@b..c",
            "a@-b.c",
            "<a@b.c>",
            "a\u{7}b@c.d",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?}");
        }
    }
}
