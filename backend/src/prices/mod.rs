//! Offering prices over time: a provider changes a price from a day on (today or later)
//! and the old prices stay as history. A delivery is priced at most at the price in force
//! on its date; search and pages show the price in force today. Clients with open
//! commitments are told of a change by email before it takes effect.
pub mod change;
pub mod due;
pub mod history;

pub use history::PriceHistory;
