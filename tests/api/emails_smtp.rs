//! Every kind of email (invitation, reminder, re-invitation, sample) in every language
//! (en, ko, nl, de), delivered by the SMTP transport to a real SMTP server on loopback and read
//! back from the wire as a mail client would: a Message-ID on the sender's domain, a Date, To
//! and From with display names, Content-Language and the HTML part's `lang` in the reader's
//! language, the one subject form, and the reader's own words in both parts (no fallback to
//! English). The memory mailbox tests (emails.rs) see lettre's message before it is encoded;
//! this one sees what a receiving server gets.

use std::collections::{BTreeSet, HashSet};

use ctopulse::app::rounds;
use ctopulse::domain::email::Email;
use ctopulse::domain::locale::Locale;
use ctopulse::i18n;
use ctopulse::mail::content::{duration_sentence, format_date, MessageKind};
use ctopulse::mail::outbox::OutboxWorker;
use ctopulse::mail::{sample, Mailer};

use crate::helpers::*;
use crate::smtp_sink::{SmtpSink, Wire};

const FROM: &str = "People Ops <people@acme.test>";
const LOCALES: [Locale; 4] = [Locale::En, Locale::Ko, Locale::Nl, Locale::De];
/// One invitee per language whose first invitation bounces; the address is then fixed.
const BOUNCED: [&str; 4] = [
    "s1@acme.test",
    "s3@acme.test",
    "s2@acme.test",
    "d1@acme.test",
];
/// The samples go to one person on the roster, once in each language.
const SAMPLED: &str = "s4@acme.test";

fn roster() -> String {
    format!(
        "{ROSTER}d1@acme.test,Dana Eins,sales,de,false,false,true\n\
         d2@acme.test,Dirk Zwei,engineering,de,true,false,true\n"
    )
}

/// (name, locale) of a roster address.
fn on_roster(csv: &str, address: &str) -> (String, Locale) {
    csv.lines()
        .skip(1)
        .map(|l| l.split(',').collect::<Vec<_>>())
        .find(|f| f[0] == address)
        .map(|f| (f[1].to_string(), f[3].parse().unwrap()))
        .unwrap_or_else(|| panic!("{address} is not on the roster"))
}

#[tokio::test]
async fn every_kind_in_every_language_arrives_over_smtp_complete() {
    let sink = SmtpSink::start().await;
    let app = TestApp::spawn_with(&[("CTOPULSE_MAIL_FROM", FROM)]).await;
    let csv = roster();
    app.import_roster(&csv);
    let round = app.launch("internal-csat", "2026Q4");
    let smtp = test_settings(
        app.db.url(),
        &[
            ("CTOPULSE_MAIL_TRANSPORT", "smtp"),
            ("CTOPULSE_SMTP_URL", &sink.url()),
            ("CTOPULSE_MAIL_FROM", FROM),
        ],
    );
    let mailer = Mailer::from_settings(&smtp.mail).unwrap();
    let worker = OutboxWorker::new(app.pool.clone(), mailer.clone(), app.state.settings.clone());

    for address in BOUNCED {
        sink.refuse(address);
    }
    worker.drain().await.unwrap();
    for address in BOUNCED {
        sink.accept(address);
    }
    let report = rounds::remind(
        &mut app.conn(),
        rid(&round),
        ctopulse::clock::now(),
        "test",
        REMIND,
    )
    .unwrap();
    assert_eq!((report.reminders, report.reinvites), (12, 4));
    worker.drain().await.unwrap();
    let stored = ctopulse::db::rounds::find(&mut app.conn(), rid(&round))
        .unwrap()
        .unwrap();
    let to = Email::parse(SAMPLED).unwrap();
    for locale in LOCALES {
        let email = sample::invitation(
            &mut app.conn(),
            &stored,
            &app.settings,
            locale,
            &to,
            ctopulse::clock::now(),
        )
        .unwrap();
        mailer.send(&email).await.unwrap();
    }

    let template = app.state.templates.get("internal-csat").unwrap();
    let company = &app.settings.company_name;
    let public_url = app.settings.server.public_url.trim_end_matches('/');
    let delivered = sink.delivered();
    assert_eq!(delivered.len(), 12 + 12 + 4 + 4);
    let mut ids = HashSet::new();
    let mut seen = BTreeSet::new();
    for d in &delivered {
        assert_eq!(d.rcpt_to.len(), 1);
        let address = d.rcpt_to[0].as_str();
        let wire = Wire::parse(&d.data);
        let subject = wire.header("Subject").concat();
        let (name, mut locale) = on_roster(&csv, address);
        let sample_note = i18n::format(Locale::En, "email-sample-note", &[]);
        let kind = if address == SAMPLED
            && LOCALES.iter().any(|l| {
                wire.text
                    .contains(&i18n::format(*l, "email-sample-note", &[]))
            }) {
            // A sample is in the language asked for, whoever receives it.
            locale = LOCALES
                .into_iter()
                .find(|l| {
                    wire.text
                        .contains(&i18n::format(*l, "email-sample-note", &[]))
                })
                .unwrap();
            MessageKind::Sample
        } else if BOUNCED.contains(&address) {
            MessageKind::Reinvite
        } else if subject.contains(&label(locale, MessageKind::Reminder)) {
            MessageKind::Reminder
        } else {
            MessageKind::Invite
        };
        let what = format!("{} {} to {address}: {subject}", kind.key(), locale.code());
        assert!(
            seen.insert((kind.key(), locale.code(), address.to_string())),
            "{what}: twice"
        );

        // Message-ID: <32 hex digits@the sender's domain>, unique.
        let id = wire.header("Message-ID").concat();
        let local = id
            .strip_prefix('<')
            .and_then(|i| i.strip_suffix("@acme.test>"))
            .unwrap_or_else(|| panic!("{what}: Message-ID {id:?}"));
        assert!(
            local.len() == 32 && local.chars().all(|c| c.is_ascii_hexdigit()),
            "{what}: {id}"
        );
        assert!(ids.insert(id.clone()), "{what}: id reused");
        assert_eq!(wire.header("Date").len(), 1, "{what}");
        assert!(wire.header("Date")[0].contains(" +0000"), "{what}");

        // Display names, as the reader's client shows them.
        assert_eq!(
            unquoted(&wire.header("To").concat()),
            format!("{name} <{address}>"),
            "{what}"
        );
        assert_eq!(unquoted(&wire.header("From").concat()), FROM, "{what}");

        // The reader's language, in the headers, the HTML and the words of both parts.
        assert_eq!(wire.header("Content-Language"), [locale.code()], "{what}");
        assert!(
            wire.html
                .contains(&format!("<html lang=\"{}\">", locale.code())),
            "{what}: {}",
            wire.html
        );
        assert_eq!(
            subject,
            format!(
                "[{company} {}] {}: {}",
                i18n::quarter_long(locale, "2026Q4".parse().unwrap()),
                label(locale, kind),
                template.title().get(locale)
            ),
            "{what}"
        );
        let call = i18n::format(locale, "email-call", &[]);
        let greeting = i18n::format(locale, "email-greeting", &[("name", &name)]);
        let duration = duration_sentence(template.intro().get(locale));
        for (part, body) in [("text", &wire.text), ("html", &wire.html)] {
            for words in [&call, &greeting, &duration.to_string()] {
                assert!(
                    body.contains(words.as_str()),
                    "{what}: {words:?} not in the {part} part"
                );
            }
            if locale != Locale::En {
                let english = i18n::format(Locale::En, "email-call", &[]);
                assert!(
                    !body.contains(&english),
                    "{what}: English in the {part} part"
                );
                assert!(
                    !body.contains(&sample_note),
                    "{what}: English in the {part} part"
                );
            }
        }

        // The link: a personal survey link, or the sample's preview in its language.
        let link = match kind {
            MessageKind::Sample => format!("{public_url}/preview/{round}?lang={}", locale.code()),
            _ => {
                // The personal link names its language and round, for the page a link
                // gets once its round is sealed.
                let at = wire.text.find("/s/").expect("a survey link");
                let base = &wire.text[at - public_url.len()..at + 3 + 64];
                format!("{base}?lang={}&round={round}", locale.code())
            }
        };
        assert!(wire.text.contains(&format!("\n{link}\n")), "{what}: {link}");
        // askama escapes the query's `&` as `&#38;`.
        let in_html = link.replace('&', "&#38;");
        assert!(
            wire.html.contains(&format!("href=\"{in_html}\"")),
            "{what}: {in_html}"
        );
    }

    // Every kind in every language arrived.
    let kinds: BTreeSet<_> = seen.iter().map(|(k, l, _)| (*k, *l)).collect();
    for kind in MessageKind::ALL {
        for locale in LOCALES {
            assert!(
                kinds.contains(&(kind.key(), locale.code())),
                "no {} in {locale}",
                kind.key()
            );
        }
    }
}

/// The subject's label of `kind` in `locale` (the reminder's names the closing day).
fn label(locale: Locale, kind: MessageKind) -> String {
    let closes = ctopulse::clock::now().date() + time::Duration::days(14);
    let date = format_date(closes, locale);
    i18n::format(
        locale,
        &format!("email-label-{}", kind.key()),
        &[("date", &date)],
    )
}

/// `"Name" <address>` as `Name <address>`.
fn unquoted(mailbox: &str) -> String {
    match mailbox.strip_prefix('"').and_then(|m| m.split_once("\" <")) {
        Some((name, rest)) => format!("{name} <{rest}"),
        None => mailbox.to_string(),
    }
}
