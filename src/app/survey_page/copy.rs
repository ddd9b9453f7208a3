//! The survey pages' own words in English, Korean and Dutch (the questions come from the
//! template). Dutch uses "je" and Korean the polite 합니다/-요 style, as the templates do.

use time::Date;

use crate::domain::locale::Locale;
use crate::domain::survey_form::Problem;
use crate::mail::content::format_date;

/// Every fixed string of the respondent's pages.
pub struct Copy {
    pub promise_title: &'static str,
    pub promise_nobody: &'static str,
    pub promise_groups: &'static str,
    pub promise_unanimous: &'static str,
    pub promise_comments: &'static str,
    /// Said on the first page while strict mode (works council) is on.
    pub promise_strict: &'static str,
    pub required_note: &'static str,
    pub optional: &'static str,
    pub not_applicable: &'static str,
    pub submit: &'static str,
    pub errors_title: &'static str,
    /// Starts the page title after a failed submit, so the change is heard before the form.
    pub error_prefix: &'static str,
    pub problem_required: &'static str,
    pub problem_range: &'static str,
    pub problem_too_long: &'static str,
    pub comment_hint: &'static str,
    pub thanks_title: &'static str,
    pub thanks_body: &'static str,
    pub answered_title: &'static str,
    pub answered_body: &'static str,
    pub closed_title: &'static str,
    /// With `{date}` (the close date, as [`format_date`] writes it) and `{tz}`.
    pub closed_body: &'static str,
    /// As `closed_body`, for a round closed by hand before its close date.
    pub closed_early_body: &'static str,
    pub unknown_title: &'static str,
    pub unknown_body: &'static str,
    pub no_cookie_title: &'static str,
    pub no_cookie_body: &'static str,
    pub forged_title: &'static str,
    pub forged_body: &'static str,
    pub limited_title: &'static str,
    pub limited_body: &'static str,
    pub unavailable_title: &'static str,
    pub unavailable_body: &'static str,
    pub preview_banner: &'static str,
    pub language: &'static str,
}

impl Copy {
    /// The message for a form problem.
    pub fn problem(&self, p: Problem) -> &'static str {
        match p {
            Problem::Required => self.problem_required,
            Problem::OutOfRange => self.problem_range,
            Problem::TooLong => self.problem_too_long,
        }
    }
}

/// The copy for a locale.
pub fn copy(locale: Locale) -> &'static Copy {
    match locale {
        Locale::En => &EN,
        Locale::Ko => &KO,
        Locale::Nl => &NL,
    }
}

static EN: Copy = Copy {
    promise_title: "Your answers are anonymous",
    promise_nobody: "Nobody using ctopulse \u{2014} the survey admin, the CTO or the board \u{2014} can see what you answered. We know that you answered (to stop reminders), never what.",
    promise_groups: "Results are shown only after the survey closes, and only for groups of at least {k} people.",
    promise_unanimous: "Results are group totals, so if everyone in a group gives the same answer, the total shows that.",
    promise_comments: "Comments are shown only for groups of at least {c} people, in random order, without names. Leave out details that would identify you.",
    promise_strict: "Strict mode is on, as agreed with the works council: the board never sees comments, and only the survey admin sees how many people in each group have answered.",
    required_note: "Questions marked * need an answer.",
    optional: "optional",
    not_applicable: "N/A",
    submit: "Send my answers",
    errors_title: "Please check these answers",
    error_prefix: "Error:",
    problem_required: "Please choose an answer.",
    problem_range: "Please choose one of the options shown.",
    problem_too_long: "Please keep the comment under 2,000 characters.",
    comment_hint: "Up to 2,000 characters.",
    thanks_title: "Thank you",
    thanks_body: "Your answers are in. You will get no more reminders for this survey. Results are shared once the survey closes.",
    answered_title: "You have already answered",
    answered_body: "This survey link has been used. Each invitation counts once, so your earlier answers stand. Thank you!",
    closed_title: "This survey has closed",
    closed_body: "The survey closed at the end of {date} ({tz}) and no longer takes answers. Its results go to the company, as group totals only. Thank you for your interest.",
    closed_early_body: "The survey closed on {date} ({tz}) and no longer takes answers. Its results go to the company, as group totals only. Thank you for your interest.",
    unknown_title: "This link does not work",
    unknown_body: "The survey link is not valid. Links stop working once their survey has closed; its results then go to the company. If your survey is still open, please open the link from your invitation email exactly as it was sent.",
    no_cookie_title: "Please open the link from your email",
    no_cookie_body: "To answer, open the personal link in your invitation email. If you already did, your browser may be blocking cookies for this site.",
    forged_title: "The form could not be read",
    forged_body: "The answers sent do not match this survey. Please go back to the link in your invitation email and answer again.",
    limited_title: "Too many attempts",
    limited_body: "Too many invalid links were opened from your network. Please wait a minute and try again.",
    unavailable_title: "Please try again in a minute",
    unavailable_body: "The survey is briefly unavailable. Nothing was saved. Please try again in a minute.",
    preview_banner: "Preview \u{2014} answers cannot be sent from this page.",
    language: "Language",
};

static KO: Copy = Copy {
    promise_title: "응답은 익명으로 처리됩니다",
    promise_nobody: "설문 관리자, CTO, 이사회를 포함해 ctopulse를 사용하는 누구도 개인의 응답을 볼 수 없습니다. 알림을 멈추기 위해 응답 여부만 확인하며, 응답 내용은 확인하지 않습니다.",
    promise_groups: "결과는 설문이 마감된 뒤에만, {k}명 이상인 그룹 단위로만 공개됩니다.",
    promise_unanimous: "결과는 그룹 합계이므로, 한 그룹 전원이 같은 답을 하면 합계에도 그대로 드러납니다.",
    promise_comments: "의견은 {c}명 이상인 그룹에서만, 이름 없이 무작위 순서로 공개됩니다. 본인을 알아볼 수 있는 내용은 적지 말아 주세요.",
    promise_strict: "노사협의회와 합의한 엄격 모드가 켜져 있습니다. 이사회는 의견을 볼 수 없으며, 그룹별 응답 현황은 설문 관리자만 볼 수 있습니다.",
    required_note: "* 표시된 질문은 꼭 답해 주세요.",
    optional: "선택",
    not_applicable: "해당 없음",
    submit: "응답 제출",
    errors_title: "다음 응답을 확인해 주세요",
    error_prefix: "오류:",
    problem_required: "답을 선택해 주세요.",
    problem_range: "보기 중 하나를 선택해 주세요.",
    problem_too_long: "의견은 2,000자 이내로 작성해 주세요.",
    comment_hint: "최대 2,000자까지 입력할 수 있습니다.",
    thanks_title: "감사합니다",
    thanks_body: "응답이 제출되었습니다. 이 설문에 대한 알림은 더 이상 발송되지 않습니다. 결과는 설문 마감 후 공유됩니다.",
    answered_title: "이미 응답하셨습니다",
    answered_body: "이 설문 링크는 이미 사용되었습니다. 초대 한 건당 한 번만 응답할 수 있으므로 이전 응답이 그대로 유지됩니다. 감사합니다!",
    closed_title: "설문이 마감되었습니다",
    closed_body: "이 설문은 {date} 하루가 끝날 때({tz} 기준) 마감되어 더 이상 응답을 받지 않습니다. 결과는 그룹 합계로만 회사에 전달됩니다. 관심 가져 주셔서 감사합니다.",
    closed_early_body: "이 설문은 {date}({tz} 기준)에 마감되어 더 이상 응답을 받지 않습니다. 결과는 그룹 합계로만 회사에 전달됩니다. 관심 가져 주셔서 감사합니다.",
    unknown_title: "유효하지 않은 링크입니다",
    unknown_body: "설문 링크가 올바르지 않습니다. 설문이 마감되면 링크는 더 이상 작동하지 않으며, 결과는 회사에 전달됩니다. 설문이 아직 진행 중이라면 초대 메일의 링크를 그대로 열어 주세요.",
    no_cookie_title: "메일의 링크로 접속해 주세요",
    no_cookie_body: "응답하려면 초대 메일에 있는 본인 전용 링크를 열어 주세요. 이미 여셨다면 브라우저가 이 사이트의 쿠키를 차단하고 있을 수 있습니다.",
    forged_title: "양식을 읽을 수 없습니다",
    forged_body: "제출된 응답이 이 설문과 맞지 않습니다. 초대 메일의 링크로 다시 접속해 응답해 주세요.",
    limited_title: "시도 횟수가 너무 많습니다",
    limited_body: "현재 네트워크에서 유효하지 않은 링크가 너무 많이 열렸습니다. 1분 후에 다시 시도해 주세요.",
    unavailable_title: "잠시 후 다시 시도해 주세요",
    unavailable_body: "설문을 잠시 이용할 수 없습니다. 아무것도 저장되지 않았습니다. 1분 후에 다시 시도해 주세요.",
    preview_banner: "미리보기 \u{2014} 이 페이지에서는 응답을 제출할 수 없습니다.",
    language: "언어",
};

static NL: Copy = Copy {
    promise_title: "Je antwoorden zijn anoniem",
    promise_nobody: "Niemand die ctopulse gebruikt \u{2014} de beheerder van de enquête, de CTO of de raad van bestuur \u{2014} kan zien wat jij hebt geantwoord. We weten dát je hebt geantwoord (dan krijg je geen herinneringen meer), nooit wát.",
    promise_groups: "Uitkomsten worden pas getoond als de enquête gesloten is, en alleen voor groepen van minstens {k} mensen.",
    promise_unanimous: "Uitkomsten zijn groepstotalen: als iedereen in een groep hetzelfde antwoordt, is dat aan het totaal te zien.",
    promise_comments: "Opmerkingen worden alleen getoond voor groepen van minstens {c} mensen, in willekeurige volgorde en zonder namen. Laat details weg waaraan je herkend kunt worden.",
    promise_strict: "De strikte modus staat aan, zoals afgesproken met de ondernemingsraad: de raad van bestuur ziet nooit opmerkingen, en alleen de beheerder van de enquête ziet hoeveel mensen per groep hebben geantwoord.",
    required_note: "Vragen met een * moet je beantwoorden.",
    optional: "optioneel",
    not_applicable: "n.v.t.",
    submit: "Verstuur mijn antwoorden",
    errors_title: "Controleer deze antwoorden",
    error_prefix: "Fout:",
    problem_required: "Kies een antwoord.",
    problem_range: "Kies een van de getoonde opties.",
    problem_too_long: "Houd de opmerking korter dan 2.000 tekens.",
    comment_hint: "Maximaal 2.000 tekens.",
    thanks_title: "Bedankt",
    thanks_body: "Je antwoorden zijn binnen. Je krijgt voor deze enquête geen herinneringen meer. De uitkomsten worden gedeeld zodra de enquête gesloten is.",
    answered_title: "Je hebt al geantwoord",
    answered_body: "Deze link is al gebruikt. Elke uitnodiging telt één keer, dus je eerdere antwoorden blijven staan. Bedankt!",
    closed_title: "Deze enquête is gesloten",
    closed_body: "De enquête is gesloten aan het eind van {date} ({tz}) en neemt geen antwoorden meer aan. De uitkomsten gaan naar het bedrijf, alleen als groepstotalen. Bedankt voor je interesse.",
    closed_early_body: "De enquête is gesloten op {date} ({tz}) en neemt geen antwoorden meer aan. De uitkomsten gaan naar het bedrijf, alleen als groepstotalen. Bedankt voor je interesse.",
    unknown_title: "Deze link werkt niet",
    unknown_body: "De link naar de enquête is niet geldig. Links werken niet meer zodra hun enquête gesloten is; de uitkomsten gaan dan naar het bedrijf. Loopt je enquête nog, open dan de link uit je uitnodiging precies zoals hij is verstuurd.",
    no_cookie_title: "Open de link uit je e-mail",
    no_cookie_body: "Open de persoonlijke link uit je uitnodiging om te antwoorden. Heb je dat al gedaan, dan blokkeert je browser misschien cookies voor deze site.",
    forged_title: "Het formulier kon niet worden gelezen",
    forged_body: "De verstuurde antwoorden passen niet bij deze enquête. Ga terug naar de link in je uitnodiging en antwoord opnieuw.",
    limited_title: "Te veel pogingen",
    limited_body: "Vanaf je netwerk zijn te veel ongeldige links geopend. Wacht een minuut en probeer het opnieuw.",
    unavailable_title: "Probeer het over een minuut opnieuw",
    unavailable_body: "De enquête is even niet beschikbaar. Er is niets opgeslagen. Probeer het over een minuut opnieuw.",
    preview_banner: "Voorbeeld \u{2014} vanaf deze pagina kun je geen antwoorden versturen.",
    language: "Taal",
};

/// The closed page's text: when the survey closed, in the reader's language. `closed_early`
/// is the day (in `timezone`) a round closed by hand before its close date.
pub fn closed_body(
    locale: Locale,
    closes_on: Date,
    closed_early: Option<Date>,
    timezone: &str,
) -> String {
    let c = copy(locale);
    let (text, day) = match closed_early {
        Some(d) => (c.closed_early_body, d),
        None => (c.closed_body, closes_on),
    };
    text.replace("{date}", &format_date(day, locale))
        .replace("{tz}", timezone)
}

/// Picks a locale from an Accept-Language header (for pages where the respondent is unknown).
pub fn from_accept_language(header: Option<&str>) -> Locale {
    let Some(h) = header else { return Locale::En };
    h.split(',')
        .filter_map(|part| part.split(';').next())
        .map(|tag| tag.trim().to_ascii_lowercase())
        .find_map(|tag| match tag.get(..2) {
            Some("ko") => Some(Locale::Ko),
            Some("nl") => Some(Locale::Nl),
            Some("en") => Some(Locale::En),
            _ => None,
        })
        .unwrap_or(Locale::En)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_first_supported() {
        assert_eq!(
            from_accept_language(Some("nl-BE,nl;q=0.9,en;q=0.8")),
            Locale::Nl
        );
        assert_eq!(from_accept_language(Some("de-DE,ko;q=0.5")), Locale::Ko);
        assert_eq!(from_accept_language(Some("fr")), Locale::En);
        assert_eq!(from_accept_language(None), Locale::En);
    }

    #[test]
    fn promise_placeholders_are_present_in_every_locale() {
        for l in Locale::ALL {
            let c = copy(l);
            assert!(c.promise_groups.contains("{k}"), "{l}");
            assert!(c.promise_comments.contains("{c}"), "{l}");
            assert!(c.closed_body.contains("{date}"), "{l}");
            assert!(c.closed_body.contains("{tz}"), "{l}");
            assert!(c.closed_early_body.contains("{date}"), "{l}");
            assert!(c.closed_early_body.contains("{tz}"), "{l}");
        }
    }

    #[test]
    fn the_closed_page_says_when_in_the_readers_language() {
        let d = time::macros::date!(2026 - 12 - 16);
        let ko = closed_body(Locale::Ko, d, None, "Asia/Seoul");
        assert!(
            ko.contains("2026년 12월 16일 하루가 끝날 때(Asia/Seoul 기준)"),
            "{ko}"
        );
        let en = closed_body(Locale::En, d, None, "UTC");
        assert!(en.contains("at the end of 16 December 2026 (UTC)"), "{en}");
        let nl = closed_body(Locale::Nl, d, None, "Europe/Amsterdam");
        assert!(nl.contains("16 december 2026 (Europe/Amsterdam)"), "{nl}");
        let early = closed_body(
            Locale::Ko,
            d,
            Some(time::macros::date!(2026 - 12 - 10)),
            "UTC",
        );
        assert!(
            early.contains("2026년 12월 10일(UTC 기준)에 마감"),
            "{early}"
        );
    }
}
