//! Placing an order (a commitment in the `requested` state): the client, her proxy or a case
//! worker asks a provider for an offering, paid from one of the client's decisions, with
//! what she tells the provider (start date, quantity, message). Decided once for the API and
//! the portal; the reservation moves in `ledger::commitments`, and the goals it serves are
//! linked in the same transaction (`plans::links`).
use sea_orm::EntityTrait;

use crate::{
    auth::Actor,
    db::{
        Db,
        entities::{commitment, offering, service},
    },
    domain::{
        Money,
        catalogue::Method,
        ids::{AllocationId, GoalId, OfferingId},
        order::{OrderDetails, OrderDetailsError, OrderDetailsText},
        today_in_finland,
    },
    error::{AppError, field},
    ledger::commitments::{self as money, CommitmentRequest},
};

/// An order as typed: the amounts and details are text for the domain's parsers.
#[derive(Clone, Copy, Debug)]
pub struct OrderText<'a> {
    pub offering: OfferingId,
    pub method: Method,
    /// Money to reserve for it now (blank or absent: none).
    pub reserve: Option<&'a str>,
    pub details: OrderDetailsText<'a>,
    /// Goals of the plan the allocation was decided from that this order serves.
    pub goals: &'a [GoalId],
}

/// Why an order was refused: a detail the client typed (which the portal words precisely),
/// or any other refusal (the allocation, the offering, the money).
#[derive(Debug, thiserror::Error)]
pub enum OrderError {
    #[error(transparent)]
    Details(#[from] OrderDetailsError),
    #[error(transparent)]
    Refused(#[from] AppError),
}

impl From<OrderError> for AppError {
    fn from(error: OrderError) -> Self {
        match error {
            OrderError::Details(e) => AppError::invalid(e.field(), &e),
            OrderError::Refused(e) => e,
        }
    }
}

impl From<sea_orm::DbErr> for OrderError {
    fn from(error: sea_orm::DbErr) -> Self {
        OrderError::Refused(error.into())
    }
}

/// Places the order. Who may: whoever may see the allocation (anyone else: 404); each bad
/// field is a 422 naming it, and nothing changes.
pub async fn place(
    db: &Db,
    actor: &Actor,
    allocation: AllocationId,
    order: OrderText<'_>,
) -> Result<commitment::Model, OrderError> {
    let (granted, acting) =
        crate::allocations::load_visible(&db.conn, actor, allocation, "allocation_read").await?;
    let reserve = match order.reserve.map(str::trim).filter(|r| !r.is_empty()) {
        Some(raw) => field("reserve", Money::parse_amount(raw))?,
        None => Money::ZERO,
    };
    let details = OrderDetails::parse(order.details, today_in_finland(), granted.valid_to)?;
    let offering = offering::Entity::find_by_id(order.offering)
        .one(&db.conn)
        .await?
        .filter(|o| !o.archived)
        .ok_or_else(|| AppError::invalid("offering_id", "is not an offering that can be chosen"))?;
    let service = service::Entity::find_by_id(offering.service_id)
        .one(&db.conn)
        .await?
        .ok_or_else(|| AppError::internal("offering without service"))?;
    let request = CommitmentRequest {
        allocation,
        offering,
        service,
        method: order.method,
        reserve,
        details,
    };
    // The order and the goals it serves are one fact: checked and written in one
    // transaction, so a refused goal leaves no order (nor reservation, nor email) behind.
    let tx = db.begin_write().await?;
    let placed = money::request_in(db, &tx, request, actor, acting).await?;
    crate::plans::links::check_and_link(&*tx, allocation, order.goals, placed.id)
        .await
        .map_err(AppError::from)?;
    tx.commit().await?;
    Ok(placed)
}
