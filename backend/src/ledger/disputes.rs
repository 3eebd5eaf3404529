//! Disputes: a client (or proxy) may dispute a delivery within 14 days of its date; a case
//! worker of the purchaser upholds it (the delivery is reversed) or rejects it.
use chrono::{NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};

use crate::{
    auth::{ActingFor, Actor},
    db::{
        Db,
        entities::{delivery, dispute},
    },
    domain::{
        catalogue::{DeliveryStatus, DisputeStatus},
        ids::{DeliveryId, DisputeId},
    },
    error::{AppError, AppResult},
};

use super::deliveries::reverse_in;

pub const DISPUTE_WINDOW_DAYS: i64 = 14;

/// Whether a delivery of this date may still be disputed today.
pub fn within_window(delivery_date: NaiveDate, today: NaiveDate) -> bool {
    (today - delivery_date).num_days() <= DISPUTE_WINDOW_DAYS
}

pub async fn open(
    db: &Db,
    delivery: &delivery::Model,
    reason: String,
    today: NaiveDate,
    actor: &Actor,
) -> AppResult<dispute::Model> {
    if delivery.status != DeliveryStatus::Recorded.as_ref() {
        return Err(AppError::conflict(
            "wrong_status",
            format!("the delivery is {}", delivery.status),
        ));
    }
    if !within_window(delivery.date, today) {
        return Err(AppError::conflict(
            "dispute_window_closed",
            format!("a delivery can be disputed within {DISPUTE_WINDOW_DAYS} days of its date"),
        ));
    }
    let tx = db.begin_write().await?;
    let existing = dispute::Entity::find()
        .filter(dispute::Column::DeliveryId.eq(delivery.id))
        .filter(dispute::Column::Status.eq(DisputeStatus::Open.as_ref()))
        .one(&*tx)
        .await?;
    if existing.is_some() {
        return Err(AppError::conflict(
            "dispute_open",
            "this delivery already has an open dispute",
        ));
    }
    let model = dispute::ActiveModel {
        id: Set(DisputeId::new().into()),
        delivery_id: Set(delivery.id),
        client_id: Set(delivery.client_id),
        raised_by: Set(actor.user_id.into()),
        reason: Set(reason),
        status: Set(DisputeStatus::Open.to_string()),
        decided_by: Set(None),
        decision_reason: Set(None),
        created_at: Set(Utc::now()),
        decided_at: Set(None),
    }
    .insert(&*tx)
    .await?;
    let client = db.client_pseudonym(delivery.client_id)?;
    crate::notify::provider::dispute_opened(&*tx, &client, &model, delivery).await?;
    tx.commit().await?;
    Ok(model)
}

/// Decides an open dispute; upholding reverses the delivery in the same transaction.
pub async fn decide(
    db: &Db,
    id: DisputeId,
    uphold: bool,
    reason: Option<String>,
    actor: &Actor,
) -> AppResult<dispute::Model> {
    let tx = db.begin_write().await?;
    let current = dispute::Entity::find_by_id(uuid::Uuid::from(id))
        .one(&*tx)
        .await?
        .ok_or_else(|| AppError::not_found("dispute"))?;
    if current.status != DisputeStatus::Open.as_ref() {
        return Err(AppError::conflict(
            "wrong_status",
            format!("the dispute is already {}", current.status),
        ));
    }
    if uphold {
        let delivery = DeliveryId::from(current.delivery_id);
        reverse_in(
            db,
            &tx,
            delivery,
            DeliveryStatus::Reversed,
            actor,
            Some(ActingFor::CaseWorker),
        )
        .await?;
    }
    let mut active = current.into_active_model();
    active.status = Set(if uphold {
        DisputeStatus::Upheld
    } else {
        DisputeStatus::Rejected
    }
    .to_string());
    active.decided_by = Set(Some(actor.user_id.into()));
    active.decision_reason = Set(reason);
    active.decided_at = Set(Some(Utc::now()));
    let updated = active.update(&*tx).await?;
    if let Some(delivery) = delivery::Entity::find_by_id(updated.delivery_id)
        .one(&*tx)
        .await?
    {
        crate::notify::client::dispute_decided(&*tx, &updated, &delivery, uphold).await?;
    }
    tx.commit().await?;
    Ok(updated)
}
