//! The three mail transports behind one `Mailer`.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::PoolConfig;
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::{MailSettings, MailTransport};
use crate::domain::locale::Locale;

/// A message ready to send. Holds a survey link: never log it.
#[derive(Clone)]
pub struct OutgoingEmail {
    pub to: String,
    /// The To header's display name (the roster name); empty for none.
    pub to_name: String,
    /// The message's language (the HTML part's `lang`, the Content-Language header).
    pub locale: Locale,
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// A message the in-memory transport received: the parts, and the header block the SMTP and
/// file transports would have sent with it (built the same way, by [`build_message`]).
#[derive(Debug, Clone)]
pub struct SentEmail {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// The Message-ID header, angle brackets included.
    pub message_id: String,
    /// Every header, as sent (`Name: value` lines).
    pub headers: String,
}

/// How a send failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SendError {
    /// Try again later: 4xx, network trouble, timeouts.
    #[error("temporary failure: {0}")]
    Temporary(String),
    /// Will never work for this address: 5xx, an address the server or we reject.
    #[error("permanent failure: {0}")]
    Permanent(String),
}

/// The transport could not be set up.
#[derive(Debug, thiserror::Error)]
pub enum MailerError {
    #[error("invalid mail settings: {0}")]
    Settings(String),
    #[error("cannot create the mail folder {dir}: {reason}")]
    Folder { dir: String, reason: String },
}

/// What the in-memory transport holds: what it received, and failures to inject in tests.
#[derive(Default)]
struct MemoryState {
    sent: Vec<SentEmail>,
    reject_permanently: HashSet<String>,
    reject_temporarily: HashSet<String>,
    /// How long each send takes (a slow mail server, for shutdown tests).
    delay: Duration,
}

/// The in-memory transport's mailbox, shared with the test that reads it.
#[derive(Clone, Default)]
pub struct MemoryMailbox(Arc<Mutex<MemoryState>>);

impl MemoryMailbox {
    /// Everything received so far.
    pub fn sent(&self) -> Vec<SentEmail> {
        self.0.lock().map(|s| s.sent.clone()).unwrap_or_default()
    }
    /// Messages received for one address.
    pub fn sent_to(&self, address: &str) -> Vec<SentEmail> {
        self.sent()
            .into_iter()
            .filter(|m| m.to.eq_ignore_ascii_case(address))
            .collect()
    }
    /// Makes sends to `address` fail permanently (as an SMTP 550 would).
    pub fn reject_permanently(&self, address: &str) {
        if let Ok(mut s) = self.0.lock() {
            s.reject_permanently.insert(address.to_lowercase());
        }
    }
    /// Makes sends to `address` fail temporarily until `accept_again`.
    pub fn reject_temporarily(&self, address: &str) {
        if let Ok(mut s) = self.0.lock() {
            s.reject_temporarily.insert(address.to_lowercase());
        }
    }
    /// Clears injected failures for `address`.
    pub fn accept_again(&self, address: &str) {
        if let Ok(mut s) = self.0.lock() {
            s.reject_temporarily.remove(&address.to_lowercase());
            s.reject_permanently.remove(&address.to_lowercase());
        }
    }
    /// Makes every send take `delay` (a slow mail server).
    pub fn set_delay(&self, delay: Duration) {
        if let Ok(mut s) = self.0.lock() {
            s.delay = delay;
        }
    }
    fn delay(&self) -> Duration {
        self.0.lock().map(|s| s.delay).unwrap_or_default()
    }
    fn deliver(&self, email: &OutgoingEmail, message: &Message) -> Result<(), SendError> {
        let mut s = self
            .0
            .lock()
            .map_err(|_| SendError::Temporary("mailbox poisoned".into()))?;
        let to = email.to.to_lowercase();
        if s.reject_permanently.contains(&to) {
            return Err(SendError::Permanent("550 5.1.1 mailbox unavailable".into()));
        }
        if s.reject_temporarily.contains(&to) {
            return Err(SendError::Temporary("451 4.3.0 try again later".into()));
        }
        s.sent.push(SentEmail {
            to: email.to.clone(),
            subject: email.subject.clone(),
            text: email.text.clone(),
            html: email.html.clone(),
            message_id: message
                .headers()
                .get_raw("Message-ID")
                .unwrap_or_default()
                .to_string(),
            headers: message.headers().to_string(),
        });
        Ok(())
    }
}

/// Sends messages over the configured transport.
#[derive(Clone)]
pub enum Mailer {
    Smtp {
        transport: AsyncSmtpTransport<Tokio1Executor>,
        from: Mailbox,
    },
    File {
        transport: AsyncFileTransport<Tokio1Executor>,
        from: Mailbox,
    },
    Memory {
        mailbox: MemoryMailbox,
        from: Mailbox,
    },
}

impl Mailer {
    /// Builds the transport the settings name. The memory transport gets a fresh mailbox.
    pub fn from_settings(settings: &MailSettings) -> Result<Mailer, MailerError> {
        let from: Mailbox = settings
            .from
            .parse()
            .map_err(|e| MailerError::Settings(format!("mail.from {:?}: {e}", settings.from)))?;
        match settings.transport {
            MailTransport::Smtp => {
                let url = settings
                    .smtp_url
                    .as_ref()
                    .ok_or_else(|| MailerError::Settings("mail.smtp_url is not set".into()))?;
                let url = with_default_tls(url.expose());
                let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&url)
                    .map_err(|e| MailerError::Settings(format!("mail.smtp_url: {e}")))?
                    .timeout(Some(Duration::from_secs(settings.command_timeout_seconds)))
                    .pool_config(PoolConfig::new().max_size(settings.smtp_pool_size))
                    .build();
                Ok(Mailer::Smtp { transport, from })
            }
            MailTransport::File => {
                std::fs::create_dir_all(&settings.dir).map_err(|e| MailerError::Folder {
                    dir: settings.dir.display().to_string(),
                    reason: e.to_string(),
                })?;
                Ok(Mailer::File {
                    transport: AsyncFileTransport::new(&settings.dir),
                    from,
                })
            }
            MailTransport::Memory => Ok(Mailer::Memory {
                mailbox: MemoryMailbox::default(),
                from,
            }),
        }
    }

    /// An in-memory mailer around `mailbox` (tests keep a handle to read it).
    pub fn memory(mailbox: MemoryMailbox, from: &str) -> Result<Mailer, MailerError> {
        let from = from
            .parse()
            .map_err(|e| MailerError::Settings(format!("mail.from {from:?}: {e}")))?;
        Ok(Mailer::Memory { mailbox, from })
    }

    /// The in-memory mailbox, if this is the memory transport.
    pub fn mailbox(&self) -> Option<&MemoryMailbox> {
        match self {
            Mailer::Memory { mailbox, .. } => Some(mailbox),
            _ => None,
        }
    }

    /// Sends one message, classifying any failure as temporary or permanent.
    pub async fn send(&self, email: &OutgoingEmail) -> Result<(), SendError> {
        match self {
            Mailer::Memory { mailbox, from } => {
                let message = build_message(from, email)?;
                let delay = mailbox.delay();
                if !delay.is_zero() {
                    tokio::time::sleep(delay).await;
                }
                mailbox.deliver(email, &message)
            }
            Mailer::File { transport, from } => {
                let message = build_message(from, email)?;
                transport.send(message).await.map(|_| ()).map_err(|e| {
                    SendError::Temporary(format!("cannot write the message file: {e}"))
                })
            }
            Mailer::Smtp { transport, from } => {
                let message = build_message(from, email)?;
                transport.send(message).await.map(|_| ()).map_err(|e| {
                    if e.is_permanent() {
                        SendError::Permanent(e.to_string())
                    } else {
                        SendError::Temporary(e.to_string())
                    }
                })
            }
        }
    }
}

/// `smtp://host` to anything but loopback upgrades with STARTTLS when the server offers it;
/// an explicit `?tls=` in the URL wins.
fn with_default_tls(url: &str) -> String {
    let loopback = [
        "@localhost",
        "//localhost",
        "@127.",
        "//127.",
        "@[::1]",
        "//[::1]",
    ];
    if url.starts_with("smtp://")
        && !url.contains("tls=")
        && !loopback.iter().any(|l| url.contains(l))
    {
        let sep = if url.contains('?') { '&' } else { '?' };
        format!("{url}{sep}tls=opportunistic")
    } else {
        url.to_string()
    }
}

/// The MIME message every transport sends (the memory one keeps its headers), public so the
/// load benchmark's bare lettre baseline sends exactly the same bytes.
///
/// Headers: From and To with display names; Date (lettre adds the current time); a
/// Message-ID unique per message, `<random UUIDv4@domain>`, whose domain is the domain of
/// `mail.from` (that address is the one setting every install has, and receivers compare the
/// two); and Content-Language. The id carries nothing about the recipient or the link — a
/// fresh UUID per message, not derived from the token, address or outbox row.
pub fn build_message(from: &Mailbox, email: &OutgoingEmail) -> Result<Message, SendError> {
    let address = email
        .to
        .parse()
        .map_err(|e| SendError::Permanent(format!("invalid recipient address: {e}")))?;
    let name = email.to_name.trim();
    let to = Mailbox::new((!name.is_empty()).then(|| name.to_string()), address);
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(email.subject.clone())
        .message_id(Some(message_id(from)))
        .date_now()
        .raw_header(HeaderValue::new(
            HeaderName::new_from_ascii_str("Content-Language"),
            email.locale.code().to_string(),
        ))
        .multipart(
            MultiPart::alternative()
                .singlepart(
                    SinglePart::builder()
                        .header(ContentType::TEXT_PLAIN)
                        .body(email.text.clone()),
                )
                .singlepart(
                    SinglePart::builder()
                        .header(ContentType::TEXT_HTML)
                        .body(email.html.clone()),
                ),
        )
        .map_err(|e| SendError::Permanent(format!("cannot build the message: {e}")))
}

/// A fresh Message-ID on the sender's domain (see [`build_message`]).
fn message_id(from: &Mailbox) -> String {
    format!(
        "<{}@{}>",
        uuid::Uuid::new_v4().simple(),
        from.email.domain()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remote_plain_smtp_upgrades_opportunistically() {
        assert_eq!(
            with_default_tls("smtp://relay.example.com:587"),
            "smtp://relay.example.com:587?tls=opportunistic"
        );
        assert_eq!(
            with_default_tls("smtp://127.0.0.1:2525"),
            "smtp://127.0.0.1:2525"
        );
        assert_eq!(
            with_default_tls("smtp://u:p@localhost:25"),
            "smtp://u:p@localhost:25"
        );
        assert_eq!(
            with_default_tls("smtp://h?tls=required"),
            "smtp://h?tls=required"
        );
        assert_eq!(with_default_tls("smtps://h:465"), "smtps://h:465");
    }

    #[test]
    fn memory_mailbox_records_and_injects_failures() {
        let mb = MemoryMailbox::default();
        let email = email("A@x.io", "");
        let message = build_message(&from(), &email).unwrap();
        assert!(mb.deliver(&email, &message).is_ok());
        mb.reject_permanently("a@x.io");
        assert!(matches!(
            mb.deliver(&email, &message),
            Err(SendError::Permanent(_))
        ));
        mb.accept_again("a@x.io");
        mb.reject_temporarily("a@x.io");
        assert!(matches!(
            mb.deliver(&email, &message),
            Err(SendError::Temporary(_))
        ));
        assert_eq!(mb.sent_to("a@x.io").len(), 1);
    }

    fn from() -> Mailbox {
        "People Ops <people@acme.test>".parse().unwrap()
    }

    fn email(to: &str, name: &str) -> OutgoingEmail {
        OutgoingEmail {
            to: to.into(),
            to_name: name.into(),
            locale: Locale::Ko,
            subject: "s".into(),
            text: "t".into(),
            html: "<html lang=\"ko\">h</html>".into(),
        }
    }

    fn header<'a>(m: &'a Message, name: &str) -> &'a str {
        m.headers()
            .get_raw(name)
            .unwrap_or_else(|| panic!("no {name} header"))
    }

    #[test]
    fn every_message_has_an_id_on_the_senders_domain_a_date_and_names() {
        let e = email("ann@example.com", "Ann Lee");
        let a = build_message(&from(), &e).unwrap();
        let b = build_message(&from(), &e).unwrap();
        let id = header(&a, "Message-ID");
        assert!(id.starts_with('<') && id.ends_with("@acme.test>"), "{id}");
        // 32 hex digits of a random UUID, nothing else before the domain.
        let local = &id[1..id.len() - "@acme.test>".len()];
        assert_eq!(local.len(), 32);
        assert!(local.chars().all(|c| c.is_ascii_hexdigit()), "{id}");
        assert_ne!(id, header(&b, "Message-ID"), "unique per message");
        assert!(!id.contains("ann") && !id.contains("example.com"));
        assert!(!header(&a, "Date").is_empty());
        assert_eq!(header(&a, "To"), "Ann Lee <ann@example.com>");
        assert_eq!(header(&a, "From"), "People Ops <people@acme.test>");
        assert_eq!(header(&a, "Content-Language"), "ko");
        let wire = String::from_utf8(a.formatted()).unwrap();
        for line in [
            "To: \"Ann Lee\" <ann@example.com>\r\n",
            "From: \"People Ops\" <people@acme.test>\r\n",
            "Content-Language: ko\r\n",
            "Date: ",
        ] {
            assert!(wire.contains(line), "{line:?} in {wire}");
        }
        assert!(wire.contains(&format!("Message-ID: {id}\r\n")), "{wire}");
    }

    #[test]
    fn a_name_that_is_not_ascii_is_encoded_and_an_empty_one_left_out() {
        let m = build_message(&from(), &email("min@example.com", "김민지")).unwrap();
        assert_eq!(header(&m, "To"), "김민지 <min@example.com>");
        let wire = String::from_utf8(m.formatted()).unwrap();
        assert!(
            wire.contains("To: =?utf-8?b?6rmA66+87KeA?= <min@example.com>\r\n"),
            "RFC 2047 on the wire: {wire}"
        );
        let m = build_message(&from(), &email("min@example.com", " ")).unwrap();
        assert_eq!(header(&m, "To"), "min@example.com");
    }
}
