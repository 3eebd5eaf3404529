//! `GET /purchasers/{pid}/reports/open-reservations`: money still reserved by open
//! commitments, by provider and service.
use axum::{Json, extract::State};
use serde::Serialize;

use crate::{
    auth::Actor,
    domain::{Money, catalogue::Role, ids::PurchaserId},
    error::AppResult,
    finance::reservations::open_reservations as compute,
    routes::extract::PathId,
    state::AppState,
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

#[utoipa::path(get, path = "/api/v1/purchasers/{pid}/reports/open-reservations", tag = "reports", params(("pid" = uuid::Uuid, Path, description = "the purchaser")),
    responses((status = 200, body = OpenReservationsOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn open_reservations(
    State(state): State<AppState>,
    actor: Actor,
    PathId(pid): PathId<PurchaserId>,
) -> AppResult<Json<OpenReservationsOut>> {
    actor.require_staff(pid, Role::Finance)?;
    let rows = compute(&state.db.conn, pid.into()).await?;
    Ok(Json(OpenReservationsOut {
        total: Money::from_cents(rows.iter().map(|r| r.reserved_cents).sum()),
        items: rows
            .into_iter()
            .map(|r| OpenReservationOut {
                provider_id: r.provider_id,
                provider_name: r.provider_name,
                service_id: r.service_id,
                service_name: r.service_name,
                commitments: r.commitments,
                reserved: Money::from_cents(r.reserved_cents),
            })
            .collect(),
    }))
}
