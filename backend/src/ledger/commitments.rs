//! Commitments: a client's (or proxy's, or case worker's) choice of an offering. A
//! reservation moves available → reserved; declining, closing or cancelling releases
//! what is still reserved.
use chrono::Utc;
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set};

use crate::{
    auth::{ActingFor, Actor},
    db::{
        Db, WriteTx,
        entities::{allocation, commitment, offering, service},
    },
    domain::{
        Money,
        catalogue::{CommitmentStatus, FundingKind, Method},
        ids::{AllocationId, CommitmentId, ServiceId},
        order::OrderDetails,
    },
    error::{AppError, AppResult},
    notify,
};

use super::{EntryKind, Movement, apply, lock_allocation};

pub struct CommitmentRequest {
    pub allocation: AllocationId,
    pub offering: offering::Model,
    pub service: service::Model,
    pub method: Method,
    pub reserve: Money,
    /// Start date, quantity and message, already checked against the allocation.
    pub details: OrderDetails,
}

/// Which settlement methods a kind of funding can use: a voucher is settled as a
/// voucher; a personal budget by payment commitment or direct invoice.
pub fn methods_for(kind: FundingKind) -> &'static [Method] {
    match kind {
        FundingKind::Voucher => &[Method::Voucher],
        FundingKind::PersonalBudget => &[Method::PaymentCommitment, Method::DirectInvoice],
    }
}

/// Why an allocation cannot pay for an offering at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Uncovered {
    /// The offering is in another purchaser's catalogue.
    OtherPurchaser,
    /// The decision does not cover the offering's service.
    ServiceNotCovered,
}

/// The settlement methods this allocation may use for this offering's service: those its
/// funding kind allows and the catalogue entry accepts (possibly none), or why it cannot
/// pay for the offering at all. The one place the coverage rule lives.
pub fn allowed_methods(
    allocation: &allocation::Model,
    offering: &offering::Model,
    service: &service::Model,
) -> AppResult<Result<Vec<Method>, Uncovered>> {
    if offering.purchaser_id != allocation.purchaser_id {
        return Ok(Err(Uncovered::OtherPurchaser));
    }
    let services: Vec<ServiceId> =
        serde_json::from_value(allocation.service_ids.clone()).map_err(AppError::internal)?;
    let kind = allocation.kind;
    // A personal budget with no listed services may buy any service of the catalogue.
    let open_budget = kind == FundingKind::PersonalBudget && services.is_empty();
    if !open_budget && !services.contains(&service.id) {
        return Ok(Err(Uncovered::ServiceNotCovered));
    }
    let service_methods: Vec<Method> =
        serde_json::from_value(service.methods.clone()).map_err(AppError::internal)?;
    Ok(Ok(methods_for(kind)
        .iter()
        .copied()
        .filter(|m| service_methods.contains(m))
        .collect()))
}

/// Checks that the allocation allows this offering and method (422 naming the field).
pub fn check_allowed(allocation: &allocation::Model, request: &CommitmentRequest) -> AppResult<()> {
    match allowed_methods(allocation, &request.offering, &request.service)? {
        Err(Uncovered::OtherPurchaser) => Err(AppError::invalid(
            "offering_id",
            "is not in the catalogue of the purchaser who granted this allocation",
        )),
        Err(Uncovered::ServiceNotCovered) => Err(AppError::invalid(
            "offering_id",
            "is for a service this allocation does not cover",
        )),
        Ok(methods) if !methods.contains(&request.method) => {
            let allowed: Vec<String> = methods.iter().map(ToString::to_string).collect();
            Err(AppError::invalid(
                "method",
                format!("is not allowed here; allowed: {}", allowed.join(", ")),
            ))
        }
        Ok(_) => Ok(()),
    }
}

pub async fn request(
    db: &Db,
    request: CommitmentRequest,
    actor: &Actor,
    acting: ActingFor,
) -> AppResult<commitment::Model> {
    let tx = db.begin_write().await?;
    let created = request_in(db, &tx, request, actor, acting).await?;
    tx.commit().await?;
    Ok(created)
}

/// [`request`] inside the caller's transaction, so that what belongs to the order (the
/// goals it serves) is written with it or not at all; the caller commits.
pub async fn request_in(
    db: &Db,
    tx: &WriteTx,
    request: CommitmentRequest,
    actor: &Actor,
    acting: ActingFor,
) -> AppResult<commitment::Model> {
    let allocation = lock_allocation(db, tx, request.allocation).await?;
    check_allowed(&allocation, &request)?;
    // An archived catalogue entry takes no new commitments (409 `service_archived`).
    crate::catalogue::archive::check_open_in(&**tx, request.service.id).await?;
    super::expiry::check_open(&allocation, crate::domain::today_in_finland())?;
    if request.reserve > allocation.available {
        return Err(AppError::conflict(
            "overdraw",
            format!("reserve exceeds available {}", allocation.available),
        )
        .with_field(
            "reserve",
            format!("exceeds available {}", allocation.available),
        ));
    }
    let id = CommitmentId::new();
    let now = Utc::now();
    let created = commitment::ActiveModel {
        id: Set(id),
        allocation_id: Set(allocation.id),
        offering_id: Set(request.offering.id),
        provider_id: Set(request.offering.provider_id),
        purchaser_id: Set(allocation.purchaser_id),
        client_id: Set(allocation.client_id),
        method: Set(request.method),
        status: Set(CommitmentStatus::Requested),
        reserved: Set(request.reserve),
        requested_by: Set(actor.user_id),
        start_date: Set(request.details.start_date),
        quantity: Set(request.details.quantity),
        message: Set(request.details.message.clone()),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&**tx)
    .await?;
    if !request.reserve.is_zero() {
        let movement = Movement {
            kind: EntryKind::Reserve,
            available: -request.reserve,
            reserved: request.reserve,
            spent: Money::ZERO,
            expired: Money::ZERO,
            commitment: Some(id),
            delivery: None,
        };
        apply(&**tx, allocation, movement, actor, Some(acting)).await?;
    }
    let client = db.client_pseudonym(created.client_id.into())?;
    notify::provider::commitment_requested(&**tx, &client, &created).await?;
    Ok(created)
}

/// The commitment, read inside a write transaction.
pub(crate) async fn load(tx: &WriteTx, id: CommitmentId) -> AppResult<commitment::Model> {
    commitment::Entity::find_by_id(uuid::Uuid::from(id))
        .one(&**tx)
        .await?
        .ok_or_else(|| AppError::not_found("commitment"))
}

/// Moves a commitment to a new status, releasing its reservation when it ends.
/// `to` picks the new status from the current one (read under the lock);
/// `allowed_from` lists the states this transition may start from. The caller has
/// already checked that the actor may act on this commitment.
pub async fn transition(
    db: &Db,
    id: CommitmentId,
    to: impl FnOnce(CommitmentStatus) -> CommitmentStatus,
    allowed_from: &[CommitmentStatus],
    actor: &Actor,
    acting: Option<ActingFor>,
) -> AppResult<commitment::Model> {
    let tx = db.begin_write().await?;
    // Lock order everywhere: the allocation first, then its commitments.
    let allocation_id = load(&tx, id).await?.allocation_id;
    let allocation = lock_allocation(db, &tx, allocation_id).await?;
    let current = load(&tx, id).await?;
    let status = current.status;
    let to = to(status);
    if !allowed_from.contains(&status) {
        return Err(AppError::conflict(
            "wrong_status",
            format!("the commitment is {status}; it cannot become {to}"),
        ));
    }
    let release = current.reserved;
    let ends = matches!(
        to,
        CommitmentStatus::Declined | CommitmentStatus::Closed | CommitmentStatus::Cancelled
    );
    let mut active = current.into_active_model();
    active.status = Set(to);
    active.updated_at = Set(Utc::now());
    if ends {
        active.reserved = Set(Money::ZERO);
    }
    let updated = active.update(&*tx).await?;
    if ends && !release.is_zero() {
        let movement = Movement {
            kind: EntryKind::Release,
            available: release,
            reserved: -release,
            spent: Money::ZERO,
            expired: Money::ZERO,
            commitment: Some(id),
            delivery: None,
        };
        apply(&*tx, allocation, movement, actor, acting).await?;
    }
    match to {
        CommitmentStatus::Accepted => {
            notify::client::commitment_answered(&*tx, &updated, true).await?
        }
        CommitmentStatus::Declined => {
            notify::client::commitment_answered(&*tx, &updated, false).await?
        }
        CommitmentStatus::Closed => {
            let client = db.client_pseudonym(updated.client_id.into())?;
            notify::provider::commitment_closed(&*tx, &client, &updated).await?
        }
        _ => {}
    }
    tx.commit().await?;
    Ok(updated)
}
