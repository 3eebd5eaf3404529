//! Splitting a VAT-inclusive amount. Prices in Valinta are what clients see, so they include
//! VAT; an invoice line's purchaser share is its gross amount, and the net is
//! `round_half_up(gross / (1 + rate), 2)`, the VAT the rest, so net + VAT = gross exactly.
use rust_decimal::{Decimal, RoundingStrategy};

use crate::domain::{Money, vat::VatRate};

/// (net, vat) of a gross amount, to the cent.
pub fn split(gross: Money, rate: VatRate) -> (Money, Money) {
    let (net, vat) = split_gross(gross.cents(), rate);
    (Money::from_cents(net), Money::from_cents(vat))
}

/// (net, vat) in cents for a gross amount in cents.
pub fn split_gross(gross_cents: i64, rate: VatRate) -> (i64, i64) {
    if rate.basis_points() == 0 {
        return (gross_cents, 0);
    }
    let divisor = Decimal::ONE + rate.percent() / Decimal::ONE_HUNDRED;
    let net = (Decimal::from(gross_cents) / divisor)
        .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
    let net: i64 = net.try_into().unwrap_or(gross_cents);
    (net, gross_cents - net)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_general_rate_splits_to_the_cent() {
        // 100.00 incl. 25.5 % = 79.68 net + 20.32 VAT.
        assert_eq!(
            split_gross(10_000, VatRate::from_basis_points(2550)),
            (7_968, 2_032)
        );
        assert_eq!(split_gross(6_000, VatRate::EXEMPT), (6_000, 0));
        assert_eq!(
            split_gross(-10_000, VatRate::from_basis_points(2550)),
            (-7_968, -2_032)
        );
    }

    proptest! {
        #[test]
        fn net_plus_vat_is_gross(gross in -10_000_000i64..10_000_000, points in 0i32..=10_000) {
            let (net, vat) = split_gross(gross, VatRate::from_basis_points(points));
            prop_assert_eq!(net + vat, gross);
            prop_assert!(net.abs() <= gross.abs());
        }
    }
}
