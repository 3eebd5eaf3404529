//! A provider's API keys, one per site: made and revoked by the provider's staff (signed
//! in; a key cannot manage keys), listed without the key itself, which is shown only once.
use axum::{Json, extract::State, http::StatusCode};
use chrono::Utc;
use serde::{Deserialize, Serialize};

pub use crate::accounts::api_keys::ApiKeyOut;
use crate::{
    accounts::api_keys,
    auth::Actor,
    domain::{
        ids::{ApiKeyId, ProviderId},
        text::parse_text,
    },
    error::{AppResult, field},
    routes::{
        common::ListOut,
        extract::{ApiJson, ApiQuery, PageQuery, PathId},
    },
    state::AppState,
};

#[derive(Deserialize, utoipa::ToSchema)]
pub struct ApiKeyIn {
    /// Where the key is used: a site of the provider or its ERP, e.g. "Kallio office ERP".
    pub site: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct NewApiKeyOut {
    pub id: ApiKeyId,
    pub site: String,
    pub prefix: String,
    /// The key itself: shown in this answer only, never again. Send it as
    /// `Authorization: Bearer <key>`.
    pub key: String,
    pub created_at: chrono::DateTime<Utc>,
}

#[utoipa::path(post, path = "/api/v1/providers/{id}/api-keys", operation_id = "api_keys_create", tag = "api keys", params(("id" = uuid::Uuid, Path, description = "the provider")), request_body = ApiKeyIn,
    responses((status = 201, body = NewApiKeyOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<ProviderId>,
    ApiJson(input): ApiJson<ApiKeyIn>,
) -> AppResult<(StatusCode, Json<NewApiKeyOut>)> {
    actor.require_provider(id, "provider")?;
    let site = field("site", parse_text(&input.site, 100))?;
    let (model, key) = api_keys::create(&state.db, id, site, &actor).await?;
    Ok((
        StatusCode::CREATED,
        Json(NewApiKeyOut {
            id: model.id,
            site: model.site,
            prefix: model.prefix,
            key,
            created_at: model.created_at,
        }),
    ))
}

#[utoipa::path(get, path = "/api/v1/providers/{id}/api-keys", operation_id = "api_keys_list", tag = "api keys", params(("id" = uuid::Uuid, Path, description = "the provider"), PageQuery),
    responses((status = 200, body = ListOut<ApiKeyOut>), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<ProviderId>,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> AppResult<Json<ListOut<ApiKeyOut>>> {
    let page = query.parse()?;
    let listed = api_keys::of_provider(&state.db, &actor, id, Some(page)).await?;
    Ok(Json(ListOut {
        items: listed.items,
        total: listed.total,
    }))
}

#[utoipa::path(post, path = "/api/v1/api-keys/{id}/revoke", tag = "api keys", params(("id" = uuid::Uuid, Path, description = "the API key")),
    responses((status = 200, body = ApiKeyOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn revoke(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<ApiKeyId>,
) -> AppResult<Json<ApiKeyOut>> {
    let model = api_keys::revoke(&state.db, id, &actor).await?;
    Ok(Json(api_keys::with_maker(&state.db, model).await?))
}
