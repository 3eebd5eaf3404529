//! The figures of one invoice row, the same in the Finvoice, both CSV files and the invoice
//! page, so that every row adds up however it is read:
//!
//! - VAT included: `quantity × unit price − client's own share = row amount` (the
//!   purchaser's share), as the ledger split the delivery.
//! - VAT excluded, as Finvoice reads a row: `round(quantity × VAT-excluded unit price) −
//!   row discount = row VAT-excluded amount`, the discount being the client's own share
//!   without VAT; and `VAT-excluded amount + VAT = row amount`.
//!
//! Prices include VAT, so the VAT-excluded unit price is derived: `unit price / (1 + rate)`
//! to five decimals (Finvoice allows five), or, where that would not reproduce the row's
//! rounded VAT-excluded total, that total divided by the quantity. The stored net and VAT
//! (`vat::split_gross` of the purchaser's share) are never recomputed. On a credit note the
//! quantity and every amount are negative; unit prices stay positive.
use rust_decimal::{Decimal, RoundingStrategy};

use crate::{
    db::entities::invoice_line,
    domain::{Money, vat::VatRate},
};

use super::{run::InvoiceKind, vat::split};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowFigures {
    /// Negative on a credit note.
    pub quantity: Decimal,
    /// What the provider charges for one unit, VAT included (as clients see prices).
    pub unit_price: Money,
    /// The unit price without VAT, at most five decimals.
    pub unit_price_vat_excluded: Decimal,
    /// `quantity × unit_price`, VAT included.
    pub line_total: Money,
    /// The client's own share, VAT included: `line_total − gross`.
    pub client_share: Money,
    /// `round(quantity × unit_price_vat_excluded, 2)`.
    pub line_total_vat_excluded: Money,
    /// The client's own share without VAT: Finvoice's row discount.
    pub client_share_vat_excluded: Money,
    pub vat_rate: VatRate,
    /// The purchaser's share: without VAT, its VAT, and with VAT (the row amount).
    pub net: Money,
    pub vat: Money,
    pub gross: Money,
}

fn cents(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

fn money(value: Decimal) -> Money {
    Money::from_cents(i64::try_from(cents(value) * Decimal::ONE_HUNDRED).unwrap_or(0))
}

/// The VAT-excluded unit price whose row total is `net_total` (see the module doc).
fn unit_price_vat_excluded(
    quantity: Decimal,
    unit_price: Money,
    rate: VatRate,
    net_total: Money,
) -> Decimal {
    if rate == VatRate::EXEMPT {
        return unit_price.decimal();
    }
    let five = |d: Decimal| d.round_dp_with_strategy(5, RoundingStrategy::MidpointAwayFromZero);
    let divisor = Decimal::ONE + rate.percent() / Decimal::ONE_HUNDRED;
    let plain = five(unit_price.decimal() / divisor);
    if quantity.is_zero() || cents(quantity * plain) == net_total.decimal() {
        plain
    } else {
        five(net_total.decimal() / quantity)
    }
}

/// `d` with at least two decimals and no trailing zeros past them: `35.85657`, `45.00`.
pub fn at_least_cents(d: Decimal) -> Decimal {
    let mut n = d.normalize();
    if n.scale() < 2 {
        n.rescale(2);
    }
    n
}

impl RowFigures {
    pub fn of(line: &invoice_line::Model) -> RowFigures {
        let sign = if line.kind == InvoiceKind::CreditNote {
            -1
        } else {
            1
        };
        let quantity = line.quantity;
        let unit_price = line.unit_price;
        let rate = VatRate::from_basis_points(line.vat_basis_points);
        // Everything as on the invoice of the delivery (positive), signed at the end.
        let total = Money::line_total(quantity, unit_price);
        let signed = |m: Money| if sign < 0 { -m } else { m };
        let gross = signed(line.gross);
        let net = signed(line.net);
        let net_total = split(total, rate).0;
        let q = quantity.decimal();
        let unit_net = unit_price_vat_excluded(q, unit_price, rate, net_total);
        let total_net = money(q * unit_net);
        RowFigures {
            quantity: Decimal::from(sign) * q,
            unit_price,
            unit_price_vat_excluded: at_least_cents(unit_net),
            line_total: signed(total),
            client_share: signed(total - gross),
            line_total_vat_excluded: signed(total_net),
            client_share_vat_excluded: signed(total_net - net),
            vat_rate: rate,
            net: signed(net),
            vat: line.vat,
            gross: line.gross,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{
        Quantity,
        ids::{CommitmentId, DeliveryId, InvoiceId, InvoiceLineId, ServiceId},
    };
    use proptest::prelude::*;

    fn line(
        kind: InvoiceKind,
        quantity_milli: i64,
        unit_price_cents: i64,
        share_cents: i64,
        points: i32,
    ) -> invoice_line::Model {
        let sign = if kind == InvoiceKind::CreditNote {
            -1
        } else {
            1
        };
        let (net, vat) = split(
            Money::from_cents(sign * share_cents),
            VatRate::from_basis_points(points),
        );
        invoice_line::Model {
            id: InvoiceLineId(uuid::Uuid::nil()),
            invoice_id: InvoiceId(uuid::Uuid::nil()),
            delivery_id: DeliveryId(uuid::Uuid::nil()),
            kind,
            commitment_id: CommitmentId(uuid::Uuid::nil()),
            service_id: ServiceId(uuid::Uuid::nil()),
            client_pseudonym: "A-1".into(),
            delivery_date: chrono::NaiveDate::default(),
            quantity: Quantity::from_milli(quantity_milli),
            unit_price: Money::from_cents(unit_price_cents),
            vat_basis_points: points,
            net,
            vat,
            gross: Money::from_cents(sign * share_cents),
        }
    }

    fn d(text: &str) -> Decimal {
        text.parse().unwrap_or_default()
    }

    #[test]
    fn a_voucher_row_shows_the_clients_share_as_its_discount() {
        // 2 h at 45.00 with a voucher of 32.00 an hour: the purchaser pays 64.00.
        let r = RowFigures::of(&line(InvoiceKind::Invoice, 2_000, 4_500, 6_400, 0));
        assert_eq!(r.line_total, Money::from_cents(9_000));
        assert_eq!(r.client_share, Money::from_cents(2_600));
        assert_eq!(r.client_share_vat_excluded, Money::from_cents(2_600));
        assert_eq!(r.unit_price_vat_excluded, d("45.00"));
        assert_eq!(r.gross, Money::from_cents(6_400));
        assert_eq!(r.vat, Money::ZERO);
    }

    #[test]
    fn the_general_rate_row_adds_up_without_vat() {
        let r = RowFigures::of(&line(InvoiceKind::Invoice, 2_000, 4_500, 6_400, 2550));
        assert_eq!(r.unit_price_vat_excluded, d("35.85657"));
        assert_eq!(r.line_total_vat_excluded, Money::from_cents(7_171));
        // 64.00 incl. 25.5 %: 51.00 + 13.00; the client's 26.00 is 20.71 without VAT.
        assert_eq!(r.net, Money::from_cents(5_100));
        assert_eq!(r.client_share_vat_excluded, Money::from_cents(2_071));
    }

    #[test]
    fn a_credit_row_is_negative_but_its_prices_are_not() {
        let r = RowFigures::of(&line(InvoiceKind::CreditNote, 2_000, 4_500, 6_400, 0));
        assert_eq!(r.quantity, d("-2"));
        assert_eq!(r.unit_price, Money::from_cents(4_500));
        assert_eq!(r.gross, Money::from_cents(-6_400));
        assert_eq!(r.client_share, Money::from_cents(-2_600));
        assert_eq!(r.client_share_vat_excluded, Money::from_cents(-2_600));
    }

    proptest! {
        #[test]
        fn every_row_adds_up(
            quantity_milli in 1i64..999_999,
            unit_price_cents in 1i64..50_000,
            voucher_cents in 0i64..60_000,
            points in prop::sample::select(vec![0, 1000, 1400, 2400, 2550]),
            credit in any::<bool>(),
        ) {
            let q = Quantity::from_milli(quantity_milli);
            let total = Money::line_total(q, Money::from_cents(unit_price_cents));
            let share = total.min(Money::line_total(q, Money::from_cents(voucher_cents)));
            let kind = if credit { InvoiceKind::CreditNote } else { InvoiceKind::Invoice };
            let r = RowFigures::of(&line(kind, quantity_milli, unit_price_cents, share.cents(), points));
            // VAT included: quantity × unit price − client's share = row amount.
            prop_assert_eq!(money(r.quantity * r.unit_price.decimal()) - r.client_share, r.gross);
            // VAT excluded, as Finvoice reads it.
            prop_assert_eq!(money(r.quantity * r.unit_price_vat_excluded) - r.client_share_vat_excluded, r.net);
            prop_assert_eq!(r.net + r.vat, r.gross);
            prop_assert!(r.unit_price_vat_excluded >= Decimal::ZERO);
            prop_assert!(r.unit_price_vat_excluded.scale() <= 5);
            // No client share, no discount; and a discount never exceeds the share.
            let sign = if credit { -1 } else { 1 };
            if r.client_share.is_zero() {
                prop_assert_eq!(r.client_share_vat_excluded, Money::ZERO);
            }
            prop_assert!(sign * r.client_share_vat_excluded.cents() >= 0);
            prop_assert!(sign * r.client_share_vat_excluded.cents() <= sign * r.client_share.cents());
        }
    }
}
