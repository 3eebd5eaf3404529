//! `GET /purchasers/{pid}/reports/reconciliation`: the proof that the purchaser's books
//! hold — `ok: false` names every allocation, delivery or invoice that does not.
use axum::{Json, extract::State};

use crate::{
    auth::Actor,
    domain::ids::PurchaserId,
    error::AppResult,
    finance::report::reconciliation::{self as report, ReconciliationOut},
    routes::extract::PathId,
    state::AppState,
};

#[utoipa::path(get, path = "/api/v1/purchasers/{pid}/reports/reconciliation", operation_id = "finance_reconciliation_reconciliation", tag = "reports", params(("pid" = uuid::Uuid, Path, description = "the purchaser")),
    responses((status = 200, body = ReconciliationOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn reconciliation(
    State(state): State<AppState>,
    actor: Actor,
    PathId(pid): PathId<PurchaserId>,
) -> AppResult<Json<ReconciliationOut>> {
    Ok(Json(report::reconciliation(&state.db, &actor, pid).await?))
}
