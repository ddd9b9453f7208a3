//! One `Settings` struct: optional `ctopulse.toml` < environment (`CTOPULSE_*`) < CLI flags.
//!
//! The file and environment are read into an all-optional `RawSettings`, overlaid in order,
//! then validated once into `Settings`. Every error names the key, where the value came
//! from, and why it is wrong.

use std::collections::BTreeMap;
use std::fmt;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::domain::department::Department;

/// Default SQLite file, relative to the working directory.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://ctopulse.db";
/// Default configuration file, read if present.
pub const DEFAULT_CONFIG_FILE: &str = "ctopulse.toml";
/// Company name used in emails and reports when none is configured.
pub const DEFAULT_COMPANY_NAME: &str = "Example Company";

/// A bad setting: the key, the source of the value and the reason.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read configuration file {path}: {reason}")]
    File { path: String, reason: String },
    #[error("configuration file {path}: {reason}")]
    Syntax { path: String, reason: String },
    #[error("invalid setting {key} (from {source_name}): {reason}")]
    Invalid {
        key: &'static str,
        source_name: String,
        reason: String,
    },
}

/// A value that must never be printed or logged.
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
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&mask_url_password(&self.0))
    }
}

/// Replaces the password of `scheme://user:password@host` with `****`.
pub fn mask_url_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let (authority, tail) = match rest.find('/') {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _)) => format!("{scheme}://{user}:****@{host}{tail}"),
            None => url.to_string(),
        },
        None => url.to_string(),
    }
}

/// Which database a URL names.
#[derive(Debug, Clone, PartialEq, Eq)]
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
            DatabaseUrl::Postgres(url) => mask_url_password(url.expose()),
            DatabaseUrl::Sqlite(p) => format!("sqlite://{}", p.display()),
        }
    }
}

/// How emails leave the service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MailTransport {
    /// Pooled SMTP (`smtp://` with STARTTLS when offered, `smtps://` for TLS).
    Smtp,
    /// One `.eml` file per message in a folder.
    File,
    /// Kept in memory, for tests.
    Memory,
}

/// Log line format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

/// A trusted proxy: one address or a CIDR block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

impl fmt::Display for IpBlock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.addr, self.prefix)
    }
}

/// Status thresholds of the three measures (shares in 0–1).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Thresholds {
    /// A is amber below this alignment share.
    pub alignment_amber: f64,
    /// B is red below this productive-and-happy share.
    pub culture_red: f64,
    /// B is amber below this productive-and-happy share.
    pub culture_amber: f64,
    /// Regretted top-talent attrition above this breaches.
    pub attrition_max: f64,
    /// Offer acceptance below this breaches.
    pub acceptance_min: f64,
    /// C is red below this weighted CSAT.
    pub csat_red: f64,
    /// C is red when any reported group is below this.
    pub csat_group_red: f64,
    /// C is amber below this weighted CSAT.
    pub csat_amber: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            alignment_amber: 0.60,
            culture_red: 0.40,
            culture_amber: 0.60,
            attrition_max: 0.10,
            acceptance_min: 0.70,
            csat_red: 0.60,
            csat_group_red: 0.50,
            csat_amber: 0.75,
        }
    }
}

/// Mail settings.
#[derive(Debug, Clone)]
pub struct MailSettings {
    pub transport: MailTransport,
    pub smtp_url: Option<Secret>,
    pub dir: PathBuf,
    pub from: String,
    /// Messages a second across the service; 0 = unlimited.
    pub send_rate_per_second: f64,
    /// How long temporary failures are retried before the message is given up.
    pub retry_limit_hours: u64,
    /// Upper bound on sending one message (connect and every SMTP command).
    pub command_timeout_seconds: u64,
    pub smtp_pool_size: u32,
}

/// Anonymity settings; each round snapshots them at launch.
#[derive(Debug, Clone, Copy)]
pub struct AnonymitySettings {
    /// No aggregate of fewer answers is shown (3–50).
    pub k: u32,
    /// Comments only where a group has at least this many answers.
    pub comment_threshold: u32,
    /// Whether board users may read comments.
    pub board_sees_comments: bool,
}

/// The effective settings of one process.
#[derive(Debug, Clone)]
pub struct Settings {
    pub database_url: DatabaseUrl,
    pub bind: SocketAddr,
    pub public_url: String,
    pub company_name: String,
    pub timezone: String,
    pub fiscal_year_start_month: u8,
    pub templates_dir: Option<PathBuf>,
    pub log_format: LogFormat,
    pub trusted_proxies: Vec<IpBlock>,
    pub shutdown_grace_seconds: u64,
    pub mail: MailSettings,
    pub anonymity: AnonymitySettings,
    pub weights: BTreeMap<Department, f64>,
    pub thresholds: Thresholds,
}

/// The file's shape; every field optional so layers can overlay.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSettings {
    company_name: Option<String>,
    timezone: Option<String>,
    fiscal_year_start_month: Option<i64>,
    templates_dir: Option<String>,
    log_format: Option<String>,
    #[serde(default)]
    database: RawDatabase,
    #[serde(default)]
    server: RawServer,
    #[serde(default)]
    mail: RawMail,
    #[serde(default)]
    anonymity: RawAnonymity,
    #[serde(default)]
    weights: RawWeights,
    #[serde(default)]
    thresholds: RawThresholds,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDatabase {
    url: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawServer {
    bind: Option<String>,
    public_url: Option<String>,
    trusted_proxies: Option<Vec<String>>,
    shutdown_grace_seconds: Option<i64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMail {
    transport: Option<String>,
    smtp_url: Option<String>,
    dir: Option<String>,
    from: Option<String>,
    send_rate_per_second: Option<f64>,
    retry_limit_hours: Option<i64>,
    command_timeout_seconds: Option<i64>,
    smtp_pool_size: Option<i64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAnonymity {
    k: Option<i64>,
    comment_threshold: Option<i64>,
    board_sees_comments: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWeights {
    sales: Option<f64>,
    bd: Option<f64>,
    marketing: Option<f64>,
    engineering: Option<f64>,
    ceo: Option<f64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawThresholds {
    alignment_amber: Option<f64>,
    culture_red: Option<f64>,
    culture_amber: Option<f64>,
    attrition_max: Option<f64>,
    acceptance_min: Option<f64>,
    csat_red: Option<f64>,
    csat_group_red: Option<f64>,
    csat_amber: Option<f64>,
}

/// Values given on the command line; they win over file and environment.
#[derive(Debug, Default, Clone)]
pub struct FlagOverrides {
    pub database_url: Option<String>,
    pub bind: Option<String>,
    pub public_url: Option<String>,
    pub mail_transport: Option<String>,
    pub mail_dir: Option<String>,
}

/// Environment variables and the keys they set (DESIGN "Names that scripts rely on").
const ENV_KEYS: &[(&str, &str)] = &[
    ("CTOPULSE_DATABASE_URL", "database.url"),
    ("CTOPULSE_BIND", "server.bind"),
    ("CTOPULSE_PUBLIC_URL", "server.public_url"),
    ("CTOPULSE_MAIL_TRANSPORT", "mail.transport"),
    ("CTOPULSE_SMTP_URL", "mail.smtp_url"),
    ("CTOPULSE_MAIL_DIR", "mail.dir"),
    ("CTOPULSE_MAIL_FROM", "mail.from"),
    ("CTOPULSE_TIMEZONE", "timezone"),
    ("CTOPULSE_TRUSTED_PROXIES", "server.trusted_proxies"),
    ("CTOPULSE_LOG_FORMAT", "log_format"),
];

/// Where each overridden key's value came from, for error messages.
#[derive(Default)]
struct Sources(BTreeMap<&'static str, String>);

impl Sources {
    fn of(&self, key: &'static str, file: &str) -> String {
        self.0.get(key).cloned().unwrap_or_else(|| file.to_string())
    }
}

impl Settings {
    /// Loads the settings: `config_path` (or `./ctopulse.toml` if present), then `env`, then `flags`.
    pub fn load(
        config_path: Option<&Path>,
        env: &dyn Fn(&str) -> Option<String>,
        flags: &FlagOverrides,
    ) -> Result<Settings, ConfigError> {
        let (mut raw, file_name) = match config_path {
            Some(p) => (read_file(p)?, p.display().to_string()),
            None => {
                let p = Path::new(DEFAULT_CONFIG_FILE);
                if p.exists() {
                    (read_file(p)?, p.display().to_string())
                } else {
                    (RawSettings::default(), "defaults".to_string())
                }
            }
        };
        let mut sources = Sources::default();
        for (var, key) in ENV_KEYS {
            if let Some(v) = env(var).filter(|v| !v.is_empty()) {
                raw.set(key, v);
                sources.0.insert(key, format!("environment {var}"));
            }
        }
        if !sources.0.contains_key("database.url") {
            if let Some(v) = env("DATABASE_URL").filter(|v| !v.is_empty()) {
                raw.set("database.url", v);
                sources
                    .0
                    .insert("database.url", "environment DATABASE_URL".into());
            }
        }
        let flag_values = [
            ("database.url", &flags.database_url, "--database-url"),
            ("server.bind", &flags.bind, "--bind"),
            ("server.public_url", &flags.public_url, "--public-url"),
            ("mail.transport", &flags.mail_transport, "--mail-transport"),
            ("mail.dir", &flags.mail_dir, "--mail-dir"),
        ];
        for (key, value, flag) in flag_values {
            if let Some(v) = value {
                raw.set(key, v.clone());
                sources.0.insert(key, format!("flag {flag}"));
            }
        }
        raw.validate(&sources, &file_name)
    }

    /// The effective settings as TOML, secrets masked (`ctopulse config show`).
    pub fn to_masked_toml(&self) -> String {
        let weights: BTreeMap<&str, f64> =
            self.weights.iter().map(|(d, w)| (d.key(), *w)).collect();
        let shown = serde_json::json!({
            "company_name": self.company_name,
            "timezone": self.timezone,
            "fiscal_year_start_month": self.fiscal_year_start_month,
            "templates_dir": self.templates_dir.as_ref().map(|p| p.display().to_string()).unwrap_or_default(),
            "log_format": self.log_format,
            "database": { "url": self.database_url.masked() },
            "server": {
                "bind": self.bind.to_string(),
                "public_url": self.public_url,
                "trusted_proxies": self.trusted_proxies.iter().map(|b| b.to_string()).collect::<Vec<_>>(),
                "shutdown_grace_seconds": self.shutdown_grace_seconds,
            },
            "mail": {
                "transport": self.mail.transport,
                "smtp_url": self.mail.smtp_url.as_ref().map(|s| mask_url_password(s.expose())).unwrap_or_default(),
                "dir": self.mail.dir.display().to_string(),
                "from": self.mail.from,
                "send_rate_per_second": self.mail.send_rate_per_second,
                "retry_limit_hours": self.mail.retry_limit_hours,
                "command_timeout_seconds": self.mail.command_timeout_seconds,
                "smtp_pool_size": self.mail.smtp_pool_size,
            },
            "anonymity": {
                "k": self.anonymity.k,
                "comment_threshold": self.anonymity.comment_threshold,
                "board_sees_comments": self.anonymity.board_sees_comments,
            },
            "weights": weights,
            "thresholds": self.thresholds,
        });
        toml::to_string(&shown).unwrap_or_else(|e| format!("# cannot render settings: {e}\n"))
    }

    /// Whether the public URL is served over https (secure cookies, HSTS).
    pub fn is_https(&self) -> bool {
        self.public_url.starts_with("https://")
    }
}

fn read_file(path: &Path) -> Result<RawSettings, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError::File {
        path: path.display().to_string(),
        reason: e.to_string(),
    })?;
    toml::from_str(&text).map_err(|e| ConfigError::Syntax {
        path: path.display().to_string(),
        reason: e.to_string().trim_end().to_string(),
    })
}

impl RawSettings {
    /// Sets one string-valued key (the keys environment variables and flags can set).
    fn set(&mut self, key: &str, v: String) {
        match key {
            "database.url" => self.database.url = Some(v),
            "server.bind" => self.server.bind = Some(v),
            "server.public_url" => self.server.public_url = Some(v),
            "server.trusted_proxies" => {
                self.server.trusted_proxies = Some(
                    v.split(',')
                        .map(|s| s.trim().to_string())
                        .filter(|s| !s.is_empty())
                        .collect(),
                )
            }
            "mail.transport" => self.mail.transport = Some(v),
            "mail.smtp_url" => self.mail.smtp_url = Some(v),
            "mail.dir" => self.mail.dir = Some(v),
            "mail.from" => self.mail.from = Some(v),
            "timezone" => self.timezone = Some(v),
            "log_format" => self.log_format = Some(v),
            _ => {}
        }
    }

    fn validate(self, sources: &Sources, file: &str) -> Result<Settings, ConfigError> {
        let bad = |key: &'static str, reason: String| ConfigError::Invalid {
            key,
            source_name: sources.of(key, file),
            reason,
        };

        let database_url =
            DatabaseUrl::parse(self.database.url.as_deref().unwrap_or(DEFAULT_DATABASE_URL))
                .map_err(|r| bad("database.url", r))?;

        let bind_text = self.server.bind.unwrap_or_else(|| "127.0.0.1:8080".into());
        let bind: SocketAddr = bind_text.trim().parse().map_err(|_| {
            bad(
                "server.bind",
                format!("{bind_text:?} is not an address:port such as 127.0.0.1:8080"),
            )
        })?;

        let public_url = match self.server.public_url {
            Some(u) => {
                let u = u.trim().trim_end_matches('/').to_string();
                let rest = u
                    .strip_prefix("http://")
                    .or_else(|| u.strip_prefix("https://"));
                match rest {
                    Some(host) if !host.is_empty() && !host.contains(char::is_whitespace) => u,
                    _ => {
                        return Err(bad(
                            "server.public_url",
                            format!("{u:?} is not an http:// or https:// URL"),
                        ))
                    }
                }
            }
            None => format!("http://{bind}"),
        };

        let trusted_proxies = self
            .server
            .trusted_proxies
            .unwrap_or_default()
            .iter()
            .map(|s| IpBlock::parse(s))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|r| bad("server.trusted_proxies", r))?;

        let shutdown_grace_seconds =
            in_range(self.server.shutdown_grace_seconds.unwrap_or(30), 1, 600)
                .map_err(|r| bad("server.shutdown_grace_seconds", r))?;

        let timezone = self.timezone.unwrap_or_else(|| "UTC".into());
        jiff::tz::TimeZone::get(timezone.trim()).map_err(|_| {
            bad(
                "timezone",
                format!("{timezone:?} is not an IANA time zone such as Europe/Amsterdam"),
            )
        })?;

        let fiscal_year_start_month = in_range(self.fiscal_year_start_month.unwrap_or(1), 1, 12)
            .map_err(|r| bad("fiscal_year_start_month", r))?
            as u8;

        let log_format = match self.log_format.as_deref().map(str::trim) {
            None | Some("text") => LogFormat::Text,
            Some("json") => LogFormat::Json,
            Some(other) => return Err(bad("log_format", format!("{other:?} is not text or json"))),
        };

        let company_name = self
            .company_name
            .map(|s| s.trim().to_string())
            .unwrap_or_else(|| DEFAULT_COMPANY_NAME.into());
        if company_name.is_empty() || company_name.chars().count() > 80 {
            return Err(bad("company_name", "must be 1–80 characters".into()));
        }

        let transport = match self.mail.transport.as_deref().map(str::trim) {
            None | Some("file") => MailTransport::File,
            Some("smtp") => MailTransport::Smtp,
            Some("memory") => MailTransport::Memory,
            Some(other) => {
                return Err(bad(
                    "mail.transport",
                    format!("{other:?} is not smtp, file or memory"),
                ))
            }
        };
        let smtp_url = match self.mail.smtp_url {
            Some(u) if u.starts_with("smtp://") || u.starts_with("smtps://") => {
                Some(Secret::new(u))
            }
            Some(u) => {
                return Err(bad(
                    "mail.smtp_url",
                    format!(
                        "{:?} must start with smtp:// or smtps://",
                        mask_url_password(&u)
                    ),
                ))
            }
            None => None,
        };
        if transport == MailTransport::Smtp && smtp_url.is_none() {
            return Err(bad(
                "mail.smtp_url",
                "is required when mail.transport is smtp".into(),
            ));
        }
        let from = self
            .mail
            .from
            .unwrap_or_else(|| "ctopulse <ctopulse@localhost>".into());
        if !from.contains('@') {
            return Err(bad(
                "mail.from",
                format!("{from:?} is not an email address"),
            ));
        }
        let send_rate_per_second = self.mail.send_rate_per_second.unwrap_or(0.0);
        if !send_rate_per_second.is_finite() || send_rate_per_second < 0.0 {
            return Err(bad(
                "mail.send_rate_per_second",
                "must be 0 (unlimited) or a positive number".into(),
            ));
        }
        let mail = MailSettings {
            transport,
            smtp_url,
            dir: PathBuf::from(self.mail.dir.unwrap_or_else(|| "./mail".into())),
            from,
            send_rate_per_second,
            retry_limit_hours: in_range(self.mail.retry_limit_hours.unwrap_or(24), 1, 24 * 14)
                .map_err(|r| bad("mail.retry_limit_hours", r))?,
            command_timeout_seconds: in_range(
                self.mail.command_timeout_seconds.unwrap_or(30),
                1,
                30,
            )
            .map_err(|r| bad("mail.command_timeout_seconds", r))?,
            smtp_pool_size: in_range(self.mail.smtp_pool_size.unwrap_or(32), 1, 200)
                .map_err(|r| bad("mail.smtp_pool_size", r))? as u32,
        };

        let k = in_range(self.anonymity.k.unwrap_or(5), 3, 50).map_err(|r| bad("anonymity.k", r))?
            as u32;
        let comment_threshold = in_range(
            self.anonymity.comment_threshold.unwrap_or(10),
            k as i64,
            1000,
        )
        .map_err(|r| {
            bad(
                "anonymity.comment_threshold",
                format!("{r} (it may not be below k)"),
            )
        })? as u32;
        let anonymity = AnonymitySettings {
            k,
            comment_threshold,
            board_sees_comments: self.anonymity.board_sees_comments.unwrap_or(false),
        };

        let w = &self.weights;
        let given = [
            (Department::Sales, w.sales, "weights.sales"),
            (Department::Bd, w.bd, "weights.bd"),
            (Department::Marketing, w.marketing, "weights.marketing"),
            (
                Department::Engineering,
                w.engineering,
                "weights.engineering",
            ),
            (Department::Ceo, w.ceo, "weights.ceo"),
        ];
        let mut weights = BTreeMap::new();
        for (dept, value, key) in given {
            let v = value.unwrap_or_else(|| dept.default_weight());
            if !v.is_finite() || !(0.0..=1000.0).contains(&v) {
                return Err(bad(key, format!("{v} is not a weight between 0 and 1000")));
            }
            weights.insert(dept, v);
        }
        if weights.values().sum::<f64>() <= 0.0 {
            return Err(bad("weights", "at least one weight must be above 0".into()));
        }

        let d = Thresholds::default();
        let t = &self.thresholds;
        let share = |v: Option<f64>, default: f64, key: &'static str| {
            let v = v.unwrap_or(default);
            if v.is_finite() && (0.0..=1.0).contains(&v) {
                Ok(v)
            } else {
                Err(bad(key, format!("{v} is not a share between 0 and 1")))
            }
        };
        let thresholds = Thresholds {
            alignment_amber: share(
                t.alignment_amber,
                d.alignment_amber,
                "thresholds.alignment_amber",
            )?,
            culture_red: share(t.culture_red, d.culture_red, "thresholds.culture_red")?,
            culture_amber: share(t.culture_amber, d.culture_amber, "thresholds.culture_amber")?,
            attrition_max: share(t.attrition_max, d.attrition_max, "thresholds.attrition_max")?,
            acceptance_min: share(
                t.acceptance_min,
                d.acceptance_min,
                "thresholds.acceptance_min",
            )?,
            csat_red: share(t.csat_red, d.csat_red, "thresholds.csat_red")?,
            csat_group_red: share(
                t.csat_group_red,
                d.csat_group_red,
                "thresholds.csat_group_red",
            )?,
            csat_amber: share(t.csat_amber, d.csat_amber, "thresholds.csat_amber")?,
        };
        if thresholds.culture_red > thresholds.culture_amber {
            return Err(bad(
                "thresholds.culture_red",
                "must not be above thresholds.culture_amber".into(),
            ));
        }
        if thresholds.csat_red > thresholds.csat_amber {
            return Err(bad(
                "thresholds.csat_red",
                "must not be above thresholds.csat_amber".into(),
            ));
        }

        Ok(Settings {
            database_url,
            bind,
            public_url,
            company_name,
            timezone: timezone.trim().to_string(),
            fiscal_year_start_month,
            templates_dir: self.templates_dir.map(PathBuf::from),
            log_format,
            trusted_proxies,
            shutdown_grace_seconds,
            mail,
            anonymity,
            weights,
            thresholds,
        })
    }
}

fn in_range(v: i64, lo: i64, hi: i64) -> Result<u64, String> {
    if (lo..=hi).contains(&v) {
        Ok(v as u64)
    } else {
        Err(format!("{v} is outside {lo}–{hi}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn load_with(
        file: Option<&str>,
        env: &[(&str, &str)],
        flags: FlagOverrides,
    ) -> Result<Settings, ConfigError> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ctopulse.toml");
        if let Some(text) = file {
            std::fs::write(&path, text).unwrap();
        }
        let env: HashMap<String, String> = env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let lookup = move |k: &str| env.get(k).cloned();
        Settings::load(file.map(|_| path.as_path()), &lookup, &flags)
    }

    #[test]
    fn defaults_match_the_design() {
        let s = load_with(None, &[], FlagOverrides::default()).unwrap();
        assert_eq!(s.database_url, DatabaseUrl::Sqlite("ctopulse.db".into()));
        assert_eq!(s.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(s.mail.transport, MailTransport::File);
        assert_eq!(s.mail.dir, PathBuf::from("./mail"));
        assert_eq!(s.anonymity.k, 5);
        assert_eq!(s.anonymity.comment_threshold, 10);
        assert_eq!(s.weights[&Department::Sales], 35.0);
        assert_eq!(s.public_url, "http://127.0.0.1:8080");
    }

    #[test]
    fn flags_beat_environment_beat_file() {
        let file = "[database]\nurl = \"sqlite://from-file.db\"\n[server]\nbind = \"127.0.0.1:1000\"\npublic_url = \"https://pulse.example.com/\"\n";
        let s = load_with(
            Some(file),
            &[
                ("CTOPULSE_DATABASE_URL", "sqlite://from-env.db"),
                ("CTOPULSE_BIND", "127.0.0.1:2000"),
            ],
            FlagOverrides {
                bind: Some("127.0.0.1:3000".into()),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(s.database_url, DatabaseUrl::Sqlite("from-env.db".into()));
        assert_eq!(s.bind.to_string(), "127.0.0.1:3000");
        assert_eq!(s.public_url, "https://pulse.example.com");
        assert!(s.is_https());
    }

    #[test]
    fn database_url_forms() {
        assert!(matches!(
            DatabaseUrl::parse("postgres://u@h/db"),
            Ok(DatabaseUrl::Postgres(_))
        ));
        assert!(matches!(
            DatabaseUrl::parse("postgresql://u@h/db"),
            Ok(DatabaseUrl::Postgres(_))
        ));
        assert_eq!(
            DatabaseUrl::parse("sqlite://a/b.db"),
            Ok(DatabaseUrl::Sqlite("a/b.db".into()))
        );
        assert_eq!(
            DatabaseUrl::parse("sqlite:b.db"),
            Ok(DatabaseUrl::Sqlite("b.db".into()))
        );
        assert_eq!(
            DatabaseUrl::parse("/var/x.db"),
            Ok(DatabaseUrl::Sqlite("/var/x.db".into()))
        );
        assert!(DatabaseUrl::parse("mysql://h/db").is_err());
        assert!(DatabaseUrl::parse("").is_err());
        assert!(DatabaseUrl::parse("sqlite://").is_err());
    }

    #[test]
    fn bad_values_name_key_and_source() {
        let e = load_with(
            None,
            &[("CTOPULSE_MAIL_TRANSPORT", "pigeon")],
            FlagOverrides::default(),
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.contains("mail.transport")
                && e.contains("CTOPULSE_MAIL_TRANSPORT")
                && e.contains("pigeon"),
            "{e}"
        );

        let e = load_with(Some("[anonymity]\nk = 2\n"), &[], FlagOverrides::default())
            .unwrap_err()
            .to_string();
        assert!(e.contains("anonymity.k") && e.contains("3–50"), "{e}");

        let e = load_with(
            Some("[anonymity]\nk = 20\ncomment_threshold = 10\n"),
            &[],
            FlagOverrides::default(),
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("comment_threshold"), "{e}");

        let e = load_with(
            None,
            &[("CTOPULSE_TIMEZONE", "Mars/Olympus")],
            FlagOverrides::default(),
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("timezone"), "{e}");

        let e = load_with(
            None,
            &[("CTOPULSE_MAIL_TRANSPORT", "smtp")],
            FlagOverrides::default(),
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("mail.smtp_url"), "{e}");

        let e = load_with(
            Some("[weights]\nsales = -1\n"),
            &[],
            FlagOverrides::default(),
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("weights.sales"), "{e}");

        let e = load_with(
            None,
            &[("CTOPULSE_TRUSTED_PROXIES", "10.0.0.0/99")],
            FlagOverrides::default(),
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("server.trusted_proxies"), "{e}");
    }

    #[test]
    fn unknown_file_keys_are_rejected_with_their_line() {
        let e = load_with(
            Some("company_name = \"A\"\n\n[mail]\ntransprot = \"file\"\n"),
            &[],
            FlagOverrides::default(),
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("transprot") && e.contains("line 4"), "{e}");
    }

    #[test]
    fn secrets_are_masked_when_shown() {
        let s = load_with(
            None,
            &[
                (
                    "CTOPULSE_DATABASE_URL",
                    "postgres://app:hunter2hunter2@db/pulse",
                ),
                ("CTOPULSE_MAIL_TRANSPORT", "smtp"),
                (
                    "CTOPULSE_SMTP_URL",
                    "smtps://mailer:sm7p-pa55@smtp.example.com:465",
                ),
            ],
            FlagOverrides::default(),
        )
        .unwrap();
        let shown = s.to_masked_toml();
        assert!(
            !shown.contains("hunter2") && !shown.contains("sm7p-pa55"),
            "{shown}"
        );
        assert!(shown.contains("postgres://app:****@db/pulse"), "{shown}");
        assert!(!format!("{s:?}").contains("hunter2"));
    }

    #[test]
    fn trusted_proxy_blocks_match() {
        let b = IpBlock::parse("10.1.0.0/16").unwrap();
        assert!(b.contains("10.1.200.3".parse().unwrap()));
        assert!(!b.contains("10.2.0.1".parse().unwrap()));
        assert!(IpBlock::parse("::1")
            .unwrap()
            .contains("::1".parse().unwrap()));
        assert!(IpBlock::parse("0.0.0.0/0")
            .unwrap()
            .contains("8.8.8.8".parse().unwrap()));
    }
}
