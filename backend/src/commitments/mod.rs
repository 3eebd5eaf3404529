//! The commitments area for its readers: an allocation's commitments, a provider's (with
//! whose matter each one is), one at a time or page by page, never silently cut. Money moves
//! on commitments stay in `ledger::commitments`; `routes/` and `web/` are thin adapters over
//! both.
pub mod act;
pub mod order;
pub mod parties;
pub mod read;

pub use parties::{Parties, client_names, parties_of};
pub use read::Commitment;
