//! Small wordings every staff view shares: percentages and group names.

/// Formats a share as a whole percentage.
pub fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// A reporting group as people name it: `bd+ceo` → "Business development + CEO's office".
pub fn group_label(key: &str) -> String {
    key.split('+')
        .map(|k| {
            k.parse::<crate::domain::department::Department>()
                .map(|d| d.name().to_string())
                .unwrap_or_else(|_| match k {
                    "board" => "Board".to_string(),
                    other => other.to_string(),
                })
        })
        .collect::<Vec<_>>()
        .join(" + ")
}

/// An instant as staff pages show it: `2026-10-06 09:00 UTC`.
pub fn utc_minute(t: time::PrimitiveDateTime) -> String {
    let fmt = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute] UTC");
    t.format(&fmt).unwrap_or_else(|_| t.to_string())
}
