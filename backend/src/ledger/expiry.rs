//! Expiry: an allocation takes commitments and deliveries dated inside its period until
//! `valid_to + grace_days` (Finnish days); after that its unspent money — what is available
//! and what open commitments still reserve — expires in one ledger entry of kind `expiry`,
//! and its open commitments end. Applied by the worker within a minute and at start, and
//! by `valinta expire`; applying it again changes nothing, so any number of instances may.
use chrono::{NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, EntityTrait, IntoActiveModel, QueryFilter,
    QuerySelect, Set,
};

use crate::{
    db::{
        Db,
        entities::{allocation, commitment},
    },
    domain::{Money, catalogue::CommitmentStatus, grace::GraceDays, ids::AllocationId},
    error::{AppError, AppResult},
};

use super::{EntryKind, Movement, apply_by, lock_allocation};

/// The last Finnish day an allocation takes commitments and deliveries.
pub fn last_day(allocation: &allocation::Model) -> NaiveDate {
    GraceDays::from_stored(allocation.grace_days).last_day(allocation.valid_to)
}

/// Whether the allocation's period and its grace days are over.
pub fn is_over(allocation: &allocation::Model, today: NaiveDate) -> bool {
    today > last_day(allocation)
}

/// Refuses a new commitment or delivery on an allocation whose time is over (409).
pub fn check_open(allocation: &allocation::Model, today: NaiveDate) -> AppResult<()> {
    if is_over(allocation, today) {
        let last = last_day(allocation);
        let message = if last == allocation.valid_to {
            format!("the allocation ended on {}", allocation.valid_to)
        } else {
            format!(
                "the allocation ended on {} and its grace days on {last}",
                allocation.valid_to
            )
        };
        return Err(AppError::conflict("allocation_ended", message));
    }
    Ok(())
}

/// Expires every allocation whose time is over and that still holds unspent money.
/// Returns how many expired now.
pub async fn expire_due(db: &Db, today: NaiveDate) -> AppResult<usize> {
    // The period ended before today; whether its grace days did too is decided per row,
    // under the lock. Expired allocations hold nothing, so this set stays small.
    let candidates: Vec<uuid::Uuid> = allocation::Entity::find()
        .select_only()
        .column(allocation::Column::Id)
        .filter(allocation::Column::ValidTo.lt(today))
        .filter(
            Condition::any()
                .add(allocation::Column::Available.gt(0))
                .add(allocation::Column::Reserved.gt(0)),
        )
        .into_tuple()
        .all(&db.conn)
        .await?;
    let mut expired = 0;
    for id in candidates {
        if expire(db, id.into(), today).await? {
            expired += 1;
        }
    }
    Ok(expired)
}

/// Expires one allocation if its time is over and it holds unspent money.
pub async fn expire(db: &Db, id: AllocationId, today: NaiveDate) -> AppResult<bool> {
    let tx = db.begin_write().await?;
    let allocation = lock_allocation(db, &tx, id).await?;
    let available = allocation.available;
    let reserved = allocation.reserved;
    if !is_over(&allocation, today) || (available.is_zero() && reserved.is_zero()) {
        return Ok(false);
    }
    let open = commitment::Entity::find()
        .filter(commitment::Column::AllocationId.eq(allocation.id))
        .filter(
            commitment::Column::Status
                .is_in([CommitmentStatus::Requested, CommitmentStatus::Accepted]),
        )
        .all(&*tx)
        .await?;
    for model in open {
        // A request nobody answered is cancelled; an accepted commitment is closed.
        let ended = if model.status == CommitmentStatus::Requested {
            CommitmentStatus::Cancelled
        } else {
            CommitmentStatus::Closed
        };
        let mut active = model.into_active_model();
        active.status = Set(ended);
        active.reserved = Set(Money::ZERO);
        active.updated_at = Set(Utc::now());
        active.update(&*tx).await?;
    }
    let movement = Movement {
        kind: EntryKind::Expiry,
        available: -available,
        reserved: -reserved,
        spent: Money::ZERO,
        expired: available + reserved,
        commitment: None,
        delivery: None,
    };
    let updated = apply_by(&*tx, allocation, movement, None, None).await?;
    crate::notify::client::allocation_expired(&*tx, &updated, available + reserved).await?;
    tx.commit().await?;
    Ok(true)
}
