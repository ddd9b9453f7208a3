//! Dates, quarters and shares in each language's own form, through the `common.ftl` messages.

use time::Date;

use super::format;
use crate::domain::locale::Locale;
use crate::domain::quarter::Quarter;

/// The month's full name ("December", "12월", "december", "Dezember").
pub fn month_name(locale: Locale, d: Date) -> String {
    format(locale, &format!("month-{}", u8::from(d.month())), &[])
}

/// A date written out, for emails and respondent pages: "16 December 2026",
/// "2026년 12월 16일", "16 december 2026", "16. Dezember 2026".
pub fn date_long(locale: Locale, d: Date) -> String {
    let (day, year) = (d.day().to_string(), d.year().to_string());
    let month = month_name(locale, d);
    format(
        locale,
        "date-long",
        &[("day", &day), ("month", &month), ("year", &year)],
    )
}

/// A date on the board report: "30 Sep 2026", "2026년 9월 30일", "30 september 2026".
pub fn date_report(locale: Locale, d: Date) -> String {
    let (day, year) = (d.day().to_string(), d.year().to_string());
    let month = format(locale, &format!("month-short-{}", u8::from(d.month())), &[]);
    format(
        locale,
        "date-report",
        &[("day", &day), ("month", &month), ("year", &year)],
    )
}

/// The quarter in a heading: "Q3 2026", "2026년 3분기", "3e kwartaal 2026".
pub fn quarter_long(locale: Locale, q: Quarter) -> String {
    let (number, year) = (q.number().to_string(), q.year().to_string());
    format(
        locale,
        "quarter-long",
        &[("number", &number), ("year", &year)],
    )
}

/// The quarter on a trend axis: "Q3 '26", "26.3Q", "K3 '26".
pub fn quarter_short(locale: Locale, q: Quarter) -> String {
    let number = q.number().to_string();
    let yy = format!("{:02}", q.year().rem_euclid(100));
    format(locale, "quarter-short", &[("number", &number), ("yy", &yy)])
}

/// A share already written as a number ("66.7"), in the locale's decimal mark and with its
/// percent sign as the language writes it ("66,7 %" in German, with a no-break space).
pub fn percent(locale: Locale, number: &str) -> String {
    let mark = format(locale, "decimal-mark", &[]);
    let value = number.replace('.', &mark);
    format(locale, "percent", &[("value", &value)])
}
