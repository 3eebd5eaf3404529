//! Changing an offering's price from a day on, inside the caller's transaction: the new
//! version is stored (replacing one set for the same day), the offering shows it at once
//! when it starts today, and clients with open commitments are told by email.
use chrono::{NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, Set,
};
use serde_json::json;

use crate::{
    audit::{self, AuditEvent},
    auth::Actor,
    db::entities::{commitment, offering, offering_price},
    domain::{
        Money,
        catalogue::CommitmentStatus,
        ids::{ClientId, OfferingId, OfferingPriceId, UserId},
    },
    error::{AppError, AppResult},
    outbox::{self, Topic},
};

use super::history;

pub use crate::domain::price_change::PriceChange;

/// Parses the day a price change starts: today or later (422 naming `valid_from`).
pub fn parse_valid_from(raw: Option<&str>, today: NaiveDate) -> AppResult<NaiveDate> {
    let Some(raw) = raw.map(str::trim).filter(|r| !r.is_empty()) else {
        return Ok(today);
    };
    let day = NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .map_err(|_| AppError::invalid("valid_from", "must be a date like 2027-01-01"))?;
    if day < today {
        return Err(AppError::invalid(
            "valid_from",
            format!("must be today ({today}) or later: a price cannot change in the past"),
        ));
    }
    Ok(day)
}

/// Stores the change and returns the offering as it stands after it.
pub async fn apply(
    conn: &impl ConnectionTrait,
    current: offering::Model,
    change: PriceChange,
    today: NaiveDate,
    actor: &Actor,
) -> AppResult<offering::Model> {
    let before = history::of(conn, current.id).await?;
    let in_force_then = before.in_force(change.valid_from);
    let existing = offering_price::Entity::find()
        .filter(offering_price::Column::OfferingId.eq(current.id))
        .filter(offering_price::Column::ValidFrom.eq(change.valid_from))
        .one(conn)
        .await?;
    if existing.is_none() && in_force_then == Some(change.unit_price) {
        // The same price again (a form saved unchanged): no new version, nobody to tell.
        return Ok(current);
    }
    match existing {
        Some(row) => {
            let mut active = row.into_active_model();
            active.unit_price = Set(change.unit_price);
            active.created_by = Set(Some(actor.user_id));
            active.update(conn).await?;
        }
        None => {
            offering_price::ActiveModel {
                id: Set(OfferingPriceId::new()),
                offering_id: Set(current.id),
                unit_price: Set(change.unit_price),
                valid_from: Set(change.valid_from),
                created_by: Set(Some(actor.user_id)),
                created_at: Set(Utc::now()),
            }
            .insert(conn)
            .await?;
        }
    }
    audit::record(
        conn,
        Some(actor),
        None,
        AuditEvent {
            action: "price_changed",
            subject_type: "offering",
            subject_id: current.id.to_string(),
            client: None,
            detail: Some(json!({
                "unit_price": change.unit_price,
                "valid_from": change.valid_from,
                "previous": in_force_then,
            })),
        },
    )
    .await?;
    let now_in_force = history::of(conn, current.id).await?.in_force(today);
    let updated = match now_in_force.filter(|p| *p != current.unit_price) {
        Some(price) => {
            let mut active = current.clone().into_active_model();
            active.unit_price = Set(price);
            active.updated_at = Set(Utc::now());
            let updated = active.update(conn).await?;
            outbox::enqueue(conn, Topic::SearchOffering, updated.id).await?;
            updated
        }
        None => current,
    };
    if in_force_then != Some(change.unit_price) {
        tell_clients(conn, &updated, in_force_then, change).await?;
    }
    Ok(updated)
}

/// Every client with an open commitment on the offering (and their proxies).
async fn tell_clients(
    conn: &impl ConnectionTrait,
    offering: &offering::Model,
    previous: Option<Money>,
    change: PriceChange,
) -> AppResult<()> {
    let mut clients: Vec<ClientId> = commitment::Entity::find()
        .filter(commitment::Column::OfferingId.eq(offering.id))
        .filter(
            commitment::Column::Status
                .is_in([CommitmentStatus::Requested, CommitmentStatus::Accepted]),
        )
        .all(conn)
        .await?
        .into_iter()
        .map(|c| c.client_id)
        .collect();
    clients.sort_unstable();
    clients.dedup();
    if clients.is_empty() {
        return Ok(());
    }
    let provider = crate::notify::lookup::provider_name(conn, offering.provider_id).await?;
    for client in clients {
        crate::notify::client::price_changed(conn, client, offering, &provider, previous, change)
            .await?;
    }
    Ok(())
}

/// The first price of a new offering, in force from the day it is listed (and, as the
/// first, for any earlier delivery date too).
pub fn first_version(
    offering: OfferingId,
    unit_price: Money,
    listed_on: NaiveDate,
    by: Option<UserId>,
) -> offering_price::ActiveModel {
    offering_price::ActiveModel {
        id: Set(OfferingPriceId::new()),
        offering_id: Set(offering),
        unit_price: Set(unit_price),
        valid_from: Set(listed_on),
        created_by: Set(by),
        created_at: Set(Utc::now()),
    }
}
