//! The allocations area for its readers: who may see a decision (the client, their proxies,
//! the purchaser's case workers) and the audited read of it. Granting and moving money stay
//! in `ledger/`; `routes/` and `web/` are thin adapters over both.
pub mod grant;
pub mod read;
pub mod visible;

pub use visible::load_visible;
