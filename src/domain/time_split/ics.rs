//! The iCalendar (RFC 5545) text layer: unfolding, content lines and the component tree.
//!
//! Hand-written on purpose: it is the few lines of RFC 5545 §3.1 grammar, and it keeps the
//! physical line number of every property, so an error can name the line the user has to
//! look at. Recurrence (the hard part) is left to the `rrule` crate, time zones to `jiff`.

use super::ImportError;

/// The largest calendar file accepted, in bytes; a year of a busy calendar is ~1–3 MB.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

/// One property: `NAME;PARAM=VALUE:value`, with the line it started on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Property {
    /// The physical line (1-based) the property starts on.
    pub line: usize,
    /// Upper-cased property name.
    pub name: String,
    /// Parameters, names upper-cased, values unquoted.
    pub params: Vec<(String, String)>,
    /// The raw value (escapes kept; see `text_value`).
    pub value: String,
}

impl Property {
    /// The first value of parameter `name` (upper case), if present.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The value as TEXT, with RFC 5545 escapes undone.
    pub fn text_value(&self) -> String {
        let mut out = String::with_capacity(self.value.len());
        let mut chars = self.value.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n') | Some('N') => out.push('\n'),
                    Some(other) => out.push(other),
                    None => {}
                }
            } else {
                out.push(c);
            }
        }
        out
    }
}

/// A component (`VCALENDAR`, `VEVENT`, `VTIMEZONE`, …) with its properties and children.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Component {
    /// Upper-cased component name.
    pub name: String,
    /// The line of its `BEGIN`.
    pub line: usize,
    /// Properties in file order.
    pub props: Vec<Property>,
    /// Nested components in file order.
    pub children: Vec<Component>,
}

impl Component {
    /// The first property called `name`.
    pub fn prop(&self, name: &str) -> Option<&Property> {
        self.props.iter().find(|p| p.name == name)
    }

    /// Every property called `name`.
    pub fn props_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Property> + 'a {
        self.props.iter().filter(move |p| p.name == name)
    }
}

/// Parses a whole file into its top-level `VCALENDAR` components (a file may hold several,
/// as some exporters concatenate calendars).
pub fn parse(bytes: &[u8]) -> Result<Vec<Component>, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        ImportError::at(line, "the file is not UTF-8 text")
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines = unfold(text);
    if lines.iter().all(|(_, l)| l.trim().is_empty()) {
        return Err(ImportError::NotCalendar("the file is empty".into()));
    }
    let first = lines
        .iter()
        .find(|(_, l)| !l.trim().is_empty())
        .map(|(_, l)| l.trim().to_ascii_uppercase());
    if first.as_deref() != Some("BEGIN:VCALENDAR") {
        return Err(ImportError::NotCalendar(
            "an iCalendar file starts with BEGIN:VCALENDAR".into(),
        ));
    }
    let mut stack: Vec<Component> = Vec::new();
    let mut done = Vec::new();
    for (line, raw) in lines {
        if raw.trim().is_empty() {
            continue;
        }
        let prop = content_line(line, &raw)?;
        match prop.name.as_str() {
            "BEGIN" => stack.push(Component {
                name: prop.value.trim().to_ascii_uppercase(),
                line,
                ..Component::default()
            }),
            "END" => {
                let name = prop.value.trim().to_ascii_uppercase();
                let Some(open) = stack.pop() else {
                    return Err(ImportError::at(line, format!("END:{name} without BEGIN")));
                };
                if open.name != name {
                    return Err(ImportError::at(
                        line,
                        format!(
                            "END:{name} closes BEGIN:{} of line {}",
                            open.name, open.line
                        ),
                    ));
                }
                match stack.last_mut() {
                    Some(parent) => parent.children.push(open),
                    None => done.push(open),
                }
            }
            _ => match stack.last_mut() {
                Some(c) => c.props.push(prop),
                None => {
                    return Err(ImportError::at(
                        line,
                        format!("{} outside BEGIN:VCALENDAR … END:VCALENDAR", prop.name),
                    ))
                }
            },
        }
    }
    if let Some(open) = stack.last() {
        return Err(ImportError::at(
            open.line,
            format!("BEGIN:{} is never closed", open.name),
        ));
    }
    Ok(done)
}

/// Joins folded lines (a line starting with a space or tab continues the previous one) and
/// keeps the physical number of each logical line's first line.
fn unfold(text: &str) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        match (raw.strip_prefix([' ', '\t']), out.last_mut()) {
            (Some(rest), Some((_, prev))) => prev.push_str(rest),
            _ => out.push((i + 1, raw.to_string())),
        }
    }
    out
}

/// Splits one logical line into name, parameters and value (RFC 5545 §3.1).
fn content_line(line: usize, s: &str) -> Result<Property, ImportError> {
    let bad = |why: &str| ImportError::at(line, why.to_string());
    let name_end = s
        .find([';', ':'])
        .ok_or_else(|| bad("not a content line (no ':' between name and value)"))?;
    let name = &s[..name_end];
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Err(bad("not a content line (bad property name)"));
    }
    let mut params = Vec::new();
    let mut rest = &s[name_end..];
    while let Some(after) = rest.strip_prefix(';') {
        let eq = after
            .find('=')
            .ok_or_else(|| bad("a parameter without '='"))?;
        let pname = after[..eq].to_ascii_uppercase();
        let mut value = String::new();
        let mut tail = &after[eq + 1..];
        // A parameter value may be a comma list of plain or quoted values.
        loop {
            if let Some(q) = tail.strip_prefix('"') {
                let close = q.find('"').ok_or_else(|| bad("an unclosed quote"))?;
                value.push_str(&q[..close]);
                tail = &q[close + 1..];
            } else {
                let stop = tail.find([',', ';', ':']).unwrap_or(tail.len());
                value.push_str(&tail[..stop]);
                tail = &tail[stop..];
            }
            match tail.strip_prefix(',') {
                Some(more) => {
                    value.push(',');
                    tail = more;
                }
                None => break,
            }
        }
        params.push((pname, value));
        rest = tail;
    }
    let value = rest
        .strip_prefix(':')
        .ok_or_else(|| bad("not a content line (no ':' before the value)"))?;
    Ok(Property {
        line,
        name: name.to_ascii_uppercase(),
        params,
        value: value.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_lines_keep_the_number_of_their_first_line() {
        let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Quarterly \r\n business review\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        let cals = parse(text.as_bytes()).unwrap();
        let ev = &cals[0].children[0];
        let summary = ev.prop("SUMMARY").unwrap();
        assert_eq!(summary.line, 3);
        assert_eq!(summary.value, "Quarterly business review");
    }

    #[test]
    fn quoted_parameters_may_hold_colons_and_semicolons() {
        let p = content_line(
            7,
            "ATTENDEE;CN=\"Kim; J.\";PARTSTAT=DECLINED:mailto:kim@acme.com",
        )
        .unwrap();
        assert_eq!(p.param("CN"), Some("Kim; J."));
        assert_eq!(p.param("PARTSTAT"), Some("DECLINED"));
        assert_eq!(p.value, "mailto:kim@acme.com");
    }

    #[test]
    fn text_escapes_are_undone() {
        let p = content_line(1, "SUMMARY:Sales\\, marketing\\; BD\\nnotes").unwrap();
        assert_eq!(p.text_value(), "Sales, marketing; BD\nnotes");
    }

    #[test]
    fn errors_name_the_line() {
        let text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART 20260101\nEND:VEVENT\nEND:VCALENDAR\n";
        let err = parse(text.as_bytes()).unwrap_err();
        assert_eq!(err.line(), Some(3), "{err}");
        let text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VTODO\nEND:VCALENDAR\n";
        assert_eq!(parse(text.as_bytes()).unwrap_err().line(), Some(3));
        let text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\n";
        assert_eq!(parse(text.as_bytes()).unwrap_err().line(), Some(2));
    }

    #[test]
    fn other_files_are_refused_as_not_a_calendar() {
        assert!(matches!(
            parse(b"email,name\nkim@acme.com,Kim\n"),
            Err(ImportError::NotCalendar(_))
        ));
        assert!(matches!(parse(b""), Err(ImportError::NotCalendar(_))));
        assert!(matches!(
            parse(&[0x89, b'P', b'N', b'G', 0xff, 0xfe]),
            Err(ImportError::At { line: 1, .. })
        ));
    }
}
