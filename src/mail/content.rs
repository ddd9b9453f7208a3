//! What invitations and reminders say, per locale: who runs the survey, why, when it closes,
//! and the anonymity promise. Rendered at send time; the outbox row holds no body.

use time::Date;

use super::OutgoingEmail;
use crate::domain::locale::Locale;
use crate::domain::quarter::Quarter;

/// Whether this is the first message or a reminder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageKind {
    Invite,
    Reminder,
}

impl MessageKind {
    /// The key stored in the outbox.
    pub fn key(self) -> &'static str {
        match self {
            MessageKind::Invite => "invite",
            MessageKind::Reminder => "reminder",
        }
    }

    /// Reads an outbox kind.
    pub fn parse(s: &str) -> Option<MessageKind> {
        match s {
            "invite" => Some(MessageKind::Invite),
            "reminder" => Some(MessageKind::Reminder),
            _ => None,
        }
    }
}

/// Everything a message needs.
pub struct MessageContext<'a> {
    pub kind: MessageKind,
    pub locale: Locale,
    pub to: &'a str,
    pub recipient_name: &'a str,
    pub company: &'a str,
    pub survey_title: &'a str,
    pub quarter: Quarter,
    pub closes_on: Date,
    pub timezone: &'a str,
    pub k: u32,
    pub link: &'a str,
    pub sender: &'a str,
    /// A sample sent by `round test-send`: says so, and its link only previews.
    pub sample: bool,
}

/// Renders the message in the recipient's language.
pub fn render(ctx: &MessageContext<'_>) -> OutgoingEmail {
    let c = copy(ctx);
    let mut text = String::new();
    let mut html = String::from(
        "<!doctype html><html><body style=\"font-family:sans-serif;line-height:1.5;max-width:36em\">",
    );
    if ctx.sample {
        text.push_str(&format!("{}\n\n", c.sample_note));
        html.push_str(&format!("<p><strong>{}</strong></p>", esc(&c.sample_note)));
    }
    for p in [&c.greeting, &c.why] {
        text.push_str(p);
        text.push_str("\n\n");
        html.push_str(&format!("<p>{}</p>", esc(p)));
    }
    text.push_str(&format!("{}\n{}\n\n", c.call, ctx.link));
    html.push_str(&format!(
        "<p><a href=\"{link}\" style=\"display:inline-block;padding:.6em 1.2em;background:#1f5fbf;color:#fff;text-decoration:none;border-radius:4px\">{call}</a></p><p style=\"font-size:90%;color:#555\">{link}</p>",
        link = esc(ctx.link),
        call = esc(&c.call)
    ));
    for p in [&c.closes, &c.anonymity, &c.personal, &c.footer] {
        text.push_str(p);
        text.push_str("\n\n");
        html.push_str(&format!("<p>{}</p>", esc(p)));
    }
    html.push_str("</body></html>");
    OutgoingEmail {
        to: ctx.to.to_string(),
        subject: c.subject,
        text: text.trim_end().to_string() + "\n",
        html,
    }
}

struct Copy {
    subject: String,
    greeting: String,
    why: String,
    call: String,
    closes: String,
    anonymity: String,
    personal: String,
    footer: String,
    sample_note: String,
}

fn copy(ctx: &MessageContext<'_>) -> Copy {
    let (co, q, title, tz, k, from) = (
        ctx.company,
        ctx.quarter,
        ctx.survey_title,
        ctx.timezone,
        ctx.k,
        ctx.sender,
    );
    let date = format_date(ctx.closes_on, ctx.locale);
    let name = ctx.recipient_name;
    match ctx.locale {
        Locale::En => Copy {
            subject: match ctx.kind {
                MessageKind::Invite => format!("{co} {q}: {title} (3 minutes, anonymous)"),
                MessageKind::Reminder => format!("Reminder {q}: {title} closes on {date}"),
            },
            greeting: format!("Hello {name},"),
            why: match ctx.kind {
                MessageKind::Invite => format!("Every quarter {co} asks the people the CTO serves how well that work is going. The {q} survey, \u{201c}{title}\u{201d}, takes under three minutes."),
                MessageKind::Reminder => format!("You have not answered the {q} survey \u{201c}{title}\u{201d} yet. It takes under three minutes, and every answer makes the result more reliable."),
            },
            call: "Answer the survey".into(),
            closes: format!("The survey closes at the end of {date} ({tz})."),
            anonymity: format!("Your answers are anonymous. Nobody at {co} \u{2014} not the survey admin, not the CTO, not the board \u{2014} can see what you answered. Results are shown only after the survey closes, and only for groups of at least {k} people."),
            personal: "This link is personal and works until you answer; please do not forward it.".into(),
            footer: format!("Sent by {from} with ctopulse. Questions? Reply to this email."),
            sample_note: "SAMPLE \u{2014} this is a test message; its link only previews the survey.".into(),
        },
        Locale::Ko => Copy {
            subject: match ctx.kind {
                MessageKind::Invite => format!("[{co}] {q} {title} (3분, 익명)"),
                MessageKind::Reminder => format!("[알림] {q} {title} 설문이 {date}에 마감됩니다"),
            },
            greeting: format!("{name}님, 안녕하세요."),
            why: match ctx.kind {
                MessageKind::Invite => format!("{co}{} 매 분기 CTO가 지원하는 분들께 그 지원이 얼마나 도움이 되는지 여쭙고 있습니다. 이번 {q} 설문 \u{300c}{title}\u{300d}{} 3분이면 충분합니다.", topic_particle(co), topic_particle(title)),
                MessageKind::Reminder => format!("아직 {q} 설문 \u{300c}{title}\u{300d}에 응답하지 않으셨습니다. 3분이면 충분하며, 응답이 많을수록 결과가 더 정확해집니다."),
            },
            call: "설문 참여하기".into(),
            closes: format!("설문은 {date} 하루가 끝날 때({tz} 기준) 마감됩니다."),
            anonymity: format!("응답은 익명으로 처리됩니다. 설문 관리자, CTO, 이사회를 포함해 {co}의 누구도 개인의 응답을 볼 수 없습니다. 결과는 설문이 마감된 뒤 {k}명 이상인 그룹 단위로만 공개됩니다."),
            personal: "이 링크는 본인 전용이며 응답하실 때까지 유효합니다. 다른 사람에게 전달하지 말아 주세요.".into(),
            footer: format!("{from}에서 ctopulse로 보낸 메일입니다. 문의 사항은 이 메일에 회신해 주세요."),
            sample_note: "샘플 \u{2014} 테스트 메일입니다. 링크로는 설문 미리보기만 가능합니다.".into(),
        },
        Locale::Nl => Copy {
            subject: match ctx.kind {
                MessageKind::Invite => format!("{co} {q}: {title} (3 minuten, anoniem)"),
                MessageKind::Reminder => format!("Herinnering {q}: {title} sluit op {date}"),
            },
            greeting: format!("Hallo {name},"),
            why: match ctx.kind {
                MessageKind::Invite => format!("Elk kwartaal vraagt {co} aan de mensen voor wie de CTO werkt hoe goed dat gaat. De enquête van {q}, \u{2018}{title}\u{2019}, kost je minder dan drie minuten."),
                MessageKind::Reminder => format!("Je hebt de enquête van {q}, \u{2018}{title}\u{2019}, nog niet ingevuld. Het kost minder dan drie minuten, en elk antwoord maakt de uitkomst betrouwbaarder."),
            },
            call: "Vul de enquête in".into(),
            closes: format!("De enquête sluit aan het eind van {date} ({tz})."),
            anonymity: format!("Je antwoorden zijn anoniem. Niemand bij {co} \u{2014} niet de beheerder van de enquête, niet de CTO en niet de raad van bestuur \u{2014} kan zien wat jij hebt geantwoord. Uitkomsten worden pas getoond als de enquête gesloten is, en alleen voor groepen van minstens {k} mensen."),
            personal: "Deze link is persoonlijk en werkt tot je de enquête hebt ingevuld; stuur hem niet door.".into(),
            footer: format!("Verstuurd door {from} met ctopulse. Vragen? Beantwoord deze e-mail."),
            sample_note: "VOORBEELD \u{2014} dit is een testbericht; de link toont alleen een voorbeeld van de enquête.".into(),
        },
    }
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

/// A date as people write it in each language.
pub fn format_date(d: Date, locale: Locale) -> String {
    let m = u8::from(d.month());
    match locale {
        Locale::En => {
            const MONTHS: [&str; 12] = [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ];
            format!("{} {} {}", d.day(), MONTHS[(m - 1) as usize], d.year())
        }
        Locale::Ko => format!("{}년 {}월 {}일", d.year(), m, d.day()),
        Locale::Nl => {
            const MONTHS: [&str; 12] = [
                "januari",
                "februari",
                "maart",
                "april",
                "mei",
                "juni",
                "juli",
                "augustus",
                "september",
                "oktober",
                "november",
                "december",
            ];
            format!("{} {} {}", d.day(), MONTHS[(m - 1) as usize], d.year())
        }
    }
}

/// Escapes text for HTML.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn ctx(locale: Locale, kind: MessageKind) -> MessageContext<'static> {
        MessageContext {
            kind,
            locale,
            to: "ann@example.com",
            recipient_name: "Ann <Lee>",
            company: "Acme",
            survey_title: "Internal CSAT",
            quarter: Quarter::new(2026, 3).unwrap(),
            closes_on: date!(2026 - 09 - 30),
            timezone: "Europe/Amsterdam",
            k: 5,
            link: "https://pulse.example.com/s/abc",
            sender: "People Ops <people@acme.test>",
            sample: false,
        }
    }

    #[test]
    fn every_locale_says_who_why_when_and_the_promise() {
        for (locale, date_text, anon) in [
            (Locale::En, "30 September 2026", "anonymous"),
            (Locale::Ko, "2026년 9월 30일", "익명"),
            (Locale::Nl, "30 september 2026", "anoniem"),
        ] {
            for kind in [MessageKind::Invite, MessageKind::Reminder] {
                let m = render(&ctx(locale, kind));
                assert!(m.subject.contains("2026Q3"), "{locale} {}", m.subject);
                assert!(m.text.contains(date_text), "{locale}: {}", m.text);
                assert!(m.text.contains(anon), "{locale}");
                assert!(m.text.contains("https://pulse.example.com/s/abc"));
                assert!(m.html.contains("href=\"https://pulse.example.com/s/abc\""));
                assert!(m.text.contains("5"));
                assert!(m.text.contains("People Ops"));
            }
        }
    }

    #[test]
    fn the_korean_topic_particle_follows_the_last_sound() {
        // 요 (U+C694): (0xC694 - 0xAC00) % 28 = 0, no final consonant → 는.
        assert_eq!(
            topic_particle("CTO는 우리 부서를 얼마나 잘 지원하고 있나요?"),
            "는"
        );
        // 문 (U+BB38) ends in ㄴ → 은.
        assert_eq!(topic_particle("기술 전략 설문"), "은");
        assert_eq!(topic_particle("Internal CSAT"), "은(는)");
        let mut c = ctx(Locale::Ko, MessageKind::Invite);
        c.survey_title = "CTO는 우리 부서를 얼마나 잘 지원하고 있나요?";
        c.company = "카카오";
        let text = render(&c).text;
        assert!(text.contains("카카오는 매 분기"), "{text}");
        assert!(text.contains("있나요?\u{300d}는 3분이면"), "{text}");
    }

    #[test]
    fn html_escapes_names() {
        let m = render(&ctx(Locale::En, MessageKind::Invite));
        assert!(m.html.contains("Ann &lt;Lee&gt;") && !m.html.contains("Ann <Lee>"));
    }

    #[test]
    fn samples_say_so() {
        let mut c = ctx(Locale::Nl, MessageKind::Invite);
        c.sample = true;
        assert!(render(&c).text.starts_with("VOORBEELD"));
    }
}
