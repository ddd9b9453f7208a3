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
