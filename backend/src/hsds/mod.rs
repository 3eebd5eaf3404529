//! The open directory: Valinta's live catalogue as Open Referral HSDS 3.0 objects (services,
//! organizations, service_at_locations, taxonomies, taxonomy terms), public and read-only.
//! No personal data: only what the portal already shows to anyone.
pub mod ids;
pub mod live;
pub mod map;
pub mod objects;
pub mod query;
pub mod read;

pub use query::{Filter, HsdsPage, HsdsQuery};
