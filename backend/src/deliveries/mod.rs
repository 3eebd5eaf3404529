//! The deliveries area for its readers: a commitment's deliveries, a provider's month with
//! its total over every row, newest first, never silently cut. Recording, voiding and
//! disputes move money and stay in `ledger/`; `routes/` and `web/` are thin adapters over
//! both.
pub mod read;
pub mod record;

pub use read::Delivery;
