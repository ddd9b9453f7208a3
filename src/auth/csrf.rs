//! CSRF tokens. A signed-in form carries a value derived from its session's CSRF secret;
//! the login form (before any session exists) carries a value derived from a random
//! pre-session cookie (double submit). Cookie-authenticated API writes send the same
//! session value in the `X-CSRF-Token` header. Bearer-token calls need none: a browser
//! never adds an `Authorization` header to a cross-site request by itself.

use crate::tokens;

/// The form field every state-changing staff form carries.
pub const FIELD: &str = "csrf_token";
/// The header cookie-authenticated API writes carry instead.
pub const HEADER: &str = "x-csrf-token";

/// The token a signed-in session's forms carry.
pub fn session_form_token(csrf_secret: &str) -> String {
    tokens::derive("ctopulse-session-csrf", csrf_secret)
}

/// The token the login form carries, derived from the pre-session cookie.
pub fn login_form_token(cookie_secret: &str) -> String {
    tokens::derive("ctopulse-login-csrf", cookie_secret)
}

/// The token the first-run `/setup` form carries, from the same pre-session cookie as the
/// login form's but bound to its own purpose.
pub fn setup_form_token(cookie_secret: &str) -> String {
    tokens::derive("ctopulse-setup-csrf", cookie_secret)
}

/// Whether `given` is the expected token (constant time; empty never matches).
pub fn matches(expected: &str, given: &str) -> bool {
    !given.is_empty() && tokens::constant_time_eq(expected, given)
}

/// The name of the pre-session cookie behind the login form's token.
pub fn login_cookie_name(https: bool) -> &'static str {
    if https {
        "__Host-ctopulse-login"
    } else {
        "ctopulse-login"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_bound_to_their_secret_and_purpose() {
        let s = tokens::new_token();
        assert!(matches(&session_form_token(&s), &session_form_token(&s)));
        assert!(!matches(&session_form_token(&s), &login_form_token(&s)));
        assert!(!matches(
            &session_form_token(&s),
            &session_form_token(&tokens::new_token())
        ));
        assert!(!matches(&session_form_token(&s), ""));
        assert_ne!(session_form_token(&s), s, "the form never shows the secret");
    }
}
