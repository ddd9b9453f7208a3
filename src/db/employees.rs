//! The roster's queries: employees as stored (`app::roster` imports them).

use diesel::prelude::*;
use serde::Serialize;
use time::PrimitiveDateTime;

use super::column::malformed_in;
use super::schema::employees;
use super::{DbConnection, DbError};
use crate::domain::department::Membership;
use crate::domain::locale::Locale;
use crate::domain::roster::RosterEntry;

/// One employee as stored.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Serialize)]
#[diesel(table_name = employees)]
pub struct Employee {
    pub id: String,
    pub email: String,
    pub name: String,
    pub department: Membership,
    pub locale: Locale,
    pub is_engineer: bool,
    pub is_executive: bool,
    pub active: bool,
    #[serde(skip)]
    pub created_at: time::PrimitiveDateTime,
    #[serde(skip)]
    pub updated_at: time::PrimitiveDateTime,
    /// The SCIM userName, when an identity provider set one (else the address stands in).
    #[serde(skip)]
    pub user_name: Option<String>,
    /// The identity provider's own id for the person (SCIM externalId).
    #[serde(skip)]
    pub external_id: Option<String>,
    /// The SCIM name.formatted, when one was sent.
    #[serde(skip)]
    pub name_formatted: Option<String>,
    /// When the person was deleted through SCIM: gone for SCIM, kept for past rounds.
    #[serde(skip)]
    pub scim_deleted_at: Option<time::PrimitiveDateTime>,
}

/// A new roster row, inserted in batches.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = employees)]
pub struct NewEmployee {
    id: String,
    email: String,
    name: String,
    department: Membership,
    locale: Locale,
    is_engineer: bool,
    is_executive: bool,
    active: bool,
    created_at: PrimitiveDateTime,
    updated_at: PrimitiveDateTime,
    user_name: Option<String>,
    external_id: Option<String>,
    name_formatted: Option<String>,
}

impl NewEmployee {
    /// A new person from a roster entry, with a fresh random id.
    pub fn from_entry(entry: &RosterEntry, now: PrimitiveDateTime) -> NewEmployee {
        NewEmployee {
            id: uuid::Uuid::new_v4().to_string(),
            email: entry.email.as_str().to_string(),
            name: entry.name.clone(),
            department: entry.membership,
            locale: entry.locale,
            is_engineer: entry.is_engineer,
            is_executive: entry.is_executive,
            active: entry.active,
            created_at: now,
            updated_at: now,
            user_name: None,
            external_id: None,
            name_formatted: None,
        }
    }

    /// This new person with the SCIM identifiers an identity provider sent.
    pub fn with_scim(
        mut self,
        user_name: &str,
        external_id: Option<&str>,
        name_formatted: Option<&str>,
    ) -> NewEmployee {
        self.user_name = Some(user_name.to_string());
        self.external_id = external_id.map(str::to_string);
        self.name_formatted = name_formatted.map(str::to_string);
        self
    }
}

/// Everyone on the roster, active or not.
pub fn all(conn: &mut DbConnection) -> Result<Vec<Employee>, DbError> {
    employees::table
        .select(Employee::as_select())
        .load(conn)
        .map_err(malformed_in("employees"))
}

/// Inserts new people (multi-row inserts: one statement per row made a 10,000-person import
/// take 13 s on PostgreSQL).
pub fn insert_many(conn: &mut DbConnection, people: &[NewEmployee]) -> Result<(), DbError> {
    // 13 columns × 500 rows stays under both backends' bind limits.
    for chunk in people.chunks(500) {
        super::insert_rows!(conn, employees::table, chunk)?;
    }
    Ok(())
}

/// Overwrites a stored person's fields with a roster entry's.
pub fn update_from(
    conn: &mut DbConnection,
    id: &str,
    entry: &RosterEntry,
    now: PrimitiveDateTime,
) -> Result<(), DbError> {
    diesel::update(employees::table.find(id))
        .set((
            employees::name.eq(&entry.name),
            employees::department.eq(entry.membership),
            employees::locale.eq(entry.locale),
            employees::is_engineer.eq(entry.is_engineer),
            employees::is_executive.eq(entry.is_executive),
            employees::active.eq(entry.active),
            employees::updated_at.eq(now),
        ))
        .execute(conn)?;
    if entry.active {
        // A roster that makes a person deleted through SCIM active again brings them back
        // for SCIM too, going by their address: their old userName may be someone's now.
        diesel::update(employees::table.find(id))
            .filter(employees::scim_deleted_at.is_not_null())
            .set((
                employees::scim_deleted_at.eq(None::<PrimitiveDateTime>),
                employees::user_name.eq(None::<String>),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Marks a person inactive (never deleted: past rounds keep their invitations).
pub fn deactivate(
    conn: &mut DbConnection,
    id: &str,
    now: PrimitiveDateTime,
) -> Result<(), DbError> {
    diesel::update(employees::table.find(id))
        .set((employees::active.eq(false), employees::updated_at.eq(now)))
        .execute(conn)?;
    Ok(())
}

/// Employees, optionally of one department (or the board), ordered by department and email.
pub fn list(
    conn: &mut DbConnection,
    department: Option<Membership>,
) -> Result<Vec<Employee>, DbError> {
    let mut q = employees::table
        .select(Employee::as_select())
        .order((employees::department, employees::email))
        .into_boxed();
    if let Some(d) = department {
        q = q.filter(employees::department.eq(d.key()));
    }
    q.load(conn).map_err(malformed_in("employees"))
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
    employees::table
        .filter(employees::email.eq(email.to_lowercase()))
        .select(Employee::as_select())
        .first(conn)
        .optional()
        .map_err(malformed_in("employees"))
}

/// One employee by id.
pub fn by_id(conn: &mut DbConnection, id: &str) -> Result<Option<Employee>, DbError> {
    employees::table
        .find(id)
        .select(Employee::as_select())
        .first(conn)
        .optional()
        .map_err(malformed_in("employees"))
}

/// Overwrites a stored person's fields, address included, with a checked entry's (SCIM
/// replaces a person by id, so the address may change; the caller checks it is free).
pub fn replace(
    conn: &mut DbConnection,
    id: &str,
    entry: &RosterEntry,
    now: PrimitiveDateTime,
) -> Result<(), DbError> {
    diesel::update(employees::table.find(id))
        .set(employees::email.eq(entry.email.as_str()))
        .execute(conn)?;
    update_from(conn, id, entry, now)
}
