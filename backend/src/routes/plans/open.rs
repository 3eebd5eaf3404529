//! A case worker opens a plan when a need is identified.
use axum::{Json, extract::State, http::StatusCode};
use serde::Deserialize;

use crate::{
    auth::Actor,
    domain::ids::ClientId,
    error::AppResult,
    plans::{self, PlanView},
    routes::extract::{ApiJson, PathId},
    state::AppState,
};

#[derive(Deserialize, utoipa::ToSchema)]
pub struct PlanIn {
    /// The day the need was identified (`YYYY-MM-DD`, not in the future); the decision is
    /// due three calendar months later.
    #[schema(value_type = String, format = Date)]
    pub need_identified_on: String,
}

#[utoipa::path(post, path = "/api/v1/clients/{cid}/plans", operation_id = "plans_open", tag = "plans",
    params(("cid" = uuid::Uuid, Path, description = "the client")), request_body = PlanIn,
    responses((status = 201, body = PlanView), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn open(
    State(state): State<AppState>,
    actor: Actor,
    PathId(cid): PathId<ClientId>,
    ApiJson(input): ApiJson<PlanIn>,
) -> AppResult<(StatusCode, Json<PlanView>)> {
    let model = plans::open::open(&state.db, &actor, cid, &input.need_identified_on).await?;
    let view = plans::read::view(&state.db.conn, model).await?;
    Ok((StatusCode::CREATED, Json(view)))
}
