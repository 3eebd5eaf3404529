//! The applications area for its readers: a provider's applications and those a purchaser
//! decides on, newest first, page by page or all of them. `routes/` and `web/` are thin
//! adapters over it.
pub mod apply;
pub mod decide;
pub mod read;
