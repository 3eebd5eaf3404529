//! Bulk delivery files: a provider's CSV read into rows ([`file`]) and each row's values
//! parsed ([`values`]); recording them is the ledger's ([`crate::ledger::batch`]).
pub mod file;
pub mod values;
