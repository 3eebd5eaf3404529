//! The offerings area for its readers: a provider's own listings, all of them. Writes and
//! prices are in `routes/offerings` and `prices/` for now; `web/` reads through here.
pub mod coverage;
pub mod read;
