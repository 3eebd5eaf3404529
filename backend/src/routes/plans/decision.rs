//! A case worker decides a plan: the allocation it grants, with the decision text.
use axum::{Json, extract::State, http::StatusCode};
use serde::{Deserialize, Serialize};

use crate::{
    auth::Actor,
    domain::{catalogue::FundingKind, ids::PlanId},
    error::AppResult,
    plans::{self, decision::DecisionIn, decision_text::DecisionText},
    routes::{
        allocations::AllocationOut,
        extract::{ApiJson, DecimalText, PathId},
    },
    state::AppState,
};

#[derive(Deserialize, utoipa::ToSchema)]
pub struct PlanDecisionIn {
    pub kind: FundingKind,
    #[schema(value_type = String, format = Date)]
    pub valid_from: String,
    #[schema(value_type = String, format = Date)]
    pub valid_to: String,
    /// Left out: the plan's estimate.
    pub granted: Option<DecimalText>,
    pub voucher_value: Option<DecimalText>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct PlanDecisionOut {
    #[serde(flatten)]
    pub allocation: AllocationOut,
    pub plan_id: PlanId,
    pub decision_number: String,
    pub decision_text: DecisionText,
}

#[utoipa::path(post, path = "/api/v1/plans/{id}/decision", operation_id = "plans_decide", tag = "plans",
    params(("id" = uuid::Uuid, Path, description = "the plan")), request_body = PlanDecisionIn,
    responses((status = 201, body = PlanDecisionOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn decide(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<PlanId>,
    ApiJson(input): ApiJson<PlanDecisionIn>,
) -> AppResult<(StatusCode, Json<PlanDecisionOut>)> {
    let typed = DecisionIn {
        kind: input.kind,
        valid_from: &input.valid_from,
        valid_to: &input.valid_to,
        granted: input.granted.as_ref().map(|g| g.0.as_str()),
        voucher_value: input.voucher_value.as_ref().map(|v| v.0.as_str()),
    };
    let decided = plans::decision::decide(&state.db, &actor, id, typed).await?;
    Ok((
        StatusCode::CREATED,
        Json(PlanDecisionOut {
            allocation: AllocationOut::from_model(&decided.allocation)?,
            plan_id: decided.plan_id,
            decision_number: decided.decision_number,
            decision_text: decided.decision_text,
        }),
    ))
}
