//! Whether a client's decisions pay for an offering, read before she opens the order form:
//! for each decision, the payment methods it may use here, her own share of one unit and
//! how many whole units its available balance buys, or plainly why it cannot be used. The
//! rules are the ledger's own (`allowed_methods`, `quote`, `expiry`); nothing is decided
//! twice.
use chrono::NaiveDate;

use crate::{
    db::entities::{allocation, offering, service},
    domain::{Money, catalogue::Method},
    error::AppResult,
    ledger::{commitments::allowed_methods, expiry, quote},
};

/// Why a decision cannot pay for the offering, in the order a client can do something
/// about it: the balance is the nearest to being fixed, a decision for another service
/// the furthest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Blocker {
    /// Her available balance does not pay for one unit.
    BalanceTooLow,
    /// The decision's time (and its grace days) is over.
    Ended,
    /// The decision does not cover this service (or is another purchaser's).
    NotCovered,
    /// She has no decision at all.
    NoDecision,
}

impl Blocker {
    /// The code pages use for the words: `coverage-why-balance-too-low`, ...
    pub fn code(self) -> &'static str {
        match self {
            Blocker::BalanceTooLow => "balance-too-low",
            Blocker::Ended => "ended",
            Blocker::NotCovered => "not-covered",
            Blocker::NoDecision => "no-decision",
        }
    }
}

/// One decision held against the offering.
#[derive(Clone, Debug)]
pub struct Fit {
    pub allocation: allocation::Model,
    /// The methods this decision may use for this offering (empty when it cannot).
    pub methods: Vec<Method>,
    /// Her own share of one unit at today's price.
    pub own_share_per_unit: Money,
    /// Whole units the available balance pays the purchaser's share of (rounded down).
    pub units_affordable: i64,
    pub blocker: Option<Blocker>,
}

/// Every decision of the client against one offering.
#[derive(Clone, Debug, Default)]
pub struct Coverage {
    pub fits: Vec<Fit>,
}

impl Coverage {
    /// The decisions an order may be paid from.
    pub fn usable(&self) -> impl Iterator<Item = &Fit> {
        self.fits.iter().filter(|f| f.blocker.is_none())
    }

    /// Why no decision can be used, when none can: the reason nearest to being fixed.
    pub fn blocker(&self) -> Option<Blocker> {
        if self.usable().next().is_some() {
            return None;
        }
        Some(
            self.fits
                .iter()
                .filter_map(|f| f.blocker)
                .min()
                .unwrap_or(Blocker::NoDecision),
        )
    }
}

/// Holds each of `allocations` against the offering on `today`.
pub fn of(
    allocations: &[allocation::Model],
    offering: &offering::Model,
    service: &service::Model,
    today: NaiveDate,
) -> AppResult<Coverage> {
    let fits = allocations
        .iter()
        .map(|a| fit(a, offering, service, today))
        .collect::<AppResult<_>>()?;
    Ok(Coverage { fits })
}

fn fit(
    allocation: &allocation::Model,
    offering: &offering::Model,
    service: &service::Model,
    today: NaiveDate,
) -> AppResult<Fit> {
    // Another purchaser's offering or a service the decision does not cover: no method.
    let methods: Vec<Method> = allowed_methods(allocation, offering, service)?.unwrap_or_default();
    let figures = quote::quote(allocation, offering, service)?;
    let blocker = if methods.is_empty() {
        Some(Blocker::NotCovered)
    } else if expiry::is_over(allocation, today) {
        Some(Blocker::Ended)
    } else if figures.units_affordable < 1 {
        Some(Blocker::BalanceTooLow)
    } else {
        None
    };
    Ok(Fit {
        allocation: allocation.clone(),
        methods,
        own_share_per_unit: figures.client_share_per_unit,
        units_affordable: figures.units_affordable.max(0),
        blocker,
    })
}
