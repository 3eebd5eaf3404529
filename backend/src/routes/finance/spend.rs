//! `GET /purchasers/{pid}/reports/spend?from=YYYY-MM&to=YYYY-MM`: spend per month, per
//! catalogue service and per provider.
use axum::{Json, extract::State};

use crate::{
    auth::Actor,
    domain::ids::PurchaserId,
    error::AppResult,
    finance::report::spend::{self as report, SpendOut, SpendQuery},
    routes::extract::{ApiQuery, PathId},
    state::AppState,
};

#[utoipa::path(get, path = "/api/v1/purchasers/{pid}/reports/spend", tag = "reports", params(("pid" = uuid::Uuid, Path, description = "the purchaser"), SpendQuery),
    responses((status = 200, body = SpendOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn spend(
    State(state): State<AppState>,
    actor: Actor,
    PathId(pid): PathId<PurchaserId>,
    ApiQuery(query): ApiQuery<SpendQuery>,
) -> AppResult<Json<SpendOut>> {
    Ok(Json(report::spend(&state.db, &actor, pid, &query).await?))
}
