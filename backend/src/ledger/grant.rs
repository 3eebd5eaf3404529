//! Granting an allocation: a decision puts `granted` euros into a new allocation.
use chrono::{NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, Set};

use crate::{
    auth::Actor,
    db::{Db, WriteTx, entities::allocation},
    domain::{
        Money,
        catalogue::FundingKind,
        grace::GraceDays,
        ids::{AllocationId, ClientId, PurchaserId, ServiceId},
    },
    error::AppResult,
};

use super::{EntryKind, Movement, apply};

pub struct NewAllocation {
    pub client: ClientId,
    pub purchaser: PurchaserId,
    pub kind: FundingKind,
    pub granted: Money,
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
    pub services: Vec<ServiceId>,
    pub voucher_value: Option<Money>,
    pub grace_days: GraceDays,
    /// The household's size and income the voucher value was computed from, if it was.
    pub income: Option<crate::catalogue::income::IncomeBasis>,
}

pub async fn grant(db: &Db, new: NewAllocation, actor: &Actor) -> AppResult<allocation::Model> {
    let tx = db.begin_write().await?;
    let model = record_in(&tx, new, actor).await?;
    crate::notify::client::allocation_granted(&*tx, &model).await?;
    tx.commit().await?;
    Ok(model)
}

/// As [`grant`], inside a write transaction the caller holds and commits, so a decision
/// recorded elsewhere (a plan's) is made in the same step as the money. The caller tells
/// the client in that transaction (a plan's decision has an email of its own).
pub async fn record_in(
    tx: &WriteTx,
    new: NewAllocation,
    actor: &Actor,
) -> AppResult<allocation::Model> {
    let id = AllocationId::new();
    let created = allocation::ActiveModel {
        id: Set(id),
        client_id: Set(new.client),
        purchaser_id: Set(new.purchaser),
        kind: Set(new.kind),
        granted: Set(new.granted),
        available: Set(Money::ZERO),
        reserved: Set(Money::ZERO),
        spent: Set(Money::ZERO),
        expired: Set(Money::ZERO),
        grace_days: Set(new.grace_days.days()),
        valid_from: Set(new.valid_from),
        valid_to: Set(new.valid_to),
        service_ids: Set(
            serde_json::to_value(&new.services).map_err(crate::error::AppError::internal)?
        ),
        voucher_value: Set(new.voucher_value),
        created_by: Set(actor.user_id),
        created_at: Set(Utc::now()),
    }
    .insert(&**tx)
    .await?;
    if let Some(basis) = &new.income {
        crate::catalogue::income::store(&**tx, created.id, new.client, basis, actor).await?;
    }
    let movement = Movement {
        kind: EntryKind::Grant,
        available: new.granted,
        reserved: Money::ZERO,
        spent: Money::ZERO,
        expired: Money::ZERO,
        commitment: None,
        delivery: None,
    };
    apply(&**tx, created, movement, actor, None).await
}
