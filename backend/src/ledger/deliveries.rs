//! Deliveries: the provider records what it delivered and the purchaser's share is paid
//! from the commitment's reservation first, then from what is available. Voiding before
//! settlement reverses it. The provider's reference makes recording idempotent.
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, JoinType,
    QueryFilter, QuerySelect, Set,
};

use crate::{
    auth::{ActingFor, Actor},
    db::{
        Db, WriteTx,
        entities::{allocation, commitment, delivery, offering, purchaser, service},
        unique,
    },
    domain::{
        Money, Quantity,
        catalogue::{CommitmentStatus, DeliveryStatus},
        ids::{AllocationId, DeliveryId, ProviderId},
        recording::RecordingDays,
        today_in_finland,
    },
    error::{AppError, AppResult},
};

use super::{
    EntryKind, Movement, apply, commitments,
    delivery_rules::{Circumstances, check_not_future, check_repeat, decide, delivery_row, spend},
    lock_allocation,
};

pub use super::delivery_rules::{Draw, NewDelivery, Split, draw, split, voucher_value_of};

/// What recording a delivery would do, computed by the same rules without writing:
/// the provider's form shows the reservation before and after.
pub struct Preview {
    pub split: Split,
    pub reserved_before: Money,
    pub reserved_after: Money,
    pub available_before: Money,
    pub available_after: Money,
    /// The share exceeds what remains: recording would be refused.
    pub overdraws: bool,
}

pub async fn preview(
    conn: &impl sea_orm::ConnectionTrait,
    commitment: &commitment::Model,
    quantity: Quantity,
    unit_price: Money,
) -> AppResult<Preview> {
    let allocation = allocation::Entity::find_by_id(commitment.allocation_id)
        .one(conn)
        .await?
        .ok_or_else(|| AppError::internal("commitment without allocation"))?;
    let service = service_of(conn, commitment).await?;
    let method = commitment.method;
    let split = split(
        quantity,
        unit_price,
        method,
        voucher_value_of(&allocation, &service),
    );
    let reserved = commitment.reserved;
    let available = allocation.available;
    let draw = draw(split.purchaser_share, reserved);
    Ok(Preview {
        split,
        reserved_before: reserved,
        reserved_after: reserved - draw.from_reserved,
        available_before: available,
        available_after: available - draw.from_available,
        overdraws: draw.from_available > available,
    })
}

pub enum Recorded {
    Created(delivery::Model, allocation::Model),
    /// The same reference and content again: the first delivery, nothing charged.
    Repeated(delivery::Model, allocation::Model),
}

pub async fn record(
    db: &Db,
    provider: ProviderId,
    new: NewDelivery,
    actor: &Actor,
) -> AppResult<Recorded> {
    let allocation = commitment::Entity::find_by_id(uuid::Uuid::from(new.commitment))
        .one(&db.conn)
        .await?
        .ok_or_else(|| AppError::not_found("commitment"))?
        .allocation_id;
    record_on(db, provider, allocation.into(), new, actor).await
}

/// [`record`] for a caller that has read the commitment: a commitment's allocation never
/// changes, so it need not be read again before the lock.
pub async fn record_on(
    db: &Db,
    provider: ProviderId,
    allocation: AllocationId,
    new: NewDelivery,
    actor: &Actor,
) -> AppResult<Recorded> {
    check_not_future(new.date, today_in_finland())?;
    match record_once(db, provider, allocation, &new, actor).await? {
        Attempt::Done(recorded) => Ok(*recorded),
        // A concurrent request with the same reference committed first.
        Attempt::ReferenceTaken => repeated(&db.conn, provider, &new)
            .await?
            .ok_or_else(|| AppError::internal("duplicate reference vanished")),
    }
}

/// One try at recording under the allocation lock.
enum Attempt {
    Done(Box<Recorded>),
    /// The insert met the reference's unique constraint: a concurrent request with the
    /// same reference committed after this one read, and its delivery is the answer.
    ReferenceTaken,
}

/// The delivery already recorded under this reference, if any. Runs on the caller's
/// connection: inside a transaction that holds the allocation lock it must not ask the
/// pool for a second connection (under load that deadlocks the pool).
async fn repeated(
    conn: &impl ConnectionTrait,
    provider: ProviderId,
    new: &NewDelivery,
) -> AppResult<Option<Recorded>> {
    let existing = delivery::Entity::find()
        .filter(delivery::Column::ProviderId.eq(uuid::Uuid::from(provider)))
        .filter(delivery::Column::Reference.eq(new.reference.as_str()))
        .one(conn)
        .await?;
    let Some(existing) = existing else {
        return Ok(None);
    };
    check_repeat(&existing, new)?;
    let allocation = allocation::Entity::find_by_id(existing.allocation_id)
        .one(conn)
        .await?
        .ok_or_else(|| AppError::not_found("allocation"))?;
    Ok(Some(Recorded::Repeated(existing, allocation)))
}

async fn record_once(
    db: &Db,
    provider: ProviderId,
    allocation_id: AllocationId,
    new: &NewDelivery,
    actor: &Actor,
) -> AppResult<Attempt> {
    let tx = db.begin_write().await?;
    let allocation = lock_allocation(db, &tx, allocation_id).await?;
    // Under the allocation lock, a resend of a committed delivery is seen here.
    if let Some(found) = repeated(&*tx, provider, new).await? {
        return Ok(Attempt::Done(Box::new(found)));
    }
    let current = commitments::load(&tx, new.commitment).await?;
    if current.allocation_id != allocation.id {
        return Err(AppError::internal(
            "commitment read with another allocation",
        ));
    }
    // The catalogue's terms (cap, voucher value) in force on the delivery's date.
    let (offering, service) = offering_and_service(&*tx, &current).await?;
    let unit = service.unit.to_string();
    let service = crate::catalogue::terms::as_of(&*tx, service, new.date).await?;
    let purchaser = purchaser::Entity::find_by_id(current.purchaser_id)
        .one(&*tx)
        .await?
        .ok_or_else(|| AppError::internal("commitment without purchaser"))?;
    let late = crate::late_recording::open_until(&*tx, &[current.id]).await?;
    let prices = crate::prices::history::of(&*tx, current.offering_id).await?;
    let now = Circumstances {
        today: today_in_finland(),
        recording_days: RecordingDays::from_stored(purchaser.recording_days),
        late_until: late.get(&current.id).copied(),
        prices: &prices,
    };
    let decision = decide(&current, &allocation, &service, new, &now)?;
    let id = DeliveryId::new();
    let inserted = match delivery_row(id, provider, new, &allocation, &decision, actor)
        .insert(&*tx)
        .await
    {
        Ok(inserted) => inserted,
        // Dropping the transaction rolls it back.
        Err(e) if unique::is_violation(&e) => return Ok(Attempt::ReferenceTaken),
        Err(e) => return Err(e.into()),
    };
    let from_reserved = decision.draw.from_reserved;
    if !from_reserved.is_zero() {
        let reserved = current.reserved - from_reserved;
        let mut active = current.into_active_model();
        active.reserved = Set(reserved);
        active.updated_at = Set(Utc::now());
        active.update(&*tx).await?;
    }
    let movement = spend(new, id, &decision);
    let allocation = apply(&*tx, allocation, movement, actor, None).await?;
    crate::notify::client::delivery_recorded(&*tx, &inserted, &allocation, &offering, &unit)
        .await?;
    tx.commit().await?;
    Ok(Attempt::Done(Box::new(Recorded::Created(
        inserted, allocation,
    ))))
}

pub(crate) async fn service_of(
    conn: &impl sea_orm::ConnectionTrait,
    commitment: &commitment::Model,
) -> AppResult<service::Model> {
    Ok(offering_and_service(conn, commitment).await?.1)
}

/// The commitment's offering and its catalogue service, in one statement.
async fn offering_and_service(
    conn: &impl sea_orm::ConnectionTrait,
    commitment: &commitment::Model,
) -> AppResult<(offering::Model, service::Model)> {
    let (offering, service) = offering::Entity::find_by_id(commitment.offering_id)
        .join(
            JoinType::InnerJoin,
            offering::Entity::belongs_to(service::Entity)
                .from(offering::Column::ServiceId)
                .to(service::Column::Id)
                .into(),
        )
        .select_also(service::Entity)
        .one(conn)
        .await?
        .ok_or_else(|| AppError::not_found("offering"))?;
    let service = service.ok_or_else(|| AppError::not_found("service"))?;
    Ok((offering, service))
}

/// Voids a recorded delivery for a reason the client will see: the reversal below, and
/// who voided it, when and why.
pub async fn void(
    db: &Db,
    id: DeliveryId,
    reason: String,
    actor: &Actor,
) -> AppResult<(delivery::Model, allocation::Model)> {
    let tx = db.begin_write().await?;
    let (voided, allocation) = reverse_in(db, &tx, id, DeliveryStatus::Voided, actor, None).await?;
    let mut active = voided.into_active_model();
    active.void_reason = Set(Some(reason));
    active.voided_by = Set(Some(actor.user_id.into()));
    active.voided_at = Set(Some(Utc::now()));
    let voided = active.update(&*tx).await?;
    tx.commit().await?;
    Ok((voided, allocation))
}

/// Reverses a recorded delivery: what came from the reservation goes back to it while the
/// commitment is still open, the rest to available. Used by void (provider) and by an
/// upheld dispute (case worker).
pub(crate) async fn reverse_in(
    db: &Db,
    tx: &WriteTx,
    id: DeliveryId,
    to: DeliveryStatus,
    actor: &Actor,
    acting: Option<ActingFor>,
) -> AppResult<(delivery::Model, allocation::Model)> {
    let first = delivery::Entity::find_by_id(uuid::Uuid::from(id))
        .one(&**tx)
        .await?
        .ok_or_else(|| AppError::not_found("delivery"))?;
    let allocation = lock_allocation(db, tx, first.allocation_id.into()).await?;
    let current = delivery::Entity::find_by_id(uuid::Uuid::from(id))
        .one(&**tx)
        .await?
        .ok_or_else(|| AppError::not_found("delivery"))?;
    if current.status != DeliveryStatus::Recorded {
        return Err(AppError::conflict(
            "wrong_status",
            format!("the delivery is already {}", current.status),
        ));
    }
    // An invoiced delivery may still be reversed: the balance is restored at once, and the
    // next settlement credits the purchaser with a credit note (see `settlement::run`).
    let commitment = commitments::load(tx, current.commitment_id.into()).await?;
    let share = current.purchaser_share;
    let open = commitment.status == CommitmentStatus::Accepted;
    let back_to_reserved = if open {
        current.from_reserved
    } else {
        Money::ZERO
    };
    if !back_to_reserved.is_zero() {
        let restored = commitment.reserved + back_to_reserved;
        let mut active = commitment.into_active_model();
        active.reserved = Set(restored);
        active.updated_at = Set(Utc::now());
        active.update(&**tx).await?;
    }
    let mut active = current.into_active_model();
    active.status = Set(to);
    let updated = active.update(&**tx).await?;
    let movement = Movement {
        kind: EntryKind::Reverse,
        available: share - back_to_reserved,
        reserved: back_to_reserved,
        spent: -share,
        expired: Money::ZERO,
        commitment: Some(updated.commitment_id.into()),
        delivery: Some(id),
    };
    let allocation = apply(&**tx, allocation, movement, actor, acting).await?;
    Ok((updated, allocation))
}
