//! Session lifetimes: idle 2 h, absolute 12 h, and the cookie's name.

use time::{Duration, PrimitiveDateTime};

/// A session unused this long ends.
pub const IDLE: Duration = Duration::hours(2);
/// A session ends this long after sign-in, however busy.
pub const ABSOLUTE: Duration = Duration::hours(12);
/// `last_seen_at` is rewritten at most this often (saves a write per request).
pub const TOUCH_EVERY: Duration = Duration::minutes(1);

/// The times that decide whether a session is still good.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionTimes {
    pub created_at: PrimitiveDateTime,
    pub last_seen_at: PrimitiveDateTime,
    pub expires_at: PrimitiveDateTime,
}

impl SessionTimes {
    /// A session that starts `now`.
    pub fn starting(now: PrimitiveDateTime) -> SessionTimes {
        SessionTimes {
            created_at: now,
            last_seen_at: now,
            expires_at: now + ABSOLUTE,
        }
    }

    /// Whether the session is still good at `now`.
    pub fn is_live(&self, now: PrimitiveDateTime) -> bool {
        now < self.expires_at && now < self.last_seen_at + IDLE
    }

    /// Whether `last_seen_at` is stale enough to rewrite.
    pub fn needs_touch(&self, now: PrimitiveDateTime) -> bool {
        now - self.last_seen_at >= TOUCH_EVERY
    }
}

/// The session cookie's name: `__Host-` (which browsers accept only with Secure, Path=/ and
/// no Domain) under https.
pub fn cookie_name(https: bool) -> &'static str {
    if https {
        "__Host-ctopulse-session"
    } else {
        "ctopulse-session"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn idle_sessions_end_after_two_hours() {
        let t = SessionTimes::starting(datetime!(2026-11-22 09:00));
        assert!(t.is_live(datetime!(2026-11-22 10:59)));
        assert!(!t.is_live(datetime!(2026-11-22 11:00)));
    }

    #[test]
    fn busy_sessions_end_after_twelve_hours() {
        let mut t = SessionTimes::starting(datetime!(2026-11-22 09:00));
        t.last_seen_at = datetime!(2026-11-22 20:30);
        assert!(t.is_live(datetime!(2026-11-22 20:59)));
        assert!(!t.is_live(datetime!(2026-11-22 21:00)));
    }

    #[test]
    fn touch_is_rate_limited() {
        let t = SessionTimes::starting(datetime!(2026-11-22 09:00));
        assert!(!t.needs_touch(datetime!(2026-11-22 09:00:30)));
        assert!(t.needs_touch(datetime!(2026-11-22 09:01)));
    }

    #[test]
    fn https_cookies_use_the_host_prefix() {
        assert!(cookie_name(true).starts_with("__Host-"));
        assert!(!cookie_name(false).starts_with("__Host-"));
    }
}
