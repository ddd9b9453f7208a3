//! The words of every message, per locale and kind.
//!
//! Every subject has one form in every language and kind: `[{company} {quarter}] {label}:
//! {title}` — the tag first (mail filters and threads group on it), the survey's own title
//! last, so a title ending in "?" never runs into a date. Only `label` is translated; a
//! reminder's label carries the close date.

use super::words::{format_date, topic_particle};
use super::{MessageContext, MessageKind};
use crate::domain::locale::Locale;

/// The translated parts of one message.
pub(super) struct Copy {
    pub(super) subject: String,
    pub(super) greeting: String,
    /// Why this message: the quarterly survey, a reminder, or a fresh invitation.
    pub(super) lead: String,
    pub(super) call: String,
    pub(super) closes: String,
    pub(super) anonymity: String,
    pub(super) personal: String,
    pub(super) footer: String,
    pub(super) sample_note: String,
}

/// The subject in the one form every language shares (see the module comment).
pub(super) fn subject(company: &str, quarter: &str, label: &str, title: &str) -> String {
    format!("[{company} {quarter}] {label}: {title}")
}

pub(super) fn copy(ctx: &MessageContext<'_>) -> Copy {
    let (co, q, tz, k, from) = (
        ctx.company,
        ctx.quarter.to_string(),
        ctx.timezone,
        ctx.k,
        ctx.sender,
    );
    let date = format_date(ctx.closes_on, ctx.locale);
    let name = ctx.recipient_name;
    let kind = ctx.kind;
    match ctx.locale {
        Locale::En => {
            let asks = format!(
                "Every quarter {co} asks the people the CTO serves how well that work is going."
            );
            Copy {
                subject: subject(
                    co,
                    &q,
                    &match kind {
                        MessageKind::Invite => "Survey".to_string(),
                        MessageKind::Reminder => format!("Reminder, closes {date}"),
                        MessageKind::Reinvite => "Survey, new invitation".to_string(),
                        MessageKind::Sample => "SAMPLE survey".to_string(),
                    },
                    ctx.survey_title,
                ),
                greeting: format!("Hello {name},"),
                lead: match kind {
                    MessageKind::Invite | MessageKind::Sample => {
                        format!("{asks} This is the survey for {q}:")
                    }
                    MessageKind::Reminder => format!(
                        "You have not answered the survey for {q} yet. Every answer makes the result more reliable."
                    ),
                    MessageKind::Reinvite => format!(
                        "{asks} Our first invitation to the survey for {q} did not reach you; this one replaces it:"
                    ),
                },
                call: "Answer the survey".into(),
                closes: format!("The survey closes at the end of {date} ({tz})."),
                anonymity: format!("Your answers are anonymous. Nobody at {co} \u{2014} not the survey admin, not the CTO, not the board \u{2014} can see what you answered. Results are shown only after the survey closes, and only for groups of at least {k} people."),
                personal: "This link is personal and works until you answer; please do not forward it.".into(),
                footer: format!("Sent by {from} with ctopulse. Questions? Reply to this email."),
                sample_note: "SAMPLE \u{2014} this is a test message; its link only previews the survey.".into(),
            }
        }
        Locale::Ko => {
            let asks = format!(
                "{co}{} 매 분기 CTO가 지원하는 분들께 그 지원이 얼마나 도움이 되는지 여쭙고 있습니다.",
                topic_particle(co)
            );
            Copy {
                subject: subject(
                    co,
                    &q,
                    &match kind {
                        MessageKind::Invite => "설문".to_string(),
                        MessageKind::Reminder => format!("알림, {date} 마감"),
                        MessageKind::Reinvite => "설문 재안내".to_string(),
                        MessageKind::Sample => "샘플 설문".to_string(),
                    },
                    ctx.survey_title,
                ),
                greeting: format!("{name}님, 안녕하세요."),
                lead: match kind {
                    MessageKind::Invite | MessageKind::Sample => {
                        format!("{asks} 이번 {q} 설문입니다.")
                    }
                    MessageKind::Reminder => format!(
                        "아직 {q} 설문에 응답하지 않으셨습니다. 응답이 많을수록 결과가 더 정확해집니다."
                    ),
                    MessageKind::Reinvite => format!(
                        "{asks} 처음 보내 드린 {q} 설문 안내가 전달되지 않아 다시 보내 드립니다."
                    ),
                },
                call: "설문 참여하기".into(),
                closes: format!("설문은 {date} 하루가 끝날 때({tz} 기준) 마감됩니다."),
                anonymity: format!("응답은 익명으로 처리됩니다. 설문 관리자, CTO, 이사회를 포함해 {co}의 누구도 개인의 응답을 볼 수 없습니다. 결과는 설문이 마감된 뒤 {k}명 이상인 그룹 단위로만 공개됩니다."),
                personal: "이 링크는 본인 전용이며 응답하실 때까지 유효합니다. 다른 사람에게 전달하지 말아 주세요.".into(),
                footer: format!("{from}에서 ctopulse로 보낸 메일입니다. 문의 사항은 이 메일에 회신해 주세요."),
                sample_note: "샘플 \u{2014} 테스트 메일입니다. 링크로는 설문 미리보기만 가능합니다.".into(),
            }
        }
        Locale::Nl => {
            let asks = format!(
                "Elk kwartaal vraagt {co} aan de mensen voor wie de CTO werkt hoe goed dat gaat."
            );
            Copy {
                subject: subject(
                    co,
                    &q,
                    &match kind {
                        MessageKind::Invite => "Enquête".to_string(),
                        MessageKind::Reminder => format!("Herinnering, sluit {date}"),
                        MessageKind::Reinvite => "Enquête, nieuwe uitnodiging".to_string(),
                        MessageKind::Sample => "VOORBEELD enquête".to_string(),
                    },
                    ctx.survey_title,
                ),
                greeting: format!("Hallo {name},"),
                lead: match kind {
                    MessageKind::Invite | MessageKind::Sample => {
                        format!("{asks} Dit is de enquête van {q}:")
                    }
                    MessageKind::Reminder => format!(
                        "Je hebt de enquête van {q} nog niet ingevuld. Elk antwoord maakt de uitkomst betrouwbaarder."
                    ),
                    MessageKind::Reinvite => format!(
                        "{asks} Onze eerste uitnodiging voor de enquête van {q} heeft je niet bereikt; deze vervangt hem:"
                    ),
                },
                call: "Vul de enquête in".into(),
                closes: format!("De enquête sluit aan het eind van {date} ({tz})."),
                anonymity: format!("Je antwoorden zijn anoniem. Niemand bij {co} \u{2014} niet de beheerder van de enquête, niet de CTO en niet de raad van bestuur \u{2014} kan zien wat jij hebt geantwoord. Uitkomsten worden pas getoond als de enquête gesloten is, en alleen voor groepen van minstens {k} mensen."),
                personal: "Deze link is persoonlijk en werkt tot je de enquête hebt ingevuld; stuur hem niet door.".into(),
                footer: format!("Verstuurd door {from} met ctopulse. Vragen? Beantwoord deze e-mail."),
                sample_note: "VOORBEELD \u{2014} dit is een testbericht; de link toont alleen een voorbeeld van de enquête.".into(),
            }
        }
    }
}
