//! Provider applications to a purchaser's catalogue, and the catalogue manager's decision.
use axum::{Json, extract::State, http::StatusCode};
use serde::Deserialize;

pub use crate::applications::read::ApplicationOut;
use crate::{
    auth::Actor,
    db::entities::application,
    domain::ids::{ApplicationId, ProviderId, PurchaserId, ServiceId},
    error::AppResult,
    routes::{
        common::ListOut,
        extract::{ApiJson, ApiQuery, PageQuery, PathId},
    },
    state::AppState,
};

#[derive(Deserialize, utoipa::ToSchema)]
pub struct ApplicationIn {
    pub purchaser_id: PurchaserId,
    pub service_ids: Vec<ServiceId>,
}

#[utoipa::path(post, path = "/api/v1/providers/{id}/applications", operation_id = "applications_create", tag = "applications", params(("id" = uuid::Uuid, Path, description = "the provider")), request_body = ApplicationIn,
    responses((status = 201, body = ApplicationOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    actor: Actor,
    PathId(provider): PathId<ProviderId>,
    ApiJson(input): ApiJson<ApplicationIn>,
) -> AppResult<(StatusCode, Json<ApplicationOut>)> {
    let model = crate::applications::apply::apply(
        &state.db,
        &actor,
        provider,
        input.purchaser_id,
        &input.service_ids,
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(ApplicationOut::from_model(&model)?),
    ))
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct DecisionIn {
    pub approve: bool,
    pub reason: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/applications/{id}/decision", operation_id = "applications_decide", tag = "applications", params(("id" = uuid::Uuid, Path, description = "the application")), request_body = DecisionIn,
    responses((status = 200, body = ApplicationOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn decide(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<ApplicationId>,
    ApiJson(input): ApiJson<DecisionIn>,
) -> AppResult<Json<ApplicationOut>> {
    let decided = crate::applications::decide::decide(
        &state.db,
        &actor,
        id,
        input.approve,
        input.reason.as_deref(),
    )
    .await?;
    Ok(Json(ApplicationOut::from_model(&decided)?))
}

#[utoipa::path(get, path = "/api/v1/purchasers/{pid}/applications", operation_id = "applications_list_for_purchaser", tag = "applications", params(("pid" = uuid::Uuid, Path, description = "the purchaser"), PageQuery),
    responses((status = 200, body = ListOut<ApplicationOut>)))]
pub async fn list_for_purchaser(
    State(state): State<AppState>,
    actor: Actor,
    PathId(pid): PathId<PurchaserId>,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> AppResult<Json<ListOut<ApplicationOut>>> {
    let page = query.parse()?;
    let listed =
        crate::applications::read::for_purchaser(&state.db.conn, &actor, pid, Some(page)).await?;
    Ok(Json(application_outs(listed)?))
}

#[utoipa::path(get, path = "/api/v1/providers/{id}/applications", operation_id = "applications_list_for_provider", tag = "applications", params(("id" = uuid::Uuid, Path, description = "the provider"), PageQuery),
    responses((status = 200, body = ListOut<ApplicationOut>)))]
pub async fn list_for_provider(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<ProviderId>,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> AppResult<Json<ListOut<ApplicationOut>>> {
    let page = query.parse()?;
    let listed =
        crate::applications::read::for_provider(&state.db.conn, &actor, id, Some(page)).await?;
    Ok(Json(application_outs(listed)?))
}

fn application_outs(
    listed: crate::paging::Paged<application::Model>,
) -> AppResult<ListOut<ApplicationOut>> {
    let items = listed
        .items
        .iter()
        .map(ApplicationOut::from_model)
        .collect::<AppResult<_>>()?;
    Ok(ListOut {
        items,
        total: listed.total,
    })
}
