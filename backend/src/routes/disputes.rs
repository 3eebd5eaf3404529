//! Deciding disputes: a case worker of the client's purchaser upholds or rejects.
use axum::{Json, extract::State};
use chrono::Utc;
use sea_orm::EntityTrait;
use serde::{Deserialize, Serialize};

use crate::{
    auth::{ActingFor, Actor, access},
    db::entities::dispute,
    domain::{
        catalogue::DisputeStatus,
        ids::{DeliveryId, DisputeId},
        text::parse_optional_text,
    },
    error::{AppError, AppResult, field},
    ledger,
    routes::extract::{ApiJson, PathId},
    state::AppState,
};

#[derive(Serialize, utoipa::ToSchema)]
pub struct DisputeOut {
    pub id: DisputeId,
    pub delivery_id: DeliveryId,
    pub status: DisputeStatus,
    pub reason: String,
    pub decision_reason: Option<String>,
    pub created_at: chrono::DateTime<Utc>,
    pub decided_at: Option<chrono::DateTime<Utc>>,
}

impl DisputeOut {
    pub fn from_model(model: &dispute::Model) -> AppResult<Self> {
        Ok(DisputeOut {
            id: model.id.into(),
            delivery_id: model.delivery_id.into(),
            status: model.status.parse().map_err(AppError::internal)?,
            reason: model.reason.clone(),
            decision_reason: model.decision_reason.clone(),
            created_at: model.created_at,
            decided_at: model.decided_at,
        })
    }
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct DisputeDecisionIn {
    pub uphold: bool,
    pub reason: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/disputes/{id}/decision", tag = "disputes", request_body = DisputeDecisionIn,
    responses((status = 200, body = DisputeOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn decide(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<DisputeId>,
    ApiJson(input): ApiJson<DisputeDecisionIn>,
) -> AppResult<Json<DisputeOut>> {
    let model = dispute::Entity::find_by_id(uuid::Uuid::from(id))
        .one(&state.db.conn)
        .await?
        .ok_or_else(|| AppError::not_found("dispute"))?;
    let (_, acting) = access::load_client(&state.db.conn, &actor, model.client_id.into())
        .await
        .map_err(|_| AppError::not_found("dispute"))?;
    if acting != ActingFor::CaseWorker {
        return Err(AppError::forbidden(
            "a case worker of the purchaser decides disputes",
        ));
    }
    let reason = field("reason", parse_optional_text(input.reason.as_deref(), 2000))?;
    let decided = ledger::disputes::decide(&state.db, id, input.uphold, reason, &actor).await?;
    Ok(Json(DisputeOut::from_model(&decided)?))
}

#[utoipa::path(get, path = "/api/v1/disputes/{id}", tag = "disputes",
    responses((status = 200, body = DisputeOut), (status = 404, body = crate::error::ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<DisputeId>,
) -> AppResult<Json<DisputeOut>> {
    let model = dispute::Entity::find_by_id(uuid::Uuid::from(id))
        .one(&state.db.conn)
        .await?
        .ok_or_else(|| AppError::not_found("dispute"))?;
    access::load_client(&state.db.conn, &actor, model.client_id.into())
        .await
        .map_err(|_| AppError::not_found("dispute"))?;
    Ok(Json(DisputeOut::from_model(&model)?))
}
