//! Disputes: the provider gives its account, a case worker of the client's purchaser upholds
//! (in whole or in part) or rejects, and everyone involved can read where a dispute stands.
use axum::{Json, extract::State};
use chrono::Utc;
use serde::{Deserialize, Serialize};

use crate::{
    auth::Actor,
    disputes::{self, Dispute, DisputeRow, act::outcome_of},
    domain::{
        Money, Quantity,
        catalogue::DisputeStatus,
        ids::{ClientId, DeliveryId, DisputeId, PurchaserId},
    },
    error::{AppError, AppResult},
    routes::{
        common::ListOut,
        extract::{ApiJson, ApiQuery, DecimalText, PageQuery, PathId},
    },
    state::AppState,
};

#[derive(Serialize, utoipa::ToSchema)]
pub struct DisputeOut {
    pub id: DisputeId,
    pub delivery_id: DeliveryId,
    pub status: DisputeStatus,
    pub reason: String,
    pub decision_reason: Option<String>,
    /// The provider's account of the matter, given before the decision.
    pub provider_account: Option<String>,
    pub provider_account_at: Option<chrono::DateTime<Utc>>,
    /// For `partly_upheld`: the quantity the case worker found delivered.
    pub corrected_quantity: Option<Quantity>,
    pub created_at: chrono::DateTime<Utc>,
    pub decided_at: Option<chrono::DateTime<Utc>>,
}

impl DisputeOut {
    pub fn from_model(model: &crate::db::entities::dispute::Model) -> AppResult<Self> {
        Ok(Dispute::from_model(model)?.into())
    }
}

impl From<Dispute> for DisputeOut {
    fn from(d: Dispute) -> Self {
        DisputeOut {
            id: d.id,
            delivery_id: d.delivery_id,
            status: d.status,
            reason: d.reason,
            decision_reason: d.decision_reason,
            provider_account: d.provider_account,
            provider_account_at: d.provider_account_at,
            corrected_quantity: d.corrected_quantity,
            created_at: d.created_at,
            decided_at: d.decided_at,
        }
    }
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct DisputeDecisionIn {
    pub uphold: bool,
    pub reason: Option<String>,
    /// With `uphold`: the quantity actually delivered, less than the recorded one. Only the
    /// difference is returned to the balance. Left out (or 0): the whole delivery.
    pub quantity: Option<DecimalText>,
}

#[utoipa::path(post, path = "/api/v1/disputes/{id}/decision", operation_id = "disputes_decide", tag = "disputes", params(("id" = uuid::Uuid, Path, description = "the dispute")), request_body = DisputeDecisionIn,
    responses((status = 200, body = DisputeOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn decide(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<DisputeId>,
    ApiJson(input): ApiJson<DisputeDecisionIn>,
) -> AppResult<Json<DisputeOut>> {
    let outcome = outcome_of(input.uphold, input.quantity.as_ref().map(|q| q.0.as_str()));
    let decided =
        disputes::act::decide(&state.db, &actor, id, outcome, input.reason.as_deref()).await?;
    Ok(Json(decided.into()))
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct ProviderAccountIn {
    /// The provider's account of what was delivered; the case worker and the client see it.
    pub text: String,
}

#[utoipa::path(post, path = "/api/v1/disputes/{id}/provider-account", tag = "disputes",
    params(("id" = uuid::Uuid, Path, description = "the dispute")),
    request_body = ProviderAccountIn,
    responses((status = 200, body = DisputeOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn provider_account(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<DisputeId>,
    ApiJson(input): ApiJson<ProviderAccountIn>,
) -> AppResult<Json<DisputeOut>> {
    let updated = disputes::act::provider_account(&state.db, &actor, id, &input.text).await?;
    Ok(Json(updated.into()))
}

#[utoipa::path(get, path = "/api/v1/disputes/{id}", operation_id = "disputes_get", tag = "disputes", params(("id" = uuid::Uuid, Path, description = "the dispute")),
    responses((status = 200, body = DisputeOut), (status = 404, body = crate::error::ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<DisputeId>,
) -> AppResult<Json<DisputeOut>> {
    Ok(Json(
        disputes::read::find(&state.db, &actor, id).await?.into(),
    ))
}

#[derive(Deserialize, Default, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DisputeListQuery {
    /// open, upheld or rejected; all when left out.
    pub status: Option<String>,
    pub page: Option<String>,
    pub per_page: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct DisputeRowOut {
    #[serde(flatten)]
    pub dispute: DisputeOut,
    pub client_id: ClientId,
    pub client_name: String,
    pub delivery_date: chrono::NaiveDate,
    pub delivery_total: Money,
    pub provider_name: String,
}

#[utoipa::path(get, path = "/api/v1/purchasers/{pid}/disputes", operation_id = "disputes_list_for_purchaser", tag = "disputes", params(("pid" = uuid::Uuid, Path, description = "the purchaser"), DisputeListQuery),
    responses((status = 200, body = ListOut<DisputeRowOut>), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn list_for_purchaser(
    State(state): State<AppState>,
    actor: Actor,
    PathId(pid): PathId<PurchaserId>,
    ApiQuery(query): ApiQuery<DisputeListQuery>,
) -> AppResult<Json<ListOut<DisputeRowOut>>> {
    let page = PageQuery {
        page: query.page.clone(),
        per_page: query.per_page.clone(),
    }
    .parse()?;
    let status =
        match query.status.as_deref().filter(|s| !s.is_empty()) {
            None => None,
            Some(status) => Some(status.parse::<DisputeStatus>().map_err(|_| {
                AppError::bad_parameter("status", "must be open, upheld or rejected")
            })?),
        };
    let listed = disputes::read::for_purchaser(&state.db, &actor, pid, status, Some(page)).await?;
    Ok(Json(ListOut {
        items: listed.items.into_iter().map(DisputeRowOut::from).collect(),
        total: listed.total,
    }))
}

impl From<DisputeRow> for DisputeRowOut {
    fn from(row: DisputeRow) -> Self {
        DisputeRowOut {
            dispute: row.dispute.into(),
            client_id: row.client_id,
            client_name: row.client_name,
            delivery_date: row.delivery_date,
            delivery_total: row.delivery_total,
            provider_name: row.provider_name,
        }
    }
}
