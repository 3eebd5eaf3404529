//! A provider's API keys, one per site: made and revoked by the provider's staff (signed
//! in; a key cannot manage keys), listed without the key itself, which is shown only once.
use axum::{Json, extract::State, http::StatusCode};
use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};

use crate::{
    auth::Actor,
    db::entities::{api_key as key_row, user},
    domain::{
        ids::{ApiKeyId, ProviderId},
        text::parse_text,
    },
    error::{AppResult, field},
    routes::{
        common::{ListOut, fetch_page},
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
pub struct ApiKeyOut {
    pub id: ApiKeyId,
    pub site: String,
    /// The key's first characters after `vk_`, to tell keys apart.
    pub prefix: String,
    pub created_at: chrono::DateTime<Utc>,
    /// The staff member who made the key.
    pub created_by: String,
    pub last_used_at: Option<chrono::DateTime<Utc>>,
    pub revoked_at: Option<chrono::DateTime<Utc>>,
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

impl ApiKeyOut {
    pub fn of(model: key_row::Model, created_by: String) -> Self {
        ApiKeyOut {
            id: model.id.into(),
            site: model.site,
            prefix: model.prefix,
            created_at: model.created_at,
            created_by,
            last_used_at: model.last_used_at,
            revoked_at: model.revoked_at,
        }
    }
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
    let (model, key) = crate::accounts::api_keys::create(&state.db, id, site, &actor).await?;
    Ok((
        StatusCode::CREATED,
        Json(NewApiKeyOut {
            id: model.id.into(),
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
    actor.require_provider(id, "provider")?;
    let page = query.parse()?;
    let conn = &state.db.conn;
    let select = key_row::Entity::find()
        .filter(key_row::Column::ProviderId.eq(uuid::Uuid::from(id)))
        .order_by_desc(key_row::Column::CreatedAt);
    let (models, total) = fetch_page(conn, select, page).await?;
    let names: std::collections::HashMap<uuid::Uuid, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(models.iter().map(|k| k.created_by)))
        .all(conn)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    let items = models
        .into_iter()
        .map(|k| {
            let by = names.get(&k.created_by).cloned().unwrap_or_default();
            ApiKeyOut::of(k, by)
        })
        .collect();
    Ok(Json(ListOut { items, total }))
}

#[utoipa::path(post, path = "/api/v1/api-keys/{id}/revoke", tag = "api keys", params(("id" = uuid::Uuid, Path, description = "the API key")),
    responses((status = 200, body = ApiKeyOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn revoke(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<ApiKeyId>,
) -> AppResult<Json<ApiKeyOut>> {
    let model = crate::accounts::api_keys::revoke(&state.db, id, &actor).await?;
    let by = user::Entity::find_by_id(model.created_by)
        .one(&state.db.conn)
        .await?
        .map(|u| u.name)
        .unwrap_or_default();
    Ok(Json(ApiKeyOut::of(model, by)))
}
