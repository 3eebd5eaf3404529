//! The providers area: signing up ([`sign_up`]) and the provider's profile — what anyone
//! sees of it and what its own staff see and change ([`profile`]). `routes/` and `web/`
//! are thin adapters over this.
pub mod profile;
pub mod sign_up;

pub use profile::ProviderOut;
