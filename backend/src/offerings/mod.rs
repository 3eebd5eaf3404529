//! The offerings area for its readers: a provider's own listings, one offering's page, a
//! provider's live ones, searching them, and whether a client's decisions pay for one.
//! Writes and prices are in `routes/offerings` and `prices/` for now.
pub mod coverage;
pub mod read;
pub mod search;
