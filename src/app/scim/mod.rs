//! SCIM 2.0 roster provisioning: an identity provider creates, reads, replaces, patches and
//! deactivates people. Each write is checked as a CSV row is (`domain::roster::check`),
//! runs in one transaction with its audit entry, and changes nothing when refused.
//!
//! Audit entries use the roster's own actions and object type (`roster.add`,
//! `roster.update`, `roster.deactivate` on `employee`), so the launch's padded-roster
//! warning counts SCIM changes exactly as it counts CSV imports.

pub mod filter;
pub mod patch;
pub mod resource;

use serde_json::Value;
use time::PrimitiveDateTime;

use crate::app::roster::{added_detail, diff};
use crate::db::audit::{self, NewAuditEntry};
use crate::db::employees::{self, Employee, NewEmployee};
use crate::db::{rounds, DbConnection, DbError};
use crate::domain::roster::RosterEntry;
use filter::{Filter, Page};
use resource::{Draft, Invalid};

/// Why a SCIM request was refused.
#[derive(Debug, thiserror::Error)]
pub enum ScimError {
    /// The request cannot be used (bad JSON shape, schema, attribute, value, filter).
    #[error(transparent)]
    Invalid(#[from] Invalid),
    #[error("no User with id {0}")]
    NotFound(String),
    /// Another person already has this userName.
    #[error("a User with userName {0} already exists")]
    Duplicate(String),
    #[error("the roster store failed")]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for ScimError {
    fn from(e: diesel::result::Error) -> Self {
        ScimError::Db(e.into())
    }
}

/// One page of a User listing: how many match in all, and this page's people.
#[derive(Debug)]
pub struct Listing {
    pub total: i64,
    pub people: Vec<Employee>,
}

/// Creates a person from a full User body, audited.
pub fn create(
    conn: &mut DbConnection,
    body: &Value,
    actor: &str,
    now: PrimitiveDateTime,
) -> Result<Employee, ScimError> {
    let entry = resource::draft_from_resource(body)?.check()?;
    let employee = conn.write_transaction(|conn| {
        if employees::by_email(conn, entry.email.as_str())?.is_some() {
            return Err(ScimError::Duplicate(entry.email.to_string()));
        }
        let row = NewEmployee::from_entry(&entry, now);
        employees::insert_many(conn, std::slice::from_ref(&row))
            .map_err(duplicate_if_taken(entry.email.as_str()))?;
        audit::record_many(
            conn,
            &[entry_audit(
                now,
                actor,
                "roster.add",
                &entry,
                added_detail(&entry),
            )],
        )?;
        let stored = employees::by_email(conn, entry.email.as_str())?
            .ok_or_else(|| ScimError::NotFound(entry.email.to_string()))?;
        note_roster_change(conn, now)?;
        Ok(stored)
    })?;
    Ok(employee)
}

/// One person by id.
pub fn get(conn: &mut DbConnection, id: &str) -> Result<Employee, ScimError> {
    employees::by_id(conn, id)?.ok_or_else(|| ScimError::NotFound(id.to_string()))
}

/// People matching `filter` (everyone when `None`), one page of them.
pub fn list(
    conn: &mut DbConnection,
    filter: Option<&Filter>,
    page: Page,
) -> Result<Listing, ScimError> {
    let offset = page.start_index - 1;
    match filter {
        Some(Filter::Email(email)) => {
            let found: Vec<Employee> = employees::by_email(conn, email)?.into_iter().collect();
            let total = found.len() as i64;
            let people = found
                .into_iter()
                .skip(offset as usize)
                .take(page.count as usize)
                .collect();
            Ok(Listing { total, people })
        }
        None => {
            let (total, _) = employees::counts(conn)?;
            let people = if page.count == 0 {
                Vec::new()
            } else {
                employees::page(conn, offset, page.count)?
            };
            Ok(Listing { total, people })
        }
    }
}

/// Replaces a person's attributes with a full User body (PUT), audited.
pub fn replace(
    conn: &mut DbConnection,
    id: &str,
    body: &Value,
    actor: &str,
    now: PrimitiveDateTime,
) -> Result<Employee, ScimError> {
    let draft = resource::draft_from_resource(body)?;
    update(conn, id, actor, now, |_| Ok(draft))
}

/// Applies a PatchOp body to a person (`active=false` deactivates), audited.
pub fn patch(
    conn: &mut DbConnection,
    id: &str,
    body: &Value,
    actor: &str,
    now: PrimitiveDateTime,
) -> Result<Employee, ScimError> {
    update(conn, id, actor, now, |old| {
        let mut draft = Draft::from_employee(old);
        patch::apply(&mut draft, body)?;
        Ok(draft)
    })
}

/// Deactivates a person (DELETE). The row stays, as for people who leave the roster: past
/// rounds keep their invitations, and answers never pointed to anyone in the first place.
pub fn deactivate(
    conn: &mut DbConnection,
    id: &str,
    actor: &str,
    now: PrimitiveDateTime,
) -> Result<(), ScimError> {
    conn.write_transaction(|conn| {
        let old = get(conn, id)?;
        if old.active {
            employees::deactivate(conn, &old.id, now)?;
            audit::record_many(
                conn,
                &[NewAuditEntry::stamped(
                    now,
                    actor,
                    "roster.deactivate",
                    "employee",
                    Some(&old.email),
                    Some("deactivated: deleted through SCIM".to_string()),
                )],
            )?;
            note_roster_change(conn, now)?;
        }
        Ok(())
    })
}

/// Reads the person, makes the new draft from them, checks it as a roster row, and writes
/// the change (if any) with its audit entry, all in one transaction.
fn update(
    conn: &mut DbConnection,
    id: &str,
    actor: &str,
    now: PrimitiveDateTime,
    new_draft: impl FnOnce(&Employee) -> Result<Draft, ScimError>,
) -> Result<Employee, ScimError> {
    conn.write_transaction(|conn| {
        let old = get(conn, id)?;
        let entry = new_draft(&old)?.check()?;
        let mut changes = Vec::new();
        if entry.email.as_str() != old.email {
            if let Some(other) = employees::by_email(conn, entry.email.as_str())? {
                if other.id != old.id {
                    return Err(ScimError::Duplicate(entry.email.to_string()));
                }
            }
            changes.push("email changed".to_string());
        }
        changes.extend(diff(&old, &entry));
        if changes.is_empty() {
            return Ok(old);
        }
        employees::replace(conn, &old.id, &entry, now)
            .map_err(duplicate_if_taken(entry.email.as_str()))?;
        let detail = format!("updated: {}", changes.join(", "));
        audit::record_many(
            conn,
            &[entry_audit(now, actor, "roster.update", &entry, detail)],
        )?;
        note_roster_change(conn, now)?;
        get(conn, id)
    })
}

/// The unique index on the address refusing a write (two requests for one address racing
/// past the check) is the same duplicate the check reports, not a fault.
fn duplicate_if_taken(email: &str) -> impl Fn(DbError) -> ScimError + '_ {
    move |e| {
        use diesel::result::{DatabaseErrorKind, Error};
        match e {
            DbError::Query(Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {
                ScimError::Duplicate(email.to_string())
            }
            other => ScimError::Db(other),
        }
    }
}

fn entry_audit(
    now: PrimitiveDateTime,
    actor: &str,
    action: &str,
    entry: &RosterEntry,
    detail: String,
) -> NewAuditEntry {
    NewAuditEntry::stamped(
        now,
        actor,
        action,
        "employee",
        Some(entry.email.as_str()),
        Some(detail),
    )
}

/// Logs a roster change made through SCIM with the count the next launch will warn about,
/// so a padded roster shows in the log as it happens and not only at launch.
fn note_roster_change(conn: &mut DbConnection, now: PrimitiveDateTime) -> Result<(), DbError> {
    let recent = rounds::roster_changes_before(conn, now)?;
    if recent > 0 {
        tracing::warn!(
            roster_changes_7d = recent,
            "the roster changed through SCIM; a round launched now will warn that a padded roster weakens anonymity"
        );
    } else {
        tracing::info!("the roster changed through SCIM");
    }
    Ok(())
}
