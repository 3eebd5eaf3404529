//! A case worker closes a decided plan or cancels a draft, with a reason.
use axum::{Json, extract::State};
use serde::Deserialize;

use crate::{
    auth::Actor,
    domain::ids::PlanId,
    error::AppResult,
    plans::{self, PlanView, close::Ending},
    routes::extract::{ApiJson, PathId},
    state::AppState,
};

#[derive(Deserialize, utoipa::ToSchema)]
pub struct PlanEndIn {
    /// Why the plan ends: 1–2000 characters.
    pub reason: String,
}

async fn end(
    state: &AppState,
    actor: &Actor,
    id: PlanId,
    ending: Ending,
    reason: &str,
) -> AppResult<Json<PlanView>> {
    let ended = plans::close::end(&state.db, actor, id, ending, reason).await?;
    Ok(Json(plans::read::view(&state.db.conn, ended).await?))
}

#[utoipa::path(post, path = "/api/v1/plans/{id}/close", operation_id = "plans_close", tag = "plans",
    params(("id" = uuid::Uuid, Path, description = "the plan")), request_body = PlanEndIn,
    responses((status = 200, body = PlanView, description = "the plan, closed"),
        (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn close(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<PlanId>,
    ApiJson(input): ApiJson<PlanEndIn>,
) -> AppResult<Json<PlanView>> {
    end(&state, &actor, id, Ending::Close, &input.reason).await
}

#[utoipa::path(post, path = "/api/v1/plans/{id}/cancel", operation_id = "plans_cancel", tag = "plans",
    params(("id" = uuid::Uuid, Path, description = "the plan")), request_body = PlanEndIn,
    responses((status = 200, body = PlanView, description = "the plan, cancelled"),
        (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn cancel(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<PlanId>,
    ApiJson(input): ApiJson<PlanEndIn>,
) -> AppResult<Json<PlanView>> {
    end(&state, &actor, id, Ending::Cancel, &input.reason).await
}
