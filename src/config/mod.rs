//! The settings, described once: the `Settings` struct below is the shape of `ctopulse.toml`,
//! its `Default` the defaults, and each field's `deserialize_with` the check its value gets.
//! `load` layers defaults < file < environment (`CTOPULSE_*`) < CLI flags with figment and
//! names, for a bad value, the key and where it came from (file and line, variable or flag).

mod load;
mod oidc;
mod rounds;
mod values;

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::domain::anonymity::ThresholdFloor;
use crate::domain::department::Department;
pub use crate::secret::{mask_url_password, Secret};
pub use load::{ConfigError, FlagOverrides};
use values::check;

pub use oidc::OidcSettings;
pub use rounds::{ReminderSettings, ScheduleSettings};
pub use values::{default_weights, DatabaseUrl, IpBlock, LogFormat, MailTransport};

/// Default SQLite file, relative to the working directory.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://ctopulse.db";
/// Default configuration file, read if present.
pub const DEFAULT_CONFIG_FILE: &str = "ctopulse.toml";
/// Company name used in emails and reports when none is configured.
pub const DEFAULT_COMPANY_NAME: &str = "Example Company";
/// The sender when none is configured.
pub const DEFAULT_MAIL_FROM: &str = "ctopulse <ctopulse@localhost>";

/// The effective settings of one process (and the shape of `ctopulse.toml`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    #[serde(deserialize_with = "check::company_name")]
    pub company_name: String,
    /// The company's own language: action texts are always written in it, and a respondent
    /// whose language an action lacks reads this one.
    pub default_locale: crate::domain::locale::Locale,
    /// IANA time zone of rounds' close dates.
    #[serde(deserialize_with = "check::timezone")]
    pub timezone: String,
    #[serde(deserialize_with = "check::ranged::<_, u8, 1, 12>")]
    pub fiscal_year_start_month: u8,
    #[serde(serialize_with = "check::show_optional")]
    pub templates_dir: Option<PathBuf>,
    pub log_format: LogFormat,
    pub database: DatabaseSettings,
    pub server: ServerSettings,
    pub mail: MailSettings,
    pub anonymity: AnonymitySettings,
    /// CSAT weight of each department (0–1000; at least one above 0).
    #[serde(
        deserialize_with = "check::weights",
        serialize_with = "check::show_weights"
    )]
    pub weights: BTreeMap<Department, f64>,
    pub thresholds: Thresholds,
    // --- retention (privacy lifecycle) ---
    pub retention: RetentionSettings,
    // --- end retention ---
    pub drivers: DriverSettings,
    pub time_split: TimeSplitSettings,
    pub reminders: ReminderSettings,
    pub schedules: ScheduleSettings,
    pub oidc: OidcSettings,
    /// Where each value that is not a default came from (`key`, source), for `config show`.
    #[serde(skip)]
    pub sources: Vec<(String, String)>,
}

/// `[database]`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DatabaseSettings {
    pub url: DatabaseUrl,
}

/// `[server]`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ServerSettings {
    #[serde(deserialize_with = "check::bind")]
    pub bind: SocketAddr,
    /// Base of the links in emails, without a trailing slash (default `http://{bind}`).
    #[serde(deserialize_with = "check::public_url")]
    pub public_url: String,
    /// Peers whose X-Forwarded-For is believed.
    pub trusted_proxies: Vec<IpBlock>,
    #[serde(deserialize_with = "check::ranged::<_, u64, 1, 600>")]
    pub shutdown_grace_seconds: u64,
}

/// `[mail]`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MailSettings {
    pub transport: MailTransport,
    #[serde(
        deserialize_with = "check::smtp_url",
        serialize_with = "check::show_optional"
    )]
    pub smtp_url: Option<Secret>,
    pub dir: PathBuf,
    #[serde(deserialize_with = "check::mail_from")]
    pub from: String,
    /// Messages a second across the service; 0 = unlimited.
    #[serde(deserialize_with = "check::rate")]
    pub send_rate_per_second: f64,
    /// How long temporary failures are retried before the message is given up.
    #[serde(deserialize_with = "check::ranged::<_, u64, 1, 336>")]
    pub retry_limit_hours: u64,
    /// Upper bound on sending one message (connect and every SMTP command).
    #[serde(deserialize_with = "check::ranged::<_, u64, 1, 30>")]
    pub command_timeout_seconds: u64,
    #[serde(deserialize_with = "check::ranged::<_, u32, 1, 200>")]
    pub smtp_pool_size: u32,
}

/// `[anonymity]`; each round snapshots it at launch.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AnonymitySettings {
    /// No aggregate of fewer answers is shown (3–50).
    #[serde(deserialize_with = "check::ranged::<_, u32, 3, 50>")]
    pub k: u32,
    /// Comments only where a group has at least this many answers (k–1000).
    #[serde(deserialize_with = "check::ranged::<_, u32, 3, 1000>")]
    pub comment_threshold: u32,
    /// Whether board users may read comments (never in strict mode).
    pub board_sees_comments: bool,
    /// Strict mode, for a works council (what it does: the `impl` below).
    pub strict_mode: bool,
}

/// Strict mode (works council). Rounds created or launched while it is on get k of at least
/// 10 and a comment threshold of at least 20 ([`ThresholdFloor::STRICT`]), and a smaller k
/// is refused; the board never reads comments; per-group progress is for admins
/// only; the survey's first page says the mode is on.
impl AnonymitySettings {
    /// The k a new round gets when none is asked for.
    pub fn round_k(&self) -> u32 {
        self.floor().raise(self.k, self.comment_threshold).0
    }

    /// The least k and comment threshold a round may be created or launched with.
    pub fn floor(&self) -> ThresholdFloor {
        if self.strict_mode {
            ThresholdFloor::STRICT
        } else {
            ThresholdFloor::STANDARD
        }
    }

    /// The comment threshold a new round with anonymity threshold `k` gets (never below k).
    pub fn round_comment_threshold(&self, k: u32) -> u32 {
        self.floor().raise(k, self.comment_threshold).1
    }

    /// Whether board users may read comments.
    pub fn board_reads_comments(&self) -> bool {
        self.board_sees_comments && !self.strict_mode
    }
}

/// `[thresholds]`: status thresholds of the three measures (shares in 0–1).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Thresholds {
    /// A is amber below this alignment share.
    #[serde(deserialize_with = "check::share")]
    pub alignment_amber: f64,
    /// B is red below this productive-and-happy share.
    #[serde(deserialize_with = "check::share")]
    pub culture_red: f64,
    /// B is amber below this productive-and-happy share.
    #[serde(deserialize_with = "check::share")]
    pub culture_amber: f64,
    /// Regretted top-talent attrition above this breaches.
    #[serde(deserialize_with = "check::share")]
    pub attrition_max: f64,
    /// Offer acceptance below this breaches.
    #[serde(deserialize_with = "check::share")]
    pub acceptance_min: f64,
    /// C is red below this weighted CSAT.
    #[serde(deserialize_with = "check::share")]
    pub csat_red: f64,
    /// C is red when any reported group is below this.
    #[serde(deserialize_with = "check::share")]
    pub csat_group_red: f64,
    /// C is amber below this weighted CSAT.
    #[serde(deserialize_with = "check::share")]
    pub csat_amber: f64,
    /// C is not rated when the groups in it cover less than this share of the total weight.
    #[serde(deserialize_with = "check::share")]
    pub csat_coverage: f64,
}

// --- retention (privacy lifecycle) ---
/// `[retention]`: how long sealed rounds keep their raw answers and comments. Tallies are
/// kept forever, so old quarters' scorecards still work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RetentionSettings {
    /// A sealed round of quarter Q loses its raw answers and comments once the current
    /// quarter is Q + this many (1–400; default 8).
    #[serde(deserialize_with = "check::retention_quarters")]
    pub raw_answers_quarters: u32,
}

/// Default of `retention.raw_answers_quarters`: two years, enough for key drivers and
/// retallies across the trend window.
pub const DEFAULT_RETENTION_QUARTERS: u32 = 8;

impl Default for RetentionSettings {
    fn default() -> Self {
        RetentionSettings {
            raw_answers_quarters: DEFAULT_RETENTION_QUARTERS,
        }
    }
}
// --- end retention ---

/// `[drivers]`: key-driver analysis at seal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DriverSettings {
    /// The least respondents with complete answers an analysis needs (3–10,000; default 20;
    /// a round's k raises it). Fewer, and the drivers of that group are not computed.
    #[serde(deserialize_with = "check::ranged::<_, u32, 3, 10000>")]
    pub min_respondents: u32,
}

impl Default for DriverSettings {
    fn default() -> Self {
        DriverSettings {
            min_respondents: crate::domain::scoring::drivers::DEFAULT_MIN_RESPONDENTS,
        }
    }
}

/// `[time_split]`: where the CTO's time goes, from the CTO's calendar (docs/methodology.md
/// "Time split").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TimeSplitSettings {
    /// The CTO's calendar addresses: their PARTSTAT=DECLINED leaves an event out, and they
    /// are not counted as attendees.
    pub owner_emails: Vec<String>,
    /// The company's own email domains; they never match an attendee-domain rule.
    pub own_domains: Vec<String>,
    /// Whether event titles are stored (off: only start, end, category and rule are).
    pub keep_titles: bool,
    /// Targets in percent; the four add up to 100 (the article: 35 / 20 / 15 / 30).
    pub target_sales: f64,
    pub target_marketing: f64,
    pub target_bd: f64,
    pub target_internal: f64,
}

impl Default for TimeSplitSettings {
    fn default() -> Self {
        let t = crate::domain::time_split::Targets::default();
        TimeSplitSettings {
            owner_emails: Vec::new(),
            own_domains: Vec::new(),
            keep_titles: false,
            target_sales: t.sales,
            target_marketing: t.marketing,
            target_bd: t.bd,
            target_internal: t.internal,
        }
    }
}

impl TimeSplitSettings {
    /// The targets, checked (each 0–100, adding up to 100).
    pub fn targets(&self) -> Result<crate::domain::time_split::Targets, String> {
        crate::domain::time_split::Targets::new(
            self.target_sales,
            self.target_marketing,
            self.target_bd,
            self.target_internal,
        )
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            company_name: DEFAULT_COMPANY_NAME.into(),
            default_locale: crate::domain::locale::Locale::En,
            timezone: "UTC".into(),
            fiscal_year_start_month: 1,
            templates_dir: None,
            log_format: LogFormat::Text,
            database: DatabaseSettings::default(),
            server: ServerSettings::default(),
            mail: MailSettings::default(),
            anonymity: AnonymitySettings::default(),
            weights: default_weights(),
            thresholds: Thresholds::default(),
            retention: RetentionSettings::default(),
            drivers: DriverSettings::default(),
            time_split: TimeSplitSettings::default(),
            reminders: ReminderSettings::default(),
            schedules: ScheduleSettings::default(),
            oidc: OidcSettings::default(),
            sources: Vec::new(),
        }
    }
}

impl Default for DatabaseSettings {
    fn default() -> Self {
        DatabaseSettings {
            url: DatabaseUrl::Sqlite(PathBuf::from("ctopulse.db")),
        }
    }
}

impl Default for ServerSettings {
    fn default() -> Self {
        ServerSettings {
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            // Empty until loaded: then `http://{bind}` unless set.
            public_url: String::new(),
            trusted_proxies: Vec::new(),
            shutdown_grace_seconds: 30,
        }
    }
}

impl Default for MailSettings {
    fn default() -> Self {
        MailSettings {
            transport: MailTransport::File,
            smtp_url: None,
            dir: PathBuf::from("./mail"),
            from: DEFAULT_MAIL_FROM.into(),
            send_rate_per_second: 0.0,
            retry_limit_hours: 24,
            command_timeout_seconds: 30,
            smtp_pool_size: 32,
        }
    }
}

impl Default for AnonymitySettings {
    fn default() -> Self {
        AnonymitySettings {
            k: 5,
            comment_threshold: 10,
            board_sees_comments: false,
            strict_mode: false,
        }
    }
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
            csat_coverage: 0.60,
        }
    }
}

impl Settings {
    /// The effective settings as TOML, secrets masked (`ctopulse config show`), then, as
    /// comments, where each value that is not a default came from.
    pub fn to_masked_toml(&self) -> String {
        // Through a JSON value: its maps are sorted, so the keys come out in a stable order.
        let mut out = serde_json::to_value(self)
            .map_err(|e| e.to_string())
            .and_then(|v| toml::to_string(&v).map_err(|e| e.to_string()))
            .unwrap_or_else(|e| format!("# cannot render settings: {e}\n"));
        if !self.sources.is_empty() {
            out.push_str("\n# Where values came from (all others are defaults):\n");
            for (key, source) in &self.sources {
                out.push_str(&format!("#   {key}: {source}\n"));
            }
        }
        out
    }

    /// Whether the public URL is served over https (secure cookies, HSTS).
    pub fn is_https(&self) -> bool {
        self.server.public_url.starts_with("https://")
    }
}

#[cfg(test)]
mod tests;
