//! Bulk delivery files: a provider's CSV read into rows ([`file`]) and each row's values
//! parsed ([`values`]), and the file recorded with a report row by row ([`record`]; the
//! money moves in [`crate::ledger::batch`]); the report kept for the portal's page
//! ([`kept`]).
pub mod file;
pub mod kept;
pub mod record;
pub mod values;
