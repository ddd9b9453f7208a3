//! Small wordings every staff view shares: percentages, decimals and group names, in the
//! page's language (the report's helpers, so the pages and the report agree).

use crate::charts::copy;
use crate::domain::locale::Locale;

/// A share as a whole percentage, as the language writes it: "72%", "72 %".
pub fn pct(locale: Locale, x: f64) -> String {
    copy::pct0(locale, x)
}

/// `v` with `places` decimals in the language's decimal mark: "0.48", "0,48".
pub fn decimal(locale: Locale, v: f64, places: usize) -> String {
    // Adding zero turns a negative zero (an empty sum) into "0.0" rather than "-0.0".
    let v = v + 0.0;
    let s = format!("{v:.places$}");
    let mark = crate::i18n::template(locale, "decimal-mark");
    if mark == "." {
        s
    } else {
        s.replace('.', mark)
    }
}

/// A reporting group as people name it, with the report's department names:
/// `bd+ceo` → "Business development + CEO's office"; a key that names no department stays.
pub fn group_label(locale: Locale, key: &str) -> String {
    copy::group_label(locale, key)
}

/// A quarter as the reader says it ("Q3 2026", "2026년 3분기", "3. Quartal 2026"); text that
/// is not a quarter is shown as it is.
pub fn quarter_words(locale: Locale, q: &str) -> String {
    q.parse::<crate::domain::quarter::Quarter>()
        .map(|q| crate::i18n::quarter_long(locale, q))
        .unwrap_or_else(|_| q.to_string())
}

/// An instant as staff pages show it: `2026-10-06 09:00 UTC`.
pub fn utc_minute(t: time::PrimitiveDateTime) -> String {
    let fmt = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute] UTC");
    t.format(&fmt).unwrap_or_else(|_| t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_read_as_department_names_in_the_page_language() {
        assert_eq!(group_label(Locale::En, "sales"), "Sales");
        assert_eq!(
            group_label(Locale::En, "bd+ceo"),
            "Business development + CEO's office"
        );
        assert_eq!(group_label(Locale::En, "board"), "Board");
        assert_eq!(group_label(Locale::En, "guild"), "guild");
        assert_eq!(group_label(Locale::Ko, "board"), "이사회");
        assert_ne!(group_label(Locale::De, "sales"), "sales");
    }

    #[test]
    fn decimals_and_shares_follow_the_language() {
        assert_eq!(decimal(Locale::En, 0.4795, 2), "0.48");
        assert_eq!(decimal(Locale::De, 0.4795, 2), "0,48");
        assert_eq!(decimal(Locale::Nl, 3.26, 1), "3,3");
        assert_eq!(decimal(Locale::En, -0.0, 1), "0.0");
        assert_eq!(pct(Locale::En, 0.5), "50%");
    }
}
