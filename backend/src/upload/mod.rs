//! Bulk delivery files: a provider's CSV read into rows ([`file`]) and each row's values
//! parsed ([`values`]), and the file recorded with a report row by row ([`record`]; the
//! money moves in [`crate::ledger::batch`]).
pub mod file;
pub mod record;
pub mod values;
