//! The allocations area: granting a decision, who may see it (the client, their proxies,
//! the purchaser's case workers), the audited read of it and how it is shown. Money moves
//! only in `ledger/`; `routes/` and `web/` are thin adapters over both.
pub mod grant;
pub mod read;
pub mod view;
pub mod visible;

pub use visible::load_visible;
