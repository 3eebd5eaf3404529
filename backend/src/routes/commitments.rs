//! Commitments: requested by the client side, accepted or declined by the provider,
//! closed by the client side or a case worker.
use axum::{Json, extract::State, http::StatusCode};
use chrono::Utc;
use serde::{Deserialize, Serialize};

use crate::{
    audit,
    auth::Actor,
    commitments::{
        Commitment, act,
        order::{self, OrderText},
    },
    db::entities::commitment,
    domain::{
        Money, Quantity,
        catalogue::{CommitmentStatus, Method},
        ids::{AllocationId, CommitmentId, GoalId, OfferingId, ProviderId},
        order::OrderDetailsText,
    },
    error::AppResult,
    routes::{
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
    /// The day the client would like the service to start (`YYYY-MM-DD`): today at the
    /// earliest, the allocation's last day at the latest.
    #[schema(value_type = Option<String>, format = Date)]
    pub start_date: Option<String>,
    /// How much of the service she wishes, in its units (e.g. `"10"` hours).
    pub quantity: Option<DecimalText>,
    /// A message to the provider, at most 1000 characters.
    pub message: Option<String>,
    /// Goals of the plan the allocation was decided from that this order serves.
    pub goal_ids: Option<Vec<GoalId>>,
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
    pub reserved: Money,
    /// The day the client would like the service to start, if she said.
    pub start_date: Option<chrono::NaiveDate>,
    /// How much she wishes, in the service's units, if she said.
    pub quantity: Option<Quantity>,
    /// Her message to the provider, if any.
    pub message: Option<String>,
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
            start_date: c.start_date,
            quantity: c.quantity,
            message: c.message,
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
    let order = OrderText {
        offering: input.offering_id,
        method: input.method,
        reserve: input.reserve.as_ref().map(|r| r.0.as_str()),
        details: OrderDetailsText {
            start_date: input.start_date.as_deref(),
            quantity: input.quantity.as_ref().map(|q| q.0.as_str()),
            message: input.message.as_deref(),
        },
        goals: input.goal_ids.as_deref().unwrap_or_default(),
    };
    let model = order::place(&state.db, &actor, id, order).await?;
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
        model.id.into(),
        model.client_id,
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
