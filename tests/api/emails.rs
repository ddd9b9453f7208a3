//! What every delivered email carries, whatever its kind: a Message-ID on the sender's domain
//! (unique, with nothing in it that points to a person), a Date, To with the roster name, the
//! HTML part's `lang` and Content-Language in the invitee's language, the survey intro's own
//! sentence about how long it takes, and one subject form. Invitations, reminders and
//! re-invitations go through the outbox; the file transport writes the same headers.

use std::collections::HashSet;

use ctopulse::app::rounds;
use ctopulse::domain::locale::Locale;
use ctopulse::mail::content::duration_sentence;
use ctopulse::mail::{Mailer, OutgoingEmail, SentEmail};

use crate::helpers::*;

const FROM: &str = "People Ops <people@acme.test>";

/// (name, locale) of a roster address.
fn on_roster(address: &str) -> (&'static str, Locale) {
    ROSTER
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect::<Vec<_>>())
        .find(|f| f[0] == address)
        .map(|f| (f[1], f[3].parse().unwrap()))
        .unwrap_or_else(|| panic!("{address} is not on the roster"))
}

/// The header lines of a sent message, as `Name: value` (unfolded).
fn header<'a>(m: &'a SentEmail, name: &str) -> Vec<&'a str> {
    let prefix = format!("{name}: ");
    m.headers
        .split("\r\n")
        .filter_map(|l| l.strip_prefix(prefix.as_str()))
        .collect()
}

#[tokio::test]
async fn every_delivered_email_carries_its_id_date_names_and_language() {
    let app = TestApp::spawn_with(&[("CTOPULSE_MAIL_FROM", FROM)]).await;
    app.import_roster(ROSTER);
    let round = app.launch("internal-csat", "2026Q4");
    // s2 (Dutch) bounces, is fixed, and is invited again; everyone else is reminded.
    app.mailbox.reject_permanently("s2@acme.test");
    app.send_all().await;
    app.mailbox.accept_again("s2@acme.test");
    let report = rounds::remind(
        &mut app.conn(),
        rid(&round),
        ctopulse::clock::now(),
        "test",
        crate::helpers::REMIND,
    )
    .unwrap();
    assert_eq!((report.reminders, report.reinvites), (13, 1));
    app.send_all().await;

    let template = app.state.templates.get("internal-csat").unwrap();
    let company = &app.settings.company_name;
    let sent = app.mailbox.sent();
    assert_eq!(sent.len(), 13 + 13 + 1);
    let mut ids = HashSet::new();
    for m in &sent {
        let (name, locale) = on_roster(&m.to);
        let what = format!("{} ({locale}): {}", m.to, m.subject);

        // Message-ID: <32 hex digits@acme.test>, unique, nothing personal.
        assert_eq!(header(m, "Message-ID"), [m.message_id.as_str()], "{what}");
        let local = m
            .message_id
            .strip_prefix('<')
            .and_then(|id| id.strip_suffix("@acme.test>"))
            .unwrap_or_else(|| panic!("{what}: {}", m.message_id));
        assert!(
            local.len() == 32 && local.chars().all(|c| c.is_ascii_hexdigit()),
            "{what}: {}",
            m.message_id
        );
        let start = m.text.find("/s/").unwrap() + 3;
        let token = &m.text[start..start + 64];
        // The id's own part, not the domain: an address like e3@acme.test would match the
        // end of an id whose random hex happens to end in "e3".
        for personal in [token, m.to.as_str(), name] {
            assert!(!local.contains(personal), "{what}");
        }
        assert!(ids.insert(m.message_id.clone()), "{what}: id reused");

        assert_eq!(header(m, "Date").len(), 1, "{what}");
        assert_eq!(
            header(m, "To"),
            [format!("\"{name}\" <{}>", m.to).as_str()],
            "{what}"
        );
        assert_eq!(header(m, "From"), ["\"People Ops\" <people@acme.test>"]);
        assert_eq!(header(m, "Content-Language"), [locale.code()], "{what}");
        assert!(
            m.html
                .starts_with(&format!("<!doctype html>\n<html lang=\"{locale}\">")),
            "{what}"
        );

        assert!(
            m.subject.starts_with(&format!(
                "[{company} {}] ",
                ctopulse::i18n::quarter_long(locale, "2026Q4".parse().unwrap())
            )),
            "{what}"
        );
        assert!(
            m.subject
                .ends_with(&format!(": {}", template.title().get(locale))),
            "{what}"
        );
        let duration = duration_sentence(template.intro().get(locale));
        assert!(
            m.text.contains(duration) && m.html.contains(duration),
            "{what}: {duration}"
        );
    }

    // The kinds: s2 got a fresh invitation, in Dutch; the others a reminder after the invite.
    let s2: Vec<String> = app
        .mailbox
        .sent_to("s2@acme.test")
        .into_iter()
        .map(|m| m.subject)
        .collect();
    assert_eq!(s2.len(), 1);
    assert!(s2[0].contains("Enquête, nieuwe uitnodiging"), "{}", s2[0]);
    let s3 = app.mailbox.sent_to("s3@acme.test");
    assert_eq!(s3.len(), 2);
    assert!(s3[0].subject.contains("] 설문: "), "{}", s3[0].subject);
    assert!(s3[1].subject.contains("] 알림, "), "{}", s3[1].subject);
    assert!(s3[1].subject.ends_with("있나요?"), "{}", s3[1].subject);
}

#[tokio::test]
async fn the_file_transport_writes_the_same_headers() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("unused.db");
    let settings = test_settings(
        db.to_str().unwrap(),
        &[
            ("CTOPULSE_MAIL_TRANSPORT", "file"),
            ("CTOPULSE_MAIL_DIR", dir.path().to_str().unwrap()),
            ("CTOPULSE_MAIL_FROM", FROM),
        ],
    );
    let mailer = Mailer::from_settings(&settings.mail).unwrap();
    let email = OutgoingEmail {
        to: "min@acme.test".into(),
        to_name: "Kim Min".into(),
        locale: Locale::Ko,
        subject: "s".into(),
        text: "t".into(),
        html: "<!doctype html>\n<html lang=\"ko\"></html>\n".into(),
    };
    mailer.send(&email).await.unwrap();
    mailer.send(&email).await.unwrap();
    let mut ids = HashSet::new();
    let files: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "eml"))
        .collect();
    assert_eq!(files.len(), 2);
    for path in files {
        let eml = std::fs::read_to_string(path).unwrap();
        let id = eml
            .lines()
            .find_map(|l| l.strip_prefix("Message-ID: "))
            .unwrap_or_else(|| panic!("no Message-ID in {eml}"));
        assert!(id.starts_with('<') && id.ends_with("@acme.test>"), "{id}");
        assert!(ids.insert(id.to_string()));
        for line in [
            "\r\nDate: ",
            "\r\nTo: \"Kim Min\" <min@acme.test>\r\n",
            "\r\nContent-Language: ko\r\n",
            "<html lang=\"ko\">",
        ] {
            assert!(eml.contains(line), "{line:?} in {eml}");
        }
    }
}
