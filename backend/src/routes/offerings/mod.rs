//! Offerings: one provider's listing of a catalogue service, with its price. The router
//! names the handlers through `read::` and `write::` (utoipa needs their own modules).
pub mod prices;
pub mod read;
pub mod write;

pub use crate::offerings::{LocationIn, OfferingIn, OfferingOut, OfferingPatch, input};
