//! The rules every recorded delivery passes, as pure functions of the commitment and the
//! allocation as they stand: the voucher split, where the purchaser's share is drawn
//! from, and the refusals (not accepted, outside the period, the period and its grace
//! days over, older than the recording window, above the offering's price on its date or
//! the price cap, overdraw, a reused reference). Recording one delivery and recording a
//! file of them both decide here, so the rules live once.
use chrono::{NaiveDate, Utc};
use sea_orm::Set;
use sha2::{Digest, Sha256};

use crate::{
    auth::Actor,
    db::entities::{allocation, commitment, delivery, service},
    domain::{
        Money, Quantity,
        catalogue::{CommitmentStatus, DeliveryStatus, Method, check_price_cap},
        ids::{CommitmentId, DeliveryId, ProviderId},
        recording::RecordingDays,
    },
    error::{AppError, AppResult},
    prices::PriceHistory,
};

use super::{EntryKind, Movement};

/// How a line total splits between the purchaser and the client.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Split {
    pub total: Money,
    pub purchaser_share: Money,
    pub client_share: Money,
}

/// With a voucher the purchaser pays at most the voucher value per unit; the rest is
/// the client's own share. Other methods: the purchaser pays the whole line.
pub fn split(
    quantity: Quantity,
    unit_price: Money,
    method: Method,
    voucher_value: Option<Money>,
) -> Split {
    let total = Money::line_total(quantity, unit_price);
    let purchaser_share = match (method, voucher_value) {
        (Method::Voucher, Some(value)) => total.min(Money::line_total(quantity, value)),
        _ => total,
    };
    Split {
        total,
        purchaser_share,
        client_share: total - purchaser_share,
    }
}

/// Where the purchaser's share of a delivery is taken from: the commitment's
/// reservation first, the allocation's available money for the rest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Draw {
    pub from_reserved: Money,
    pub from_available: Money,
}

pub fn draw(purchaser_share: Money, reserved: Money) -> Draw {
    let from_reserved = purchaser_share.min(reserved);
    Draw {
        from_reserved,
        from_available: purchaser_share - from_reserved,
    }
}

/// The voucher value per unit: the decision's own, else the catalogue's.
pub fn voucher_value_of(allocation: &allocation::Model, service: &service::Model) -> Option<Money> {
    allocation.voucher_value.or(service.voucher_value)
}

/// What the rules decided for a delivery that may be recorded.
#[derive(Clone, Copy, Debug)]
pub struct Decision {
    pub split: Split,
    pub draw: Draw,
}

/// What a delivery is decided against besides the commitment, the allocation and the
/// catalogue entry: the Finnish day, the purchaser's recording window, late recording
/// opened on the commitment (its last day), and the offering's prices.
pub struct Circumstances<'a> {
    pub today: NaiveDate,
    pub recording_days: RecordingDays,
    pub late_until: Option<NaiveDate>,
    pub prices: &'a PriceHistory,
}

/// Deliveries are recorded once they have happened, in Finnish days.
pub fn check_not_future(date: NaiveDate, today: NaiveDate) -> AppResult<()> {
    if date > today {
        return Err(AppError::invalid(
            "date",
            "is in the future; record deliveries once they have happened",
        ));
    }
    Ok(())
}

/// Decides a new delivery against the commitment and allocation as they stand now.
pub fn decide(
    commitment: &commitment::Model,
    allocation: &allocation::Model,
    service: &service::Model,
    new: &NewDelivery,
    now: &Circumstances<'_>,
) -> AppResult<Decision> {
    check_not_future(new.date, now.today)?;
    if commitment.status != CommitmentStatus::Accepted {
        return Err(AppError::conflict(
            "wrong_status",
            format!(
                "deliveries can be recorded only on an accepted commitment; this one is {}",
                commitment.status
            ),
        ));
    }
    if new.date < allocation.valid_from || new.date > allocation.valid_to {
        return Err(AppError::invalid(
            "date",
            format!(
                "is outside the allocation's period {} to {}",
                allocation.valid_from, allocation.valid_to
            ),
        ));
    }
    super::expiry::check_open(allocation, now.today)?;
    now.recording_days
        .admits(new.date, now.today, now.late_until)
        .map_err(|e| AppError::invalid("date", e).with_code("late_delivery"))?;
    // The catalogue's cap first: above it, no offering price could make the row right.
    let cap = service.price_cap;
    check_price_cap(new.unit_price, cap).map_err(|e| AppError::invalid("unit_price", e))?;
    if let Some(price) = now.prices.in_force(new.date)
        && new.unit_price > price
    {
        return Err(AppError::invalid(
            "unit_price",
            format!(
                "is above the offering's price {price} in force on {}",
                new.date
            ),
        )
        .with_code("above_offering_price"));
    }
    let method = commitment.method;
    let split = split(
        new.quantity,
        new.unit_price,
        method,
        voucher_value_of(allocation, service),
    );
    let reserved = commitment.reserved;
    let draw = draw(split.purchaser_share, reserved);
    let available = allocation.available;
    if draw.from_available > available {
        let message = format!(
            "the purchaser's share {} exceeds what remains: reserved {reserved} and available {available}",
            split.purchaser_share
        );
        return Err(AppError::conflict("overdraw", message.clone()).with_field("quantity", message));
    }
    Ok(Decision { split, draw })
}

/// A resend under a used reference is the same delivery only with the same content.
pub fn check_repeat(existing: &delivery::Model, new: &NewDelivery) -> AppResult<()> {
    if existing.fingerprint != new.fingerprint() {
        return Err(AppError::conflict(
            "idempotency_conflict",
            "this reference was already used for a different delivery",
        )
        .with_field("reference", "was already used for a different delivery"));
    }
    Ok(())
}

/// The delivery row a decided delivery is stored as.
pub fn delivery_row(
    id: DeliveryId,
    provider: ProviderId,
    new: &NewDelivery,
    allocation: &allocation::Model,
    decision: &Decision,
    actor: &Actor,
) -> delivery::ActiveModel {
    delivery::ActiveModel {
        id: Set(id),
        commitment_id: Set(new.commitment),
        allocation_id: Set(allocation.id),
        provider_id: Set(provider),
        client_id: Set(allocation.client_id),
        date: Set(new.date),
        quantity: Set(new.quantity),
        unit_price: Set(new.unit_price),
        total: Set(decision.split.total),
        purchaser_share: Set(decision.split.purchaser_share),
        client_share: Set(decision.split.client_share),
        from_reserved: Set(decision.draw.from_reserved),
        reference: Set(new.reference.clone()),
        fingerprint: Set(new.fingerprint()),
        status: Set(DeliveryStatus::Recorded),
        invoice_id: Set(None),
        recorded_by: Set(actor.user_id),
        created_at: Set(Utc::now()),
        void_reason: Set(None),
        voided_by: Set(None),
        voided_at: Set(None),
        corrects: Set(None),
    }
}

/// The ledger movement of a decided delivery: reserved and available → spent.
pub fn spend(new: &NewDelivery, id: DeliveryId, decision: &Decision) -> Movement {
    Movement {
        kind: EntryKind::Spend,
        available: -decision.draw.from_available,
        reserved: -decision.draw.from_reserved,
        spent: decision.split.purchaser_share,
        expired: Money::ZERO,
        commitment: Some(new.commitment),
        delivery: Some(id),
    }
}

/// A delivery as the provider records it, parsed.
pub struct NewDelivery {
    pub commitment: CommitmentId,
    pub date: NaiveDate,
    pub quantity: Quantity,
    pub unit_price: Money,
    pub reference: String,
}

impl NewDelivery {
    /// What makes a resend "the same delivery": everything but the reference itself.
    pub fn fingerprint(&self) -> String {
        let text = format!(
            "{}|{}|{}|{}",
            self.commitment,
            self.date,
            self.quantity.milli(),
            self.unit_price.cents()
        );
        Sha256::digest(text.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Quantity {
        Quantity::parse(text).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn voucher_pays_at_most_the_voucher_value_per_unit() {
        let s = split(
            q("2"),
            Money::from_cents(5000),
            Method::Voucher,
            Some(Money::from_cents(4200)),
        );
        assert_eq!(
            (
                s.total.cents(),
                s.purchaser_share.cents(),
                s.client_share.cents()
            ),
            (10000, 8400, 1600)
        );
        let cheap = split(
            q("2"),
            Money::from_cents(3000),
            Method::Voucher,
            Some(Money::from_cents(4200)),
        );
        assert_eq!(
            (cheap.purchaser_share.cents(), cheap.client_share.cents()),
            (6000, 0)
        );
        let direct = split(
            q("1.5"),
            Money::from_cents(5000),
            Method::DirectInvoice,
            Some(Money::from_cents(100)),
        );
        assert_eq!(
            (direct.purchaser_share.cents(), direct.client_share.cents()),
            (7500, 0)
        );
    }
}
