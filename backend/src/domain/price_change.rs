//! A new price from a day on: what an offering's price version says, and what clients with
//! running orders are told.
use chrono::NaiveDate;

use super::Money;

#[derive(Clone, Copy, Debug)]
pub struct PriceChange {
    pub unit_price: Money,
    pub valid_from: NaiveDate,
}
