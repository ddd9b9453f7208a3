//! The roster as SCIM sees it: people not deleted through SCIM, found by id, userName or
//! address, and the SCIM-only fields (userName, externalId, name.formatted, deletion).

use diesel::prelude::*;
use diesel::sql_types::{Nullable, Text};
use time::PrimitiveDateTime;

use super::column::malformed_in;
use super::employees::Employee;
use super::schema::employees;
use super::{DbConnection, DbError};

diesel::define_sql_function! {
    /// SQL `LOWER`: userNames compare case-insensitively, as the unique index does.
    fn lower(x: Nullable<Text>) -> Nullable<Text>;
}

/// The SCIM-only fields of one person, written together.
#[derive(Debug, Clone, Copy)]
pub struct ScimFields<'a> {
    pub user_name: &'a str,
    pub external_id: Option<&'a str>,
    pub name_formatted: Option<&'a str>,
}

/// One person by id, unless deleted through SCIM.
pub fn live_by_id(conn: &mut DbConnection, id: &str) -> Result<Option<Employee>, DbError> {
    employees::table
        .find(id)
        .filter(employees::scim_deleted_at.is_null())
        .select(Employee::as_select())
        .first(conn)
        .optional()
        .map_err(malformed_in("employees"))
}

/// The live people whose userName is `user_name` (case-insensitively); a person without one
/// (from a CSV import) goes by their address. At most one, bar a CSV address equal to another
/// person's userName, which the writes refuse.
pub fn live_by_user_name(
    conn: &mut DbConnection,
    user_name: &str,
) -> Result<Vec<Employee>, DbError> {
    // Two lookups rather than one OR, so each uses its index (the partial index on
    // lower(user_name), the unique address) instead of a scan per create.
    let mut found: Vec<Employee> = employees::table
        .filter(employees::scim_deleted_at.is_null())
        .filter(lower(employees::user_name).eq(user_name.to_lowercase()))
        .select(Employee::as_select())
        .order(employees::id)
        .load(conn)
        .map_err(malformed_in("employees"))?;
    if let Some(by_address) = live_by_email(conn, user_name)? {
        if by_address.user_name.is_none() {
            found.push(by_address);
        }
    }
    Ok(found)
}

/// The live person with this (case-folded) address.
pub fn live_by_email(conn: &mut DbConnection, email: &str) -> Result<Option<Employee>, DbError> {
    employees::table
        .filter(employees::scim_deleted_at.is_null())
        .filter(employees::email.eq(email.to_lowercase()))
        .select(Employee::as_select())
        .first(conn)
        .optional()
        .map_err(malformed_in("employees"))
}

/// How many people are not deleted through SCIM.
pub fn live_count(conn: &mut DbConnection) -> Result<i64, DbError> {
    Ok(employees::table
        .filter(employees::scim_deleted_at.is_null())
        .count()
        .get_result(conn)?)
}

/// A slice of the live people in a stable order (email, then id).
pub fn live_page(
    conn: &mut DbConnection,
    offset: i64,
    limit: i64,
) -> Result<Vec<Employee>, DbError> {
    employees::table
        .filter(employees::scim_deleted_at.is_null())
        .select(Employee::as_select())
        .order((employees::email, employees::id))
        .offset(offset)
        .limit(limit)
        .load(conn)
        .map_err(malformed_in("employees"))
}

/// Writes a person's SCIM fields; `restore` also brings a deleted person back.
pub fn set_fields(
    conn: &mut DbConnection,
    id: &str,
    fields: ScimFields<'_>,
    restore: bool,
) -> Result<(), DbError> {
    diesel::update(employees::table.find(id))
        .set((
            employees::user_name.eq(fields.user_name),
            employees::external_id.eq(fields.external_id),
            employees::name_formatted.eq(fields.name_formatted),
        ))
        .execute(conn)?;
    if restore {
        diesel::update(employees::table.find(id))
            .set(employees::scim_deleted_at.eq(None::<PrimitiveDateTime>))
            .execute(conn)?;
    }
    Ok(())
}

/// Marks a person deleted through SCIM (and inactive).
pub fn mark_deleted(
    conn: &mut DbConnection,
    id: &str,
    now: PrimitiveDateTime,
) -> Result<(), DbError> {
    diesel::update(employees::table.find(id))
        .filter(employees::scim_deleted_at.is_null())
        .set((
            employees::scim_deleted_at.eq(Some(now)),
            employees::active.eq(false),
            employees::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}
