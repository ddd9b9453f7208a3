//! Roster use cases: list the roster, import a checked roster as an audited upsert by email
//! (never a wipe), and say beforehand what an import would change.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use time::PrimitiveDateTime;

use crate::db::audit::{self, NewAuditEntry};
use crate::db::employees::{self, Employee, NewEmployee};
use crate::db::{DbConnection, DbError};
use crate::domain::department::Membership;
use crate::domain::roster::RosterEntry;

/// What an import did (or, from `preview`, would do).
#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportReport {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub reactivated: usize,
    /// Active employees absent from the file: (email, name).
    pub missing: Vec<(String, String)>,
    /// Whether the missing ones were deactivated.
    pub deactivated_missing: bool,
}

/// Everyone on the roster, active or not, ordered by department then email; only one
/// department's people (or the board's) when `department` is given.
pub fn list(
    conn: &mut DbConnection,
    department: Option<Membership>,
) -> Result<Vec<Employee>, DbError> {
    employees::list(conn, department)
}

/// Upserts the entries by email in one transaction at `now`, auditing every change. Employees
/// absent from the file are listed, and deactivated only when `deactivate_missing` is set.
/// `progress` is called with the number of entries processed so far.
pub fn import(
    conn: &mut DbConnection,
    entries: &[RosterEntry],
    deactivate_missing: bool,
    actor: &str,
    now: PrimitiveDateTime,
    progress: &dyn Fn(u64),
) -> Result<ImportReport, DbError> {
    conn.write_transaction(|conn| {
        let existing = employees::all(conn)?;
        let by_email = by_email(&existing);
        let mut report = ImportReport {
            deactivated_missing: deactivate_missing,
            ..Default::default()
        };
        // New people and all audit entries go in as multi-row inserts at the end.
        let mut added: Vec<NewEmployee> = Vec::new();
        let mut audits: Vec<NewAuditEntry> = Vec::new();
        let entry_audit = |action: &str, email: &str, detail: String| {
            NewAuditEntry::stamped(now, actor, action, "employee", Some(email), Some(detail))
        };
        for (i, entry) in entries.iter().enumerate() {
            let email = entry.email.as_str();
            match change_for(&by_email, entry) {
                Change::Add => {
                    added.push(NewEmployee::from_entry(entry, now));
                    audits.push(entry_audit("roster.add", email, added_detail(entry)));
                    report.added += 1;
                }
                Change::Unchanged => report.unchanged += 1,
                Change::Update { old, changes } => {
                    if !old.active && entry.active {
                        report.reactivated += 1;
                    }
                    employees::update_from(conn, &old.id, entry, now)?;
                    let detail = format!("updated: {}", changes.join(", "));
                    audits.push(entry_audit("roster.update", email, detail));
                    report.updated += 1;
                }
            }
            if i % 256 == 0 {
                progress(i as u64);
            }
        }
        employees::insert_many(conn, &added)?;
        progress(entries.len() as u64);

        for old in missing_from(&existing, entries) {
            report.missing.push((old.email.clone(), old.name.clone()));
            if deactivate_missing {
                employees::deactivate(conn, &old.id, now)?;
                let detail = "deactivated: missing from the imported file".to_string();
                audits.push(entry_audit("roster.deactivate", &old.email, detail));
            }
        }
        audit::record_many(conn, &audits)?;
        Ok(report)
    })
}

/// How many people the roster holds, and how many of them are active.
pub fn counts(conn: &mut DbConnection) -> Result<(i64, i64), DbError> {
    employees::counts(conn)
}

/// Counts what `import` would do with these entries, writing nothing: the report shown
/// before an admin confirms an import.
pub fn preview(
    conn: &mut DbConnection,
    entries: &[RosterEntry],
    deactivate_missing: bool,
) -> Result<ImportReport, DbError> {
    let existing = employees::all(conn)?;
    Ok(plan(&existing, entries, deactivate_missing))
}

/// The counts `import` reports, from the stored roster and the file.
fn plan(existing: &[Employee], entries: &[RosterEntry], deactivate_missing: bool) -> ImportReport {
    let by_email = by_email(existing);
    let mut report = ImportReport {
        deactivated_missing: deactivate_missing,
        ..Default::default()
    };
    for entry in entries {
        match change_for(&by_email, entry) {
            Change::Add => report.added += 1,
            Change::Unchanged => report.unchanged += 1,
            Change::Update { old, .. } => {
                report.updated += 1;
                if !old.active && entry.active {
                    report.reactivated += 1;
                }
            }
        }
    }
    report.missing = missing_from(existing, entries)
        .map(|e| (e.email.clone(), e.name.clone()))
        .collect();
    report
}

fn by_email(existing: &[Employee]) -> HashMap<&str, &Employee> {
    existing.iter().map(|e| (e.email.as_str(), e)).collect()
}

/// What importing one entry does to the stored roster (shared by `import` and `preview`, so
/// the report shown before an import is the one the import produces).
enum Change<'a> {
    Add,
    Unchanged,
    Update {
        old: &'a Employee,
        changes: Vec<String>,
    },
}

fn change_for<'a>(by_email: &HashMap<&str, &'a Employee>, entry: &RosterEntry) -> Change<'a> {
    match by_email.get(entry.email.as_str()) {
        None => Change::Add,
        Some(old) => {
            let changes = diff(old, entry);
            if changes.is_empty() {
                Change::Unchanged
            } else {
                Change::Update { old, changes }
            }
        }
    }
}

/// Active employees absent from the file.
fn missing_from<'a>(
    existing: &'a [Employee],
    entries: &[RosterEntry],
) -> impl Iterator<Item = &'a Employee> {
    let in_file: HashSet<String> = entries
        .iter()
        .map(|e| e.email.as_str().to_string())
        .collect();
    existing
        .iter()
        .filter(move |e| e.active && !in_file.contains(e.email.as_str()))
}

/// The audit detail of a person added to the roster (by import or SCIM).
pub(crate) fn added_detail(entry: &RosterEntry) -> String {
    format!(
        "added: department={} engineer={} executive={} active={}",
        entry.membership, entry.is_engineer, entry.is_executive, entry.active
    )
}

/// The fields that differ, as `field old -> new` (names are not audited verbatim beyond
/// "name changed": the audit log is readable by admins and needs no more).
pub(crate) fn diff(old: &Employee, new: &RosterEntry) -> Vec<String> {
    let mut out = Vec::new();
    if old.name != new.name {
        out.push("name changed".to_string());
    }
    let pairs = [
        (
            "department",
            old.department.to_string(),
            new.membership.to_string(),
        ),
        ("locale", old.locale.to_string(), new.locale.to_string()),
        (
            "is_engineer",
            old.is_engineer.to_string(),
            new.is_engineer.to_string(),
        ),
        (
            "is_executive",
            old.is_executive.to_string(),
            new.is_executive.to_string(),
        ),
        ("active", old.active.to_string(), new.active.to_string()),
    ];
    for (field, a, b) in pairs {
        if a != b {
            out.push(format!("{field} {a} -> {b}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::department::{Department, Membership};
    use crate::domain::email::Email;
    use crate::domain::locale::Locale;

    fn entry(email: &str, dept: Department, active: bool) -> RosterEntry {
        RosterEntry {
            line: 2,
            email: Email::parse(email).unwrap(),
            name: email.into(),
            membership: Membership::Department(dept),
            locale: Locale::En,
            is_engineer: false,
            is_executive: false,
            active,
        }
    }

    fn stored(e: &RosterEntry) -> Employee {
        let at = time::macros::datetime!(2026-01-01 0:00);
        Employee {
            id: format!("id-{}", e.email.as_str()),
            email: e.email.as_str().into(),
            name: e.name.clone(),
            department: e.membership,
            locale: e.locale,
            is_engineer: e.is_engineer,
            is_executive: e.is_executive,
            active: e.active,
            created_at: at,
            updated_at: at,
            user_name: None,
            external_id: None,
            name_formatted: None,
            scim_deleted_at: None,
        }
    }

    #[test]
    fn a_plan_counts_each_kind_of_change_once() {
        let a = entry("a@x.test", Department::Sales, true);
        let b = entry("b@x.test", Department::Sales, false);
        let gone = entry("gone@x.test", Department::Bd, true);
        let gone_inactive = entry("old@x.test", Department::Bd, false);
        let existing = [&a, &b, &gone, &gone_inactive].map(stored);
        // a unchanged; b reactivated and moved; c new; gone missing (old@ was inactive already).
        let file = [
            a.clone(),
            entry("b@x.test", Department::Marketing, true),
            entry("c@x.test", Department::Ceo, true),
        ];
        let r = plan(&existing, &file, true);
        assert_eq!(
            (r.added, r.updated, r.unchanged, r.reactivated),
            (1, 1, 1, 1)
        );
        assert_eq!(
            r.missing,
            vec![("gone@x.test".into(), "gone@x.test".into())]
        );
        assert!(r.deactivated_missing);
    }

    #[test]
    fn a_diff_names_fields_with_their_stored_keys_and_never_the_name() {
        let old = stored(&entry("a@x.test", Department::Sales, true));
        let mut new = entry("a@x.test", Department::Bd, true);
        new.name = "Someone Else".into();
        assert_eq!(
            diff(&old, &new),
            vec![
                "name changed".to_string(),
                "department sales -> bd".to_string()
            ]
        );
    }
}
