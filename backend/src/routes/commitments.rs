//! Commitments: requested by the client side, accepted or declined by the provider,
//! closed by the client side or a case worker.
use axum::{Json, extract::State, http::StatusCode};
use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};

use crate::{
    audit,
    auth::{ActingFor, Actor, access},
    db::entities::{commitment, offering, service},
    domain::{
        Money,
        catalogue::{CommitmentStatus, Method},
        ids::{AllocationId, CommitmentId, OfferingId, ProviderId},
    },
    error::{AppError, AppResult, field},
    ledger::commitments::{self, CommitmentRequest},
    routes::{
        allocations::load_visible,
        common::{ListOut, fetch_page},
        extract::{ApiJson, ApiQuery, DecimalText, PageQuery, PathId},
    },
    state::AppState,
};

#[derive(Deserialize, utoipa::ToSchema)]
pub struct CommitmentIn {
    pub offering_id: OfferingId,
    pub method: Method,
    pub reserve: Option<DecimalText>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct CommitmentOut {
    pub id: CommitmentId,
    pub allocation_id: AllocationId,
    pub offering_id: OfferingId,
    pub provider_id: ProviderId,
    pub method: Method,
    pub status: CommitmentStatus,
    /// What is still reserved for this commitment.
    #[schema(value_type = String)]
    pub reserved: Money,
    pub created_at: chrono::DateTime<Utc>,
    pub updated_at: chrono::DateTime<Utc>,
}

impl CommitmentOut {
    pub fn from_model(model: &commitment::Model) -> AppResult<Self> {
        Ok(CommitmentOut {
            id: model.id.into(),
            allocation_id: model.allocation_id.into(),
            offering_id: model.offering_id.into(),
            provider_id: model.provider_id.into(),
            method: model.method.parse().map_err(AppError::internal)?,
            status: commitments::status_of(model)?,
            reserved: Money::from_cents(model.reserved_cents),
            created_at: model.created_at,
            updated_at: model.updated_at,
        })
    }
}

#[utoipa::path(post, path = "/api/v1/allocations/{id}/commitments", operation_id = "commitments_create", tag = "commitments", params(("id" = uuid::Uuid, Path, description = "the allocation")), request_body = CommitmentIn,
    responses((status = 201, body = CommitmentOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<AllocationId>,
    ApiJson(input): ApiJson<CommitmentIn>,
) -> AppResult<(StatusCode, Json<CommitmentOut>)> {
    let (_, acting) = load_visible(&state, &actor, id, "allocation_read").await?;
    let reserve = match &input.reserve {
        Some(raw) => field("reserve", Money::parse_amount(&raw.0))?,
        None => Money::ZERO,
    };
    let conn = &state.db.conn;
    let offering = offering::Entity::find_by_id(uuid::Uuid::from(input.offering_id))
        .one(conn)
        .await?
        .filter(|o| !o.archived)
        .ok_or_else(|| AppError::invalid("offering_id", "is not an offering that can be chosen"))?;
    let service = service::Entity::find_by_id(offering.service_id)
        .one(conn)
        .await?
        .ok_or_else(|| AppError::internal("offering without service"))?;
    let request = CommitmentRequest {
        allocation: id,
        offering,
        service,
        method: input.method,
        reserve,
    };
    let model = commitments::request(&state.db, request, &actor, acting).await?;
    Ok((
        StatusCode::CREATED,
        Json(CommitmentOut::from_model(&model)?),
    ))
}

/// The commitment and in what capacity the actor may act on it: the provider's staff, or
/// the client side and case workers of the client. Anyone else: 404.
async fn visible(
    state: &AppState,
    actor: &Actor,
    id: CommitmentId,
) -> AppResult<(commitment::Model, Option<ActingFor>)> {
    let model = commitment::Entity::find_by_id(uuid::Uuid::from(id))
        .one(&state.db.conn)
        .await?
        .ok_or_else(|| AppError::not_found("commitment"))?;
    if actor.provider_id.map(uuid::Uuid::from) == Some(model.provider_id) {
        return Ok((model, None));
    }
    let (_, acting) = access::load_client(&state.db.conn, actor, model.client_id.into())
        .await
        .map_err(|_| AppError::not_found("commitment"))?;
    Ok((model, Some(acting)))
}

#[utoipa::path(get, path = "/api/v1/commitments/{id}", operation_id = "commitments_get", tag = "commitments", params(("id" = uuid::Uuid, Path, description = "the commitment")),
    responses((status = 200, body = CommitmentOut), (status = 404, body = crate::error::ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<CommitmentId>,
) -> AppResult<Json<CommitmentOut>> {
    let (model, acting) = visible(&state, &actor, id).await?;
    audit::record_read(
        &state.db.conn,
        &actor,
        acting,
        "commitment_read",
        "commitment",
        model.id,
        model.client_id.into(),
    )
    .await?;
    Ok(Json(CommitmentOut::from_model(&model)?))
}

async fn provider_transition(
    state: &AppState,
    actor: &Actor,
    id: CommitmentId,
    to: CommitmentStatus,
) -> AppResult<Json<CommitmentOut>> {
    let (model, acting) = visible(state, actor, id).await?;
    if acting.is_some() {
        return Err(AppError::forbidden(
            "only the provider may accept or decline a commitment",
        ));
    }
    actor.require_provider(model.provider_id.into(), "commitment")?;
    let updated = commitments::transition(
        &state.db,
        id,
        |_| to,
        &[CommitmentStatus::Requested],
        actor,
        None,
    )
    .await?;
    Ok(Json(CommitmentOut::from_model(&updated)?))
}

#[utoipa::path(post, path = "/api/v1/commitments/{id}/accept", tag = "commitments", params(("id" = uuid::Uuid, Path, description = "the commitment")),
    responses((status = 200, body = CommitmentOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn accept(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<CommitmentId>,
) -> AppResult<Json<CommitmentOut>> {
    provider_transition(&state, &actor, id, CommitmentStatus::Accepted).await
}

#[utoipa::path(post, path = "/api/v1/commitments/{id}/decline", tag = "commitments", params(("id" = uuid::Uuid, Path, description = "the commitment")),
    responses((status = 200, body = CommitmentOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn decline(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<CommitmentId>,
) -> AppResult<Json<CommitmentOut>> {
    provider_transition(&state, &actor, id, CommitmentStatus::Declined).await
}

/// Closes an accepted commitment, or cancels one still waiting for the provider; either
/// way what is still reserved returns to available.
#[utoipa::path(post, path = "/api/v1/commitments/{id}/close", tag = "commitments", params(("id" = uuid::Uuid, Path, description = "the commitment")),
    responses((status = 200, body = CommitmentOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn close(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<CommitmentId>,
) -> AppResult<Json<CommitmentOut>> {
    let (_, acting) = visible(&state, &actor, id).await?;
    let Some(acting) = acting else {
        return Err(AppError::forbidden(
            "the client, their proxy or a case worker closes a commitment",
        ));
    };
    let to = |current| match current {
        CommitmentStatus::Requested => CommitmentStatus::Cancelled,
        _ => CommitmentStatus::Closed,
    };
    let from = [CommitmentStatus::Requested, CommitmentStatus::Accepted];
    let updated = commitments::transition(&state.db, id, to, &from, &actor, Some(acting)).await?;
    Ok(Json(CommitmentOut::from_model(&updated)?))
}

#[utoipa::path(get, path = "/api/v1/allocations/{id}/commitments", tag = "commitments", params(("id" = uuid::Uuid, Path, description = "the allocation"), PageQuery),
    responses((status = 200, body = ListOut<CommitmentOut>), (status = 404, body = crate::error::ErrorBody)))]
pub async fn list_for_allocation(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<AllocationId>,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> AppResult<Json<ListOut<CommitmentOut>>> {
    let page = query.parse()?;
    load_visible(&state, &actor, id, "commitments_listed").await?;
    let select = commitment::Entity::find()
        .filter(commitment::Column::AllocationId.eq(uuid::Uuid::from(id)))
        .order_by_desc(commitment::Column::CreatedAt);
    let (models, total) = fetch_page(&state.db.conn, select, page).await?;
    let items = models
        .iter()
        .map(CommitmentOut::from_model)
        .collect::<AppResult<_>>()?;
    Ok(Json(ListOut { items, total }))
}
