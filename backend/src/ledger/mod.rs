//! The only code that moves money. Every movement happens inside one write transaction
//! that holds the allocation (row lock on PostgreSQL, the write gate on SQLite), keeps
//! `granted = available + reserved + spent + expired` with each part ≥ 0, appends a ledger entry,
//! and writes the audit log. The balance columns are a cache that [`reconcile`] proves
//! equal to the sum of entries.
pub mod batch;
pub mod commitments;
pub mod deliveries;
pub mod delivery_rules;
pub mod disputes;
pub mod expiry;
pub mod grant;
pub mod quote;
pub mod reconcile;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, IntoActiveModel,
    QuerySelect, Set,
};
use serde::Serialize;
use serde_json::json;

use crate::{
    audit::{self, AuditEvent},
    auth::{ActingFor, Actor},
    db::{
        Db,
        entities::{allocation, ledger_entry},
    },
    domain::{
        Money,
        ids::{AllocationId, ClientId, CommitmentId, DeliveryId},
    },
    error::{AppError, AppResult},
};

pub use reconcile::{Reconciliation, reconcile};

/// What an allocation holds, in euros.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Balance {
    #[schema(example = "1000.00")]
    pub granted: Money,
    pub available: Money,
    pub reserved: Money,
    pub spent: Money,
    /// Unspent money that expired after the period and its grace days.
    pub expired: Money,
}

impl Balance {
    /// From cents in the order `[granted, available, reserved, spent, expired]`.
    pub fn from_cents([granted, available, reserved, spent, expired]: [i64; 5]) -> Self {
        Balance {
            granted: Money::from_cents(granted),
            available: Money::from_cents(available),
            reserved: Money::from_cents(reserved),
            spent: Money::from_cents(spent),
            expired: Money::from_cents(expired),
        }
    }

    /// In cents, `[granted, available, reserved, spent, expired]`: the order
    /// reconciliation compares.
    pub fn cents(&self) -> [i64; 5] {
        [
            self.granted,
            self.available,
            self.reserved,
            self.spent,
            self.expired,
        ]
        .map(Money::cents)
    }

    pub fn of(model: &allocation::Model) -> Self {
        Balance {
            granted: model.granted,
            available: model.available,
            reserved: model.reserved,
            spent: model.spent,
            expired: model.expired,
        }
    }

    /// The parts add up to what was granted.
    pub fn adds_up(&self) -> bool {
        self.available + self.reserved + self.spent + self.expired == self.granted
    }
}

/// The kinds of ledger entries live with the other closed vocabularies.
pub use crate::domain::catalogue::EntryKind;

/// One change to an allocation's balance; the deltas move money between the columns.
pub struct Movement {
    pub kind: EntryKind,
    pub available: Money,
    pub reserved: Money,
    pub spent: Money,
    pub expired: Money,
    pub commitment: Option<CommitmentId>,
    pub delivery: Option<DeliveryId>,
}

/// Reads the allocation for a money movement, holding it until the transaction ends.
pub(crate) async fn lock_allocation(
    db: &Db,
    tx: &DatabaseTransaction,
    id: AllocationId,
) -> AppResult<allocation::Model> {
    let mut query = allocation::Entity::find_by_id(uuid::Uuid::from(id));
    if db.is_postgres() {
        query = query.lock_exclusive();
    }
    query
        .one(tx)
        .await?
        .ok_or_else(|| AppError::not_found("allocation"))
}

/// The balance after a movement, or the refusal: no part may go negative (overdraw), and
/// `granted = available + reserved + spent + expired` must still hold.
pub(crate) fn next_balance(before: Balance, movement: &Movement) -> AppResult<Balance> {
    let after = Balance {
        granted: before.granted,
        available: before.available + movement.available,
        reserved: before.reserved + movement.reserved,
        spent: before.spent + movement.spent,
        expired: before.expired + movement.expired,
    };
    if after.available.is_negative()
        || after.reserved.is_negative()
        || after.spent.is_negative()
        || after.expired.is_negative()
    {
        return Err(AppError::conflict(
            "overdraw",
            format!(
                "this would overdraw the balance: available {}",
                before.available
            ),
        ));
    }
    if !after.adds_up() {
        return Err(AppError::internal(format!(
            "ledger movement {} breaks granted = available + reserved + spent + expired",
            movement.kind
        )));
    }
    Ok(after)
}

/// The ledger entry a movement appends.
pub(crate) fn entry_row(
    allocation: AllocationId,
    movement: &Movement,
    actor: Option<&Actor>,
) -> ledger_entry::ActiveModel {
    ledger_entry::ActiveModel {
        allocation_id: Set(allocation),
        kind: Set(movement.kind),
        available_delta: Set(movement.available),
        reserved_delta: Set(movement.reserved),
        spent_delta: Set(movement.spent),
        expired_delta: Set(movement.expired),
        commitment_id: Set(movement.commitment),
        delivery_id: Set(movement.delivery),
        actor_user_id: Set(actor.map(|a| a.user_id)),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
}

/// The audit event of a movement on a client's allocation.
pub(crate) fn movement_event(
    allocation: AllocationId,
    client: ClientId,
    movement: &Movement,
) -> AuditEvent<'static> {
    AuditEvent {
        action: "money_movement",
        subject_type: "allocation",
        subject_id: allocation.to_string(),
        client: Some(client),
        detail: Some(json!({
            "kind": movement.kind.as_ref(),
            "available": movement.available,
            "reserved": movement.reserved,
            "spent": movement.spent,
            "expired": movement.expired,
            "commitment_id": movement.commitment,
            "delivery_id": movement.delivery,
        })),
    }
}

/// Applies a movement: refuses any that would leave a part negative (changing nothing),
/// updates the cached balance, appends the entry and audits it.
pub(crate) async fn apply(
    tx: &impl ConnectionTrait,
    allocation: allocation::Model,
    movement: Movement,
    actor: &Actor,
    acting: Option<ActingFor>,
) -> AppResult<allocation::Model> {
    apply_by(tx, allocation, movement, Some(actor), acting).await
}

/// [`apply`] for a movement no person made (expiry, by the calendar): no actor is recorded.
pub(crate) async fn apply_by(
    tx: &impl ConnectionTrait,
    allocation: allocation::Model,
    movement: Movement,
    actor: Option<&Actor>,
    acting: Option<ActingFor>,
) -> AppResult<allocation::Model> {
    let after = next_balance(Balance::of(&allocation), &movement)?;
    let client = allocation.client_id;
    let mut active = allocation.into_active_model();
    active.available = Set(after.available);
    active.reserved = Set(after.reserved);
    active.spent = Set(after.spent);
    active.expired = Set(after.expired);
    let updated = active.update(tx).await?;
    entry_row(updated.id, &movement, actor).insert(tx).await?;
    audit::record(
        tx,
        actor,
        acting,
        movement_event(updated.id, client, &movement),
    )
    .await?;
    Ok(updated)
}
