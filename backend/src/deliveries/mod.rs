//! The deliveries area: a commitment's deliveries and a provider's month with its total over
//! every row, never silently cut ([`read`]); recording one from text ([`record`]); one
//! delivery read, voided or disputed by whoever may ([`act`]). The money moves in `ledger/`;
//! `routes/` and `web/` are thin adapters over this.
pub mod act;
pub mod read;
pub mod record;

pub use read::Delivery;
