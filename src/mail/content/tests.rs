use time::macros::date;

use super::copy::subject;
use super::*;
use crate::domain::template::TemplateSet;

/// The internal-CSAT survey's title and intro sentence, as the shipped template has them.
fn survey(locale: Locale) -> (&'static str, &'static str) {
    match locale {
        Locale::En => (
            "How well does the CTO serve your department?",
            "This takes about two minutes.",
        ),
        Locale::Ko => (
            "CTO는 우리 부서를 얼마나 잘 지원하고 있나요?",
            "약 2분 정도 걸립니다.",
        ),
        Locale::Nl => (
            "Hoe goed ondersteunt de CTO jouw afdeling?",
            "Dit kost ongeveer twee minuten.",
        ),
        Locale::De => (
            "Wie gut unterstützt der CTO deine Abteilung?",
            "Das dauert etwa zwei Minuten.",
        ),
    }
}

fn ctx(locale: Locale, kind: MessageKind) -> MessageContext<'static> {
    let (title, duration) = survey(locale);
    MessageContext {
        kind,
        locale,
        to: "ann@example.com",
        recipient_name: "Ann <Lee>",
        company: "Acme",
        survey_title: title,
        duration,
        quarter: Quarter::new(2026, 4).unwrap(),
        closes_on: date!(2026 - 12 - 16),
        timezone: "Europe/Amsterdam",
        k: 5,
        link: "https://pulse.example.com/s/abc",
        sender: "People Ops <people@acme.test>",
        recap: None,
    }
}

/// One rendered message as a reader sees it, for the snapshots.
fn shown(m: &OutgoingEmail) -> String {
    format!(
        "To: {} <{}>\nSubject: {}\n\n--- text/plain ---\n{}\n--- text/html ---\n{}",
        m.to_name, m.to, m.subject, m.text, m.html
    )
}

#[test]
fn every_kind_and_language_matches_its_snapshot() {
    for kind in MessageKind::ALL {
        for locale in Locale::ALL {
            let m = render(&ctx(locale, kind)).unwrap();
            insta::assert_snapshot!(format!("{}_{}", kind.key(), locale.code()), shown(&m));
        }
    }
}

#[test]
fn every_message_says_who_why_when_how_long_and_the_promise() {
    for (locale, date_text, anon, quarter) in [
        (Locale::En, "16 December 2026", "anonymous", "Q4 2026"),
        (Locale::Ko, "2026년 12월 16일", "익명", "2026년 4분기"),
        (
            Locale::Nl,
            "16 december 2026",
            "anoniem",
            "4e kwartaal 2026",
        ),
        (Locale::De, "16. Dezember 2026", "anonym", "4. Quartal 2026"),
    ] {
        let (title, duration) = survey(locale);
        for kind in MessageKind::ALL {
            let m = render(&ctx(locale, kind)).unwrap();
            let what = format!("{locale} {}", kind.key());
            assert!(m.subject.contains(quarter), "{what}: {}", m.subject);
            for part in [&m.text, &m.html] {
                assert!(part.contains(date_text), "{what}: {part}");
                assert!(part.contains(anon), "{what}");
                assert!(part.contains(title), "{what}");
                assert!(part.contains(duration), "{what}: the intro's own figure");
                assert!(part.contains("People Ops"), "{what}");
                assert!(part.contains(" 5"), "{what}: k");
            }
            assert!(
                m.text.contains("\nhttps://pulse.example.com/s/abc\n"),
                "{what}"
            );
            assert!(m.html.contains("href=\"https://pulse.example.com/s/abc\""));
            assert_eq!(m.to_name, "Ann <Lee>");
            assert_eq!(m.locale, locale);
        }
    }
}

#[test]
fn no_message_gives_a_figure_of_its_own_for_the_time_it_takes() {
    for locale in Locale::ALL {
        for kind in MessageKind::ALL {
            let m = render(&ctx(locale, kind)).unwrap();
            for stale in [
                "3 minutes",
                "three minutes",
                "3분",
                "3 minuten",
                "drie minuten",
                "3 Minuten",
                "drei Minuten",
            ] {
                assert!(!m.text.contains(stale) && !m.subject.contains(stale));
            }
        }
    }
}

#[test]
fn subjects_have_one_form_in_every_language_and_kind() {
    for locale in Locale::ALL {
        let (title, _) = survey(locale);
        for kind in MessageKind::ALL {
            let s = render(&ctx(locale, kind)).unwrap().subject;
            let quarter = crate::i18n::quarter_long(locale, Quarter::new(2026, 4).unwrap());
            let label = s
                .strip_prefix(&format!("[Acme {quarter}] "))
                .and_then(|rest| rest.strip_suffix(&format!(": {title}")))
                .unwrap_or_else(|| panic!("{locale} {}: {s}", kind.key()));
            assert_eq!(s, subject("Acme", &quarter, label, title));
            assert!(!label.is_empty() && !label.contains(':'), "{s}");
        }
        // The close date sits in the label, before the title, never after its "?".
        let reminder = render(&ctx(locale, MessageKind::Reminder)).unwrap().subject;
        assert!(reminder.ends_with('?'), "{reminder}");
        assert!(reminder.contains("2026"), "{reminder}");
    }
}

#[test]
fn the_html_names_its_language() {
    for locale in Locale::ALL {
        let html = render(&ctx(locale, MessageKind::Invite)).unwrap().html;
        assert!(
            html.starts_with(&format!(
                "<!doctype html>\n<html lang=\"{}\">",
                locale.code()
            )),
            "{html}"
        );
        assert_eq!(html.contains("keep-all"), locale == Locale::Ko);
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
    // Latin names read as Koreans say them where the last sound is certain.
    assert_eq!(topic_particle("Northwind"), "는"); // 노스윈드
    assert_eq!(topic_particle("Amazon"), "은"); // 아마존
    assert_eq!(topic_particle("Samsung"), "은"); // 삼성
    assert_eq!(topic_particle("Sony."), "는"); // 소니
    assert_eq!(topic_particle("Team 3"), "은"); // 삼
    assert_eq!(topic_particle("Acme"), "은(는)"); // silent e: 애크미 but 라임 (Lime)
    assert_eq!(topic_particle("Slack"), "은(는)"); // 슬랙 (ㄱ), yet Oracle 오라클
    assert_eq!(topic_particle("Big"), "은(는)");
    assert_eq!(topic_particle("!!"), "은(는)");
    let mut c = ctx(Locale::Ko, MessageKind::Invite);
    c.company = "카카오";
    let text = render(&c).unwrap().text;
    assert!(text.contains("카카오는 매 분기"), "{text}");
}

#[test]
fn html_escapes_names_and_text_does_not() {
    let m = render(&ctx(Locale::En, MessageKind::Invite)).unwrap();
    assert!(m.html.contains("Ann &#60;Lee&#62;") || m.html.contains("Ann &lt;Lee&gt;"));
    assert!(!m.html.contains("Ann <Lee>"));
    assert!(m.text.contains("Hello Ann <Lee>,"));
}

#[test]
fn samples_say_so_and_nothing_else_does() {
    let sample = render(&ctx(Locale::Nl, MessageKind::Sample)).unwrap();
    assert!(sample.text.starts_with("VOORBEELD"));
    assert!(sample.subject.contains("VOORBEELD"));
    for kind in [
        MessageKind::Invite,
        MessageKind::Reminder,
        MessageKind::Reinvite,
    ] {
        assert!(!render(&ctx(Locale::Nl, kind))
            .unwrap()
            .text
            .contains("VOORBEELD"));
    }
}

#[test]
fn only_outbox_kinds_parse() {
    for kind in [
        MessageKind::Invite,
        MessageKind::Reminder,
        MessageKind::Reinvite,
    ] {
        assert_eq!(MessageKind::parse(kind.key()), Some(kind));
    }
    assert_eq!(MessageKind::parse("sample"), None);
}

#[test]
fn the_duration_sentence_is_the_intros_first() {
    assert_eq!(
        duration_sentence("This takes about two minutes. Think of the last three months."),
        "This takes about two minutes."
    );
    assert_eq!(
        duration_sentence("약 2분 정도 걸립니다. 지난 3개월을 떠올리며"),
        "약 2분 정도 걸립니다."
    );
    // A dot inside a number does not end the sentence.
    assert_eq!(
        duration_sentence("About 1.5 minutes, or less! Then go."),
        "About 1.5 minutes, or less!"
    );
    assert_eq!(duration_sentence("  No full stop "), "No full stop");
    assert_eq!(duration_sentence(""), "");
}

#[test]
fn every_shipped_intro_opens_with_how_long_it_takes() {
    let set = TemplateSet::from_sources(crate::domain::template::SHIPPED).unwrap();
    for t in set.templates() {
        for (locale, unit) in [
            (Locale::En, "minute"),
            (Locale::Ko, "분"),
            (Locale::Nl, "minu"),
        ] {
            let s = duration_sentence(t.intro().get(locale));
            assert!(s.contains(unit), "{} {locale}: {s:?}", t.key());
        }
    }
}

/// Sales' recap: 50 % satisfied last quarter; one action done (English and Dutch only), one
/// in progress with markup in its note.
fn recap() -> crate::domain::actions::recap::RoundRecap {
    use crate::domain::actions::follow::{FollowValue, Unit};
    use crate::domain::actions::recap::{GroupRecap, RecapAction, RecapFigure, RoundRecap};
    use crate::domain::actions::{ActionStatus, ActionText, ActionTexts};
    use crate::domain::scoring::trend::Metric;
    let text = |t: &str, n: &str| ActionText {
        title: t.into(),
        note: n.into(),
    };
    let group = GroupRecap {
        figures: vec![RecapFigure {
            metric: Metric::GroupCsat,
            value: FollowValue {
                value: 0.5,
                low: 0.3,
                high: 0.7,
                n: 20,
                unit: Unit::Share,
            },
        }],
        actions: vec![
            RecapAction {
                texts: ActionTexts(
                    [
                        (
                            Locale::En,
                            text("CTO joins the weekly deal review", "Every Tuesday."),
                        ),
                        (
                            Locale::Nl,
                            text(
                                "CTO schuift aan bij het wekelijkse dealoverleg",
                                "Elke dinsdag.",
                            ),
                        ),
                    ]
                    .into_iter()
                    .collect(),
                ),
                status: ActionStatus::Done,
            },
            RecapAction {
                texts: ActionTexts(
                    [(
                        Locale::En,
                        text("Roadmap briefing for sales", "<b>monthly</b> & recorded"),
                    )]
                    .into_iter()
                    .collect(),
                ),
                status: ActionStatus::InProgress,
            },
        ],
    };
    RoundRecap {
        previous: Some(Quarter::new(2026, 3).unwrap()),
        groups: [("sales".to_string(), group)].into_iter().collect(),
    }
}

#[test]
fn you_said_we_did_matches_its_snapshot_in_every_language() {
    use crate::domain::actions::recap::recap_view;
    let r = recap();
    for locale in Locale::ALL {
        let view = recap_view(&r, "sales", locale, Locale::En).unwrap();
        let mut c = ctx(locale, MessageKind::Invite);
        c.recap = Some(&view);
        let m = render(&c).unwrap();
        // Markup in an action's text is escaped in HTML and left as typed in plain text.
        assert!(m.html.contains("&#60;b&#62;monthly") || m.html.contains("&lt;b&gt;monthly"));
        assert!(m.text.contains("<b>monthly</b> & recorded"));
        insta::assert_snapshot!(format!("invite_recap_{}", locale.code()), shown(&m));
    }
    // Another group, or a round without a previous one, shows nothing extra.
    assert!(recap_view(&r, "bd", Locale::En, Locale::En).is_none());
    let none = crate::domain::actions::recap::RoundRecap::default();
    assert!(recap_view(&none, "sales", Locale::En, Locale::En).is_none());
}
