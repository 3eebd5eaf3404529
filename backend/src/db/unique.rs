//! The typed check for a write the database refused on a unique constraint: each area turns
//! such a clash into its own error (a taken reference, a second review) by type, never by
//! comparing error codes as strings.
use sea_orm::{DbErr, SqlErr};

/// Whether the database refused the write because a unique constraint already holds the
/// value (on SQLite and PostgreSQL alike).
pub fn is_violation(err: &DbErr) -> bool {
    matches!(err.sql_err(), Some(SqlErr::UniqueConstraintViolation(_)))
}

/// A unique-constraint clash becomes `clash()`; any other database error passes on as is.
pub fn or_else<E: From<DbErr>>(err: DbErr, clash: impl FnOnce() -> E) -> E {
    if is_violation(&err) {
        clash()
    } else {
        E::from(err)
    }
}
