//! Creating, changing and archiving offerings over the API: the rules are in
//! `offerings::write`; these answer with the offering as the API shows it.
use axum::{Json, extract::State, http::StatusCode};

use crate::{
    auth::Actor,
    domain::ids::{OfferingId, ProviderId},
    error::AppResult,
    offerings::{self, OfferingIn, OfferingOut, OfferingPatch},
    routes::extract::{ApiJson, PathId},
    state::AppState,
};

#[utoipa::path(post, path = "/api/v1/providers/{id}/offerings", operation_id = "offerings_write_create", tag = "offerings", params(("id" = uuid::Uuid, Path, description = "the provider")), request_body = OfferingIn,
    responses((status = 201, body = OfferingOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    actor: Actor,
    PathId(provider): PathId<ProviderId>,
    ApiJson(raw): ApiJson<OfferingIn>,
) -> AppResult<(StatusCode, Json<OfferingOut>)> {
    let created = offerings::write::create(&state.db, &actor, provider, raw).await?;
    let out = OfferingOut::load(&state.db.conn, &created).await?;
    Ok((StatusCode::CREATED, Json(out)))
}

#[utoipa::path(patch, path = "/api/v1/offerings/{id}", operation_id = "offerings_write_update", tag = "offerings", params(("id" = uuid::Uuid, Path, description = "the offering")), request_body = OfferingPatch,
    responses((status = 200, body = OfferingOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<OfferingId>,
    ApiJson(patch): ApiJson<OfferingPatch>,
) -> AppResult<Json<OfferingOut>> {
    let updated = offerings::write::update(&state.db, &actor, id, patch).await?;
    Ok(Json(OfferingOut::load(&state.db.conn, &updated).await?))
}

#[utoipa::path(delete, path = "/api/v1/offerings/{id}", operation_id = "offerings_write_archive", tag = "offerings", params(("id" = uuid::Uuid, Path, description = "the offering")),
    responses((status = 200, body = OfferingOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn archive(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<OfferingId>,
) -> AppResult<Json<OfferingOut>> {
    let archived = offerings::write::archive(&state.db, &actor, id).await?;
    Ok(Json(OfferingOut::load(&state.db.conn, &archived).await?))
}
