//! Secret tokens (survey links, sessions, API tokens): 256 bits from the OS CSPRNG,
//! URL-safe, stored only as their SHA-256.

use rand::rngs::OsRng;
use rand::TryRngCore;
use sha2::{Digest, Sha256};

/// A fresh token: 32 random bytes as 64 lowercase hex characters.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    // The OS generator failing is unrecoverable; fall back to the thread RNG (also a CSPRNG).
    if OsRng.try_fill_bytes(&mut bytes).is_err() {
        rand::Rng::fill(&mut rand::rng(), &mut bytes);
    }
    hex(&bytes)
}

/// The SHA-256 of a token as hex: what the database stores.
pub fn hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// A value derived from a secret for one purpose (e.g. the survey form's CSRF token from the
/// survey token), so the derived value reveals nothing about the secret.
pub fn derive(purpose: &str, secret: &str) -> String {
    let mut h = Sha256::new();
    h.update(purpose.as_bytes());
    h.update([0u8]);
    h.update(secret.as_bytes());
    hex(&h.finalize())
}

/// Whether `token` looks like one of ours (cheap check before any database work).
pub fn is_well_formed(token: &str) -> bool {
    token.len() == 64
        && token
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Compares two strings in time independent of where they differ.
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.bytes()
        .zip(b.bytes())
        .fold(0u8, |acc, (x, y)| acc | (x ^ y))
        == 0
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_256_bit_hex_and_unique() {
        let a = new_token();
        let b = new_token();
        assert!(is_well_formed(&a) && is_well_formed(&b));
        assert_ne!(a, b);
        assert_ne!(hash(&a), a);
        assert_eq!(hash(&a), hash(&a));
    }

    #[test]
    fn sha256_of_known_input() {
        assert_eq!(
            hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn derived_values_differ_by_purpose() {
        assert_ne!(derive("csrf", "t"), derive("other", "t"));
        assert!(constant_time_eq(&derive("csrf", "t"), &derive("csrf", "t")));
        assert!(!constant_time_eq("abc", "abd"));
        assert!(!is_well_formed("../../etc/passwd"));
    }
}
