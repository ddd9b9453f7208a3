//! Typed text columns: domain values (quarters, departments, locales, statuses, roles…) are
//! stored as their text form and read back through `FromStr`, on both backends.
//!
//! A stored value that does not parse is an error — never a silently skipped row. Diesel
//! reports it as a deserialization error carrying [`MalformedValue`]; repositories turn that
//! into [`DbError::Malformed`](super::DbError::Malformed) naming the table and column with
//! [`malformed_in`].

use std::fmt::Display;
use std::str::FromStr;

use diesel::backend::Backend;
use diesel::deserialize::{self, FromSql};
use diesel::pg::Pg;
use diesel::serialize::{self, IsNull, Output};
use diesel::sql_types::Text;
use diesel::sqlite::Sqlite;

use super::DbError;

/// A stored text that is not a valid value of the type its column holds.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("stored value {value:?} is not a valid {what}: {reason}")]
pub struct MalformedValue {
    /// What the column holds (`quarter`, `department`, …).
    pub what: &'static str,
    /// The stored text.
    pub value: String,
    /// Why it does not parse.
    pub reason: String,
}

/// A domain type stored as text.
pub trait TextColumn: FromStr<Err: Display> + Display + Sized {
    /// What a column of this type holds, for error messages.
    const WHAT: &'static str;

    /// Parses a stored text.
    fn from_stored(s: &str) -> Result<Self, MalformedValue> {
        s.parse().map_err(|e: Self::Err| MalformedValue {
            what: Self::WHAT,
            value: s.to_string(),
            reason: e.to_string(),
        })
    }
}

/// Reads a text value on backend `DB` and parses it.
pub(crate) fn read<T: TextColumn, DB: Backend>(raw: DB::RawValue<'_>) -> deserialize::Result<T>
where
    String: FromSql<Text, DB>,
{
    let s = <String as FromSql<Text, DB>>::from_sql(raw)?;
    Ok(T::from_stored(&s)?)
}

/// Writes a value's text on PostgreSQL.
pub(crate) fn write_pg<T: TextColumn>(v: &T, out: &mut Output<'_, '_, Pg>) -> serialize::Result {
    use std::io::Write;
    write!(out, "{v}")?;
    Ok(IsNull::No)
}

/// Writes a value's text on SQLite.
pub(crate) fn write_sqlite<T: TextColumn>(
    v: &T,
    out: &mut Output<'_, '_, Sqlite>,
) -> serialize::Result {
    out.set_value(v.to_string());
    Ok(IsNull::No)
}

/// Makes `$ty` (which implements [`TextColumn`]) usable as a diesel `Text` value on both
/// backends and on the multi-backend connection: in `Queryable` rows, filters and inserts.
macro_rules! text_column {
    ($ty:ty, $proxy:ident) => {
        // Diesel's derives, applied to the domain type from here so the domain stays free of SQL.
        #[derive(diesel::AsExpression, diesel::FromSqlRow)]
        #[diesel(foreign_derive)]
        #[diesel(sql_type = diesel::sql_types::Text)]
        #[allow(dead_code)]
        struct $proxy($ty);

        impl diesel::deserialize::FromSql<diesel::sql_types::Text, diesel::pg::Pg> for $ty {
            fn from_sql(
                raw: <diesel::pg::Pg as diesel::backend::Backend>::RawValue<'_>,
            ) -> diesel::deserialize::Result<Self> {
                $crate::db::column::read::<$ty, diesel::pg::Pg>(raw)
            }
        }
        impl diesel::deserialize::FromSql<diesel::sql_types::Text, diesel::sqlite::Sqlite> for $ty {
            fn from_sql(
                raw: <diesel::sqlite::Sqlite as diesel::backend::Backend>::RawValue<'_>,
            ) -> diesel::deserialize::Result<Self> {
                $crate::db::column::read::<$ty, diesel::sqlite::Sqlite>(raw)
            }
        }
        impl diesel::deserialize::FromSql<diesel::sql_types::Text, $crate::db::MultiBackend>
            for $ty
        {
            fn from_sql(
                raw: <$crate::db::MultiBackend as diesel::backend::Backend>::RawValue<'_>,
            ) -> diesel::deserialize::Result<Self> {
                raw.from_sql::<$ty, diesel::sql_types::Text>()
            }
        }
        impl diesel::serialize::ToSql<diesel::sql_types::Text, diesel::pg::Pg> for $ty {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, diesel::pg::Pg>,
            ) -> diesel::serialize::Result {
                $crate::db::column::write_pg(self, out)
            }
        }
        impl diesel::serialize::ToSql<diesel::sql_types::Text, diesel::sqlite::Sqlite> for $ty {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, diesel::sqlite::Sqlite>,
            ) -> diesel::serialize::Result {
                $crate::db::column::write_sqlite(self, out)
            }
        }
        impl diesel::serialize::ToSql<diesel::sql_types::Text, $crate::db::MultiBackend> for $ty {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, $crate::db::MultiBackend>,
            ) -> diesel::serialize::Result {
                out.set_value((diesel::sql_types::Text, self));
                Ok(diesel::serialize::IsNull::No)
            }
        }
    };
}

/// Finds a [`MalformedValue`] in a deserialization error, with the column name where diesel
/// knows it (rows loaded by field report which field failed).
pub(crate) fn malformed_part<'e>(
    e: &'e (dyn std::error::Error + Send + Sync + 'static),
) -> Option<(Option<&'e str>, &'e MalformedValue)> {
    if let Some(m) = e.downcast_ref::<MalformedValue>() {
        return Some((None, m));
    }
    let field = e.downcast_ref::<diesel::result::DeserializeFieldError>()?;
    let m = field.error.downcast_ref::<MalformedValue>()?;
    Some((field.field_name.as_deref(), m))
}

/// Maps a query's error, turning a malformed stored value into [`DbError::Malformed`] that
/// names `table` and the column; other errors convert as usual.
pub fn malformed_in(table: &'static str) -> impl Fn(diesel::result::Error) -> DbError {
    move |e| {
        if let diesel::result::Error::DeserializationError(inner) = &e {
            if let Some((field, m)) = malformed_part(inner.as_ref()) {
                return DbError::Malformed {
                    table,
                    column: field.unwrap_or(m.what).to_string(),
                    value: m.value.clone(),
                    reason: m.reason.clone(),
                };
            }
        }
        DbError::from(e)
    }
}

use crate::auth::roles::TokenScope;
use crate::auth::Role;
use crate::domain::actions::ActionStatus;
use crate::domain::audience::Audience;
use crate::domain::department::{Department, Membership};
use crate::domain::ids::RoundId;
use crate::domain::locale::Locale;
use crate::domain::quarter::Quarter;
use crate::domain::round::RoundStatus;
use crate::domain::scoring::{Assessment, Confirmation, HrEventKind};
use crate::domain::time_split::Category as TimeCategory;

impl TextColumn for Quarter {
    const WHAT: &'static str = "quarter";
}
impl TextColumn for Department {
    const WHAT: &'static str = "department";
}
impl TextColumn for Membership {
    const WHAT: &'static str = "department";
}
impl TextColumn for Locale {
    const WHAT: &'static str = "locale";
}
impl TextColumn for RoundStatus {
    const WHAT: &'static str = "status";
}
impl TextColumn for Audience {
    const WHAT: &'static str = "audience";
}
impl TextColumn for Role {
    const WHAT: &'static str = "role";
}
impl TextColumn for TokenScope {
    const WHAT: &'static str = "token scope";
}
impl TextColumn for Assessment {
    const WHAT: &'static str = "assessment";
}
impl TextColumn for Confirmation {
    const WHAT: &'static str = "board_state";
}
impl TextColumn for TimeCategory {
    const WHAT: &'static str = "time category";
}
impl TextColumn for HrEventKind {
    const WHAT: &'static str = "event";
}
impl TextColumn for ActionStatus {
    const WHAT: &'static str = "action status";
}
impl TextColumn for RoundId {
    const WHAT: &'static str = RoundId::WHAT;
}

text_column!(Quarter, QuarterColumn);
text_column!(Department, DepartmentColumn);
text_column!(Membership, MembershipColumn);
text_column!(Locale, LocaleColumn);
text_column!(RoundStatus, RoundStatusColumn);
text_column!(Audience, AudienceColumn);
text_column!(Role, RoleColumn);
text_column!(TokenScope, TokenScopeColumn);
text_column!(Assessment, AssessmentColumn);
text_column!(Confirmation, ConfirmationColumn);
text_column!(TimeCategory, TimeCategoryColumn);
text_column!(HrEventKind, HrEventKindColumn);
text_column!(RoundId, RoundIdColumn);
text_column!(ActionStatus, ActionStatusColumn);
