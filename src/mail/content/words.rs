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
/// vowel ("…있나요?" takes 는). Punctuation is skipped. A digit or Latin letter is read as
/// Koreans say it where that is certain ("Northwind" 노스윈드는, "Amazon" 아마존은,
/// "3" 삼은); anything else takes "은(는)", as Korean software writes it when the sound is
/// unknown ("Acme", "Slack": a silent e or a final k can go either way).
pub fn topic_particle(word: &str) -> &'static str {
    const FIRST: u32 = 0xAC00;
    const LAST: u32 = 0xD7A3;
    const UNKNOWN: &str = "은(는)";
    let mut letters = word.chars().rev().filter(|c| c.is_alphanumeric());
    let Some(last) = letters.next() else {
        return UNKNOWN;
    };
    let code = u32::from(last);
    if (FIRST..=LAST).contains(&code) {
        return if (code - FIRST).is_multiple_of(28) {
            "는"
        } else {
            "은"
        };
    }
    match last.to_ascii_lowercase() {
        // 영, 일, 삼, 육, 칠, 팔 end in a consonant; 이, 사, 오, 구 in a vowel.
        '0' | '1' | '3' | '6' | '7' | '8' => "은",
        '2' | '4' | '5' | '9' => "는",
        // -l, -m, -n and -ng end in ㄹ, ㅁ, ㄴ, ㅇ: Paypal 페이팔, Adam 애덤, Samsung 삼성.
        'l' | 'm' | 'n' => "은",
        'g' if letters.next().is_some_and(|c| c.eq_ignore_ascii_case(&'n')) => "은",
        // Vowels, and consonants Korean writes with a closing ㅡ or a vowel: Sony 소니,
        // Uber 우버, Northwind 노스윈드, Atlas 아틀라스, Box 박스, Dish 디시.
        'a' | 'i' | 'o' | 'u' | 'y' | 'w' | 'r' | 'd' | 's' | 'x' | 'z' | 'f' | 'v' | 'h' => "는",
        _ => UNKNOWN,
    }
}

/// A date as people write it in each language ("16 December 2026"); the month names live
/// once, in `common.ftl`, shared with the board report.
pub fn format_date(d: Date, locale: Locale) -> String {
    crate::i18n::date_long(locale, d)
}
