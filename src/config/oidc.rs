//! `[oidc]`: staff sign-in through the company's OpenID Connect provider (off until
//! `issuer_url` is set). The client secret is a [`Secret`]: masked by `config show`, best
//! given as `CTOPULSE_OIDC_CLIENT_SECRET` rather than in the file.

use std::collections::BTreeMap;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};

use super::check;
use crate::auth::Role;
use crate::secret::Secret;

/// `[oidc]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OidcSettings {
    /// The provider's issuer (discovery at `{issuer_url}/.well-known/openid-configuration`);
    /// empty turns single sign-on off.
    #[serde(deserialize_with = "issuer_url")]
    pub issuer_url: String,
    pub client_id: String,
    #[serde(deserialize_with = "secret", serialize_with = "check::show_optional")]
    pub client_secret: Option<Secret>,
    /// Scopes asked for besides `openid` (which is always asked for).
    pub scopes: Vec<String>,
    /// The ID token claim that says the email address is verified (`email_verified` in the
    /// standard; Entra ID sends `xms_edov` when configured).
    pub email_verified_claim: String,
    /// The claim holding the person's groups or roles (a string or a list of strings).
    pub role_claim: String,
    /// Values of `role_claim` and the role each grants; with several, admin wins over cto,
    /// and cto over board.
    #[serde(deserialize_with = "role_map")]
    pub roles: BTreeMap<String, Role>,
    /// Whether staff may still sign in with a local password.
    pub allow_passwords: bool,
    /// The provider's name on the sign-in button ("Sign in with …").
    pub display_name: String,
}

impl Default for OidcSettings {
    fn default() -> Self {
        OidcSettings {
            issuer_url: String::new(),
            client_id: String::new(),
            client_secret: None,
            scopes: vec!["email".into(), "profile".into()],
            email_verified_claim: "email_verified".into(),
            role_claim: "groups".into(),
            roles: BTreeMap::new(),
            allow_passwords: true,
            display_name: "single sign-on".into(),
        }
    }
}

impl OidcSettings {
    /// Whether single sign-on is configured.
    pub fn enabled(&self) -> bool {
        !self.issuer_url.is_empty()
    }

    /// Whether a password sign-in is allowed (always, unless single sign-on is on and the
    /// setting turns passwords off).
    pub fn passwords_allowed(&self) -> bool {
        self.allow_passwords || !self.enabled()
    }

    /// What is missing for single sign-on to work, if it is turned on.
    pub fn problem(&self) -> Option<&'static str> {
        if !self.enabled() {
            return None;
        }
        if self.client_id.trim().is_empty() {
            return Some("oidc.client_id is empty while oidc.issuer_url is set");
        }
        if self.role_claim.trim().is_empty() {
            return Some("oidc.role_claim is empty");
        }
        if self.email_verified_claim.trim().is_empty() {
            return Some("oidc.email_verified_claim is empty");
        }
        None
    }
}

/// An https issuer URL (http only on loopback, for a provider on the same machine), or empty.
fn issuer_url<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let u = String::deserialize(d)?;
    let u = u.trim().trim_end_matches('/').to_string();
    if u.is_empty() || u.starts_with("https://") || is_loopback_http(&u) {
        Ok(u)
    } else {
        Err(D::Error::custom(format!(
            "{u:?} must be an https:// URL (http:// only for 127.0.0.1 or localhost)"
        )))
    }
}

fn is_loopback_http(u: &str) -> bool {
    let Some(rest) = u.strip_prefix("http://") else {
        return false;
    };
    let host = rest.split(['/', ':']).next().unwrap_or_default();
    matches!(host, "127.0.0.1" | "localhost" | "[::1]") || rest.starts_with("[::1]")
}

fn secret<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Secret>, D::Error> {
    let s = String::deserialize(d)?;
    Ok(Some(Secret::new(s)).filter(|s| !s.expose().is_empty()))
}

fn role_map<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, Role>, D::Error> {
    let raw = BTreeMap::<String, String>::deserialize(d)?;
    raw.into_iter()
        .map(|(claim, role)| {
            let role = role
                .parse::<Role>()
                .map_err(|e| D::Error::custom(format!("oidc.roles.{claim}: {e}")))?;
            Ok((claim, role))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{FlagOverrides, Settings};

    fn load(file: &str, env: &[(&str, &str)]) -> Result<Settings, String> {
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let path = dir.path().join("ctopulse.toml");
        std::fs::write(&path, file).map_err(|e| e.to_string())?;
        let env: Vec<(String, String)> = env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let lookup = move |k: &str| env.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
        Settings::load(Some(&path), &lookup, &FlagOverrides::default()).map_err(|e| e.to_string())
    }

    #[test]
    fn the_client_secret_is_never_shown_and_roles_are_checked() {
        let file = "[oidc]\nissuer_url = \"https://idp.example.com/\"\nclient_id = \"ctopulse\"\n\
                    [oidc.roles]\n\"ctopulse-admins\" = \"admin\"\n";
        let s = load(file, &[("CTOPULSE_OIDC_CLIENT_SECRET", "s3cr3t-value")]).unwrap();
        assert_eq!(
            s.oidc.issuer_url, "https://idp.example.com",
            "trailing slash dropped"
        );
        assert_eq!(s.oidc.roles.get("ctopulse-admins"), Some(&Role::Admin));
        assert_eq!(
            s.oidc.client_secret.as_ref().map(|c| c.expose()),
            Some("s3cr3t-value")
        );
        let shown = s.to_masked_toml();
        assert!(!shown.contains("s3cr3t"), "{shown}");
        assert!(!format!("{s:?}").contains("s3cr3t"));

        let bad_role = file.replace("= \"admin\"", "= \"owner\"");
        let e = load(&bad_role, &[]).unwrap_err();
        assert!(
            e.contains("oidc.roles.ctopulse-admins") && e.contains("owner"),
            "{e}"
        );
        let plain_http = file.replace("https://idp.example.com/", "http://idp.example.com");
        let e = load(&plain_http, &[]).unwrap_err();
        assert!(e.contains("https://"), "{e}");
        let no_client = file.replace("client_id = \"ctopulse\"\n", "");
        let e = load(&no_client, &[]).unwrap_err();
        assert!(e.contains("client_id"), "{e}");
    }

    #[test]
    fn loopback_http_is_allowed_and_other_http_is_not() {
        assert!(is_loopback_http("http://127.0.0.1:4000/oidc"));
        assert!(is_loopback_http("http://localhost:4000"));
        assert!(!is_loopback_http("http://localhost.evil.example"));
        assert!(!is_loopback_http("http://idp.example.com"));
        assert!(!is_loopback_http("https://127.0.0.1"));
    }

    #[test]
    fn passwords_stay_allowed_without_single_sign_on() {
        let mut s = OidcSettings {
            allow_passwords: false,
            ..OidcSettings::default()
        };
        assert!(
            s.passwords_allowed(),
            "no provider: passwords are the only way in"
        );
        s.issuer_url = "https://idp.example.com".into();
        assert!(!s.passwords_allowed());
        assert_eq!(
            s.problem(),
            Some("oidc.client_id is empty while oidc.issuer_url is set")
        );
        s.client_id = "ctopulse".into();
        assert_eq!(s.problem(), None);
    }
}
