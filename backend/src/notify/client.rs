//! What a client, and every proxy acting for them, are told: decisions, answers to their
//! requests, each delivery with the new balance, and what became of a dispute.
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use valinta_emails::{
    AllocationExpired, AllocationGranted, AllocationKind, CommitmentAccepted, CommitmentDeclined,
    DeliveryRecorded, DisputeDecided, Notification, PartlyUpheld, PriceChanged,
};

use crate::{
    db::entities::{allocation, commitment, delivery, dispute, offering},
    domain::{
        Money,
        catalogue::{DisputeStatus, FundingKind},
        dispute_window,
        ids::{AllocationId, ClientId, CommitmentId, DeliveryId, ProviderId},
        price_change::PriceChange,
    },
    error::AppResult,
};

use super::{
    lookup::{self, euros, quantity, text_in},
    queue,
    recipients::{self, Addressee},
};

/// Tells the client and every proxy acting for them.
async fn each<F>(conn: &impl ConnectionTrait, client: ClientId, build: F) -> AppResult<()>
where
    F: FnMut(&Addressee) -> Notification,
{
    let to = recipients::client_side(conn, client).await?;
    queue::send_each(conn, &to, build).await
}

pub async fn allocation_granted(
    conn: &impl ConnectionTrait,
    allocation: &allocation::Model,
) -> AppResult<()> {
    let purchaser = lookup::purchaser(conn, allocation.purchaser_id).await?;
    // The email crate has its own word for what was granted.
    let kind = match allocation.kind {
        FundingKind::Voucher => AllocationKind::Voucher,
        FundingKind::PersonalBudget => AllocationKind::PersonalBudget,
    };
    each(conn, allocation.client_id, |to| {
        Notification::AllocationGranted(AllocationGranted {
            on_behalf_of: to.on_behalf_of.clone(),
            purchaser: purchaser.name.clone(),
            kind,
            granted: euros(allocation.granted),
            valid_from: allocation.valid_from,
            valid_to: allocation.valid_to,
            link: "/my".into(),
        })
    })
    .await
}

/// The provider answered a request: accepted or declined.
pub async fn commitment_answered(
    conn: &impl ConnectionTrait,
    commitment: &commitment::Model,
    accepted: bool,
) -> AppResult<()> {
    let offering = lookup::offering(conn, commitment.offering_id).await?;
    let provider = lookup::provider_name(conn, commitment.provider_id).await?;
    each(conn, commitment.client_id, |to| {
        let offering = text_in(&offering.title, to.lang);
        let link = "/my".to_owned();
        if accepted {
            Notification::CommitmentAccepted(CommitmentAccepted {
                on_behalf_of: to.on_behalf_of.clone(),
                offering,
                provider: provider.clone(),
                link,
            })
        } else {
            Notification::CommitmentDeclined(CommitmentDeclined {
                on_behalf_of: to.on_behalf_of.clone(),
                offering,
                provider: provider.clone(),
                link,
            })
        }
    })
    .await
}

/// Who is told of a delivery on a client's commitment, and the provider's name they are
/// told: read before the recording's transaction, which then only queues the emails.
pub struct DeliveryAudience {
    to: Vec<Addressee>,
    provider: String,
}

pub async fn delivery_audience(
    conn: &impl ConnectionTrait,
    client: ClientId,
    provider: ProviderId,
) -> AppResult<DeliveryAudience> {
    Ok(DeliveryAudience {
        to: recipients::client_side(conn, client).await?,
        provider: lookup::provider_name(conn, provider).await?,
    })
}

/// A new delivery with the balance it left. The recording already holds the commitment's
/// offering and its catalogue unit ("hour"), so they are passed rather than read again.
pub async fn delivery_recorded(
    conn: &impl ConnectionTrait,
    audience: &DeliveryAudience,
    delivery: &delivery::Model,
    allocation: &allocation::Model,
    offering: &offering::Model,
    unit: &str,
) -> AppResult<()> {
    let provider = &audience.provider;
    queue::send_each(conn, &audience.to, |to| {
        Notification::DeliveryRecorded(DeliveryRecorded {
            on_behalf_of: to.on_behalf_of.clone(),
            offering: text_in(&offering.title, to.lang),
            provider: provider.clone(),
            date: delivery.date,
            quantity: quantity(delivery.quantity),
            unit: unit.to_owned(),
            total: euros(delivery.total),
            purchaser_share: euros(delivery.purchaser_share),
            client_share: euros(delivery.client_share),
            available: euros(allocation.available),
            dispute_until: dispute_window::last_day(delivery.date, delivery.created_at),
            link: "/my".into(),
        })
    })
    .await
}

pub async fn dispute_decided(
    conn: &impl ConnectionTrait,
    dispute: &dispute::Model,
    delivery: &delivery::Model,
) -> AppResult<()> {
    let offering = lookup::offering_of_commitment(conn, delivery.commitment_id).await?;
    let upheld = dispute.status != DisputeStatus::Rejected;
    let partly = match dispute.corrected_quantity {
        Some(found) => {
            // The delivery recorded in place of the disputed one, for a partial uphold.
            let corrected = delivery::Entity::find()
                .filter(delivery::Column::Corrects.eq(delivery.id))
                .one(conn)
                .await?;
            let returned =
                delivery.purchaser_share - corrected.map_or(Money::ZERO, |c| c.purchaser_share);
            Some(PartlyUpheld {
                recorded: quantity(delivery.quantity).to_string(),
                found: quantity(found).to_string(),
                returned: euros(returned),
            })
        }
        None => None,
    };
    each(conn, delivery.client_id, |to| {
        Notification::DisputeDecided(DisputeDecided {
            on_behalf_of: to.on_behalf_of.clone(),
            offering: text_in(&offering.title, to.lang),
            delivery_date: delivery.date,
            amount: euros(delivery.total),
            upheld,
            note: dispute.decision_reason.clone(),
            partly: partly.clone(),
            link: "/my".into(),
        })
    })
    .await
}

/// A price change on an offering the client has an open commitment on.
pub async fn price_changed(
    conn: &impl ConnectionTrait,
    client: ClientId,
    offering: &offering::Model,
    provider: &str,
    previous: Option<Money>,
    change: PriceChange,
) -> AppResult<()> {
    each(conn, client, |to| {
        Notification::PriceChanged(PriceChanged {
            on_behalf_of: to.on_behalf_of.clone(),
            offering: text_in(&offering.title, to.lang),
            provider: provider.to_owned(),
            old_price: previous.map(euros),
            new_price: euros(change.unit_price),
            valid_from: change.valid_from,
            link: format!("/offerings/{}", offering.id),
        })
    })
    .await
}

/// The allocation's time is over and what was not used expired.
pub async fn allocation_expired(
    conn: &impl ConnectionTrait,
    allocation: &allocation::Model,
    expired: Money,
) -> AppResult<()> {
    each(conn, allocation.client_id, |to| {
        Notification::AllocationExpired(AllocationExpired {
            on_behalf_of: to.on_behalf_of.clone(),
            valid_to: allocation.valid_to,
            expired: euros(expired),
            link: "/my".into(),
        })
    })
    .await
}

/// The emails for many deliveries recorded at once (a CSV upload): the same message per
/// delivery as [`delivery_recorded`], with the balance as it stands after the whole file,
/// and the names each needs read once rather than once per row.
pub async fn deliveries_recorded(conn: &impl ConnectionTrait, ids: &[DeliveryId]) -> AppResult<()> {
    use std::collections::{HashMap, hash_map::Entry};

    use sea_orm::{ColumnTrait, QueryFilter};

    let mut offerings: HashMap<CommitmentId, (serde_json::Value, String)> = HashMap::new();
    let mut people: HashMap<ClientId, Vec<Addressee>> = HashMap::new();
    let mut balances: HashMap<AllocationId, Money> = HashMap::new();
    let mut providers: HashMap<ProviderId, String> = HashMap::new();
    let mut batch = queue::Batch::default();
    for chunk in ids.chunks(500) {
        let deliveries = delivery::Entity::find()
            .filter(delivery::Column::Id.is_in(chunk.iter().copied()))
            .all(conn)
            .await?;
        for d in deliveries {
            if let Entry::Vacant(slot) = offerings.entry(d.commitment_id) {
                let (offering, unit) = lookup::bought(conn, d.commitment_id).await?;
                slot.insert((offering.title, unit));
            }
            if let Entry::Vacant(slot) = people.entry(d.client_id) {
                slot.insert(recipients::client_side(conn, d.client_id).await?);
            }
            if let Entry::Vacant(slot) = balances.entry(d.allocation_id) {
                let available = allocation::Entity::find_by_id(d.allocation_id)
                    .one(conn)
                    .await?
                    .map_or(Money::ZERO, |a| a.available);
                slot.insert(available);
            }
            if let Entry::Vacant(slot) = providers.entry(d.provider_id) {
                slot.insert(lookup::provider_name(conn, d.provider_id).await?);
            }
            let (title, unit) = &offerings[&d.commitment_id];
            for to in &people[&d.client_id] {
                let message = Notification::DeliveryRecorded(DeliveryRecorded {
                    on_behalf_of: to.on_behalf_of.clone(),
                    offering: text_in(title, to.lang),
                    provider: providers[&d.provider_id].clone(),
                    date: d.date,
                    quantity: quantity(d.quantity),
                    unit: unit.clone(),
                    total: euros(d.total),
                    purchaser_share: euros(d.purchaser_share),
                    client_share: euros(d.client_share),
                    available: euros(balances[&d.allocation_id]),
                    dispute_until: dispute_window::last_day(d.date, d.created_at),
                    link: "/my".into(),
                });
                batch.add(conn, to, message).await?;
            }
        }
    }
    batch.flush(conn).await
}
