//! Layering with figment: defaults < `ctopulse.toml` < environment < flags. Each layer is
//! named for where its values came from, so a bad value's error can say so.

use std::path::{Path, PathBuf};

use figment::value::{Dict, Map, Value};
use figment::{Figment, Metadata, Profile, Provider};

use super::{MailTransport, Settings, DEFAULT_CONFIG_FILE};

/// A bad setting: the key, the source of the value and the reason.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read configuration file {path}: {reason}")]
    File { path: String, reason: String },
    #[error("configuration file {path}: {reason}")]
    Syntax { path: String, reason: String },
    #[error("invalid setting {key} (from {source_name}): {reason}")]
    Invalid {
        key: String,
        source_name: String,
        reason: String,
    },
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
    ("CTOPULSE_STRICT_MODE", "anonymity.strict_mode"),
    ("CTOPULSE_TIMEZONE", "timezone"),
    ("CTOPULSE_TRUSTED_PROXIES", "server.trusted_proxies"),
    ("CTOPULSE_LOG_FORMAT", "log_format"),
    ("CTOPULSE_OIDC_ISSUER_URL", "oidc.issuer_url"),
    ("CTOPULSE_OIDC_CLIENT_ID", "oidc.client_id"),
    ("CTOPULSE_OIDC_CLIENT_SECRET", "oidc.client_secret"),
];

/// Where values for a key came from when no layer set it.
const DEFAULTS: &str = "defaults";

/// One layer of values, named for its source ("environment CTOPULSE_BIND", a file path, …).
struct Layer {
    name: String,
    values: Dict,
}

impl Layer {
    /// A layer setting one dotted `key`.
    fn one(name: String, key: &str, value: Value) -> Self {
        let values = figment::util::nest(key, value)
            .into_dict()
            .unwrap_or_default();
        Layer { name, values }
    }
}

impl Provider for Layer {
    fn metadata(&self) -> Metadata {
        Metadata::named(self.name.clone())
    }
    fn data(&self) -> Result<Map<Profile, Dict>, figment::Error> {
        Ok(Profile::Default.collect(self.values.clone()))
    }
}

/// The configuration file that was read, for line numbers in errors.
struct FileText {
    name: String,
    text: String,
}

impl Settings {
    /// Loads the settings: `config_path` (or `./ctopulse.toml` if present), then `env`, then `flags`.
    pub fn load(
        config_path: Option<&Path>,
        env: &dyn Fn(&str) -> Option<String>,
        flags: &FlagOverrides,
    ) -> Result<Settings, ConfigError> {
        let mut figment = Figment::new();
        let path = match config_path {
            Some(p) => Some(p.to_path_buf()),
            None => Some(PathBuf::from(DEFAULT_CONFIG_FILE)).filter(|p| p.exists()),
        };
        let file = match path {
            Some(p) => {
                let (layer, file) = read_file(&p)?;
                figment = figment.merge(layer);
                Some(file)
            }
            None => None,
        };

        let env_value = |var: &str| env(var).filter(|v| !v.is_empty());
        for (var, key) in ENV_KEYS {
            if let Some(v) = env_value(var) {
                figment =
                    figment.merge(Layer::one(format!("environment {var}"), key, text(key, v)));
            }
        }
        if env_value("CTOPULSE_DATABASE_URL").is_none() {
            if let Some(v) = env_value("DATABASE_URL") {
                let name = "environment DATABASE_URL".to_string();
                figment = figment.merge(Layer::one(name, "database.url", Value::from(v)));
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
                figment = figment.merge(Layer::one(
                    format!("flag {flag}"),
                    key,
                    text(key, v.clone()),
                ));
            }
        }

        let mut settings: Settings = figment
            .extract()
            .map_err(|e| from_figment(e, file.as_ref()))?;
        let source = |key: &str| source_of(&figment, key, file.as_ref());
        settings.check_together(&source)?;
        if settings.server.public_url.is_empty() {
            settings.server.public_url = format!("http://{}", settings.server.bind);
        }
        settings.sources = set_keys(&settings)
            .into_iter()
            .filter_map(|key| {
                figment
                    .find_metadata(&key)
                    .map(|m| (key, m.name.to_string()))
            })
            .collect();
        Ok(settings)
    }

    /// The checks that involve more than one value.
    fn check_together(&self, source: &dyn Fn(&str) -> String) -> Result<(), ConfigError> {
        let bad = |key: &str, reason: String| ConfigError::Invalid {
            key: key.to_string(),
            source_name: source(key),
            reason,
        };
        let k = self.anonymity.k;
        if self.anonymity.comment_threshold < k {
            return Err(bad(
                "anonymity.comment_threshold",
                format!(
                    "{} is outside {k}–1000 (it may not be below k)",
                    self.anonymity.comment_threshold
                ),
            ));
        }
        if self.mail.transport == MailTransport::Smtp && self.mail.smtp_url.is_none() {
            return Err(bad(
                "mail.smtp_url",
                "is required when mail.transport is smtp".into(),
            ));
        }
        if let Some(problem) = self.oidc.problem() {
            return Err(bad("oidc", problem.into()));
        }
        for (dept, w) in &self.weights {
            if !w.is_finite() || !(0.0..=1000.0).contains(w) {
                let key = format!("weights.{}", dept.key());
                return Err(bad(&key, format!("{w} is not a weight between 0 and 1000")));
            }
        }
        if self.weights.values().sum::<f64>() <= 0.0 {
            return Err(bad("weights", "at least one weight must be above 0".into()));
        }
        if let Err(reason) = self.time_split.targets() {
            return Err(bad("time_split.target_sales", reason));
        }
        let t = &self.thresholds;
        if t.culture_red > t.culture_amber {
            return Err(bad(
                "thresholds.culture_red",
                "must not be above thresholds.culture_amber".into(),
            ));
        }
        if t.csat_red > t.csat_amber {
            return Err(bad(
                "thresholds.csat_red",
                "must not be above thresholds.csat_amber".into(),
            ));
        }
        Ok(())
    }
}

/// Reads and parses the file (syntax errors name the line), as a layer named by its path.
fn read_file(path: &Path) -> Result<(Layer, FileText), ConfigError> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError::File {
        path: name.clone(),
        reason: e.to_string(),
    })?;
    let syntax = |reason: String| ConfigError::Syntax {
        path: name.clone(),
        reason: reason.trim_end().to_string(),
    };
    let table: toml::Table = toml::from_str(&text).map_err(|e| syntax(e.to_string()))?;
    let values = Value::serialize(&table)
        .map_err(|e| syntax(e.to_string()))?
        .into_dict()
        .unwrap_or_default();
    let layer = Layer {
        name: name.clone(),
        values,
    };
    Ok((layer, FileText { name, text }))
}

/// A string from the environment or a flag as the key expects it (a list is comma-separated).
fn text(key: &str, v: String) -> Value {
    if key == "server.trusted_proxies" {
        let items: Vec<Value> = v
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(Value::from)
            .collect();
        Value::from(items)
    } else if key == "anonymity.strict_mode" {
        // A switch from the environment: `true`/`false` (anything else is named as invalid).
        match v.trim() {
            "true" => Value::from(true),
            "false" => Value::from(false),
            _ => Value::from(v),
        }
    } else {
        Value::from(v)
    }
}

/// Where `key`'s value came from: the layer's name, with the line for the file.
fn source_of(figment: &Figment, key: &str, file: Option<&FileText>) -> String {
    match figment.find_metadata(key) {
        Some(m) => with_line(&m.name, key, file),
        None => DEFAULTS.to_string(),
    }
}

fn with_line(source: &str, key: &str, file: Option<&FileText>) -> String {
    match file
        .filter(|f| f.name == source)
        .and_then(|f| line_of(&f.text, key))
    {
        Some(line) => format!("{source}, line {line}"),
        None => source.to_string(),
    }
}

/// The first error figment found, as the key, its source and the reason.
fn from_figment(e: figment::Error, file: Option<&FileText>) -> ConfigError {
    let mut path = e.path.clone();
    let reason = match &e.kind {
        figment::error::Kind::UnknownField(field, expected) => {
            // figment may or may not have put the field on the path already.
            if path.last() != Some(field) {
                path.push(field.clone());
            }
            format!("unknown key; expected one of {}", expected.join(", "))
        }
        kind => kind.to_string(),
    };
    let key = path.join(".");
    let source_name = match &e.metadata {
        Some(m) => with_line(&m.name, &key, file),
        None => DEFAULTS.to_string(),
    };
    ConfigError::Invalid {
        key,
        source_name,
        reason,
    }
}

/// The 1-based line of `section.key` (or a top-level `key`) in a TOML text, for the
/// common `[section]` / `key = value` layout; `None` for anything fancier.
fn line_of(text: &str, dotted: &str) -> Option<usize> {
    let (section, key) = match dotted.rsplit_once('.') {
        Some((s, k)) => (s, k),
        None => ("", dotted),
    };
    let mut current = String::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if let Some(header) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = header.trim().to_string();
        } else if current == section {
            if let Some((k, _)) = line.split_once('=') {
                if k.trim().trim_matches('"') == key {
                    return Some(i + 1);
                }
            }
        }
    }
    None
}

/// Every leaf key of the settings, dotted (`mail.transport`, `weights.sales`, …).
fn set_keys(settings: &Settings) -> Vec<String> {
    fn walk(prefix: &str, v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    let key = if prefix.is_empty() {
                        k.clone()
                    } else {
                        format!("{prefix}.{k}")
                    };
                    walk(&key, v, out);
                }
            }
            _ => out.push(prefix.to_string()),
        }
    }
    let mut out = Vec::new();
    if let Ok(v) = serde_json::to_value(settings) {
        walk("", &v, &mut out);
    }
    out
}
