//! The offerings area: a provider writes, changes and archives its listings; readers get a
//! provider's own listings, one offering's page, a provider's live ones, searching them, and
//! whether a client's decisions pay for one. Price history is in `prices/`.
pub mod coverage;
pub mod input;
pub mod read;
pub mod search;
pub mod view;
pub mod write;

pub use input::{LocationIn, OfferingIn, OfferingPatch};
pub use view::OfferingOut;
