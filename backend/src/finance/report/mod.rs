//! Purchaser finance reports as their readers get them: spend, open reservations and the
//! reconciliation report, in money and named rows. Finance staff of the purchaser only;
//! other purchasers' staff get 403.
pub mod reconciliation;
pub mod reservations;
pub mod spend;

use serde::Serialize;

use crate::{domain::Money, finance::spend::Sums};

/// A group's spend.
#[derive(Serialize, utoipa::ToSchema)]
pub struct SumsOut {
    pub deliveries: i64,
    /// Paid by the purchaser (from the clients' balances).
    pub purchaser_share: Money,
    /// Paid by the clients themselves (their own shares under a voucher).
    pub client_share: Money,
}

impl From<&Sums> for SumsOut {
    fn from(s: &Sums) -> Self {
        SumsOut {
            deliveries: s.deliveries,
            purchaser_share: Money::from_cents(s.purchaser_share_cents),
            client_share: Money::from_cents(s.client_share_cents),
        }
    }
}
