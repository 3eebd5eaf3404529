//! What one unit of an offering costs a client under their allocation, and how many units
//! their available balance pays for. Read-only: it moves no money, but it is the same
//! money rule as a delivery, so it lives beside the ledger and uses its split.
use crate::{
    db::entities::{allocation, offering, service},
    domain::{Money, Quantity, catalogue::Method},
    error::AppResult,
};

use super::{commitments::allowed_methods, deliveries::split};

pub struct Quote {
    /// Whether the allocation can pay for this offering at all.
    pub covered: bool,
    /// The client's own share of one unit (the whole price when not covered).
    pub client_share_per_unit: Money,
    /// Whole units the available balance pays the purchaser's share of.
    pub units_affordable: i64,
}

pub fn quote(
    allocation: &allocation::Model,
    offering: &offering::Model,
    service: &service::Model,
) -> AppResult<Quote> {
    let price = offering.unit_price;
    let method: Option<Method> = allowed_methods(allocation, offering, service)?
        .ok()
        .and_then(|methods| methods.first().copied());
    let Some(method) = method else {
        return Ok(Quote {
            covered: false,
            client_share_per_unit: price,
            units_affordable: 0,
        });
    };
    let voucher_value = allocation.voucher_value.or(service.voucher_value);
    let one = split(Quantity::from_milli(1000), price, method, voucher_value);
    let per_unit = one.purchaser_share.cents();
    let units = if per_unit > 0 {
        allocation.available.cents() / per_unit
    } else {
        0
    };
    Ok(Quote {
        covered: true,
        client_share_per_unit: one.client_share,
        units_affordable: units,
    })
}
