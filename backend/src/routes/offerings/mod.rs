//! Offerings: one provider's listing of a catalogue service, with its price.
pub mod input;
pub mod read;
pub mod write;

pub use input::{LocationIn, OfferingIn, OfferingPatch};
pub use read::{OfferingOut, get, list, list_for_provider};
pub use write::{archive, create, update};
