//! Writing the support plan's answers: the client, her proxy or a case worker.
use axum::{Json, extract::State};
use serde::Deserialize;

use crate::{
    auth::Actor,
    domain::ids::PlanId,
    error::AppResult,
    plans::{self, PlanView, answers::AnswersIn},
    routes::extract::{ApiJson, PathId},
    state::AppState,
};

#[derive(Deserialize, utoipa::ToSchema)]
pub struct AnswersBody {
    /// Answers by question key (see `GET /api/v1/plan-questions`); an empty text clears one.
    pub answers: AnswersIn,
}

#[utoipa::path(put, path = "/api/v1/plans/{id}/answers", operation_id = "plans_answer", tag = "plans",
    params(("id" = uuid::Uuid, Path, description = "the plan")), request_body = AnswersBody,
    responses((status = 200, body = PlanView), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn put(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<PlanId>,
    ApiJson(input): ApiJson<AnswersBody>,
) -> AppResult<Json<PlanView>> {
    let model = plans::answers::write(&state.db, &actor, id, &input.answers).await?;
    Ok(Json(plans::read::view(&state.db.conn, model).await?))
}
