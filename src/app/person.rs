//! One person's data: what is stored about them (`roster export-person`) and erasing it
//! (`roster erase`). Answers are never part of either: a response holds a random id, the
//! round and the reporting group, nothing that points to a person, so the anonymous
//! aggregates stay as they are.
//!
//! What erase does with invitations:
//! - sealed rounds: deleted with their emails. The round's figures come from the tallies and
//!   participation counts written at the seal, which do not change;
//! - rounds still open: the invitation still decides the group's N at the seal, so erase
//!   refuses unless `force`; forced, an unanswered invitation goes with its links and emails
//!   (as if the person had left before the launch). An answered one is refused even then —
//!   the anonymous answer counts against it until the seal — erase after the round closes.
//!
//! A staff account with the same email is deleted with its sessions once it is disabled; an
//! active one is refused (disable it first with `ctopulse user disable`).

use serde::Serialize;
use time::PrimitiveDateTime;

use crate::db::audit::{self, AuditEntry};
use crate::db::person::{self as stored, PersonEmail, PersonInvitation};
use crate::db::{employees, users, DbConnection, DbError};
use crate::domain::email::Email;
use crate::domain::round::RoundStatus;

/// What replaces an erased person's email in the audit log and attributions.
pub const ERASED: &str = "erased person";

/// Said in every export: why no answer is in it.
pub const NO_ANSWERS: &str = "Survey answers and comments are not included: they are stored \
with a random id, the round and the reporting group only, and nothing links them to a person.";

/// Why a person's data could not be exported or erased.
#[derive(Debug, thiserror::Error)]
pub enum PersonError {
    /// Nothing at all is stored about the email.
    #[error("nothing is stored about {0}: no roster entry, invitation, email, staff account or audit entry")]
    Unknown(String),
    /// An invitation in an open round stands in the way (see the module's notes).
    #[error("{email} is invited to {open} open round(s) ({rounds}); erasing now would change the group counts those rounds seal with. Erase after they close, or pass --force to remove unanswered invitations now")]
    OpenRound {
        email: String,
        open: usize,
        rounds: String,
    },
    /// They answered an open round: refused even with force.
    #[error("{email} has answered round {round}, which is still open: the anonymous answer counts against their invitation until the seal. Erase them after the round closes")]
    AnsweredOpenRound { email: String, round: String },
    /// The email is an active staff account.
    #[error("{0} is an active staff account; disable it first with `ctopulse user disable {0}` (erase then deletes the account too)")]
    ActiveStaff(String),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for PersonError {
    fn from(e: diesel::result::Error) -> Self {
        PersonError::Db(e.into())
    }
}

/// The roster entry, as exported.
#[derive(Debug, Clone, Serialize)]
pub struct RosterView {
    pub email: String,
    pub name: String,
    pub department: String,
    pub locale: String,
    pub is_engineer: bool,
    pub is_executive: bool,
    pub active: bool,
    #[serde(with = "crate::clock::serde_timestamp")]
    pub created_at: PrimitiveDateTime,
    #[serde(with = "crate::clock::serde_timestamp")]
    pub updated_at: PrimitiveDateTime,
}

/// One email, as exported (its body is never stored).
#[derive(Debug, Clone, Serialize)]
pub struct EmailView {
    pub kind: String,
    pub round_id: Option<String>,
    pub status: String,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub created_at: String,
    pub sent_at: Option<String>,
}

/// A staff account with the person's email, as exported.
#[derive(Debug, Clone, Serialize)]
pub struct StaffView {
    pub role: String,
    pub disabled: bool,
    #[serde(with = "crate::clock::serde_timestamp")]
    pub created_at: PrimitiveDateTime,
    pub sessions: i64,
}

/// Everything stored about one person.
#[derive(Debug, Clone, Serialize)]
pub struct PersonExport {
    pub email: String,
    pub roster_entry: Option<RosterView>,
    pub invitations: Vec<PersonInvitation>,
    pub emails: Vec<EmailView>,
    pub staff_account: Option<StaffView>,
    /// Failed sign-ins recorded for the email (kept for minutes, for throttling).
    pub failed_sign_ins: i64,
    /// Inflection assessments and commentaries naming them as author or reviewer.
    pub attributions: i64,
    pub audit_entries: Vec<AuditEntry>,
    pub answers: &'static str,
}

impl PersonExport {
    /// Whether anything at all is stored.
    pub fn is_empty(&self) -> bool {
        self.roster_entry.is_none()
            && self.invitations.is_empty()
            && self.emails.is_empty()
            && self.staff_account.is_none()
            && self.failed_sign_ins == 0
            && self.attributions == 0
            && self.audit_entries.is_empty()
    }
}

fn rfc3339(t: PrimitiveDateTime) -> String {
    use time::format_description::well_known::Rfc3339;
    t.assume_utc()
        .format(&Rfc3339)
        .unwrap_or_else(|_| t.to_string())
}

/// Collects what is stored about `email`; `Unknown` when nothing is.
pub fn export(conn: &mut DbConnection, email: &Email) -> Result<PersonExport, PersonError> {
    let export = gather(conn, email)?;
    if export.is_empty() {
        return Err(PersonError::Unknown(email.to_string()));
    }
    Ok(export)
}

fn gather(conn: &mut DbConnection, email: &Email) -> Result<PersonExport, PersonError> {
    let address = email.as_str();
    let employee = employees::by_email(conn, address)?;
    let invitations = match &employee {
        Some(e) => stored::invitations_of(conn, &e.id)?,
        None => Vec::new(),
    };
    let ids: Vec<String> = invitations.iter().map(|i| i.id.clone()).collect();
    let emails = stored::emails_of(conn, address, &ids)?;
    let staff = match users::find_by_email(conn, address)? {
        Some(u) => Some(StaffView {
            role: u.role.to_string(),
            disabled: u.disabled,
            created_at: u.created_at,
            sessions: stored::sessions_of(conn, &u.id)?,
        }),
        None => None,
    };
    Ok(PersonExport {
        email: address.to_string(),
        roster_entry: employee.map(|e| RosterView {
            email: e.email,
            name: e.name,
            department: e.department.to_string(),
            locale: e.locale.code().to_string(),
            is_engineer: e.is_engineer,
            is_executive: e.is_executive,
            active: e.active,
            created_at: e.created_at,
            updated_at: e.updated_at,
        }),
        invitations,
        emails: emails.iter().map(email_view).collect(),
        staff_account: staff,
        failed_sign_ins: stored::login_failures_of(conn, address)?,
        attributions: stored::attributions_of(conn, address)?,
        audit_entries: stored::audit_mentions(conn, address)?
            .into_iter()
            .filter(|a| mentions(a, address))
            .collect(),
        answers: NO_ANSWERS,
    })
}

fn email_view(m: &PersonEmail) -> EmailView {
    EmailView {
        kind: m.kind.clone(),
        round_id: m.round_id.clone(),
        status: m.status.clone(),
        attempts: m.attempts,
        last_error: m.last_error.clone(),
        created_at: rfc3339(m.created_at),
        sent_at: m.sent_at.map(rfc3339),
    }
}

/// What an erase removed (counts only: the report never repeats the email).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ErasureReport {
    pub roster_entries: usize,
    pub invitations_sealed_rounds: usize,
    pub invitations_open_rounds: usize,
    pub invitation_links: usize,
    pub emails: usize,
    pub audit_entries_rewritten: usize,
    pub staff_accounts: usize,
    pub sessions: usize,
    pub failed_sign_ins: usize,
    pub attributions_rewritten: usize,
}

/// Erases everything stored about `email` at `now`, in one transaction (see the module's
/// notes for open rounds and staff accounts), and audits it without the email.
pub fn erase(
    conn: &mut DbConnection,
    email: &Email,
    force: bool,
    now: PrimitiveDateTime,
    actor: &str,
) -> Result<ErasureReport, PersonError> {
    let address = email.as_str();
    // Deleted rows are zeroed on SQLite, as at the seal.
    let report = crate::db::seal::with_secure_delete(conn, |conn| {
        conn.write_transaction(|conn| {
            let found = gather(conn, email)?;
            if found.is_empty() {
                return Err(PersonError::Unknown(address.to_string()));
            }
            let open: Vec<&PersonInvitation> = found
                .invitations
                .iter()
                .filter(|i| i.round_status != RoundStatus::Sealed)
                .collect();
            if let Some(answered) = open.iter().find(|i| i.responded) {
                return Err(PersonError::AnsweredOpenRound {
                    email: address.to_string(),
                    round: answered.round_id.to_string(),
                });
            }
            if !open.is_empty() && !force {
                let rounds: Vec<String> = open
                    .iter()
                    .map(|i| format!("{} {}", i.template, i.quarter))
                    .collect();
                return Err(PersonError::OpenRound {
                    email: address.to_string(),
                    open: open.len(),
                    rounds: rounds.join(", "),
                });
            }
            let staff = users::find_by_email(conn, address)?;
            if staff.as_ref().is_some_and(|u| !u.disabled) {
                return Err(PersonError::ActiveStaff(address.to_string()));
            }
            let mut report = ErasureReport {
                invitations_open_rounds: open.len(),
                invitations_sealed_rounds: found.invitations.len() - open.len(),
                ..Default::default()
            };
            let invitation_ids: Vec<String> =
                found.invitations.iter().map(|i| i.id.clone()).collect();
            let email_ids: Vec<String> = stored::emails_of(conn, address, &invitation_ids)?
                .into_iter()
                .map(|m| m.id)
                .collect();
            let deleted = stored::delete_invitations(conn, &invitation_ids, &email_ids)?;
            report.invitation_links = deleted.invitation_links;
            report.emails = deleted.emails;
            if let Some(e) = employees::by_email(conn, address)? {
                report.roster_entries = stored::delete_employee(conn, &e.id)?;
            }
            if let Some(u) = staff {
                let (sessions, failures) = stored::delete_staff_account(conn, &u.id, address)?;
                report.staff_accounts = 1;
                report.sessions = sessions;
                report.failed_sign_ins = failures;
            }
            for entry in &found.audit_entries {
                stored::rewrite_audit(
                    conn,
                    &entry.id,
                    &redact(&entry.actor, address),
                    entry.object_id.as_deref().map(|o| redact(o, address)).as_deref(),
                    entry.detail.as_deref().map(|d| redact(d, address)).as_deref(),
                )?;
                report.audit_entries_rewritten += 1;
            }
            report.attributions_rewritten = stored::rewrite_attributions(conn, address, ERASED)?;
            let detail = format!(
                "roster entry erased: roster_entries={} invitations={} emails={} audit_entries_rewritten={} staff_accounts={}",
                report.roster_entries,
                report.invitations_sealed_rounds + report.invitations_open_rounds,
                report.emails,
                report.audit_entries_rewritten,
                report.staff_accounts
            );
            audit::record(conn, now, actor, "roster.erase", "employee", None, Some(&detail))?;
            Ok(report)
        })
    })?;
    // Outside the transaction (VACUUM cannot run in one); a failure leaves old row versions
    // until the next scrub, so it is logged, not fatal.
    if let Err(e) = stored::scrub(conn) {
        tracing::warn!(error = %e, "scrub after an erase failed");
    }
    Ok(report)
}

/// Whether an audit entry really names `email` (any case): the database's LIKE only narrows.
fn mentions(entry: &AuditEntry, email: &str) -> bool {
    let has = |s: &str| s.to_lowercase().contains(email);
    has(&entry.actor)
        || entry.object_id.as_deref().is_some_and(has)
        || entry.detail.as_deref().is_some_and(has)
}

/// `text` with every occurrence of `email` (any case) replaced by [`ERASED`].
fn redact(text: &str, email: &str) -> String {
    let lower = text.to_lowercase();
    // Byte offsets of the lowercased text match the original only when lowercasing kept
    // every character's length; otherwise replace the exact spelling.
    let same_shape = lower.len() == text.len()
        && text
            .chars()
            .zip(lower.chars())
            .all(|(a, b)| a.len_utf8() == b.len_utf8());
    if !same_shape {
        return text.replace(email, ERASED);
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (i, _) in lower.match_indices(email) {
        out.push_str(&text[last..i]);
        out.push_str(ERASED);
        last = i + email.len();
    }
    out.push_str(&text[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redact_replaces_every_spelling_of_the_email_and_nothing_else() {
        let e = "ann.lee@example.com";
        assert_eq!(
            redact("account \"Ann.Lee@Example.com\" from 10.0.0.1", e),
            "account \"erased person\" from 10.0.0.1"
        );
        assert_eq!(
            redact("to=ann.lee@example.com lang=en; cc ann.lee@example.com", e),
            "to=erased person lang=en; cc erased person"
        );
        assert_eq!(redact("bob@example.com", e), "bob@example.com");
        // A character whose lowercase is longer (İ → i̇) falls back to the exact spelling.
        assert_eq!(redact("İ ann.lee@example.com", e), "İ erased person");
    }
}
