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
        ids::{DeliveryId, ProviderId},
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
    let commitment = commitment::Entity::find_by_id(uuid::Uuid::from(new.commitment))
        .one(&db.conn)
        .await?
        .ok_or_else(|| AppError::not_found("commitment"))?;
    record_on(db, provider, &commitment, new, actor).await
}

/// [`record`] for a caller that has read the commitment. Only its fixed parts are used
/// (allocation, offering, purchaser, client): its status and reservation are read again
/// under the allocation lock.
pub async fn record_on(
    db: &Db,
    provider: ProviderId,
    commitment: &commitment::Model,
    new: NewDelivery,
    actor: &Actor,
) -> AppResult<Recorded> {
    check_not_future(new.date, today_in_finland())?;
    match record_once(db, provider, commitment, &new, actor).await? {
        Attempt::Done(recorded) => Ok(*recorded),
        // The reference was recorded before: by an earlier request (a resend) or by a
        // concurrent one that committed first.
        Attempt::ReferenceTaken => repeated(&db.conn, provider, &new)
            .await?
            .ok_or_else(|| AppError::internal("duplicate reference vanished")),
    }
}

/// What a delivery is decided against that the allocation lock does not guard: the
/// offering and its catalogue terms on the delivery's date, the purchaser's recording
/// window, late recording opened on the commitment, the offering's prices, and who is
/// told. Nothing that changes these takes the allocation lock, so they are read before it
/// and the lock is held only for the balance, the commitment and the writes.
struct Terms {
    offering: offering::Model,
    /// The catalogue unit ("hour") the client is told.
    unit: String,
    service: service::Model,
    recording_days: RecordingDays,
    late_until: Option<chrono::NaiveDate>,
    prices: crate::prices::PriceHistory,
    audience: crate::notify::client::DeliveryAudience,
}

impl Terms {
    async fn read(
        conn: &impl ConnectionTrait,
        commitment: &commitment::Model,
        date: chrono::NaiveDate,
    ) -> AppResult<Terms> {
        let (offering, service) = offering_and_service(conn, commitment).await?;
        let unit = service.unit.to_string();
        // The catalogue's terms (cap, voucher value) in force on the delivery's date.
        let service = crate::catalogue::terms::as_of(conn, service, date).await?;
        let purchaser = purchaser::Entity::find_by_id(commitment.purchaser_id)
            .one(conn)
            .await?
            .ok_or_else(|| AppError::internal("commitment without purchaser"))?;
        let late = crate::late_recording::open_until(conn, &[commitment.id]).await?;
        let prices = crate::prices::history::of(conn, commitment.offering_id).await?;
        let audience = crate::notify::client::delivery_audience(
            conn,
            commitment.client_id,
            commitment.provider_id,
        )
        .await?;
        Ok(Terms {
            offering,
            unit,
            service,
            recording_days: RecordingDays::from_stored(purchaser.recording_days),
            late_until: late.get(&commitment.id).copied(),
            prices,
            audience,
        })
    }
}

/// One try at recording under the allocation lock.
enum Attempt {
    Done(Box<Recorded>),
    /// The insert met the reference's unique constraint: the reference was recorded
    /// before, and that delivery is the answer.
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

/// The reference is looked up only when it matters: a new delivery inserts straight away
/// (the unique reference catches a resend, answered after the rollback), and a refused one
/// checks first whether it was recorded before, when the rules would now refuse it.
async fn record_once(
    db: &Db,
    provider: ProviderId,
    commitment: &commitment::Model,
    new: &NewDelivery,
    actor: &Actor,
) -> AppResult<Attempt> {
    // The terms are read before the lock. On SQLite the transaction holds the one write
    // gate, so they are read before it. On PostgreSQL they are read inside it: every
    // statement outside a transaction takes a connection from the pool, which first
    // checks it with a round trip of its own.
    let (tx, terms) = if db.is_postgres() {
        let tx = db.begin_write().await?;
        let terms = Terms::read(&*tx, commitment, new.date).await?;
        (tx, terms)
    } else {
        let terms = Terms::read(&db.conn, commitment, new.date).await?;
        (db.begin_write().await?, terms)
    };
    let allocation = lock_allocation(db, &tx, commitment.allocation_id).await?;
    let current = commitments::load(&tx, new.commitment).await?;
    let now = Circumstances {
        today: today_in_finland(),
        recording_days: terms.recording_days,
        late_until: terms.late_until,
        prices: &terms.prices,
    };
    let decision = match decide(&current, &allocation, &terms.service, new, &now) {
        Ok(decision) => decision,
        Err(refused) => {
            return match repeated(&*tx, provider, new).await? {
                Some(found) => Ok(Attempt::Done(Box::new(found))),
                None => Err(refused),
            };
        }
    };
    let id = DeliveryId::new_time_ordered();
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
    crate::notify::client::delivery_recorded(
        &*tx,
        &terms.audience,
        &inserted,
        &allocation,
        &terms.offering,
        &terms.unit,
    )
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
    active.voided_by = Set(Some(actor.user_id));
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
    let allocation = lock_allocation(db, tx, first.allocation_id).await?;
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
    let commitment = commitments::load(tx, current.commitment_id).await?;
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
        commitment: Some(updated.commitment_id),
        delivery: Some(id),
    };
    let allocation = apply(&**tx, allocation, movement, actor, acting).await?;
    Ok((updated, allocation))
}
