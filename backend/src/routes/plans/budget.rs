//! Pricing a plan: a case worker adds budget lines.
use axum::{Json, extract::State, http::StatusCode};
use serde::Deserialize;

use crate::{
    auth::Actor,
    domain::ids::{PlanId, ServiceId},
    error::AppResult,
    plans::{
        self,
        budget::{BudgetLineView, NewLine},
    },
    routes::extract::{ApiJson, DecimalText, PathId},
    state::AppState,
};

#[derive(Deserialize, utoipa::ToSchema)]
pub struct BudgetLineIn {
    pub service_id: ServiceId,
    /// In the service's units, e.g. `"7.5"` hours a month.
    pub quantity_per_month: DecimalText,
    /// 1–60.
    pub months: i64,
    /// Left out: the service's reference price.
    pub unit_price: Option<DecimalText>,
}

#[utoipa::path(post, path = "/api/v1/plans/{id}/budget-lines", operation_id = "plans_add_budget_line", tag = "plans",
    params(("id" = uuid::Uuid, Path, description = "the plan")), request_body = BudgetLineIn,
    responses((status = 201, body = BudgetLineView), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<PlanId>,
    ApiJson(input): ApiJson<BudgetLineIn>,
) -> AppResult<(StatusCode, Json<BudgetLineView>)> {
    let new = NewLine {
        service: input.service_id,
        quantity_per_month: &input.quantity_per_month.0,
        months: input.months,
        unit_price: input.unit_price.as_ref().map(|p| p.0.as_str()),
    };
    let line = plans::budget::add(&state.db, &actor, id, new).await?;
    Ok((StatusCode::CREATED, Json(line)))
}
