//! Personal budget plans over HTTP: thin adapters over `crate::plans`, one file per group of
//! actions.
pub mod answers;
pub mod budget;
pub mod caseload;
pub mod close;
pub mod decision;
pub mod goals;
pub mod open;
pub mod questions;
pub mod read;
pub mod report;
