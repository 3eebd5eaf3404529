//! The purchasers area: a purchaser as its readers see it ([`view`]) and the settings its
//! staff change ([`settings`]). `routes/` and `web/` are thin adapters over these.
pub mod settings;
pub mod view;

pub use settings::PurchaserPatch;
pub use view::PurchaserOut;
