//! What ctopulse reads of a verified ID token: subject, email, whether the provider verified
//! the email, name, and the values of the configured group or role claim.

use openidconnect::core::CoreGenderClaim;
use openidconnect::{AdditionalClaims, IdTokenClaims};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::config::OidcSettings;

/// Every claim the standard ones leave, by name.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ExtraClaims {
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

impl AdditionalClaims for ExtraClaims {}

/// Who signed in, as the provider vouched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub subject: String,
    pub email: Option<String>,
    pub email_verified: bool,
    pub name: Option<String>,
    /// The values of the role claim (a string claim gives one).
    pub groups: Vec<String>,
}

pub(super) fn person(
    claims: &IdTokenClaims<ExtraClaims, CoreGenderClaim>,
    settings: &OidcSettings,
) -> Person {
    let extra = &claims.additional_claims().other;
    let verified_claim = settings.email_verified_claim.as_str();
    let email_verified = if verified_claim == "email_verified" {
        claims.email_verified()
    } else {
        None
    }
    .or_else(|| extra.get(verified_claim).and_then(truth))
    .unwrap_or(false);
    Person {
        subject: claims.subject().as_str().to_string(),
        email: claims.email().map(|e| e.as_str().to_string()),
        email_verified,
        name: claims
            .name()
            .and_then(|n| n.get(None))
            .map(|n| n.as_str().to_string()),
        groups: extra
            .get(&settings.role_claim)
            .map(strings)
            .unwrap_or_default(),
    }
}

/// A boolean claim; some providers send `"true"` as a string.
fn truth(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

/// A string claim as one value, a list as its string members.
fn strings(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![s.clone()],
        Value::Array(items) => items
            .iter()
            .filter_map(|i| i.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_role_claim_is_a_string_or_a_list_of_strings() {
        assert_eq!(strings(&json!("admins")), vec!["admins"]);
        assert_eq!(strings(&json!(["a", 3, "b"])), vec!["a", "b"]);
        assert!(strings(&json!({"a": 1})).is_empty());
    }

    #[test]
    fn verified_is_a_boolean_or_its_string() {
        assert_eq!(truth(&json!(true)), Some(true));
        assert_eq!(truth(&json!("false")), Some(false));
        assert_eq!(truth(&json!("yes")), None);
        assert_eq!(truth(&json!(1)), None);
    }
}
