//! Setting value types and the checks each value gets as it is read. A check's error message
//! says why the value is wrong; the loader adds which key and where it came from.

use std::collections::BTreeMap;
use std::fmt;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::domain::department::Department;
use crate::secret::{mask_url_password, Secret};

/// Which database a URL names.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub enum DatabaseUrl {
    /// A PostgreSQL connection string, kept whole (it may hold a password).
    Postgres(Secret),
    /// A SQLite database file.
    Sqlite(PathBuf),
}

impl DatabaseUrl {
    /// Reads a URL: `postgres://`/`postgresql://` → PostgreSQL; `sqlite://PATH`, `sqlite:PATH`
    /// or a bare path → SQLite.
    pub fn parse(s: &str) -> Result<Self, String> {
        let s = s.trim();
        if s.is_empty() {
            return Err("is empty".into());
        }
        if s.starts_with("postgres://") || s.starts_with("postgresql://") {
            return Ok(DatabaseUrl::Postgres(Secret::new(s)));
        }
        let path = if let Some(p) = s.strip_prefix("sqlite://") {
            p
        } else if let Some(p) = s.strip_prefix("sqlite:") {
            p
        } else if s.contains("://") {
            let scheme = s.split("://").next().unwrap_or_default();
            return Err(format!(
                "unsupported scheme {scheme:?}: use postgres://, postgresql://, sqlite:// or a file path"
            ));
        } else {
            s
        };
        if path.is_empty() {
            return Err("names no SQLite file".into());
        }
        if path == ":memory:" {
            return Err("an in-memory SQLite database would lose every answer; name a file".into());
        }
        Ok(DatabaseUrl::Sqlite(PathBuf::from(path)))
    }

    /// The URL with any password masked.
    pub fn masked(&self) -> String {
        match self {
            DatabaseUrl::Postgres(url) => url.masked(),
            DatabaseUrl::Sqlite(p) => format!("sqlite://{}", p.display()),
        }
    }
}

impl TryFrom<String> for DatabaseUrl {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        DatabaseUrl::parse(&s)
    }
}

impl Serialize for DatabaseUrl {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.masked())
    }
}

/// How emails leave the service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", try_from = "String")]
pub enum MailTransport {
    /// Pooled SMTP (`smtp://` with STARTTLS when offered, `smtps://` for TLS).
    Smtp,
    /// One `.eml` file per message in a folder.
    File,
    /// Kept in memory, for tests.
    Memory,
}

impl TryFrom<String> for MailTransport {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        match s.trim() {
            "smtp" => Ok(MailTransport::Smtp),
            "file" => Ok(MailTransport::File),
            "memory" => Ok(MailTransport::Memory),
            other => Err(format!("{other:?} is not smtp, file or memory")),
        }
    }
}

/// Log line format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", try_from = "String")]
pub enum LogFormat {
    Text,
    Json,
}

impl TryFrom<String> for LogFormat {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        match s.trim() {
            "text" => Ok(LogFormat::Text),
            "json" => Ok(LogFormat::Json),
            other => Err(format!("{other:?} is not text or json")),
        }
    }
}

/// A trusted proxy: one address or a CIDR block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct IpBlock {
    addr: IpAddr,
    prefix: u8,
}

impl IpBlock {
    /// Parses `10.0.0.1`, `10.0.0.0/8` or `::1`.
    pub fn parse(s: &str) -> Result<Self, String> {
        let s = s.trim();
        let (addr, prefix) = match s.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (s, None),
        };
        let addr: IpAddr = addr
            .parse()
            .map_err(|_| format!("{s:?} is not an IP address or CIDR block"))?;
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(p) => p
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= max)
                .ok_or_else(|| format!("{s:?} has an invalid prefix length"))?,
            None => max,
        };
        Ok(IpBlock { addr, prefix })
    }

    /// Whether `ip` lies in this block.
    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.addr, ip) {
            (IpAddr::V4(a), IpAddr::V4(b)) => {
                let mask = u32::MAX.checked_shl(32 - self.prefix as u32).unwrap_or(0);
                u32::from(a) & mask == u32::from(b) & mask
            }
            (IpAddr::V6(a), IpAddr::V6(b)) => {
                let mask = u128::MAX.checked_shl(128 - self.prefix as u32).unwrap_or(0);
                u128::from(a) & mask == u128::from(b) & mask
            }
            _ => false,
        }
    }
}

impl TryFrom<String> for IpBlock {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        IpBlock::parse(&s)
    }
}

impl fmt::Display for IpBlock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.addr, self.prefix)
    }
}

impl Serialize for IpBlock {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// `deserialize_with` checks for values whose type alone does not say what is allowed.
pub(super) mod check {
    use super::*;

    /// An integer in `LO..=HI`.
    pub fn ranged<'de, D, T, const LO: i64, const HI: i64>(d: D) -> Result<T, D::Error>
    where
        D: Deserializer<'de>,
        T: TryFrom<i64>,
    {
        let v = i64::deserialize(d)?;
        if (LO..=HI).contains(&v) {
            T::try_from(v).map_err(|_| D::Error::custom(format!("{v} is too large")))
        } else {
            Err(D::Error::custom(format!("{v} is outside {LO}–{HI}")))
        }
    }

    /// `retention.raw_answers_quarters`: at least one quarter (0 would purge a round the
    /// moment it is sealed, before anyone could retally it), at most a century.
    pub fn retention_quarters<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
        let v = i64::deserialize(d)?;
        if v < 1 {
            return Err(D::Error::custom(format!(
                "{v} is not a number of quarters to keep raw answers: it must be at least 1 (default 8)"
            )));
        }
        if v > 400 {
            return Err(D::Error::custom(format!(
                "{v} quarters is more than a century; use at most 400"
            )));
        }
        Ok(v as u32)
    }

    /// A share between 0 and 1.
    pub fn share<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        let v = f64::deserialize(d)?;
        if v.is_finite() && (0.0..=1.0).contains(&v) {
            Ok(v)
        } else {
            Err(D::Error::custom(format!(
                "{v} is not a share between 0 and 1"
            )))
        }
    }

    /// `address:port`.
    pub fn bind<'de, D: Deserializer<'de>>(d: D) -> Result<SocketAddr, D::Error> {
        let s = String::deserialize(d)?;
        s.trim().parse().map_err(|_| {
            D::Error::custom(format!(
                "{s:?} is not an address:port such as 127.0.0.1:8080"
            ))
        })
    }

    /// An http(s) URL without a trailing slash.
    pub fn public_url<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        let u = String::deserialize(d)?;
        let u = u.trim().trim_end_matches('/').to_string();
        let rest = u
            .strip_prefix("http://")
            .or_else(|| u.strip_prefix("https://"));
        match rest {
            Some(host) if !host.is_empty() && !host.contains(char::is_whitespace) => Ok(u),
            _ => Err(D::Error::custom(format!(
                "{u:?} is not an http:// or https:// URL"
            ))),
        }
    }

    /// An IANA time zone name.
    pub fn timezone<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        let s = String::deserialize(d)?;
        let s = s.trim().to_string();
        jiff::tz::TimeZone::get(&s).map_err(|_| {
            D::Error::custom(format!(
                "{s:?} is not an IANA time zone such as Europe/Amsterdam"
            ))
        })?;
        Ok(s)
    }

    /// A company name of 1–80 characters.
    pub fn company_name<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        let s = String::deserialize(d)?.trim().to_string();
        if s.is_empty() || s.chars().count() > 80 {
            return Err(D::Error::custom("must be 1–80 characters"));
        }
        Ok(s)
    }

    /// A sender address.
    pub fn mail_from<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        let s = String::deserialize(d)?;
        if !s.contains('@') {
            return Err(D::Error::custom(format!("{s:?} is not an email address")));
        }
        Ok(s)
    }

    /// An `smtp://` or `smtps://` URL.
    pub fn smtp_url<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Secret>, D::Error> {
        let u = String::deserialize(d)?;
        if u.starts_with("smtp://") || u.starts_with("smtps://") {
            Ok(Some(Secret::new(u)))
        } else {
            Err(D::Error::custom(format!(
                "{:?} must start with smtp:// or smtps://",
                mask_url_password(&u)
            )))
        }
    }

    /// Messages a second: 0 (unlimited) or more.
    pub fn rate<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        let v = f64::deserialize(d)?;
        if !v.is_finite() || v < 0.0 {
            return Err(D::Error::custom(
                "must be 0 (unlimited) or a positive number",
            ));
        }
        Ok(v)
    }

    /// Department weights: the given ones over the defaults (ranges are checked by the
    /// loader, so the error names `weights.<department>`).
    pub fn weights<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<Department, f64>, D::Error> {
        let given = BTreeMap::<String, f64>::deserialize(d)?;
        let mut weights = default_weights();
        for (key, w) in given {
            let dept = key.parse::<Department>().map_err(|_| {
                D::Error::custom(format!(
                    "unknown department {key:?}: use sales, bd, marketing, engineering or ceo"
                ))
            })?;
            weights.insert(dept, w);
        }
        Ok(weights)
    }

    /// Weights shown by department key.
    pub fn show_weights<S: Serializer>(
        w: &BTreeMap<Department, f64>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.collect_map(w.iter().map(|(d, w)| (d.key(), w)))
    }

    /// An optional value shown as "" when unset (TOML has no null).
    pub fn show_optional<S: Serializer, T: Serialize>(
        v: &Option<T>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match v {
            Some(v) => v.serialize(s),
            None => s.serialize_str(""),
        }
    }
}

/// Every department at its default weight.
pub fn default_weights() -> BTreeMap<Department, f64> {
    Department::ALL
        .iter()
        .map(|d| (*d, d.default_weight()))
        .collect()
}
