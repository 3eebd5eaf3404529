//! Disputes: a client (or proxy) may dispute a delivery within 14 days of the later of its
//! date and the day it was recorded, so a delivery recorded late can still be disputed
//! once the client can see it. The provider may give its account before the decision. A
//! case worker of the purchaser upholds it (the delivery is reversed), upholds it in part
//! (a corrected quantity: the delivery is replaced by a corrected one, so only the
//! difference comes back), or rejects it.
use chrono::{NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};
use serde_json::json;

use crate::{
    audit::{self, AuditEvent},
    auth::{ActingFor, Actor},
    db::{
        Db, WriteTx,
        entities::{delivery, dispute},
    },
    domain::{
        Money, Quantity,
        catalogue::{DeliveryStatus, DisputeStatus},
        dispute_window,
        ids::{DeliveryId, DisputeId, ProviderId},
    },
    error::{AppError, AppResult},
};

use super::{
    apply, commitments,
    deliveries::{NewDelivery, reverse_in, service_of},
    delivery_rules::{Decision, delivery_row, draw, spend, split, voucher_value_of},
    lock_allocation,
};

pub use crate::domain::dispute_window::DAYS as DISPUTE_WINDOW_DAYS;

/// The last day the delivery may be disputed.
pub fn last_day(delivery: &delivery::Model) -> NaiveDate {
    dispute_window::last_day(delivery.date, delivery.created_at)
}

/// Whether the delivery may still be disputed today.
pub fn within_window(delivery: &delivery::Model, today: NaiveDate) -> bool {
    today <= last_day(delivery)
}

pub async fn open(
    db: &Db,
    delivery: &delivery::Model,
    reason: String,
    today: NaiveDate,
    actor: &Actor,
) -> AppResult<dispute::Model> {
    if delivery.status != DeliveryStatus::Recorded {
        return Err(AppError::conflict(
            "wrong_status",
            format!("the delivery is {}", delivery.status),
        ));
    }
    if !within_window(delivery, today) {
        return Err(AppError::conflict(
            "dispute_window_closed",
            format!(
                "a delivery can be disputed within {DISPUTE_WINDOW_DAYS} days of its date or of \
                 the day it was recorded, whichever is later; for this one the last day was {}",
                last_day(delivery)
            ),
        ));
    }
    let tx = db.begin_write().await?;
    let existing = dispute::Entity::find()
        .filter(dispute::Column::DeliveryId.eq(delivery.id))
        .filter(dispute::Column::Status.eq(DisputeStatus::Open))
        .one(&*tx)
        .await?;
    if existing.is_some() {
        return Err(AppError::conflict(
            "dispute_open",
            "this delivery already has an open dispute",
        ));
    }
    let model = dispute::ActiveModel {
        id: Set(DisputeId::new()),
        delivery_id: Set(delivery.id),
        client_id: Set(delivery.client_id),
        raised_by: Set(actor.user_id),
        reason: Set(reason),
        status: Set(DisputeStatus::Open),
        decided_by: Set(None),
        decision_reason: Set(None),
        created_at: Set(Utc::now()),
        decided_at: Set(None),
        provider_account: Set(None),
        provider_account_by: Set(None),
        provider_account_at: Set(None),
        corrected_quantity: Set(None),
    }
    .insert(&*tx)
    .await?;
    let client = db.client_pseudonym(delivery.client_id.into())?;
    crate::notify::provider::dispute_opened(&*tx, &client, &model, delivery).await?;
    tx.commit().await?;
    Ok(model)
}

/// The provider's account of the matter, while the dispute is open; a second one replaces
/// the first (both are in the audit log).
pub async fn add_provider_account(
    db: &Db,
    id: DisputeId,
    provider: ProviderId,
    text: String,
    actor: &Actor,
) -> AppResult<dispute::Model> {
    let tx = db.begin_write().await?;
    let current = open_dispute(&tx, id).await?;
    let delivery = delivery::Entity::find_by_id(current.delivery_id)
        .one(&*tx)
        .await?
        .ok_or_else(|| AppError::internal("dispute without delivery"))?;
    if delivery.provider_id != provider {
        return Err(AppError::not_found("dispute"));
    }
    let client = current.client_id;
    let mut active = current.into_active_model();
    active.provider_account = Set(Some(text.clone()));
    active.provider_account_by = Set(Some(actor.user_id));
    active.provider_account_at = Set(Some(Utc::now()));
    let updated = active.update(&*tx).await?;
    audit::record(
        &*tx,
        Some(actor),
        None,
        AuditEvent {
            action: "dispute_provider_account",
            subject_type: "dispute",
            subject_id: updated.id.to_string(),
            client: Some(client),
            detail: Some(json!({ "text": text })),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(updated)
}

/// What the case worker decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The client was right: the whole delivery is reversed.
    Upheld,
    /// Only this quantity was delivered: the difference is reversed.
    UpheldInPart(Quantity),
    Rejected,
}

/// Decides an open dispute; upholding reverses the delivery (or the difference) in the same
/// transaction.
pub async fn decide(
    db: &Db,
    id: DisputeId,
    outcome: Outcome,
    reason: Option<String>,
    actor: &Actor,
) -> AppResult<dispute::Model> {
    let tx = db.begin_write().await?;
    let current = open_dispute(&tx, id).await?;
    let delivery_id = current.delivery_id;
    let status = match outcome {
        Outcome::Upheld => {
            reverse_in(
                db,
                &tx,
                delivery_id,
                DeliveryStatus::Reversed,
                actor,
                case_worker(),
            )
            .await?;
            DisputeStatus::Upheld
        }
        Outcome::UpheldInPart(quantity) => {
            correct(db, &tx, delivery_id, quantity, actor).await?;
            DisputeStatus::PartlyUpheld
        }
        Outcome::Rejected => DisputeStatus::Rejected,
    };
    let mut active = current.into_active_model();
    active.status = Set(status);
    active.decided_by = Set(Some(actor.user_id));
    active.decision_reason = Set(reason);
    active.decided_at = Set(Some(Utc::now()));
    if let Outcome::UpheldInPart(quantity) = outcome {
        active.corrected_quantity = Set(Some(quantity));
    }
    let updated = active.update(&*tx).await?;
    if let Some(delivery) = delivery::Entity::find_by_id(updated.delivery_id)
        .one(&*tx)
        .await?
    {
        crate::notify::client::dispute_decided(&*tx, &updated, &delivery).await?;
    }
    tx.commit().await?;
    Ok(updated)
}

fn case_worker() -> Option<ActingFor> {
    Some(ActingFor::CaseWorker)
}

async fn open_dispute(tx: &WriteTx, id: DisputeId) -> AppResult<dispute::Model> {
    let current = dispute::Entity::find_by_id(uuid::Uuid::from(id))
        .one(&**tx)
        .await?
        .ok_or_else(|| AppError::not_found("dispute"))?;
    if current.status != DisputeStatus::Open {
        return Err(AppError::conflict(
            "wrong_status",
            format!("the dispute is already {}", current.status),
        ));
    }
    Ok(current)
}

/// A partial uphold: the delivery is reversed and a corrected one, of the quantity found
/// delivered at the same date and unit price, is recorded in its place. The two movements
/// together give back the difference only; settlement credits the first (if invoiced) and
/// invoices the second like any delivery.
async fn correct(
    db: &Db,
    tx: &WriteTx,
    id: DeliveryId,
    quantity: Quantity,
    actor: &Actor,
) -> AppResult<delivery::Model> {
    let original = delivery::Entity::find_by_id(uuid::Uuid::from(id))
        .one(&**tx)
        .await?
        .ok_or_else(|| AppError::not_found("delivery"))?;
    if quantity >= original.quantity {
        return Err(AppError::invalid(
            "quantity",
            format!(
                "must be less than the recorded quantity {}; to reject the dispute, uphold false",
                original.quantity
            ),
        ));
    }
    reverse_in(db, tx, id, DeliveryStatus::Reversed, actor, case_worker()).await?;
    let allocation = lock_allocation(db, tx, original.allocation_id).await?;
    let commitment = commitments::load(tx, original.commitment_id).await?;
    // The catalogue's voucher value as it was on the delivery's date.
    let service =
        crate::catalogue::terms::as_of(&**tx, service_of(&**tx, &commitment).await?, original.date)
            .await?;
    let method = commitment.method;
    let new = NewDelivery {
        commitment: commitment.id,
        date: original.date,
        quantity,
        unit_price: original.unit_price,
        reference: format!("{}/korjattu", original.reference),
    };
    let split = split(
        quantity,
        new.unit_price,
        method,
        voucher_value_of(&allocation, &service),
    );
    let open = commitment.status == crate::domain::catalogue::CommitmentStatus::Accepted;
    let reserved = if open {
        commitment.reserved
    } else {
        Money::ZERO
    };
    let decision = Decision {
        split,
        draw: draw(split.purchaser_share, reserved),
    };
    let corrected_id = DeliveryId::new_time_ordered();
    let mut row = delivery_row(
        corrected_id,
        original.provider_id,
        &new,
        &allocation,
        &decision,
        actor,
    );
    row.corrects = Set(Some(original.id));
    let corrected = row.insert(&**tx).await?;
    if !decision.draw.from_reserved.is_zero() {
        let left = commitment.reserved - decision.draw.from_reserved;
        let mut active = commitment.into_active_model();
        active.reserved = Set(left);
        active.updated_at = Set(Utc::now());
        active.update(&**tx).await?;
    }
    apply(
        &**tx,
        allocation,
        spend(&new, corrected_id, &decision),
        actor,
        case_worker(),
    )
    .await?;
    Ok(corrected)
}
