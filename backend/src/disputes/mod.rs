//! The disputes area: a client's complaint about a delivery, the provider's account, and a
//! case worker's decision. Reading them with the access rule and the audit inside
//! ([`read`]) and for pages a few queries at a time ([`lists`]); the decision and the
//! provider's account ([`act`]). Reversing money on an upheld dispute is the ledger's
//! (`ledger::disputes`).
pub mod act;
pub mod lists;
pub mod read;

pub use read::{Dispute, DisputeRow};
