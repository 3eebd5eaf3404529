//! Goals and their evaluations: the client, her proxy or a case worker.
use axum::{Json, extract::State, http::StatusCode};
use serde::Deserialize;

use crate::{
    auth::Actor,
    domain::{
        catalogue::GoalArea,
        ids::{GoalId, PlanId},
    },
    error::AppResult,
    plans::{self, evaluations::EvaluationView, goals::GoalView, goals::NewGoal},
    routes::extract::{ApiJson, PathId},
    state::AppState,
};

#[derive(Deserialize, utoipa::ToSchema)]
pub struct GoalIn {
    pub text: String,
    pub area: GoalArea,
    #[schema(value_type = Option<String>, format = Date)]
    pub target_date: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/plans/{id}/goals", operation_id = "plans_add_goal", tag = "plans",
    params(("id" = uuid::Uuid, Path, description = "the plan")), request_body = GoalIn,
    responses((status = 201, body = GoalView), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<PlanId>,
    ApiJson(input): ApiJson<GoalIn>,
) -> AppResult<(StatusCode, Json<GoalView>)> {
    let new = NewGoal {
        area: input.area,
        text: &input.text,
        target_date: input.target_date.as_deref(),
    };
    let goal = plans::goals::add(&state.db, &actor, id, new).await?;
    Ok((StatusCode::CREATED, Json(goal)))
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct EvaluationIn {
    /// 1 (not at all) to 5 (reached).
    pub progress: i64,
    pub note: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/goals/{id}/evaluations", operation_id = "plans_evaluate_goal", tag = "plans",
    params(("id" = uuid::Uuid, Path, description = "the goal")), request_body = EvaluationIn,
    responses((status = 201, body = EvaluationView), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn evaluate(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<GoalId>,
    ApiJson(input): ApiJson<EvaluationIn>,
) -> AppResult<(StatusCode, Json<EvaluationView>)> {
    let view =
        plans::evaluations::evaluate(&state.db, &actor, id, input.progress, input.note.as_deref())
            .await?;
    Ok((StatusCode::CREATED, Json(view)))
}
