//! Scorecard exports: JSON as the API serves it, and a flat CSV for spreadsheets. Both carry
//! only what the anonymity guards let out of the engine.

use serde_json::Value;

use crate::app::scorecard::LoadedScorecard;
use crate::domain::time_split::SplitSummary;

/// The CSV header and what each column means (the first data row repeats the meanings so a
/// spreadsheet user sees them).
pub const CSV_HEADER: [&str; 4] = ["section", "subject", "metric", "value"];
const CSV_MEANINGS: [&str; 4] = [
    "part of the scorecard (measure_a, measure_b, measure_c, rounds, trends, changes)",
    "what the figure is about (round, group, item, quarter), as a path",
    "the figure's name (shares are 0–1; eNPS is −100–100; state says shown, suppressed or not_enough_data)",
    "the figure",
];

/// The scorecard as pretty JSON, with the quarter's time split under `time_split` when the
/// calendar holds work time for it (quarterly figures only, never events).
pub fn to_json(
    s: &LoadedScorecard,
    time: Option<&SplitSummary>,
) -> Result<String, serde_json::Error> {
    match time {
        None => serde_json::to_string_pretty(s),
        Some(_) => serde_json::to_string_pretty(&with_time(s, time)?),
    }
}

/// The scorecard's JSON value, with the time split added when there is one.
fn with_time(s: &LoadedScorecard, time: Option<&SplitSummary>) -> Result<Value, serde_json::Error> {
    let mut v = serde_json::to_value(s)?;
    if let (Some(t), Value::Object(m)) = (time, &mut v) {
        m.insert("time_split".into(), serde_json::to_value(t)?);
    }
    Ok(v)
}

/// The scorecard as CSV: one row per figure, every cell escaped against formula injection;
/// the time split's rows are in section `time_split` (shares in percent, hours).
pub fn to_csv(s: &LoadedScorecard, time: Option<&SplitSummary>) -> Result<String, csv::Error> {
    let value = with_time(s, time).map_err(|e| csv::Error::from(std::io::Error::other(e)))?;
    let mut rows = Vec::new();
    flatten(&value, &mut Vec::new(), &mut rows);
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(CSV_HEADER)?;
    w.write_record(CSV_MEANINGS.map(escape_cell))?;
    for (path, v) in rows {
        let (section, rest) = match path.split_first() {
            Some((first, rest)) => (first.clone(), rest.to_vec()),
            None => (String::new(), Vec::new()),
        };
        let (metric, subject) = match rest.split_last() {
            Some((last, middle)) => (last.clone(), middle.join("/")),
            None => (String::new(), String::new()),
        };
        w.write_record([section, subject, metric, v].map(|c| escape_cell(&c)))?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| csv::Error::from(std::io::Error::other(e.to_string())))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn flatten(v: &Value, path: &mut Vec<String>, out: &mut Vec<(Vec<String>, String)>) {
    match v {
        Value::Object(m) => {
            // Name array elements by their key/group/quarter when they have one.
            for (k, child) in m {
                path.push(k.clone());
                flatten(child, path, out);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                let label = child
                    .get("key")
                    .or_else(|| child.get("group"))
                    .or_else(|| child.get("quarter"))
                    .or_else(|| child.get("metric"))
                    .or_else(|| child.get("item"))
                    .or_else(|| child.get("title"))
                    .and_then(|l| {
                        l.as_str()
                            .map(str::to_string)
                            .or_else(|| l.get("key").and_then(|k| k.as_str()).map(str::to_string))
                    })
                    .unwrap_or_else(|| i.to_string());
                path.push(label);
                flatten(child, path, out);
                path.pop();
            }
        }
        Value::Null => out.push((path.clone(), String::new())),
        Value::String(s) => out.push((path.clone(), s.clone())),
        other => out.push((path.clone(), other.to_string())),
    }
}

/// Prefixes a cell that a spreadsheet would run as a formula with `'`. Plain numbers
/// (including negative ones) are left alone: a number cannot be a formula.
pub fn escape_cell(cell: &str) -> String {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && cell.parse::<f64>().is_err() {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_escaped_numbers_are_not() {
        assert_eq!(escape_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(escape_cell("+1+1"), "'+1+1");
        assert_eq!(escape_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(escape_cell("\tx"), "'\tx");
        assert_eq!(escape_cell("\rx"), "'\rx");
        assert_eq!(escape_cell("-12.5"), "-12.5");
        assert_eq!(escape_cell("-1+cmd"), "'-1+cmd");
        assert_eq!(escape_cell("sales"), "sales");
    }
}
