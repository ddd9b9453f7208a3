//! Survey rounds: status, reporting groups (departments merged for reporting), and the
//! moment a round closes.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use time::{Date, PrimitiveDateTime};

use super::audience::Audience;
use super::department::{Department, Membership};

/// Where a round is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum RoundStatus {
    /// Created, editable, not yet sent.
    Draft,
    /// Launched: invitations out, answers accepted until the close time.
    Open,
    /// No more answers; being sealed (only seen inside the closing transaction).
    Closed,
    /// Closed for good: links deleted, responses shuffled, tallies written. Results visible.
    Sealed,
}

impl RoundStatus {
    /// The key stored in the database.
    pub fn key(self) -> &'static str {
        match self {
            RoundStatus::Draft => "draft",
            RoundStatus::Open => "open",
            RoundStatus::Closed => "closed",
            RoundStatus::Sealed => "sealed",
        }
    }

    /// Whether results may be shown (DESIGN "Anonymity" 2: only after close).
    pub fn results_visible(self) -> bool {
        matches!(self, RoundStatus::Closed | RoundStatus::Sealed)
    }
}

impl fmt::Display for RoundStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl FromStr for RoundStatus {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "draft" => Ok(RoundStatus::Draft),
            "open" => Ok(RoundStatus::Open),
            "closed" => Ok(RoundStatus::Closed),
            "sealed" => Ok(RoundStatus::Sealed),
            other => Err(format!("unknown round status {other:?}")),
        }
    }
}

/// A reporting group: one or more memberships reported together, with its CSAT weight
/// snapshot (the sum of its departments' weights; the board has none).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ReportingGroup {
    pub key: String,
    pub members: Vec<String>,
    pub weight: f64,
}

/// Why a `--merge` is not acceptable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    #[error("--merge {0:?}: {1}")]
    Invalid(String, String),
}

/// Parses `ceo+bd` into its memberships.
pub fn parse_merge(s: &str) -> Result<Vec<Membership>, MergeError> {
    let parts: Vec<&str> = s.split('+').map(str::trim).collect();
    if parts.len() < 2 {
        return Err(MergeError::Invalid(
            s.into(),
            "name at least two departments joined by +, e.g. ceo+bd".into(),
        ));
    }
    let mut out = Vec::new();
    for p in parts {
        let m: Membership = p
            .parse()
            .map_err(|e: super::department::UnknownDepartment| {
                MergeError::Invalid(s.into(), e.to_string())
            })?;
        if out.contains(&m) {
            return Err(MergeError::Invalid(s.into(), format!("{p} is named twice")));
        }
        out.push(m);
    }
    Ok(out)
}

/// The memberships an audience can include.
pub fn audience_memberships(audience: Audience) -> Vec<Membership> {
    let mut out: Vec<Membership> = Department::ALL
        .iter()
        .map(|d| Membership::Department(*d))
        .collect();
    if audience == Audience::TechStrategyAlignment {
        out.push(Membership::Board);
    }
    out
}

/// Builds the reporting groups of a round: every membership of the audience in its own
/// group, except the merged ones. Keys of merged groups list members in canonical order.
pub fn plan_groups(
    audience: Audience,
    merges: &[Vec<Membership>],
    weights: &BTreeMap<Department, f64>,
) -> Result<Vec<ReportingGroup>, MergeError> {
    let allowed = audience_memberships(audience);
    let mut used: Vec<Membership> = Vec::new();
    let mut groups = Vec::new();
    for merge in merges {
        let mut members = merge.clone();
        members.sort();
        let key = members
            .iter()
            .map(|m| m.key())
            .collect::<Vec<_>>()
            .join("+");
        for m in &members {
            if !allowed.contains(m) {
                return Err(MergeError::Invalid(
                    key.clone(),
                    format!("{m} is not part of the {audience} audience"),
                ));
            }
            if used.contains(m) {
                return Err(MergeError::Invalid(
                    key.clone(),
                    format!("{m} is already merged elsewhere"),
                ));
            }
            used.push(*m);
        }
        groups.push(group(&members, key, weights));
    }
    for m in allowed {
        if !used.contains(&m) {
            groups.push(group(&[m], m.key().to_string(), weights));
        }
    }
    groups.sort_by(|a, b| a.key.cmp(&b.key));
    Ok(groups)
}

fn group(
    members: &[Membership],
    key: String,
    weights: &BTreeMap<Department, f64>,
) -> ReportingGroup {
    let weight = members
        .iter()
        .map(|m| match m {
            Membership::Department(d) => weights.get(d).copied().unwrap_or(0.0),
            Membership::Board => 0.0,
        })
        .sum();
    ReportingGroup {
        key,
        members: members.iter().map(|m| m.key().to_string()).collect(),
        weight,
    }
}

/// The reporting group a membership falls in.
pub fn group_for<'a>(groups: &'a [ReportingGroup], membership: &str) -> Option<&'a ReportingGroup> {
    groups
        .iter()
        .find(|g| g.members.iter().any(|m| m == membership))
}

/// The UTC instant a round closes: the end of `closes_on` in `timezone` (the start of the
/// next day there).
pub fn close_instant(closes_on: Date, timezone: &str) -> Result<PrimitiveDateTime, String> {
    let tz =
        jiff::tz::TimeZone::get(timezone).map_err(|e| format!("time zone {timezone:?}: {e}"))?;
    let next = closes_on.next_day().ok_or("close date out of range")?;
    let civil = jiff::civil::date(
        next.year() as i16,
        u8::from(next.month()) as i8,
        next.day() as i8,
    );
    let ts = civil
        .to_zoned(tz)
        .map_err(|e| format!("close date: {e}"))?
        .timestamp();
    let odt = time::OffsetDateTime::from_unix_timestamp(ts.as_second())
        .map_err(|e| format!("close date: {e}"))?;
    Ok(PrimitiveDateTime::new(odt.date(), odt.time()))
}

/// The UTC instant of `hour` o'clock on `date` in `timezone` (a time a spring-forward gap
/// skips is moved past the gap, as people there would read it).
pub fn local_instant(date: Date, hour: u8, timezone: &str) -> Result<PrimitiveDateTime, String> {
    let tz =
        jiff::tz::TimeZone::get(timezone).map_err(|e| format!("time zone {timezone:?}: {e}"))?;
    let civil = jiff::civil::date(
        date.year() as i16,
        u8::from(date.month()) as i8,
        date.day() as i8,
    )
    .at(hour.min(23) as i8, 0, 0, 0);
    let ts = civil
        .to_zoned(tz)
        .map_err(|e| format!("{date} {hour}:00: {e}"))?
        .timestamp();
    let odt = time::OffsetDateTime::from_unix_timestamp(ts.as_second())
        .map_err(|e| format!("{date} {hour}:00: {e}"))?;
    Ok(PrimitiveDateTime::new(odt.date(), odt.time()))
}

/// The day a UTC instant falls on in `timezone` (the day people there would name).
pub fn local_date(instant: PrimitiveDateTime, timezone: &str) -> Result<Date, String> {
    let tz =
        jiff::tz::TimeZone::get(timezone).map_err(|e| format!("time zone {timezone:?}: {e}"))?;
    let ts = jiff::Timestamp::from_second(instant.assume_utc().unix_timestamp())
        .map_err(|e| format!("instant: {e}"))?;
    let d = ts.to_zoned(tz).date();
    let month = time::Month::try_from(d.month() as u8).map_err(|e| e.to_string())?;
    Date::from_calendar_date(i32::from(d.year()), month, d.day() as u8).map_err(|e| e.to_string())
}

/// Answered over delivered, when anything was delivered.
pub fn response_rate(answered: i64, delivered: i64) -> Option<f64> {
    (delivered > 0).then(|| answered as f64 / delivered as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn an_instant_falls_on_the_local_day() {
        // 2026-12-10 16:30 UTC is 01:30 on the 11th in Seoul (UTC+9), still the 10th in UTC.
        let t = datetime!(2026-12-10 16:30);
        assert_eq!(local_date(t, "Asia/Seoul"), Ok(date!(2026 - 12 - 11)));
        assert_eq!(local_date(t, "UTC"), Ok(date!(2026 - 12 - 10)));
        assert!(local_date(t, "Nowhere/Else").is_err());
    }

    fn default_weights() -> BTreeMap<Department, f64> {
        Department::ALL
            .iter()
            .map(|d| (*d, d.default_weight()))
            .collect()
    }

    #[test]
    fn merged_groups_sum_weights_and_keep_the_rest_separate() {
        let merges = vec![parse_merge("ceo+bd").unwrap()];
        let groups = plan_groups(Audience::InternalCsat, &merges, &default_weights()).unwrap();
        let keys: Vec<&str> = groups.iter().map(|g| g.key.as_str()).collect();
        assert_eq!(keys, vec!["bd+ceo", "engineering", "marketing", "sales"]);
        assert_eq!(groups[0].weight, 25.0);
        assert_eq!(group_for(&groups, "ceo").unwrap().key, "bd+ceo");
        let total: f64 = groups.iter().map(|g| g.weight).sum();
        assert_eq!(total, 100.0);
    }

    #[test]
    fn board_is_a_group_only_for_alignment() {
        let g = plan_groups(Audience::TechStrategyAlignment, &[], &default_weights()).unwrap();
        assert!(g.iter().any(|g| g.key == "board" && g.weight == 0.0));
        let g = plan_groups(Audience::InternalCsat, &[], &default_weights()).unwrap();
        assert!(g.iter().all(|g| g.key != "board"));
        assert!(plan_groups(
            Audience::InternalCsat,
            &[parse_merge("board+ceo").unwrap()],
            &default_weights()
        )
        .is_err());
    }

    #[test]
    fn bad_merges_are_refused() {
        assert!(parse_merge("ceo").is_err());
        assert!(parse_merge("ceo+hr").is_err());
        assert!(parse_merge("ceo+ceo").is_err());
        let twice = vec![
            parse_merge("ceo+bd").unwrap(),
            parse_merge("bd+sales").unwrap(),
        ];
        assert!(plan_groups(Audience::InternalCsat, &twice, &default_weights()).is_err());
    }

    #[test]
    fn a_round_closes_at_the_end_of_its_day_in_the_configured_zone() {
        assert_eq!(
            close_instant(date!(2026 - 09 - 30), "UTC").unwrap(),
            datetime!(2026-10-01 00:00)
        );
        // Amsterdam is UTC+2 in summer: midnight there is 22:00 UTC.
        assert_eq!(
            close_instant(date!(2026 - 09 - 30), "Europe/Amsterdam").unwrap(),
            datetime!(2026-09-30 22:00)
        );
        assert_eq!(
            close_instant(date!(2026 - 12 - 31), "Asia/Seoul").unwrap(),
            datetime!(2026-12-31 15:00)
        );
        assert!(close_instant(date!(2026 - 12 - 31), "Nowhere/City").is_err());
    }
}
