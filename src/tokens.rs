//! Secret tokens (survey links, sessions, API tokens): 256 bits from the OS CSPRNG,
//! URL-safe, stored only as their SHA-256.
//!
//! Stored hashes are a plain SHA-256 of a random 256-bit token (no key is needed: the input
//! cannot be guessed). Values derived from a secret for one purpose (CSRF form tokens) are an
//! HMAC-SHA-256 keyed by that secret; they are recomputed on each request, never stored.

use hmac::{Hmac, KeyInit, Mac};
use rand::rngs::OsRng;
use rand::TryRngCore;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

type HmacSha256 = Hmac<Sha256>;

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
/// survey token), so the derived value reveals nothing about the secret: HMAC-SHA-256 keyed
/// by the secret over the purpose, as hex.
pub fn derive(purpose: &str, secret: &str) -> String {
    match HmacSha256::new_from_slice(secret.as_bytes()) {
        Ok(mut mac) => {
            mac.update(purpose.as_bytes());
            hex(&mac.finalize().into_bytes())
        }
        // HMAC takes keys of any length, so this cannot happen; if it ever did, a fresh
        // random value fails closed (it matches nothing a client could send).
        Err(_) => new_token(),
    }
}

/// Whether `token` looks like one of ours (cheap check before any database work).
pub fn is_well_formed(token: &str) -> bool {
    token.len() == 64
        && token
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Compares two strings in time independent of where they differ.
/// (Lengths may leak; every value compared here has a fixed, public length.)
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    a.as_bytes().ct_eq(b.as_bytes()).into()
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

    /// RFC 4231 test cases 1 and 2: `derive` is HMAC-SHA-256 with the secret as key.
    #[test]
    fn derive_is_hmac_sha256_per_rfc_4231() {
        let key1 = "\u{0b}".repeat(20);
        assert_eq!(
            derive("Hi There", &key1),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
        );
        assert_eq!(
            derive("what do ya want for nothing?", "Jefe"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn constant_time_eq_compares_whole_values() {
        assert!(constant_time_eq("", ""));
        assert!(constant_time_eq("abc", "abc"));
        assert!(!constant_time_eq("abc", "abd"));
        assert!(!constant_time_eq("abc", "abcd"));
        assert!(!constant_time_eq("abcd", "abc"));
    }

    #[test]
    fn derived_values_differ_by_purpose() {
        assert_ne!(derive("csrf", "t"), derive("other", "t"));
        assert!(constant_time_eq(&derive("csrf", "t"), &derive("csrf", "t")));
        assert!(!constant_time_eq("abc", "abd"));
        assert!(!is_well_formed("../../etc/passwd"));
    }
}
