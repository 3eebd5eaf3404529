//! Reading one plan: the client, her proxies, the purchaser's case workers.
use axum::{Json, extract::State};

use crate::{
    auth::Actor,
    domain::ids::PlanId,
    error::AppResult,
    plans::{self, PlanView},
    routes::extract::PathId,
    state::AppState,
};

#[utoipa::path(get, path = "/api/v1/plans/{id}", operation_id = "plans_get", tag = "plans",
    params(("id" = uuid::Uuid, Path, description = "the plan")),
    responses((status = 200, body = PlanView), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<PlanId>,
) -> AppResult<Json<PlanView>> {
    Ok(Json(plans::read::find(&state.db.conn, &actor, id).await?))
}
