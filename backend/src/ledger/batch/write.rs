//! Writing the accepted rows of a file in bulk, inside the upload's transaction.
use crate::domain::ids::{AllocationId, CommitmentId, DeliveryId};
use chrono::Utc;
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set};

use crate::{
    db::{
        WriteTx,
        entities::{audit_entry, delivery, ledger_entry},
        unique,
    },
    error::{AppError, AppResult},
    ledger::Balance,
};

use super::{CHUNK, load::Books};

/// What the accepted rows write.
#[derive(Default)]
pub(super) struct Writes {
    pub deliveries: Vec<delivery::ActiveModel>,
    pub entries: Vec<ledger_entry::ActiveModel>,
    pub audits: Vec<audit_entry::ActiveModel>,
    pub commitments: Vec<CommitmentId>,
    pub allocations: Vec<AllocationId>,
}

/// Writes the accepted rows: deliveries first (the entries refer to them), then each
/// changed reservation and balance once, then the ledger entries and the audit log.
pub(super) async fn write(tx: &WriteTx, books: Books, writes: Writes) -> AppResult<()> {
    if writes.deliveries.is_empty() {
        return Ok(());
    }
    let ids: Vec<DeliveryId> = writes
        .deliveries
        .iter()
        .filter_map(|d| d.id.try_as_ref().copied())
        .collect();
    for chunk in writes.deliveries.chunks(CHUNK) {
        delivery::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(&**tx)
            .await
            .map_err(|e| {
                unique::or_else(e, || {
                    AppError::conflict(
                        "concurrent_recording",
                        "another request recorded one of these references at the same moment; \
                         send the file again: what is already recorded will show as duplicate",
                    )
                })
            })?;
    }
    update_reservations(tx, &books, writes.commitments).await?;
    update_balances(tx, &books, writes.allocations).await?;
    for chunk in writes.entries.chunks(CHUNK) {
        ledger_entry::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(&**tx)
            .await?;
    }
    for chunk in writes.audits.chunks(CHUNK) {
        audit_entry::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(&**tx)
            .await?;
    }
    crate::notify::client::deliveries_recorded(&**tx, &ids).await?;
    Ok(())
}

async fn update_reservations(
    tx: &WriteTx,
    books: &Books,
    mut ids: Vec<CommitmentId>,
) -> AppResult<()> {
    ids.sort_unstable();
    ids.dedup();
    for id in ids {
        let Some(model) = books.commitments.get(&id) else {
            continue;
        };
        let mut active = model.clone().into_active_model();
        // Marked changed even when equal: `into_active_model` marks nothing as set.
        active.reserved = Set(model.reserved);
        active.updated_at = Set(Utc::now());
        active.update(&**tx).await?;
    }
    Ok(())
}

async fn update_balances(tx: &WriteTx, books: &Books, mut ids: Vec<AllocationId>) -> AppResult<()> {
    ids.sort_unstable();
    ids.dedup();
    for id in ids {
        let Some(model) = books.allocations.get(&id) else {
            continue;
        };
        let balance = Balance::of(model);
        if !balance.adds_up() {
            return Err(AppError::internal(
                "a batch broke granted = available + reserved + spent + expired",
            ));
        }
        let mut active = model.clone().into_active_model();
        active.available = Set(model.available);
        active.reserved = Set(model.reserved);
        active.spent = Set(model.spent);
        active.update(&**tx).await?;
    }
    Ok(())
}
