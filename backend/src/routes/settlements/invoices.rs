//! Reading one invoice: as JSON, Finvoice 3.0 XML or CSV lines, for the purchaser's
//! finance staff and the invoiced provider (other providers get 404).
use axum::{Json, extract::State, response::Response};
use sea_orm::EntityTrait;

use crate::{
    auth::Actor,
    db::entities::provider,
    domain::ids::InvoiceId,
    error::AppResult,
    http::download,
    routes::extract::PathId,
    settlement::{document, files},
    state::AppState,
};

use super::{InvoiceHeadOut, InvoiceLineOut, InvoiceOut};

#[utoipa::path(get, path = "/api/v1/invoices/{id}/finvoice.xml", tag = "settlement", params(("id" = uuid::Uuid, Path, description = "the invoice")),
    responses((status = 200, content_type = "application/xml", body = String), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn finvoice(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<InvoiceId>,
) -> AppResult<Response> {
    let body = files::finvoice(&state.db.conn, &actor, id).await?;
    Ok(download::file(download::XML, None, body))
}

/// The invoice's lines in the same columns as the month's CSV
/// (`/purchasers/{pid}/settlements/{month}/lines.csv`).
#[utoipa::path(get, path = "/api/v1/invoices/{id}/lines.csv", operation_id = "settlements_invoices_lines_csv", tag = "settlement", params(("id" = uuid::Uuid, Path, description = "the invoice")),
    responses((status = 200, content_type = "text/csv", body = String), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn lines_csv(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<InvoiceId>,
) -> AppResult<Response> {
    let body = files::invoice_csv(&state.db.conn, &actor, id).await?;
    Ok(download::file(download::CSV, None, body))
}

#[utoipa::path(get, path = "/api/v1/invoices/{id}", operation_id = "settlements_invoices_get", tag = "settlement", params(("id" = uuid::Uuid, Path, description = "the invoice")),
    responses((status = 200, body = InvoiceOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<InvoiceId>,
) -> AppResult<Json<InvoiceOut>> {
    let model = document::readable(&state.db.conn, &actor, id).await?;
    let lines = document::lines_of(model.id).all(&state.db.conn).await?;
    let name = provider::Entity::find_by_id(uuid::Uuid::from(model.provider_id))
        .one(&state.db.conn)
        .await?
        .map(|p| p.name)
        .unwrap_or_default();
    Ok(Json(InvoiceOut {
        head: InvoiceHeadOut::of(&model, name)?,
        lines: lines.iter().map(InvoiceLineOut::of).collect(),
    }))
}
