//! The roster: employees, imported from CSV as an audited upsert (never a wipe).

use std::collections::{HashMap, HashSet};

use diesel::prelude::*;
use serde::Serialize;

use super::schema::employees;
use super::{audit, DbConnection, DbError};
use crate::clock;
use crate::domain::roster::RosterEntry;

/// One employee as stored.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Serialize)]
#[diesel(table_name = employees)]
pub struct Employee {
    pub id: String,
    pub email: String,
    pub name: String,
    pub department: String,
    pub locale: String,
    pub is_engineer: bool,
    pub is_executive: bool,
    pub active: bool,
    #[serde(skip)]
    pub created_at: time::PrimitiveDateTime,
    #[serde(skip)]
    pub updated_at: time::PrimitiveDateTime,
}

/// A new roster row, inserted in batches.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = employees)]
struct NewEmployee {
    id: String,
    email: String,
    name: String,
    department: String,
    locale: String,
    is_engineer: bool,
    is_executive: bool,
    active: bool,
    created_at: time::PrimitiveDateTime,
    updated_at: time::PrimitiveDateTime,
}

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

/// Upserts the entries by email in one transaction, auditing every change. Employees absent
/// from the file are listed, and deactivated only when `deactivate_missing` is set.
/// `progress` is called with the number of entries processed so far.
pub fn import(
    conn: &mut DbConnection,
    entries: &[RosterEntry],
    deactivate_missing: bool,
    actor: &str,
    progress: &dyn Fn(u64),
) -> Result<ImportReport, DbError> {
    conn.write_transaction(|conn| {
        let existing: Vec<Employee> = employees::table.select(Employee::as_select()).load(conn)?;
        let by_email: HashMap<&str, &Employee> =
            existing.iter().map(|e| (e.email.as_str(), e)).collect();
        let now = clock::now();
        let mut report = ImportReport {
            deactivated_missing: deactivate_missing,
            ..Default::default()
        };
        // New people and all audit entries go in as multi-row inserts at the end: one
        // statement per row made a 10,000-person import take 13 s on PostgreSQL.
        let mut added: Vec<NewEmployee> = Vec::new();
        let mut audits: Vec<audit::NewAuditEntry> = Vec::new();
        for (i, entry) in entries.iter().enumerate() {
            let email = entry.email.as_str();
            let department = entry.membership.key();
            let locale = entry.locale.code();
            match change_for(&by_email, entry) {
                Change::Add => {
                    added.push(NewEmployee {
                        id: uuid::Uuid::new_v4().to_string(),
                        email: email.to_string(),
                        name: entry.name.clone(),
                        department: department.to_string(),
                        locale: locale.to_string(),
                        is_engineer: entry.is_engineer,
                        is_executive: entry.is_executive,
                        active: entry.active,
                        created_at: now,
                        updated_at: now,
                    });
                    let detail = format!(
                        "added: department={department} engineer={} executive={} active={}",
                        entry.is_engineer, entry.is_executive, entry.active
                    );
                    audits.push(audit::NewAuditEntry::new(
                        actor,
                        "roster.add",
                        "employee",
                        Some(email),
                        Some(detail),
                    ));
                    report.added += 1;
                }
                Change::Unchanged => report.unchanged += 1,
                Change::Update { old, changes } => {
                    if !old.active && entry.active {
                        report.reactivated += 1;
                    }
                    diesel::update(employees::table.find(&old.id))
                        .set((
                            employees::name.eq(&entry.name),
                            employees::department.eq(department),
                            employees::locale.eq(locale),
                            employees::is_engineer.eq(entry.is_engineer),
                            employees::is_executive.eq(entry.is_executive),
                            employees::active.eq(entry.active),
                            employees::updated_at.eq(now),
                        ))
                        .execute(conn)?;
                    audits.push(audit::NewAuditEntry::new(
                        actor,
                        "roster.update",
                        "employee",
                        Some(email),
                        Some(format!("updated: {}", changes.join(", "))),
                    ));
                    report.updated += 1;
                }
            }
            if i % 256 == 0 {
                progress(i as u64);
            }
        }
        // 10 columns × 500 rows stays under both backends' bind limits.
        for chunk in added.chunks(500) {
            super::insert_rows!(conn, employees::table, chunk)?;
        }
        progress(entries.len() as u64);

        for old in missing_from(&existing, entries) {
            report.missing.push((old.email.clone(), old.name.clone()));
            if deactivate_missing {
                diesel::update(employees::table.find(&old.id))
                    .set((employees::active.eq(false), employees::updated_at.eq(now)))
                    .execute(conn)?;
                audits.push(audit::NewAuditEntry::new(
                    actor,
                    "roster.deactivate",
                    "employee",
                    Some(&old.email),
                    Some("deactivated: missing from the imported file".to_string()),
                ));
            }
        }
        audit::record_many(conn, &audits)?;
        Ok(report)
    })
}

/// Counts what `import` would do with these entries, writing nothing: the report shown
/// before an admin confirms an import.
pub fn preview(
    conn: &mut DbConnection,
    entries: &[RosterEntry],
    deactivate_missing: bool,
) -> Result<ImportReport, DbError> {
    let existing: Vec<Employee> = employees::table.select(Employee::as_select()).load(conn)?;
    let by_email: HashMap<&str, &Employee> =
        existing.iter().map(|e| (e.email.as_str(), e)).collect();
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
    report.missing = missing_from(&existing, entries)
        .map(|e| (e.email.clone(), e.name.clone()))
        .collect();
    Ok(report)
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

/// The fields that differ, as `field old -> new` (names are not audited verbatim beyond
/// "name changed": the audit log is readable by admins and needs no more).
fn diff(old: &Employee, new: &RosterEntry) -> Vec<String> {
    let mut out = Vec::new();
    if old.name != new.name {
        out.push("name changed".to_string());
    }
    let pairs = [
        (
            "department",
            old.department.clone(),
            new.membership.key().to_string(),
        ),
        ("locale", old.locale.clone(), new.locale.code().to_string()),
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

/// Employees, optionally of one department (or `board`), ordered by department and email.
pub fn list(conn: &mut DbConnection, department: Option<&str>) -> Result<Vec<Employee>, DbError> {
    let mut q = employees::table
        .select(Employee::as_select())
        .order((employees::department, employees::email))
        .into_boxed();
    if let Some(d) = department {
        q = q.filter(employees::department.eq(d.to_string()));
    }
    Ok(q.load(conn)?)
}

/// How many people the roster holds, and how many of them are active; counted by the
/// database so a page showing the figures does not load ten thousand rows.
pub fn counts(conn: &mut DbConnection) -> Result<(i64, i64), DbError> {
    let all = employees::table.count().get_result(conn)?;
    let active = employees::table
        .filter(employees::active.eq(true))
        .count()
        .get_result(conn)?;
    Ok((all, active))
}

/// One employee by (case-folded) email.
pub fn by_email(conn: &mut DbConnection, email: &str) -> Result<Option<Employee>, DbError> {
    Ok(employees::table
        .filter(employees::email.eq(email.to_lowercase()))
        .select(Employee::as_select())
        .first(conn)
        .optional()?)
}
