//! `POST /api/v1/services/{id}/archive`: no new offerings, commitments or decisions for the
//! entry; running commitments go on; its offerings leave search.
use axum::{Json, extract::State};

use crate::{
    auth::Actor,
    catalogue,
    domain::ids::ServiceId,
    error::{AppError, AppResult},
    routes::extract::PathId,
    state::AppState,
};

use super::ServiceOut;

#[utoipa::path(post, path = "/api/v1/services/{id}/archive", operation_id = "services_archive_archive", tag = "catalogue",
    params(("id" = ServiceId, Path, description = "the catalogue entry")),
    responses((status = 200, body = ServiceOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn archive(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<ServiceId>,
) -> AppResult<Json<ServiceOut>> {
    let model = catalogue::archive::archive(&state.db, &actor, id)
        .await
        .map_err(AppError::from)?;
    Ok(Json(ServiceOut::load(&state.db.conn, &model).await?))
}
