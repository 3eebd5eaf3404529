//! Open reservations: money still reserved by open
//! commitments, by provider and service.
use serde::Serialize;

use crate::{
    auth::Actor,
    db::Db,
    domain::{Money, catalogue::Role, ids::PurchaserId},
    error::AppResult,
    finance::reservations::open_reservations as compute,
};

#[derive(Serialize, utoipa::ToSchema)]
pub struct OpenReservationOut {
    pub provider_id: uuid::Uuid,
    pub provider_name: String,
    pub service_id: uuid::Uuid,
    #[schema(value_type = Object)]
    pub service_name: serde_json::Value,
    pub commitments: i64,
    pub reserved: Money,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct OpenReservationsOut {
    pub total: Money,
    /// Largest reservation first.
    pub items: Vec<OpenReservationOut>,
}

/// Every open reservation of the purchaser's clients, for its finance staff.
pub async fn open_reservations(
    db: &Db,
    actor: &Actor,
    pid: PurchaserId,
) -> AppResult<OpenReservationsOut> {
    actor.require_staff(pid, Role::Finance)?;
    let rows = compute(&db.conn, pid).await?;
    Ok(OpenReservationsOut {
        total: Money::from_cents(rows.iter().map(|r| r.reserved_cents).sum()),
        items: rows
            .into_iter()
            .map(|r| OpenReservationOut {
                provider_id: r.provider_id.into(),
                provider_name: r.provider_name,
                service_id: r.service_id.into(),
                service_name: r.service_name,
                commitments: r.commitments,
                reserved: Money::from_cents(r.reserved_cents),
            })
            .collect(),
    })
}
