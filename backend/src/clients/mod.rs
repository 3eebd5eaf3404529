//! The clients area for case workers: the purchaser's clients page by page, found by name
//! or by identity code (matched by its keyed hash, never stored or logged in clear).
//! `routes/` and `web/` are thin adapters over it.
pub mod area;
pub mod create;
pub mod read;
