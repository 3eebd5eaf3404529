//! Acting on one delivery: reading it with the caller's standing towards it (its provider,
//! or the client side and case workers; anyone else is told it does not exist), the
//! provider voiding it and the client side disputing it. The money moves in `ledger/`.
use sea_orm::EntityTrait;

use crate::{
    audit,
    auth::{ActingFor, Actor, access},
    db::{
        Db,
        entities::{allocation, delivery, dispute},
    },
    deliveries::Delivery,
    domain::{ids::DeliveryId, text::parse_text, today_in_finland},
    error::{AppError, AppResult, field},
    ledger::{self, Balance},
};

/// The longest reason a void or a dispute takes.
const REASON_LIMIT: usize = 2000;

/// A delivery with its allocation's balance now.
pub struct WithBalance {
    pub delivery: Delivery,
    pub balance: Balance,
}

impl WithBalance {
    pub fn of(model: &delivery::Model, allocation: &allocation::Model) -> AppResult<Self> {
        Ok(WithBalance {
            delivery: Delivery::from_model(model)?,
            balance: Balance::of(allocation),
        })
    }
}

/// A delivery, with the actor's standing towards it: its provider (`None`) or the
/// client side / case worker (`Some`). Anyone else: 404.
async fn visible(
    db: &Db,
    actor: &Actor,
    id: DeliveryId,
) -> AppResult<(delivery::Model, allocation::Model, Option<ActingFor>)> {
    let conn = &db.conn;
    let model = delivery::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or_else(|| AppError::not_found("delivery"))?;
    let acting = if actor.provider_id == Some(model.provider_id) {
        None
    } else {
        let (_, acting) = access::load_client(conn, actor, model.client_id)
            .await
            .map_err(|_| AppError::not_found("delivery"))?;
        Some(acting)
    };
    let allocation = allocation::Entity::find_by_id(model.allocation_id)
        .one(conn)
        .await?
        .ok_or_else(|| AppError::internal("delivery without allocation"))?;
    Ok((model, allocation, acting))
}

/// One delivery for whoever may see it; the read is audited.
pub async fn find(db: &Db, actor: &Actor, id: DeliveryId) -> AppResult<WithBalance> {
    let (model, allocation, acting) = visible(db, actor, id).await?;
    audit::record_read(
        &db.conn,
        actor,
        acting,
        "delivery_read",
        "delivery",
        model.id.into(),
        model.client_id,
    )
    .await?;
    WithBalance::of(&model, &allocation)
}

/// The reason a void or a dispute gives, as typed.
pub fn parse_reason(raw: &str) -> AppResult<String> {
    field("reason", parse_text(raw, REASON_LIMIT))
}

/// Voids the provider's own delivery; the client reads the reason beside the row.
pub async fn void(
    db: &Db,
    actor: &Actor,
    id: DeliveryId,
    reason: AppResult<String>,
) -> AppResult<WithBalance> {
    let (model, _, acting) = visible(db, actor, id).await?;
    if acting.is_some() {
        return Err(AppError::forbidden(
            "only the provider may void its delivery; the client may dispute it",
        ));
    }
    actor.require_provider(model.provider_id, "delivery")?;
    let (updated, allocation) = ledger::deliveries::void(db, id, reason?, actor).await?;
    WithBalance::of(&updated, &allocation)
}

/// The client or her proxy disputes a delivery within its window; a case worker decides.
pub async fn dispute(
    db: &Db,
    actor: &Actor,
    id: DeliveryId,
    reason: &str,
) -> AppResult<dispute::Model> {
    let (model, _, acting) = visible(db, actor, id).await?;
    if !acting.is_some_and(ActingFor::is_client_side) {
        return Err(AppError::forbidden(
            "only the client or their proxy may dispute a delivery",
        ));
    }
    let reason = parse_reason(reason)?;
    ledger::disputes::open(db, &model, reason, today_in_finland(), actor).await
}
