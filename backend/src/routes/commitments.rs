//! Commitments: requested by the client side, accepted or declined by the provider,
//! closed by the client side or a case worker.
use axum::{Json, extract::State, http::StatusCode};
use chrono::Utc;
use sea_orm::EntityTrait;
use serde::{Deserialize, Serialize};

use crate::{
    audit,
    auth::Actor,
    commitments::{Commitment, act},
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
        common::ListOut,
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
        Ok(Commitment::from_model(model)?.into())
    }
}

impl From<Commitment> for CommitmentOut {
    fn from(c: Commitment) -> Self {
        CommitmentOut {
            id: c.id,
            allocation_id: c.allocation_id,
            offering_id: c.offering_id,
            provider_id: c.provider_id,
            method: c.method,
            status: c.status,
            reserved: c.reserved,
            created_at: c.created_at,
            updated_at: c.updated_at,
        }
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

#[utoipa::path(get, path = "/api/v1/commitments/{id}", operation_id = "commitments_get", tag = "commitments", params(("id" = uuid::Uuid, Path, description = "the commitment")),
    responses((status = 200, body = CommitmentOut), (status = 404, body = crate::error::ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<CommitmentId>,
) -> AppResult<Json<CommitmentOut>> {
    let (model, acting) = act::visible(&state.db.conn, &actor, id).await?;
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
    answer: act::Answer,
) -> AppResult<Json<CommitmentOut>> {
    let updated = act::answer(&state.db, actor, id, answer).await?;
    Ok(Json(CommitmentOut::from_model(&updated)?))
}

#[utoipa::path(post, path = "/api/v1/commitments/{id}/accept", tag = "commitments", params(("id" = uuid::Uuid, Path, description = "the commitment")),
    responses((status = 200, body = CommitmentOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn accept(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<CommitmentId>,
) -> AppResult<Json<CommitmentOut>> {
    provider_transition(&state, &actor, id, act::Answer::Accept).await
}

#[utoipa::path(post, path = "/api/v1/commitments/{id}/decline", tag = "commitments", params(("id" = uuid::Uuid, Path, description = "the commitment")),
    responses((status = 200, body = CommitmentOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn decline(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<CommitmentId>,
) -> AppResult<Json<CommitmentOut>> {
    provider_transition(&state, &actor, id, act::Answer::Decline).await
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
    let updated = act::end(&state.db, &actor, id).await?;
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
    let listed =
        crate::commitments::read::for_allocation(&state.db.conn, &actor, id, Some(page)).await?;
    Ok(Json(ListOut {
        items: listed.items.into_iter().map(Into::into).collect(),
        total: listed.total,
    }))
}
