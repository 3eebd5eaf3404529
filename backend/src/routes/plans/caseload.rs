//! The case worker's caseload of plans.
use axum::{Json, extract::State};
use serde::Deserialize;

use crate::{
    auth::Actor,
    domain::ids::PurchaserId,
    error::{AppError, AppResult},
    plans::{
        self,
        caseload::{CaseloadFilter, CaseloadRow},
    },
    routes::{
        common::ListOut,
        extract::{ApiQuery, PageQuery, PathId},
    },
    state::AppState,
};

#[derive(Deserialize, Default, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CaseloadQuery {
    /// open (drafts waiting for a decision) or decided; all when left out.
    pub status: Option<String>,
    pub page: Option<String>,
    pub per_page: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/purchasers/{pid}/plans", operation_id = "plans_caseload", tag = "plans",
    params(("pid" = uuid::Uuid, Path, description = "the purchaser"), CaseloadQuery),
    responses((status = 200, body = ListOut<CaseloadRow>), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    actor: Actor,
    PathId(pid): PathId<PurchaserId>,
    ApiQuery(query): ApiQuery<CaseloadQuery>,
) -> AppResult<Json<ListOut<CaseloadRow>>> {
    let page = PageQuery {
        page: query.page.clone(),
        per_page: query.per_page.clone(),
    }
    .parse()?;
    let filter = match query
        .status
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        None => CaseloadFilter::All,
        Some("open") => CaseloadFilter::Open,
        Some("decided") => CaseloadFilter::Decided,
        Some(_) => return Err(AppError::bad_parameter("status", "must be open or decided")),
    };
    let listed = plans::caseload::list(&state.db, &actor, pid, filter, Some(page)).await?;
    Ok(Json(ListOut {
        items: listed.items,
        total: listed.total,
    }))
}
