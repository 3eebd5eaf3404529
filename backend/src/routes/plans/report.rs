//! The purchaser's plans report: time from need to decision, goals by area, evaluations.
use axum::{Json, extract::State};
use serde::Deserialize;

use crate::{
    auth::Actor,
    domain::ids::PurchaserId,
    error::AppResult,
    plans::{
        self,
        report::{PeriodText, PlanReport},
    },
    routes::extract::{ApiQuery, PathId},
    state::AppState,
};

#[derive(Deserialize, Default, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PlanReportQuery {
    /// Plans whose need was identified on or after this day (YYYY-MM-DD).
    #[param(value_type = Option<String>, format = Date)]
    pub from: Option<String>,
    /// ... and on or before this day.
    #[param(value_type = Option<String>, format = Date)]
    pub to: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/purchasers/{pid}/reports/plans", operation_id = "plans_report", tag = "reports",
    params(("pid" = uuid::Uuid, Path, description = "the purchaser"), PlanReportQuery),
    responses((status = 200, body = PlanReport), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn show(
    State(state): State<AppState>,
    actor: Actor,
    PathId(pid): PathId<PurchaserId>,
    ApiQuery(query): ApiQuery<PlanReportQuery>,
) -> AppResult<Json<PlanReport>> {
    let period = PeriodText {
        from: query.from.as_deref(),
        to: query.to.as_deref(),
    };
    Ok(Json(
        plans::report::report(&state.db.conn, &actor, pid, period).await?,
    ))
}
