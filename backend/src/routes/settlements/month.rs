//! A purchaser's month for its accounting over HTTP: the list of invoices and credit notes
//! issued for it, and every line of them in one CSV (streamed: a month may hold a million
//! lines). The reads are `crate::settlement::files`'.
use axum::{Json, extract::State, response::Response};
use serde::Deserialize;

use crate::{
    auth::Actor,
    domain::ids::PurchaserId,
    error::{AppError, AppResult},
    routes::{
        common::ListOut,
        extract::{ApiQuery, PageQuery, PathId},
    },
    settlement::files,
    state::AppState,
};

use super::InvoiceHeadOut;

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InvoiceListQuery {
    /// The month, `YYYY-MM`.
    pub month: String,
    pub page: Option<String>,
    pub per_page: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/purchasers/{pid}/invoices", operation_id = "settlements_month_list", tag = "settlement", params(("pid" = uuid::Uuid, Path, description = "the purchaser"), InvoiceListQuery),
    responses((status = 200, body = ListOut<InvoiceHeadOut>), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    actor: Actor,
    PathId(pid): PathId<PurchaserId>,
    ApiQuery(query): ApiQuery<InvoiceListQuery>,
) -> AppResult<Json<ListOut<InvoiceHeadOut>>> {
    let page = PageQuery {
        page: query.page,
        per_page: query.per_page,
    }
    .parse()?;
    let listed = files::invoices_of_month(&state.db, &actor, pid, &query.month, Some(page)).await?;
    Ok(Json(ListOut {
        items: listed.items,
        total: listed.total,
    }))
}

#[utoipa::path(get, path = "/api/v1/purchasers/{pid}/settlements/{month}/lines.csv", operation_id = "settlements_month_lines_csv", tag = "settlement",
    params(("pid" = uuid::Uuid, Path), ("month" = String, Path, description = "YYYY-MM")),
    responses((status = 200, content_type = "text/csv", body = String), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn lines_csv(
    State(state): State<AppState>,
    actor: Actor,
    axum::extract::Path((pid, month)): axum::extract::Path<(String, String)>,
) -> AppResult<Response> {
    let pid: PurchaserId = pid
        .parse::<uuid::Uuid>()
        .map_err(|_| AppError::not_found("purchaser"))?
        .into();
    let csv = files::month_csv(&state.db, &actor, pid, &month).await?;
    Ok(csv.download())
}
