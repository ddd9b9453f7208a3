//! The secrets of one sign-in through the identity provider, and the role its claims grant.
//!
//! The browser holds a random secret in a short-lived cookie; the state sent to the provider
//! is random too. The nonce and the PKCE verifier are derived from both (HMAC), so nothing
//! that would let someone finish the sign-in is ever stored: the server keeps only hashes of
//! the state and of the cookie (`db::oidc_logins`).

use std::collections::BTreeMap;

use super::Role;
use crate::tokens;

/// How long a started sign-in may take to come back.
pub const MAX_AGE: time::Duration = time::Duration::minutes(10);

/// The nonce the ID token must carry for this browser and state.
pub fn nonce(browser_secret: &str, state: &str) -> String {
    tokens::derive(&format!("ctopulse-oidc-nonce:{state}"), browser_secret)
}

/// The PKCE code verifier for this browser and state (64 hex characters: RFC 7636 allows
/// 43–128 unreserved characters).
pub fn pkce_verifier(browser_secret: &str, state: &str) -> String {
    tokens::derive(&format!("ctopulse-oidc-pkce:{state}"), browser_secret)
}

/// The role the person's groups grant under `map`: the strongest one when several match
/// (admin, then cto, then board), none when no group is mapped.
pub fn granted_role(groups: &[String], map: &BTreeMap<String, Role>) -> Option<Role> {
    const STRONGEST_FIRST: [Role; 3] = [Role::Admin, Role::Cto, Role::Board];
    let granted: Vec<Role> = groups.iter().filter_map(|g| map.get(g).copied()).collect();
    STRONGEST_FIRST.into_iter().find(|r| granted.contains(r))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map() -> BTreeMap<String, Role> {
        [
            ("ctopulse-admins".to_string(), Role::Admin),
            ("cto-office".to_string(), Role::Cto),
            ("board".to_string(), Role::Board),
        ]
        .into_iter()
        .collect()
    }

    #[test]
    fn the_strongest_mapped_group_wins() {
        let g = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            granted_role(&g(&["board", "cto-office"]), &map()),
            Some(Role::Cto)
        );
        assert_eq!(
            granted_role(&g(&["board", "ctopulse-admins"]), &map()),
            Some(Role::Admin)
        );
        assert_eq!(granted_role(&g(&["board"]), &map()), Some(Role::Board));
        assert_eq!(granted_role(&g(&["everyone"]), &map()), None);
        assert_eq!(granted_role(&[], &map()), None);
    }

    #[test]
    fn nonce_and_verifier_are_bound_to_browser_and_state() {
        let (b, s) = (tokens::new_token(), tokens::new_token());
        assert_eq!(nonce(&b, &s), nonce(&b, &s));
        assert_ne!(nonce(&b, &s), pkce_verifier(&b, &s));
        assert_ne!(nonce(&b, &s), nonce(&tokens::new_token(), &s));
        assert_ne!(nonce(&b, &s), nonce(&b, &tokens::new_token()));
        let v = pkce_verifier(&b, &s);
        assert!((43..=128).contains(&v.len()), "RFC 7636 length");
        assert!(v.bytes().all(|c| c.is_ascii_alphanumeric()));
    }
}
