//! Adding a catalogue entry over the API (the rules are in `catalogue::create`).
use axum::{Json, extract::State, http::StatusCode};

use crate::{
    auth::Actor,
    catalogue,
    domain::ids::PurchaserId,
    error::AppResult,
    routes::extract::{ApiJson, PathId},
    state::AppState,
};

use super::{ServiceIn, ServiceOut};

#[utoipa::path(post, path = "/api/v1/purchasers/{pid}/services", operation_id = "services_create_create", tag = "catalogue", request_body = ServiceIn,
    params(("pid" = PurchaserId, Path, description = "the purchaser")),
    responses((status = 201, body = ServiceOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    actor: Actor,
    PathId(pid): PathId<PurchaserId>,
    ApiJson(input): ApiJson<ServiceIn>,
) -> AppResult<(StatusCode, Json<ServiceOut>)> {
    let model = catalogue::create::create(&state.db, &actor, pid, input).await?;
    let out = ServiceOut::load(&state.db.conn, &model).await?;
    Ok((StatusCode::CREATED, Json(out)))
}
