//! `GET /purchasers/{pid}/reports/open-reservations`: money still reserved by open
//! commitments, by provider and service.
use axum::{Json, extract::State};

use crate::{
    auth::Actor,
    domain::ids::PurchaserId,
    error::AppResult,
    finance::report::reservations::{self as report, OpenReservationsOut},
    routes::extract::PathId,
    state::AppState,
};

#[utoipa::path(get, path = "/api/v1/purchasers/{pid}/reports/open-reservations", tag = "reports", params(("pid" = uuid::Uuid, Path, description = "the purchaser")),
    responses((status = 200, body = OpenReservationsOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn open_reservations(
    State(state): State<AppState>,
    actor: Actor,
    PathId(pid): PathId<PurchaserId>,
) -> AppResult<Json<OpenReservationsOut>> {
    Ok(Json(
        report::open_reservations(&state.db, &actor, pid).await?,
    ))
}
