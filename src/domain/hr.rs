//! Parsing the HR events CSV (`date,event,count,regretted,top_talent`) behind measure B's
//! lagging indicators. Pure: bytes in, events or every row's problem out.

use std::collections::BTreeMap;

use time::Date;

use super::roster::RowError;
use super::scoring::{HrEvent, HrEventKind};

/// The header the file must start with.
pub const HEADER: [&str; 5] = ["date", "event", "count", "regretted", "top_talent"];

/// The outcome of parsing.
#[derive(Debug, Clone, Default)]
pub struct ParsedHr {
    /// Valid events, rows with the same (date, event, regretted, top_talent) summed.
    pub events: Vec<HrEvent>,
    pub errors: Vec<RowError>,
}

/// A file that cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HrFileError {
    #[error("the file is empty")]
    Empty,
    #[error("line 1: the header must be exactly `{expected}`, found `{found}`")]
    Header { expected: String, found: String },
}

/// Reads an event name.
pub fn parse_kind(s: &str) -> Option<HrEventKind> {
    Some(match s {
        "hire" => HrEventKind::Hire,
        "exit" => HrEventKind::Exit,
        "offer_accepted" => HrEventKind::OfferAccepted,
        "offer_declined" => HrEventKind::OfferDeclined,
        "headcount" => HrEventKind::Headcount,
        "top_talent_headcount" => HrEventKind::TopTalentHeadcount,
        _ => return None,
    })
}

/// The stored name of an event kind.
pub fn kind_key(k: HrEventKind) -> &'static str {
    match k {
        HrEventKind::Hire => "hire",
        HrEventKind::Exit => "exit",
        HrEventKind::OfferAccepted => "offer_accepted",
        HrEventKind::OfferDeclined => "offer_declined",
        HrEventKind::Headcount => "headcount",
        HrEventKind::TopTalentHeadcount => "top_talent_headcount",
    }
}

impl std::fmt::Display for HrEventKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(kind_key(*self))
    }
}

impl std::str::FromStr for HrEventKind {
    type Err = super::scoring::inputs::UnknownWord;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_kind(s).ok_or_else(|| super::scoring::inputs::UnknownWord {
            what: "HR event",
            value: s.to_string(),
            expected:
                "hire, exit, offer_accepted, offer_declined, headcount or top_talent_headcount",
        })
    }
}

/// Parses the file. Snapshots (`headcount`, `top_talent_headcount`) on the same day are not
/// summed but must agree; other events on the same key are summed.
pub fn parse(bytes: &[u8]) -> Result<ParsedHr, HrFileError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(HrFileError::Empty);
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let mut records = reader.byte_records();
    let expected = HEADER.join(",");
    let header: Vec<String> = match records.next() {
        Some(Ok(h)) => h
            .iter()
            .map(|f| String::from_utf8_lossy(f).to_ascii_lowercase())
            .collect(),
        Some(Err(e)) => {
            return Err(HrFileError::Header {
                expected,
                found: e.to_string(),
            })
        }
        None => return Err(HrFileError::Empty),
    };
    if header != HEADER {
        return Err(HrFileError::Header {
            expected,
            found: header.join(","),
        });
    }
    let mut out = ParsedHr::default();
    let mut merged: BTreeMap<(Date, &'static str, bool, bool), (HrEvent, u64)> = BTreeMap::new();
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                out.errors.push(RowError {
                    line: e.position().map(|p| p.line()).unwrap_or(0),
                    reason: format!("unreadable row: {e}"),
                });
                continue;
            }
        };
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        if record.iter().all(|f| f.is_empty()) {
            continue;
        }
        match parse_row(&record) {
            Ok(ev) => {
                let key = (ev.date, kind_key(ev.kind), ev.regretted, ev.top_talent);
                match merged.get_mut(&key) {
                    Some((existing, first))
                        if matches!(
                            ev.kind,
                            HrEventKind::Headcount | HrEventKind::TopTalentHeadcount
                        ) =>
                    {
                        if existing.count != ev.count {
                            out.errors.push(RowError {
                                line,
                                reason: format!(
                                    "a different {} snapshot for {} is on line {first}",
                                    kind_key(ev.kind),
                                    ev.date
                                ),
                            });
                        }
                    }
                    Some((existing, _)) => existing.count = existing.count.saturating_add(ev.count),
                    None => {
                        merged.insert(key, (ev, line));
                    }
                }
            }
            Err(reasons) => out.errors.push(RowError {
                line,
                reason: reasons.join("; "),
            }),
        }
    }
    out.events = merged.into_values().map(|(e, _)| e).collect();
    Ok(out)
}

fn parse_row(record: &csv::ByteRecord) -> Result<HrEvent, Vec<String>> {
    if record.len() != HEADER.len() {
        return Err(vec![format!(
            "expected {} fields, found {}",
            HEADER.len(),
            record.len()
        )]);
    }
    let text = |i: usize| {
        std::str::from_utf8(&record[i]).map_err(|_| format!("{} is not valid UTF-8", HEADER[i]))
    };
    let mut reasons = Vec::new();
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    let date = match text(0) {
        Ok(s) => Date::parse(s, &fmt)
            .map_err(|_| reasons.push(format!("date {s:?} is not YYYY-MM-DD")))
            .ok(),
        Err(e) => {
            reasons.push(e);
            None
        }
    };
    let kind = match text(1) {
        Ok(s) => parse_kind(&s.to_ascii_lowercase()).or_else(|| {
            reasons.push(format!(
                "unknown event {s:?} (expected hire, exit, offer_accepted, offer_declined, headcount or top_talent_headcount)"
            ));
            None
        }),
        Err(e) => {
            reasons.push(e);
            None
        }
    };
    let count = match text(2) {
        Ok(s) => match s.parse::<i64>() {
            Ok(n) if (0..=1_000_000).contains(&n) => Some(n as u32),
            Ok(n) if n < 0 => {
                reasons.push(format!("count {n} is negative"));
                None
            }
            _ => {
                reasons.push(format!("count {s:?} is not a whole number up to 1,000,000"));
                None
            }
        },
        Err(e) => {
            reasons.push(e);
            None
        }
    };
    let mut flag = |i: usize| match text(i) {
        Ok(s) => match s.to_ascii_lowercase().as_str() {
            "true" | "yes" | "1" => Some(true),
            "false" | "no" | "0" | "" => Some(false),
            _ => {
                reasons.push(format!("{} must be true or false, found {s:?}", HEADER[i]));
                None
            }
        },
        Err(e) => {
            reasons.push(e);
            None
        }
    };
    let regretted = flag(3);
    let top_talent = flag(4);
    match (date, kind, count, regretted, top_talent) {
        (Some(date), Some(kind), Some(count), Some(regretted), Some(top_talent))
            if reasons.is_empty() =>
        {
            Ok(HrEvent {
                date,
                kind,
                count,
                regretted,
                top_talent,
            })
        }
        _ => Err(reasons),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "date,event,count,regretted,top_talent\n";

    #[test]
    fn parses_and_sums_same_key_events() {
        let p = parse(format!("{HEAD}2026-07-03,exit,1,true,true\n2026-07-03,exit,2,true,true\n2026-07-01,top_talent_headcount,40,false,true\n").as_bytes()).unwrap();
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(p.events.len(), 2);
        let exit = p
            .events
            .iter()
            .find(|e| e.kind == HrEventKind::Exit)
            .unwrap();
        assert_eq!(exit.count, 3);
    }

    #[test]
    fn bad_rows_are_reported_with_lines() {
        let p = parse(
            format!("{HEAD}2026-13-01,exit,1,true,true\n2026-07-01,quit,1,false,false\n2026-07-01,hire,-2,false,false\n2026-07-01,hire,x,maybe,false\n2026-07-01,headcount,10,false,false\n2026-07-01,headcount,11,false,false\n").as_bytes(),
        )
        .unwrap();
        let lines: Vec<u64> = p.errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![2, 3, 4, 5, 7]);
        assert!(p.errors[0].reason.contains("YYYY-MM-DD"));
        assert!(p.errors[1].reason.contains("unknown event"));
        assert!(p.errors[2].reason.contains("negative"));
        assert!(p.errors[3].reason.contains("regretted"));
        assert!(p.errors[4].reason.contains("snapshot"));
    }

    #[test]
    fn header_must_match() {
        assert!(matches!(
            parse(b"day,event\n"),
            Err(HrFileError::Header { .. })
        ));
        assert_eq!(parse(b"  ").unwrap_err(), HrFileError::Empty);
    }

    proptest::proptest! {
        #[test]
        fn never_panics(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..300)) {
            let mut input = HEAD.as_bytes().to_vec();
            input.extend_from_slice(&bytes);
            let _ = parse(&input);
        }
    }
}
