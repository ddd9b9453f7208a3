//! Email: the transports (SMTP, file, in-memory), message content, and the outbox worker.

pub mod content;
pub mod outbox;
pub mod sample;
pub mod setup_check;
mod transport;

pub use transport::{
    build_message, Mailer, MailerError, MemoryMailbox, OutgoingEmail, SendError, SentEmail,
};
