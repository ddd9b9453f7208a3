//! The emailed survey link's shape: `/s/{token}?lang={code}&round={id}`. The token alone
//! decides what the link opens; the two hints only choose the words of a page for a link
//! that no longer names anyone (a seal deletes the round's links), so a late respondent is
//! told in their invitation's language that the survey closed, and when. They are the
//! invitee's own language and round, already in the email; a hint that does not parse is
//! ignored, never an error.

use crate::domain::ids::RoundId;
use crate::domain::locale::Locale;

/// The personal link an invitation email carries.
pub fn personal_link(public_url: &str, token: &str, locale: Locale, round: RoundId) -> String {
    format!(
        "{public_url}/s/{token}?lang={}&round={round}",
        locale.code()
    )
}

/// What the link's query says besides the token.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct LinkHints {
    pub locale: Option<Locale>,
    pub round: Option<RoundId>,
}

impl LinkHints {
    /// Reads `lang` and `round` from a raw query string, leniently: unknown keys, repeated
    /// keys (the first wins) and values that do not parse are skipped.
    pub fn parse(query: &str) -> LinkHints {
        let mut hints = LinkHints::default();
        for pair in query.split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match key {
                "lang" if hints.locale.is_none() => hints.locale = value.parse().ok(),
                "round" if hints.round.is_none() => hints.round = value.parse().ok(),
                _ => {}
            }
        }
        hints
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_reads_back_its_own_hints() {
        let round = RoundId::random();
        for locale in Locale::ALL {
            let link = personal_link("https://pulse.example.com", &"a".repeat(64), locale, round);
            let (path, query) = link.split_once('?').unwrap();
            assert_eq!(
                path,
                format!("https://pulse.example.com/s/{}", "a".repeat(64))
            );
            assert_eq!(
                LinkHints::parse(query),
                LinkHints {
                    locale: Some(locale),
                    round: Some(round)
                }
            );
        }
    }

    #[test]
    fn hints_that_do_not_parse_are_skipped() {
        assert_eq!(LinkHints::parse(""), LinkHints::default());
        assert_eq!(
            LinkHints::parse("lang=xx&round=nope&x=1"),
            LinkHints::default()
        );
        assert_eq!(LinkHints::parse("lang&round"), LinkHints::default());
        let h = LinkHints::parse("utm=1&lang=ko&lang=de");
        assert_eq!(h.locale, Some(Locale::Ko));
        assert_eq!(h.round, None);
    }
}
