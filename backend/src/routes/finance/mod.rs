//! Purchaser finance reports over HTTP: spend, open reservations and the reconciliation
//! report (built in `finance::report`). Finance staff of the purchaser only.
pub mod reconciliation;
pub mod reservations;
pub mod spend;

pub use crate::finance::report::SumsOut;
