//! Purchaser reports: demand gaps (what clients searched for in its area and did not find)
//! and providers with overdue recording of deliveries. Both computed in `reports/`, which
//! the portal's pages read too.
use axum::{Json, extract::State};

use crate::{
    auth::Actor,
    domain::ids::PurchaserId,
    error::AppResult,
    reports::{demand_gaps, overdue},
    routes::{
        common::ListOut,
        extract::{ApiQuery, PageQuery, PathId},
    },
    state::AppState,
};

pub use crate::reports::{demand_gaps::DemandGap as DemandGapOut, overdue::OverdueRecording};

#[utoipa::path(get, path = "/api/v1/purchasers/{pid}/reports/demand-gaps", tag = "reports", params(("pid" = uuid::Uuid, Path, description = "the purchaser"), PageQuery),
    responses((status = 200, body = ListOut<DemandGapOut>), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn demand_gaps(
    State(state): State<AppState>,
    actor: Actor,
    PathId(pid): PathId<PurchaserId>,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> AppResult<Json<ListOut<DemandGapOut>>> {
    let page = query.parse()?;
    let listed = demand_gaps::page(&state.db, &actor, pid, page).await?;
    Ok(Json(ListOut {
        items: listed.items,
        total: listed.total,
    }))
}

#[utoipa::path(get, path = "/api/v1/purchasers/{pid}/reports/overdue-recording", tag = "reports", params(("pid" = uuid::Uuid, Path, description = "the purchaser")),
    responses((status = 200, body = OverdueRecording), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn overdue_recording(
    State(state): State<AppState>,
    actor: Actor,
    PathId(pid): PathId<PurchaserId>,
) -> AppResult<Json<OverdueRecording>> {
    Ok(Json(overdue::report(&state.db, &actor, pid).await?))
}
