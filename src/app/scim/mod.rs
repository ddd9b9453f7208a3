//! SCIM 2.0 roster provisioning: an identity provider creates, reads, replaces, patches and
//! deactivates people. Each write is checked as a CSV row is (`domain::roster::check`),
//! runs in one transaction with its audit entry, and changes nothing when refused.
//!
//! Audit entries use the roster's own actions and object type (`roster.add`,
//! `roster.update`, `roster.deactivate` on `employee`), so the launch's padded-roster
//! warning counts SCIM changes exactly as it counts CSV imports.

pub mod filter;
pub mod patch;
pub mod projection;
pub mod resource;
pub mod search;

use serde_json::Value;
use time::PrimitiveDateTime;

use crate::app::roster::{added_detail, diff};
use crate::db::audit::{self, NewAuditEntry};
use crate::db::employees::{self, Employee, NewEmployee};
use crate::db::scim_users::{self, ScimFields};
use crate::db::{rounds, DbConnection, DbError};
use crate::domain::roster::RosterEntry;
use filter::{Filter, Page};
use resource::{Draft, Invalid, ScimEntry};

/// Why a SCIM request was refused.
#[derive(Debug, thiserror::Error)]
pub enum ScimError {
    /// The request cannot be used (bad JSON shape, schema, attribute, value, filter).
    #[error(transparent)]
    Invalid(#[from] Invalid),
    #[error("no User with id {0}")]
    NotFound(String),
    /// Another person already has this userName or address (`attribute` says which).
    #[error("a User with {attribute} {value} already exists")]
    Duplicate {
        attribute: &'static str,
        value: String,
    },
    #[error("the roster store failed")]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for ScimError {
    fn from(e: diesel::result::Error) -> Self {
        ScimError::Db(e.into())
    }
}

fn duplicate(attribute: &'static str, value: &str) -> ScimError {
    ScimError::Duplicate {
        attribute,
        value: value.to_string(),
    }
}

/// One page of a User listing: how many match in all, and this page's people.
#[derive(Debug)]
pub struct Listing {
    pub total: i64,
    pub people: Vec<Employee>,
}

/// Creates a person from a full User body, audited. A person deleted through SCIM whose
/// address comes back is restored (same id, past rounds kept) rather than refused.
pub fn create(
    conn: &mut DbConnection,
    body: &Value,
    actor: &str,
    now: PrimitiveDateTime,
) -> Result<Employee, ScimError> {
    let scim = resource::draft_from_resource(body)?.check()?;
    let entry = &scim.entry;
    conn.write_transaction(|conn| {
        ensure_user_name_free(conn, &scim.user_name, None)?;
        let email = entry.email.as_str();
        if let Some(old) = employees::by_email(conn, email)? {
            if old.scim_deleted_at.is_none() {
                return Err(duplicate("email", email));
            }
            // The new userName first: the old one may be someone else's by now.
            scim_users::set_fields(conn, &old.id, fields(&scim), true).map_err(taken(&scim))?;
            employees::replace(conn, &old.id, entry, now).map_err(taken(&scim))?;
            let detail = format!("restored through SCIM: {}", added_detail(entry));
            audit::record_many(
                conn,
                &[entry_audit(now, actor, "roster.update", entry, detail)],
            )?;
            note_roster_change(conn, now)?;
            return get(conn, &old.id);
        }
        let row = NewEmployee::from_entry(entry, now).with_scim(
            &scim.user_name,
            scim.external_id.as_deref(),
            scim.name_formatted.as_deref(),
        );
        employees::insert_many(conn, std::slice::from_ref(&row)).map_err(taken(&scim))?;
        audit::record_many(
            conn,
            &[entry_audit(
                now,
                actor,
                "roster.add",
                entry,
                added_detail(entry),
            )],
        )?;
        let stored = scim_users::live_by_email(conn, email)?
            .ok_or_else(|| ScimError::NotFound(email.to_string()))?;
        note_roster_change(conn, now)?;
        Ok(stored)
    })
}

/// One person by id; a person deleted through SCIM is not found.
pub fn get(conn: &mut DbConnection, id: &str) -> Result<Employee, ScimError> {
    scim_users::live_by_id(conn, id)?.ok_or_else(|| ScimError::NotFound(id.to_string()))
}

/// People matching `filter` (everyone when `None`), one page of them; people deleted
/// through SCIM are left out.
pub fn list(
    conn: &mut DbConnection,
    filter: Option<&Filter>,
    page: Page,
) -> Result<Listing, ScimError> {
    let offset = page.start_index - 1;
    let found = match filter {
        Some(Filter::UserName(name)) => scim_users::live_by_user_name(conn, name)?,
        Some(Filter::Email(email)) => scim_users::live_by_email(conn, email)?
            .into_iter()
            .collect(),
        None => {
            let total = scim_users::live_count(conn)?;
            let people = if page.count == 0 {
                Vec::new()
            } else {
                scim_users::live_page(conn, offset, page.count)?
            };
            return Ok(Listing { total, people });
        }
    };
    let total = found.len() as i64;
    let people = found
        .into_iter()
        .skip(offset as usize)
        .take(page.count as usize)
        .collect();
    Ok(Listing { total, people })
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

/// Deletes a person through SCIM (DELETE): they are deactivated and gone for SCIM (404, not
/// listed, their userName free again), but the row stays, as for people who leave the
/// roster: past rounds keep their invitations. A later POST of their address restores them.
pub fn delete(
    conn: &mut DbConnection,
    id: &str,
    actor: &str,
    now: PrimitiveDateTime,
) -> Result<(), ScimError> {
    conn.write_transaction(|conn| {
        let old = get(conn, id)?;
        scim_users::mark_deleted(conn, &old.id, now)?;
        let detail = if old.active {
            "deactivated: deleted through SCIM"
        } else {
            "deleted through SCIM (already inactive)"
        };
        audit::record_many(
            conn,
            &[NewAuditEntry::stamped(
                now,
                actor,
                "roster.deactivate",
                "employee",
                Some(&old.email),
                Some(detail.to_string()),
            )],
        )?;
        note_roster_change(conn, now)?;
        Ok(())
    })
}

/// Refuses a userName another live person already goes by (case-insensitively; a person
/// without one goes by their address). `me` is the person being changed, if any.
fn ensure_user_name_free(
    conn: &mut DbConnection,
    user_name: &str,
    me: Option<&str>,
) -> Result<(), ScimError> {
    let others = scim_users::live_by_user_name(conn, user_name)?;
    if others.iter().any(|o| Some(o.id.as_str()) != me) {
        return Err(duplicate("userName", user_name));
    }
    Ok(())
}

fn fields(scim: &ScimEntry) -> ScimFields<'_> {
    ScimFields {
        user_name: &scim.user_name,
        external_id: scim.external_id.as_deref(),
        name_formatted: scim.name_formatted.as_deref(),
    }
}

/// What changed in the SCIM-only fields, for the audit entry.
fn scim_changes(old: &Employee, new: &ScimEntry) -> Vec<String> {
    let mut changes = Vec::new();
    if old.user_name.as_deref().unwrap_or(&old.email) != new.user_name {
        changes.push("userName changed".to_string());
    }
    if old.external_id != new.external_id {
        changes.push("externalId changed".to_string());
    }
    if old.name_formatted != new.name_formatted {
        changes.push("name.formatted changed".to_string());
    }
    changes
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
        let scim = new_draft(&old)?.check()?;
        let entry = &scim.entry;
        ensure_user_name_free(conn, &scim.user_name, Some(&old.id))?;
        let mut changes = Vec::new();
        if entry.email.as_str() != old.email {
            if let Some(other) = employees::by_email(conn, entry.email.as_str())? {
                if other.id != old.id {
                    return Err(duplicate("email", entry.email.as_str()));
                }
            }
            changes.push("email changed".to_string());
        }
        changes.extend(diff(&old, entry));
        changes.extend(scim_changes(&old, &scim));
        if changes.is_empty() {
            return Ok(old);
        }
        employees::replace(conn, &old.id, entry, now).map_err(taken(&scim))?;
        scim_users::set_fields(conn, &old.id, fields(&scim), false).map_err(taken(&scim))?;
        let detail = format!("updated: {}", changes.join(", "));
        audit::record_many(
            conn,
            &[entry_audit(now, actor, "roster.update", entry, detail)],
        )?;
        note_roster_change(conn, now)?;
        get(conn, id)
    })
}

/// A unique index refusing a write (two requests racing past the checks) is the same
/// duplicate the checks report, not a fault.
fn taken(scim: &ScimEntry) -> impl Fn(DbError) -> ScimError + '_ {
    move |e| {
        use diesel::result::{DatabaseErrorKind, Error};
        match e {
            DbError::Query(Error::DatabaseError(DatabaseErrorKind::UniqueViolation, info)) => {
                if info.message().contains("email") {
                    duplicate("email", scim.entry.email.as_str())
                } else {
                    duplicate("userName", &scim.user_name)
                }
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
