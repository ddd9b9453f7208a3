//! Free-text comments demo respondents leave, per survey, language and mood. Which pool a
//! comment comes from follows the story: nobody praises the new developer environments
//! before they exist.

use crate::domain::locale::Locale;

/// Which survey a comment answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Survey {
    Csat,
    Culture,
    Alignment,
}

/// Comments for a survey, language and mood. `after_platform` is true once the new developer
/// environments have shipped (the surprise quarter and later).
pub fn pool(
    survey: Survey,
    locale: Locale,
    positive: bool,
    after_platform: bool,
) -> &'static [&'static str] {
    use Locale::*;
    match (survey, locale, positive) {
        (Survey::Csat, En, true) => &[
            "The CTO joined our biggest renewal call and it made the difference.",
            "Roadmap briefings are finally something I can repeat to customers.",
            "Quick, honest answers when a deal needs a technical call.",
        ],
        (Survey::Csat, En, false) => &[
            "We need the CTO in late-stage deals, not just at kick-offs.",
            "Hard to get a straight answer on when features ship.",
            "Customer feedback goes in and we never hear what happened to it.",
        ],
        (Survey::Csat, Ko, true) => &[
            "CTO님이 고객 미팅에 직접 참석해 주셔서 큰 도움이 되었습니다.",
            "로드맵 설명이 명확해져서 고객에게 자신 있게 전달할 수 있습니다.",
        ],
        (Survey::Csat, Ko, false) => &[
            "중요한 딜에서 기술 질문에 대한 답변이 너무 늦습니다.",
            "출시 일정이 자주 바뀌어서 고객의 신뢰를 잃고 있습니다.",
        ],
        (Survey::Csat, Nl, true) => &[
            "Fijn dat de CTO aansloot bij het gesprek met onze grootste klant.",
            "De roadmap-updates zijn helder en bruikbaar richting klanten.",
        ],
        (Survey::Csat, Nl, false) => &[
            "We hebben de CTO vaker nodig in de laatste fase van grote deals.",
            "Het is lastig om een eerlijk antwoord te krijgen over opleverdata.",
        ],
        (Survey::Culture, En, true) if after_platform => &[
            "The new dev environments cut my build loop from twenty minutes to three.",
            "On-call is finally sane. I can plan my weeks again.",
        ],
        (Survey::Culture, En, true) => &[
            "Great team, and reviews are thorough and kind.",
            "I get to work on hard problems with people I respect.",
        ],
        (Survey::Culture, En, false) => &[
            "Too many priorities at once; we context-switch all day.",
            "Flaky CI eats an hour of my day.",
            "Several of the people I learned most from have left.",
        ],
        (Survey::Culture, Ko, true) if after_platform => &[
            "새 개발 환경 덕분에 빌드 시간이 크게 줄었습니다.",
            "온콜 부담이 줄어서 업무 계획을 세울 수 있게 되었습니다.",
        ],
        (Survey::Culture, Ko, true) => &[
            "팀 분위기가 좋고 의견을 존중받는다고 느낍니다.",
            "코드 리뷰 문화가 훌륭합니다.",
        ],
        (Survey::Culture, Ko, false) => {
            &["우선순위가 너무 자주 바뀝니다.", "온콜 부담이 너무 큽니다."]
        }
        (Survey::Culture, Nl, true) if after_platform => &[
            "De nieuwe ontwikkelomgeving scheelt me elke dag uren.",
            "Eindelijk een rustige on-call-week.",
        ],
        (Survey::Culture, Nl, true) => &[
            "Ik voel me gehoord in de architectuurdiscussies.",
            "Fijne collega's en goede code reviews.",
        ],
        (Survey::Culture, Nl, false) => &[
            "Te veel prioriteiten tegelijk; we schakelen de hele dag.",
            "De CI is instabiel en kost veel tijd.",
        ],
        (Survey::Alignment, En, true) => &[
            "Technology choices map clearly to our three-year plan.",
            "The CTO brings options with costs, not just recommendations.",
        ],
        (Survey::Alignment, En, false) => &[
            "We heard about the AI shift from customers before we heard it from the CTO.",
            "I would like the trade-offs explained in revenue terms.",
        ],
        (Survey::Alignment, Ko, true) => &["기술 전략이 사업 목표와 잘 맞습니다."],
        (Survey::Alignment, Ko, false) => &["시장 변화에 대한 대응이 늦었습니다."],
        (Survey::Alignment, Nl, true) => {
            &["De technologiekeuzes sluiten goed aan op onze strategie."]
        }
        (Survey::Alignment, Nl, false) => &["Ik mis een duidelijke visie op AI."],
        // The demo's staff write in English, Korean and Dutch; German has no comments of its own.
        (_, De, _) => pool(survey, En, positive, after_platform),
    }
}
