//! The pack's own words in English, Korean and Dutch — only what the board report's copy
//! (`charts::copy`) does not already say. Same registers as there: neutral business Dutch,
//! Korean nominal style (개조식).

use crate::domain::actions::ActionStatus;
use crate::domain::locale::Locale;

/// Every fixed text of the pack's pages in one language.
pub struct Words {
    pub pack_title: &'static str,
    /// "Page {n} of {total}".
    pub page: &'static str,
    pub method_title: &'static str,
    /// How each measure and the shared rules are computed, as (heading, paragraph).
    pub method: [(&'static str, &'static str); 6],
    pub this_quarter: &'static str,
    pub withheld_heading: &'static str,
    pub withheld_none: &'static str,
    /// "{round}: {group} — {reason}".
    pub withheld_line: &'static str,
    pub items_title: &'static str,
    pub items_intro: &'static str,
    pub question: &'static str,
    pub all_groups: &'static str,
    pub not_asked: &'static str,
    pub withheld: &'static str,
    /// "mean {m}".
    pub mean: &'static str,
    /// "{p} favourable ({low}–{high})".
    pub favorable: &'static str,
    pub no_likert: &'static str,
    pub register_title: &'static str,
    pub register_intro: &'static str,
    pub register_none: &'static str,
    /// Columns: point, first seen, quarter, assessment, board, notes.
    pub register_cols: [&'static str; 6],
    pub not_assessed: &'static str,
    /// "CTO: {note}".
    pub cto_note: &'static str,
    /// "Board: {note}".
    pub board_note: &'static str,
    pub time_title: &'static str,
    pub time_intro: &'static str,
    pub time_none: &'static str,
    /// Columns: category, hours, share, target, vs target.
    pub time_cols: [&'static str; 5],
    /// internal engineering, internal executive, not work time (the other lines' names
    /// come from the report's time-split bar).
    pub time_extra: [&'static str; 3],
    pub actions_title: &'static str,
    pub actions_intro: &'static str,
    pub actions_none: &'static str,
    /// Columns: action, owner, due, status, linked figure.
    pub action_cols: [&'static str; 5],
    /// Planned, in progress, done, dropped.
    pub statuses: [&'static str; 4],
    /// "made {quarter}, {template}".
    pub made: &'static str,
    /// A linked figure that is not a measure: "{what} CSAT", "“{item}”", "“{item}” in {group}",
    /// "key driver “{item}”".
    pub link_group: &'static str,
    pub link_item_in: &'static str,
    pub link_driver: &'static str,
}

const EN: Words = Words {
    pack_title: "Board pack",
    page: "Page {n} of {total}",
    method_title: "How the figures are computed",
    method: [
        ("A · Tech strategy alignment", "The share of the CEO, executives and board whose alignment index — the mean of their alignment items on the 1–5 scale — is 4 or more; n counts respondents, not answers. An inflection point assessed as missed in the quarter turns A red whatever the survey says; one assessed late, or alignment below its threshold, turns it amber."),
        ("B · Engineering culture", "The share of engineers who are productive and happy at the same time: both their productivity index and their happiness index are 4 or more. eNPS is the share answering 9–10 minus the share answering 0–6, in points. Two lagging indicators come from HR events: regretted top-talent exits in the twelve months to the quarter's end over the mean top-talent headcount, and offers accepted over offers decided in the quarter."),
        ("C · Internal customer satisfaction", "Each department's CSAT is the share answering 4 or 5 to its overall-satisfaction item. C is their weighted mean over the groups that can be reported, with the weights fixed when the round launched. Coverage is the reported groups' share of the weight; below the coverage threshold C is not rated."),
        ("Intervals", "Every share carries a 95% Wilson interval on an effective sample size that allows for sampling without replacement (n answers out of N invited). When everyone invited answered, the figure is a census and the interval is the point."),
        ("Changes", "A change against the previous quarter is called changed only when it is at least 10 points and significant after the Benjamini–Hochberg adjustment; no real change when its 95% interval lies within ±10 points; otherwise can't tell. Quarters with different groups, weights or survey versions are not compared."),
        ("Anonymity", "No figure from fewer than k answers is shown, and where a total would reveal a withheld group, another group is withheld too. A withheld figure appears as \"withheld\" with its reason — never as a number or a zero. Comments are never part of this pack."),
    ],
    this_quarter: "This quarter",
    withheld_heading: "Figures withheld this quarter",
    withheld_none: "No group's figures were withheld this quarter.",
    withheld_line: "{round}: {group} — {reason}",
    items_title: "Items per group",
    items_intro: "Each cell: the mean answer on the 1–5 scale, the share answering 4 or 5 with its 95% interval, and n. A withheld figure shows only why it is withheld.",
    question: "Question",
    all_groups: "All groups",
    not_asked: "not asked",
    withheld: "withheld",
    mean: "mean {m}",
    favorable: "{p} favourable ({low}–{high})",
    no_likert: "This round has no 1–5 items.",
    register_title: "Inflection-point register",
    register_intro: "Every technical inflection point the CTO keeps, with each quarter's assessment up to this quarter and the board's verdict on it.",
    register_none: "The register is empty.",
    register_cols: ["Inflection point", "First seen", "Quarter", "Assessment", "Board", "Notes"],
    not_assessed: "not assessed",
    cto_note: "CTO: {note}",
    board_note: "Board: {note}",
    time_title: "Where the CTO's time goes",
    time_intro: "Work time in the CTO's calendar this quarter by category, against the article's targets. Quarterly shares only; no event is shown.",
    time_none: "The calendar holds no work time for this quarter.",
    time_cols: ["Category", "Hours", "Share", "Target", "vs target"],
    time_extra: ["  of which engineering", "  of which executive", "Not work time"],
    actions_title: "Actions and follow-through",
    actions_intro: "What the CTO committed to after earlier rounds, how each stands, and the figure it answers to, quarter by quarter.",
    actions_none: "No action is under way or due in this quarter.",
    action_cols: ["Action", "Owner", "Due", "Status", "Linked figure"],
    statuses: ["Planned", "In progress", "Done", "Dropped"],
    made: "made {quarter}, {template}",
    link_group: "{group} CSAT",
    link_item_in: "“{item}” in {group}",
    link_driver: "key driver “{item}”",
};

const KO: Words = Words {
    pack_title: "이사회 보고 자료",
    page: "{n} / {total}쪽",
    method_title: "산출 방법",
    method: [
        ("A · 기술 전략 정렬", "CEO·임원·이사회 응답자 중 정렬 지수(정렬 문항 1–5점 평균)가 4 이상인 비율. n은 답변 수가 아닌 응답자 수. 분기 중 놓친 것으로 평가된 변곡점이 있으면 설문 결과와 무관하게 A는 빨강, 늦게 대응한 변곡점이 있거나 정렬 비율이 기준 미만이면 주황."),
        ("B · 엔지니어링 문화", "생산성 지수와 행복 지수가 모두 4 이상인 엔지니어, 즉 생산적이면서 동시에 행복한 엔지니어의 비율. eNPS는 9–10점 비율에서 0–6점 비율을 뺀 값(포인트). 후행 지표는 HR 이벤트 기준: 분기 말까지 12개월간 아쉬운 핵심 인재 퇴사 수 ÷ 핵심 인재 평균 인원, 분기 중 결정된 제안 대비 수락 비율."),
        ("C · 내부 고객 만족도", "부서별 CSAT는 종합 만족도 문항에 4 또는 5로 답한 비율. C는 공개 가능한 그룹의 가중 평균이며 가중치는 라운드 시작 시점에 고정. 커버리지는 공개된 그룹이 차지하는 가중치 비율이며, 기준 미만이면 C는 평가하지 않음."),
        ("신뢰구간", "모든 비율에 95% Wilson 신뢰구간 표기. 비복원 추출(초대 N명 중 n명 응답)을 반영한 유효 표본 크기 기준. 초대 인원 전원이 응답하면 전수 조사로 보아 구간은 점과 같음."),
        ("변화 판정", "직전 분기 대비 10포인트 이상이고 Benjamini–Hochberg 보정 후에도 유의하면 ‘변화’, 변화량의 95% 구간이 ±10포인트 안이면 ‘실질 변화 없음’, 그 외는 ‘판단 불가’. 그룹·가중치·설문 버전이 다른 분기끼리는 비교하지 않음."),
        ("익명성", "응답이 k개 미만인 수치는 공개하지 않으며, 합계로 비공개 그룹이 드러날 경우 다른 그룹도 함께 비공개. 비공개 수치는 숫자나 0이 아닌 ‘비공개’와 사유로만 표시. 자유 응답 의견은 이 자료에 포함하지 않음."),
    ],
    this_quarter: "이번 분기",
    withheld_heading: "이번 분기 비공개 수치",
    withheld_none: "이번 분기에 비공개된 그룹 수치 없음.",
    withheld_line: "{round}: {group} — {reason}",
    items_title: "그룹별 문항 결과",
    items_intro: "각 칸: 1–5점 평균, 4 또는 5로 답한 비율과 95% 신뢰구간, n. 비공개 수치는 사유만 표시.",
    question: "문항",
    all_groups: "전체",
    not_asked: "해당 없음",
    withheld: "비공개",
    mean: "평균 {m}",
    favorable: "긍정 {p} ({low}–{high})",
    no_likert: "이 라운드에는 1–5점 문항 없음.",
    register_title: "기술 변곡점 등록부",
    register_intro: "CTO가 관리하는 기술 변곡점 전체. 이번 분기까지의 분기별 평가와 이사회 판단 포함.",
    register_none: "등록된 변곡점 없음.",
    register_cols: ["변곡점", "최초 인지", "분기", "평가", "이사회", "메모"],
    not_assessed: "미평가",
    cto_note: "CTO: {note}",
    board_note: "이사회: {note}",
    time_title: "CTO의 시간 배분",
    time_intro: "이번 분기 CTO 캘린더의 업무 시간을 범주별로 집계해 목표와 비교. 분기 비율만 표시하며 개별 일정은 표시하지 않음.",
    time_none: "이번 분기 캘린더에 업무 시간 없음.",
    time_cols: ["범주", "시간", "비율", "목표", "목표 대비"],
    time_extra: ["  그중 엔지니어링", "  그중 경영진", "업무 외 시간"],
    actions_title: "후속 조치 및 이행 현황",
    actions_intro: "이전 라운드 이후 CTO가 약속한 조치, 진행 상태, 그리고 연결된 수치의 분기별 추이.",
    actions_none: "이번 분기에 진행 중이거나 기한이 도래한 조치 없음.",
    action_cols: ["조치", "담당", "기한", "상태", "연결 수치"],
    statuses: ["계획", "진행 중", "완료", "중단"],
    made: "{quarter} 수립, {template}",
    link_group: "{group} CSAT",
    link_item_in: "{group}의 “{item}”",
    link_driver: "핵심 동인 “{item}”",
};

const NL: Words = Words {
    pack_title: "Boardpakket",
    page: "Pagina {n} van {total}",
    method_title: "Hoe de cijfers berekend worden",
    method: [
        ("A · Afstemming technologiestrategie", "Het aandeel van CEO, directie en board met een afstemmingsindex — het gemiddelde van hun afstemmingsvragen op de schaal 1–5 — van 4 of hoger; n telt respondenten, geen antwoorden. Een kantelpunt dat in het kwartaal als gemist is beoordeeld, maakt A rood, wat de enquête ook zegt; een te laat kantelpunt of afstemming onder de drempel maakt A oranje."),
        ("B · Engineeringcultuur", "Het aandeel engineers dat tegelijk productief en tevreden is: zowel de productiviteitsindex als de tevredenheidsindex is 4 of hoger. eNPS is het aandeel dat 9–10 antwoordt min het aandeel dat 0–6 antwoordt, in punten. Twee achterlopende indicatoren komen uit HR-gebeurtenissen: betreurd vertrek van toptalent in de twaalf maanden tot het einde van het kwartaal gedeeld door het gemiddelde aantal toptalenten, en geaccepteerde aanbiedingen gedeeld door de in het kwartaal besliste aanbiedingen."),
        ("C · Interne klanttevredenheid", "De CSAT van een afdeling is het aandeel dat 4 of 5 antwoordt op de vraag naar de algehele tevredenheid. C is het gewogen gemiddelde over de groepen die gerapporteerd kunnen worden, met de gewichten vastgelegd bij de start van de ronde. De dekking is het aandeel van het gewicht dat die groepen dragen; onder de dekkingsdrempel krijgt C geen oordeel."),
        ("Intervallen", "Elk aandeel heeft een 95%-Wilsoninterval op een effectieve steekproefomvang die rekening houdt met trekken zonder teruglegging (n antwoorden van N uitgenodigden). Heeft iedereen geantwoord, dan is het cijfer een volledige telling en valt het interval samen met het punt."),
        ("Veranderingen", "Een verschil met het vorige kwartaal heet veranderd alleen als het minstens 10 punten is en significant na de Benjamini–Hochbergcorrectie; geen echte verandering als het 95%-interval binnen ±10 punten ligt; anders niet te zeggen. Kwartalen met andere groepen, gewichten of enquêteversies worden niet vergeleken."),
        ("Anonimiteit", "Geen cijfer uit minder dan k antwoorden wordt getoond, en waar een totaal een achtergehouden groep zou verraden, wordt nog een groep achtergehouden. Een achtergehouden cijfer staat er als \"achtergehouden\" met de reden — nooit als getal of nul. Opmerkingen maken nooit deel uit van dit pakket."),
    ],
    this_quarter: "Dit kwartaal",
    withheld_heading: "Achtergehouden cijfers dit kwartaal",
    withheld_none: "Dit kwartaal is van geen enkele groep een cijfer achtergehouden.",
    withheld_line: "{round}: {group} — {reason}",
    items_title: "Vragen per groep",
    items_intro: "Per cel: het gemiddelde antwoord op de schaal 1–5, het aandeel dat 4 of 5 antwoordt met het 95%-interval, en n. Bij een achtergehouden cijfer staat alleen de reden.",
    question: "Vraag",
    all_groups: "Alle groepen",
    not_asked: "niet gevraagd",
    withheld: "achtergehouden",
    mean: "gemiddelde {m}",
    favorable: "{p} positief ({low}–{high})",
    no_likert: "Deze ronde heeft geen vragen op de schaal 1–5.",
    register_title: "Register van kantelpunten",
    register_intro: "Alle technologische kantelpunten die de CTO bijhoudt, met de beoordeling per kwartaal tot en met dit kwartaal en het oordeel van de board.",
    register_none: "Het register is leeg.",
    register_cols: ["Kantelpunt", "Eerst gezien", "Kwartaal", "Beoordeling", "Board", "Notities"],
    not_assessed: "niet beoordeeld",
    cto_note: "CTO: {note}",
    board_note: "Board: {note}",
    time_title: "Waar de tijd van de CTO heen gaat",
    time_intro: "Werktijd in de agenda van de CTO dit kwartaal per categorie, tegenover de doelen uit het artikel. Alleen kwartaalaandelen; geen afspraak wordt getoond.",
    time_none: "De agenda bevat geen werktijd voor dit kwartaal.",
    time_cols: ["Categorie", "Uren", "Aandeel", "Doel", "t.o.v. doel"],
    time_extra: ["  waarvan engineering", "  waarvan directie", "Geen werktijd"],
    actions_title: "Acties en opvolging",
    actions_intro: "Wat de CTO na eerdere rondes heeft toegezegd, hoe elke actie ervoor staat, en het cijfer waarop ze antwoordt, per kwartaal.",
    actions_none: "Geen actie loopt of vervalt in dit kwartaal.",
    action_cols: ["Actie", "Eigenaar", "Uiterlijk", "Status", "Gekoppeld cijfer"],
    statuses: ["Gepland", "Bezig", "Gereed", "Geschrapt"],
    made: "vastgelegd {quarter}, {template}",
    link_group: "CSAT {group}",
    link_item_in: "“{item}” bij {group}",
    link_driver: "sleutelfactor “{item}”",
};

/// The pack's words in `locale`.
pub fn words(locale: Locale) -> &'static Words {
    match locale {
        Locale::En => &EN,
        Locale::Ko => &KO,
        Locale::Nl => &NL,
    }
}

/// An action's status in `locale`.
pub fn status(locale: Locale, s: ActionStatus) -> &'static str {
    let w = words(locale);
    match s {
        ActionStatus::Planned => w.statuses[0],
        ActionStatus::InProgress => w.statuses[1],
        ActionStatus::Done => w.statuses[2],
        ActionStatus::Dropped => w.statuses[3],
    }
}
