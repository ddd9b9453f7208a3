//! Staff passwords: the rules a new password must meet, argon2id hashing, and a dummy
//! hash so an unknown email costs the same time as a wrong password.

use argon2::{Algorithm, Argon2, Params, PasswordHasher, PasswordVerifier, Version};

/// Fewest characters a password may have.
pub const MIN_CHARS: usize = 12;
/// Most bytes a password may have (longer input is refused before any hashing).
pub const MAX_BYTES: usize = 1024;

/// argon2id memory cost in KiB (19 MiB), iterations and lanes (OWASP's first choice).
const M_COST: u32 = 19 * 1024;
const T_COST: u32 = 2;
const P_COST: u32 = 1;

/// A hash of a random string nobody knows, made with the parameters above. Unknown users
/// are checked against it so the answer takes as long as for a known user.
pub const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$qtyJUKcu2vkatkOps4wTVg$3OE4nxLGMAHUOOcI34mP/14IyyRSYOiNhFq67UNigAU";

/// Why a new password is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PasswordRejected {
    #[error("the password must have at least {MIN_CHARS} characters")]
    TooShort,
    #[error("the password must have at most {MAX_BYTES} bytes")]
    TooLong,
    #[error("the password is one of the most common passwords; choose another")]
    TooCommon,
}

/// Hashing failed (only on a broken random source or bad parameters).
#[derive(Debug, thiserror::Error)]
#[error("cannot hash the password: {0}")]
pub struct HashError(String);

/// Checks a new password against the rules.
pub fn check_new(password: &str) -> Result<(), PasswordRejected> {
    if password.len() > MAX_BYTES {
        return Err(PasswordRejected::TooLong);
    }
    if password.chars().count() < MIN_CHARS {
        return Err(PasswordRejected::TooShort);
    }
    if is_common(password) {
        return Err(PasswordRejected::TooCommon);
    }
    Ok(())
}

/// A random password for a new account or a reset, shown once to the admin who made it:
/// 24 hex characters (96 bits) from the CSPRNG — long, and never on the common-password list.
pub fn generate() -> String {
    crate::tokens::new_token().chars().take(24).collect()
}

/// The argon2id PHC string of `password` with a fresh random salt.
pub fn hash(password: &str) -> Result<String, HashError> {
    let hasher = hasher().map_err(|e| HashError(e.to_string()))?;
    hasher
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| HashError(e.to_string()))
}

/// Whether `password` matches the stored PHC string (false for a malformed one).
pub fn verify(password: &str, phc: &str) -> bool {
    match hasher() {
        Ok(h) => h.verify_password(password.as_bytes(), phc).is_ok(),
        Err(_) => false,
    }
}

/// The stored hash of an account created by single sign-on: not a PHC string, so no
/// password ever matches it (`verify` fails closed on a malformed hash).
pub const NO_PASSWORD: &str = "!single-sign-on";

/// Spends the time of a real check for an account that does not exist; always false.
pub fn verify_unknown_user(password: &str) -> bool {
    let _ = verify(password, DUMMY_HASH);
    false
}

fn hasher() -> Result<Argon2<'static>, argon2::Error> {
    Ok(Argon2::new(
        Algorithm::Argon2id,
        Version::V0x13,
        Params::new(M_COST, T_COST, P_COST, None)?,
    ))
}

/// The commonest passwords and password stems (from the public breach top lists). Only a
/// short list: the length rule already stops most of the rest.
const COMMON: &[&str] = &[
    "password",
    "passw0rd",
    "p@ssw0rd",
    "p@ssword",
    "qwerty",
    "qwertyuiop",
    "qwertyuiopas",
    "asdfghjkl",
    "zxcvbnm",
    "1q2w3e4r",
    "1q2w3e4r5t6y",
    "q1w2e3r4t5y6",
    "qazwsx",
    "qazwsxedc",
    "123456",
    "1234567",
    "12345678",
    "123456789",
    "1234567890",
    "123456789012",
    "123123",
    "111111",
    "000000",
    "654321",
    "987654321",
    "abc123",
    "abcdef",
    "abcdefghijkl",
    "iloveyou",
    "letmein",
    "welcome",
    "admin",
    "administrator",
    "monkey",
    "dragon",
    "master",
    "sunshine",
    "princess",
    "football",
    "baseball",
    "superman",
    "batman",
    "starwars",
    "trustno1",
    "whatever",
    "shadow",
    "michael",
    "jennifer",
    "charlie",
    "freedom",
    "hello",
    "helloworld",
    "login",
    "secret",
    "changeme",
    "default",
    "computer",
    "internet",
    "summer",
    "winter",
    "spring",
    "autumn",
    "january",
    "company",
    "ctopulse",
    "correcthorsebatterystaple",
];

/// Whether the password is a common one, maybe wrapped in digits and symbols or repeated
/// (`Password2024!`, `qwertyqwerty`), or one character over and over.
fn is_common(password: &str) -> bool {
    let lower = password.to_lowercase();
    let mut distinct: Vec<char> = lower.chars().collect();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() <= 2 {
        return true;
    }
    let stem = lower.trim_matches(|c: char| !c.is_alphabetic());
    let stem = if stem.is_empty() {
        lower.as_str()
    } else {
        stem
    };
    COMMON.iter().any(|c| {
        lower == *c
            || stem == *c
            || (stem.len() % c.len() == 0 && stem == c.repeat(stem.len() / c.len()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_long_and_common_passwords_are_refused() {
        assert_eq!(check_new("short"), Err(PasswordRejected::TooShort));
        assert_eq!(check_new(&"x".repeat(2000)), Err(PasswordRejected::TooLong));
        for p in [
            "password1234",
            "Password2024!",
            "qwertyqwerty",
            "123456789012",
            "aaaaaaaaaaaaaaa",
            "!!Welcome2026!!",
            "correcthorsebatterystaple",
        ] {
            assert_eq!(check_new(p), Err(PasswordRejected::TooCommon), "{p}");
        }
        assert_eq!(check_new("plum-kettle-orbit-42"), Ok(()));
        assert_eq!(
            check_new("세종대왕만세한글날기념일"),
            Ok(()),
            "counts characters, not bytes"
        );
    }

    #[test]
    fn hashes_verify_and_are_salted() {
        let a = hash("plum-kettle-orbit-42").unwrap();
        let b = hash("plum-kettle-orbit-42").unwrap();
        assert!(a.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{a}");
        assert_ne!(a, b);
        assert!(verify("plum-kettle-orbit-42", &a));
        assert!(!verify("plum-kettle-orbit-43", &a));
        assert!(!verify("anything", "not a hash"));
    }

    #[test]
    fn dummy_hash_uses_the_same_parameters() {
        let fresh = hash("whatever-whatever-1").unwrap();
        let params = |h: &str| h.split('$').take(4).collect::<Vec<_>>().join("$");
        assert_eq!(params(DUMMY_HASH), params(&fresh));
        assert!(
            argon2::PasswordHash::new(DUMMY_HASH).is_ok(),
            "dummy hash must parse"
        );
        assert!(!verify_unknown_user("plum-kettle-orbit-42"));
    }
}
