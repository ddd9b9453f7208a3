//! Parsing the roster CSV (`email,name,department,locale,is_engineer,is_executive,active`).
//!
//! Pure: bytes in, validated rows or every row's problem out (with its line number).

use std::collections::HashMap;
use std::fmt;

use serde::Serialize;

use super::department::Membership;
use super::email::Email;
use super::locale::Locale;

/// The header the roster file must start with.
pub const HEADER: [&str; 7] = [
    "email",
    "name",
    "department",
    "locale",
    "is_engineer",
    "is_executive",
    "active",
];

/// One valid roster entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RosterEntry {
    /// 1-based line in the file (for messages).
    #[serde(skip)]
    pub line: u64,
    pub email: Email,
    pub name: String,
    pub membership: Membership,
    pub locale: Locale,
    pub is_engineer: bool,
    pub is_executive: bool,
    pub active: bool,
}

/// One bad row: its line and every reason it is bad.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowError {
    pub line: u64,
    pub reason: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

/// A file that cannot be read as a roster at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RosterFileError {
    #[error("the file is empty")]
    Empty,
    #[error("line 1: the header must be exactly `{expected}`, found `{found}`")]
    Header { expected: String, found: String },
}

/// The outcome of parsing: the valid rows and the bad ones.
#[derive(Debug, Clone, Default)]
pub struct ParsedRoster {
    pub entries: Vec<RosterEntry>,
    pub errors: Vec<RowError>,
}

const MAX_NAME_CHARS: usize = 200;

/// Parses a roster file. A BOM and CRLF line ends are accepted.
pub fn parse(bytes: &[u8]) -> Result<ParsedRoster, RosterFileError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // CRLF to LF first: the csv reader counts a CRLF-ended record's line from its first '\n',
    // one short, and spreadsheet exports and browser forms both send CRLF.
    let unix;
    let bytes = if bytes.windows(2).any(|w| w == b"\r\n") {
        unix = crlf_to_lf(bytes);
        &unix[..]
    } else {
        bytes
    };
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(RosterFileError::Empty);
    }
    // Spreadsheets set to Dutch (and other comma-decimal locales) save CSV with semicolons.
    let first_line = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let delimiter = if first_line.contains(&b';') && !first_line.contains(&b',') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let mut records = reader.byte_records();
    let expected = HEADER.join(",");
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => {
            return Err(RosterFileError::Header {
                expected,
                found: e.to_string(),
            })
        }
        None => return Err(RosterFileError::Empty),
    };
    let found: Vec<String> = header
        .iter()
        .map(|f| String::from_utf8_lossy(f).to_ascii_lowercase())
        .collect();
    if found != HEADER {
        return Err(RosterFileError::Header {
            expected,
            found: found.join(","),
        });
    }

    let mut out = ParsedRoster::default();
    let mut seen: HashMap<Email, u64> = HashMap::new();
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                out.errors.push(RowError {
                    line,
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
            Ok(entry) => {
                if let Some(first) = seen.get(&entry.email) {
                    out.errors.push(RowError {
                        line,
                        reason: format!("{} appears again (first on line {first})", entry.email),
                    });
                } else {
                    seen.insert(entry.email.clone(), line);
                    out.entries.push(RosterEntry { line, ..entry });
                }
            }
            Err(reasons) => out.errors.push(RowError {
                line,
                reason: reasons.join("; "),
            }),
        }
    }
    Ok(out)
}

fn parse_row(record: &csv::ByteRecord) -> Result<RosterEntry, Vec<String>> {
    if record.len() != HEADER.len() {
        return Err(vec![format!(
            "expected {} fields, found {}",
            HEADER.len(),
            record.len()
        )]);
    }
    let mut reasons = Vec::new();
    let mut field = |i: usize| -> Option<&str> {
        match std::str::from_utf8(&record[i]) {
            Ok(s) => Some(s),
            Err(_) => {
                reasons.push(format!("{} is not valid UTF-8", HEADER[i]));
                None
            }
        }
    };
    let email = field(0);
    let name = field(1);
    let department = field(2);
    let locale = field(3);
    let is_engineer = field(4);
    let is_executive = field(5);
    let active = field(6);
    if !reasons.is_empty() {
        return Err(reasons);
    }
    match (
        email,
        name,
        department,
        locale,
        is_engineer,
        is_executive,
        active,
    ) {
        (
            Some(email),
            Some(name),
            Some(department),
            Some(locale),
            Some(is_engineer),
            Some(is_executive),
            Some(active),
        ) => check(&RawEntry {
            email,
            name,
            department,
            locale,
            is_engineer,
            is_executive,
            active,
        }),
        _ => Err(reasons),
    }
}

/// One roster entry's fields as text, before the roster's checks: a CSV row, or a SCIM
/// User's attributes (booleans as `true`/`false`).
#[derive(Debug, Clone, Copy)]
pub struct RawEntry<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub department: &'a str,
    pub locale: &'a str,
    pub is_engineer: &'a str,
    pub is_executive: &'a str,
    pub active: &'a str,
}

/// Checks one entry's fields the way the roster import does, naming every problem.
pub fn check(raw: &RawEntry<'_>) -> Result<RosterEntry, Vec<String>> {
    let mut reasons = Vec::new();
    let RawEntry {
        email,
        name,
        department,
        locale,
        is_engineer,
        is_executive,
        active,
    } = *raw;
    // Each check below reports its own reason and goes on, so a row's every problem is named.
    let (email, name, department, locale) =
        (Some(email), Some(name), Some(department), Some(locale));
    let (is_engineer, is_executive, active) = (Some(is_engineer), Some(is_executive), Some(active));
    let email = email.and_then(|s| match Email::parse(s) {
        Ok(e) => Some(e),
        Err(e) => {
            reasons.push(e.to_string());
            None
        }
    });
    let name = name.and_then(|s| {
        if s.is_empty() {
            reasons.push("name is empty".into());
            None
        } else if s.chars().count() > MAX_NAME_CHARS {
            reasons.push(format!("name is longer than {MAX_NAME_CHARS} characters"));
            None
        } else if s.chars().any(char::is_control) {
            reasons.push("name contains control characters".into());
            None
        } else {
            Some(s.to_string())
        }
    });
    let membership = department.and_then(|s| match s.parse::<Membership>() {
        Ok(m) => Some(m),
        Err(_) => {
            reasons.push(format!(
                "unknown department {s:?} (expected sales, bd, marketing, engineering, ceo or board)"
            ));
            None
        }
    });
    let locale = locale.and_then(|s| match s.parse::<Locale>() {
        Ok(l) => Some(l),
        Err(e) => {
            reasons.push(e.to_string());
            None
        }
    });
    let mut flag = |v: Option<&str>, key: &str| {
        v.and_then(|s| match parse_bool(s) {
            Some(b) => Some(b),
            None => {
                reasons.push(format!("{key} must be true or false, found {s:?}"));
                None
            }
        })
    };
    let is_engineer = flag(is_engineer, "is_engineer");
    let is_executive = flag(is_executive, "is_executive");
    let active = flag(active, "active");

    match (
        email,
        name,
        membership,
        locale,
        is_engineer,
        is_executive,
        active,
    ) {
        (Some(email), Some(name), Some(membership), Some(locale), Some(e), Some(x), Some(a))
            if reasons.is_empty() =>
        {
            Ok(RosterEntry {
                line: 0,
                email,
                name,
                membership,
                locale,
                is_engineer: e,
                is_executive: x,
                active: a,
            })
        }
        _ => Err(reasons),
    }
}

fn parse_bool(s: &str) -> Option<bool> {
    match s.to_ascii_lowercase().as_str() {
        "true" | "yes" | "y" | "1" => Some(true),
        "false" | "no" | "n" | "0" => Some(false),
        _ => None,
    }
}

fn crlf_to_lf(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    for (i, &b) in bytes.iter().enumerate() {
        if !(b == b'\r' && bytes.get(i + 1) == Some(&b'\n')) {
            out.push(b);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::department::Department;

    const HEAD: &str = "email,name,department,locale,is_engineer,is_executive,active\n";

    fn parse_str(body: &str) -> ParsedRoster {
        parse(format!("{HEAD}{body}").as_bytes()).unwrap()
    }

    #[test]
    fn a_valid_file_parses_with_case_folded_emails() {
        let r = parse_str("Ann.Lee@Example.com,Ann Lee,sales,en,false,false,true\nkim@example.com,김민준,board,ko,no,yes,1\n");
        assert!(r.errors.is_empty(), "{:?}", r.errors);
        assert_eq!(r.entries.len(), 2);
        assert_eq!(r.entries[0].email.as_str(), "ann.lee@example.com");
        assert_eq!(
            r.entries[0].membership,
            Membership::Department(Department::Sales)
        );
        assert_eq!(r.entries[1].membership, Membership::Board);
        assert_eq!(r.entries[1].name, "김민준");
        assert_eq!(r.entries[1].line, 3);
    }

    #[test]
    fn bom_and_crlf_are_accepted() {
        let text = format!(
            "\u{feff}{}a@x.io,A,bd,nl,true,false,true\r\n",
            HEAD.replace('\n', "\r\n")
        );
        let r = parse(text.as_bytes()).unwrap();
        assert!(r.errors.is_empty(), "{:?}", r.errors);
        assert_eq!(r.entries.len(), 1);
        assert_eq!(r.entries[0].line, 2);
    }

    #[test]
    fn crlf_files_report_the_same_lines_as_lf_files() {
        let text = format!(
            "{HEAD}not-an-email,X,sales,en,false,false,true\nok@x.io,Ok,nowhere,en,false,false,true\n"
        );
        let lf: Vec<u64> = parse(text.as_bytes())
            .unwrap()
            .errors
            .iter()
            .map(|e| e.line)
            .collect();
        let crlf: Vec<u64> = parse(text.replace('\n', "\r\n").as_bytes())
            .unwrap()
            .errors
            .iter()
            .map(|e| e.line)
            .collect();
        assert_eq!(lf, vec![2, 3]);
        assert_eq!(crlf, lf);
    }

    #[test]
    fn every_bad_row_is_reported_with_its_line() {
        let r = parse_str(
            "good@x.io,Good,sales,en,false,false,true\n\
             not-an-email,Bad,sales,en,false,false,true\n\
             c@x.io,C,hr,en,false,false,true\n\
             d@x.io,D,sales,fr,maybe,false,true\n\
             GOOD@x.io,Again,bd,en,false,false,true\n\
             e@x.io,E,sales\n",
        );
        assert_eq!(r.entries.len(), 1);
        let lines: Vec<u64> = r.errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![3, 4, 5, 6, 7]);
        assert!(r.errors[0].reason.contains("email"));
        assert!(r.errors[1].reason.contains("unknown department \"hr\""));
        assert!(
            r.errors[2].reason.contains("locale") && r.errors[2].reason.contains("is_engineer")
        );
        assert!(r.errors[3].reason.contains("first on line 2"));
        assert!(r.errors[4].reason.contains("expected 7 fields"));
    }

    #[test]
    fn invalid_utf8_is_a_row_error_not_a_panic() {
        let mut bytes = HEAD.as_bytes().to_vec();
        bytes.extend_from_slice(b"a@x.io,\xff\xfe,sales,en,false,false,true\n");
        let r = parse(&bytes).unwrap();
        assert_eq!(r.entries.len(), 0);
        assert_eq!(r.errors[0].line, 2);
        assert!(r.errors[0].reason.contains("UTF-8"));
    }

    #[test]
    fn a_semicolon_separated_file_reads_like_a_comma_separated_one() {
        let commas = format!("{HEAD}\nann@x.test,Ann de Vries,sales,nl,false,false,true\n");
        let semis = commas.replace(',', ";");
        let (a, b) = (
            parse(commas.as_bytes()).unwrap(),
            parse(semis.as_bytes()).unwrap(),
        );
        assert_eq!(a.entries, b.entries);
        assert_eq!(b.entries.len(), 1, "{:?}", b.errors);
    }

    #[test]
    fn wrong_header_and_empty_file_are_file_errors() {
        assert_eq!(parse(b"").unwrap_err(), RosterFileError::Empty);
        assert!(matches!(
            parse(b"mail,name\nx@y.z,A\n").unwrap_err(),
            RosterFileError::Header { .. }
        ));
    }

    proptest::proptest! {
        #[test]
        fn never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400)) {
            let mut input = HEAD.as_bytes().to_vec();
            input.extend_from_slice(&bytes);
            let _ = parse(&input);
            let _ = parse(&bytes);
        }
    }
}
