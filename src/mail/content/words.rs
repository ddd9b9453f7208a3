//! Small pieces of language the messages share: dates, the Korean topic particle, and the
//! survey's own sentence about how long it takes.

use time::Date;

use crate::domain::locale::Locale;

/// The first sentence of a survey's intro, which says how long the survey takes ("This takes
/// about two minutes."): the email quotes it rather than giving a figure of its own, so the
/// email and the survey page always agree. A sentence ends at `.`, `?` or `!` followed by a
/// space or the end (the shipped intros use `. ` in every language, Korean included).
pub fn duration_sentence(intro: &str) -> &str {
    let intro = intro.trim();
    let mut chars = intro.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if matches!(c, '.' | '?' | '!') {
            match chars.peek() {
                None => return intro,
                Some((_, next)) if next.is_whitespace() => return &intro[..i + c.len_utf8()],
                Some(_) => {}
            }
        }
    }
    intro
}

/// The Korean topic particle after `word`: 은 after a final consonant (받침), 는 after a
/// vowel ("…있나요?" takes 는). Punctuation is skipped; a word ending in no Hangul takes
/// "은(는)", as Korean software writes it when the sound is unknown.
pub fn topic_particle(word: &str) -> &'static str {
    const FIRST: u32 = 0xAC00;
    const LAST: u32 = 0xD7A3;
    let last = word
        .chars()
        .rev()
        .find(|c| c.is_alphanumeric())
        .map(u32::from);
    match last {
        Some(c) if (FIRST..=LAST).contains(&c) && (c - FIRST).is_multiple_of(28) => "는",
        Some(c) if (FIRST..=LAST).contains(&c) => "은",
        _ => "은(는)",
    }
}

/// A date as people write it in each language ("16 December 2026"); the month names live
/// once, in `common.ftl`, shared with the board report.
pub fn format_date(d: Date, locale: Locale) -> String {
    crate::i18n::date_long(locale, d)
}
