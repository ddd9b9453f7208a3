//! Wall-clock time for the impure edges (the domain takes time as a parameter).

use time::{OffsetDateTime, PrimitiveDateTime};

/// Now in UTC, truncated to whole microseconds so it round-trips identically through
/// PostgreSQL (µs) and SQLite (text).
pub fn now() -> PrimitiveDateTime {
    let now = OffsetDateTime::now_utc();
    let micros = now.microsecond();
    let t = now.replace_microsecond(micros).unwrap_or(now);
    PrimitiveDateTime::new(t.date(), t.time())
}

/// Serialises a UTC `PrimitiveDateTime` as RFC 3339 (`2026-11-22T14:03:00Z`).
pub mod serde_timestamp {
    use serde::Serializer;
    use time::format_description::well_known::Rfc3339;
    use time::PrimitiveDateTime;

    /// Serialises as RFC 3339 in UTC.
    pub fn serialize<S: Serializer>(t: &PrimitiveDateTime, s: S) -> Result<S::Ok, S::Error> {
        let text = t
            .assume_utc()
            .format(&Rfc3339)
            .map_err(serde::ser::Error::custom)?;
        s.serialize_str(&text)
    }
}
