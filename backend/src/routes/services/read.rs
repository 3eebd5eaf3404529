//! Reading the catalogue: the list (terms in force today and upcoming changes), one entry,
//! and an entry's history of money terms.
use axum::{Json, extract::State};
use sea_orm::EntityTrait;

use crate::{
    catalogue::{self, terms},
    db::entities::service,
    domain::ids::{PurchaserId, ServiceId},
    error::{AppError, AppResult},
    routes::{
        common::ListOut,
        extract::{ApiQuery, PageQuery, PathId},
    },
    state::AppState,
};

use super::{ServiceOut, TermsOut, periods};
pub use crate::catalogue::view::service_outs;

#[utoipa::path(get, path = "/api/v1/purchasers/{pid}/services", operation_id = "services_read_list", tag = "catalogue",
    params(("pid" = PurchaserId, Path, description = "the purchaser"), PageQuery),
    responses((status = 200, body = ListOut<ServiceOut>), (status = 404, body = crate::error::ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    PathId(pid): PathId<PurchaserId>,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> AppResult<Json<ListOut<ServiceOut>>> {
    let page = query.parse()?;
    let listed = catalogue::listing::services_of(&state.db.conn, pid, Some(page)).await?;
    let total = listed.services.total;
    let items = service_outs(&listed)?;
    Ok(Json(ListOut { items, total }))
}

async fn find(state: &AppState, id: ServiceId) -> AppResult<service::Model> {
    service::Entity::find_by_id(id)
        .one(&state.db.conn)
        .await?
        .ok_or_else(|| AppError::not_found("service"))
}

#[utoipa::path(get, path = "/api/v1/services/{id}", operation_id = "services_read_get", tag = "catalogue",
    params(("id" = ServiceId, Path, description = "the catalogue entry")),
    responses((status = 200, body = ServiceOut), (status = 404, body = crate::error::ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    PathId(id): PathId<ServiceId>,
) -> AppResult<Json<ServiceOut>> {
    let model = find(&state, id).await?;
    Ok(Json(ServiceOut::load(&state.db.conn, &model).await?))
}

/// Every version of the entry's money terms, oldest first, each with the day it took (or
/// takes) effect, its last day, and which terms it changed.
#[utoipa::path(get, path = "/api/v1/services/{id}/terms", tag = "catalogue",
    params(("id" = ServiceId, Path, description = "the catalogue entry")),
    responses((status = 200, body = ListOut<TermsOut>), (status = 404, body = crate::error::ErrorBody)))]
pub async fn history(
    State(state): State<AppState>,
    PathId(id): PathId<ServiceId>,
) -> AppResult<Json<ListOut<TermsOut>>> {
    let model = find(&state, id).await?;
    let history = terms::history(&state.db.conn, &model).await?;
    let items = periods(&history);
    Ok(Json(ListOut {
        total: items.len() as u64,
        items,
    }))
}
