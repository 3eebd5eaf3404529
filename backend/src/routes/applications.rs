//! Provider applications to a purchaser's catalogue, and the catalogue manager's decision.
use axum::{Json, extract::State, http::StatusCode};
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use serde::Deserialize;

pub use crate::applications::read::ApplicationOut;
use crate::{
    auth::Actor,
    db::entities::{application, purchaser, service},
    domain::{
        catalogue::ApplicationStatus,
        ids::{ApplicationId, ProviderId, PurchaserId, ServiceId},
    },
    error::{AppError, AppResult},
    routes::{
        common::{ListOut, to_json},
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
    actor.require_provider(provider, "provider")?;
    let conn = &state.db.conn;
    purchaser::Entity::find_by_id(uuid::Uuid::from(input.purchaser_id))
        .one(conn)
        .await?
        .ok_or_else(|| AppError::invalid("purchaser_id", "is not a known purchaser"))?;
    let mut service_ids = input.service_ids.clone();
    service_ids.sort();
    service_ids.dedup();
    if service_ids.is_empty() {
        return Err(AppError::invalid(
            "service_ids",
            "must list at least one service",
        ));
    }
    let ids: Vec<uuid::Uuid> = service_ids.iter().map(|s| s.0).collect();
    let found = service::Entity::find()
        .filter(service::Column::Id.is_in(ids))
        .filter(service::Column::PurchaserId.eq(uuid::Uuid::from(input.purchaser_id)))
        .count(conn)
        .await?;
    if found != service_ids.len() as u64 {
        return Err(AppError::invalid(
            "service_ids",
            "must all be services in this purchaser's catalogue",
        ));
    }
    let model = application::ActiveModel {
        id: Set(ApplicationId::new().into()),
        provider_id: Set(provider.into()),
        purchaser_id: Set(input.purchaser_id.into()),
        service_ids: Set(to_json(&service_ids)?),
        status: Set(ApplicationStatus::Pending.to_string()),
        reason: Set(None),
        decided_by: Set(None),
        decided_at: Set(None),
        created_at: Set(Utc::now()),
    };
    // The application and the emails about it commit together.
    let tx = state.db.begin_write().await?;
    let model = model.insert(&*tx).await?;
    crate::notify::provider::application_submitted(&*tx, &model).await?;
    tx.commit().await?;
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
