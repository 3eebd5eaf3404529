//! Reading one invoice: as JSON, Finvoice 3.0 XML or CSV lines, for the purchaser's
//! finance staff and the invoiced provider (other providers get 404).
use axum::{
    Json,
    extract::State,
    http::header,
    response::{IntoResponse, Response},
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::{
    auth::Actor,
    db::entities::{invoice, invoice_line, provider, purchaser, service},
    domain::{catalogue::Role, ids::InvoiceId},
    error::{AppError, AppResult},
    routes::extract::PathId,
    settlement::export::InvoiceDocument,
    state::AppState,
};

use super::{InvoiceHeadOut, InvoiceLineOut, InvoiceOut};

async fn provider_name(state: &AppState, id: uuid::Uuid) -> AppResult<String> {
    Ok(provider::Entity::find_by_id(id)
        .one(&state.db.conn)
        .await?
        .map(|p| p.name)
        .unwrap_or_default())
}

/// The invoice, if the actor is the purchaser's finance staff or the invoiced provider.
async fn readable_invoice(
    state: &AppState,
    actor: &Actor,
    id: InvoiceId,
) -> AppResult<(invoice::Model, Vec<invoice_line::Model>)> {
    let model = invoice::Entity::find_by_id(uuid::Uuid::from(id))
        .one(&state.db.conn)
        .await?
        .ok_or_else(|| AppError::not_found("invoice"))?;
    match actor.provider_id.map(uuid::Uuid::from) {
        Some(own) if own == model.provider_id => {}
        // Another provider's invoice does not exist for them.
        Some(_) => return Err(AppError::not_found("invoice")),
        None => actor.require_staff_for(model.purchaser_id.into(), Role::Finance, "invoice")?,
    }
    let lines = invoice_line::Entity::find()
        .filter(invoice_line::Column::InvoiceId.eq(model.id))
        .order_by_asc(invoice_line::Column::ClientPseudonym)
        .order_by_asc(invoice_line::Column::DeliveryDate)
        .order_by_asc(invoice_line::Column::DeliveryId)
        .all(&state.db.conn)
        .await?;
    Ok((model, lines))
}

/// Builds the file view of an invoice and hands it to `draw`.
async fn export(
    state: &AppState,
    actor: &Actor,
    id: InvoiceId,
    draw: fn(&InvoiceDocument<'_>) -> anyhow::Result<Vec<u8>>,
) -> AppResult<Vec<u8>> {
    let (model, lines) = readable_invoice(state, actor, id).await?;
    let conn = &state.db.conn;
    let seller = provider::Entity::find_by_id(model.provider_id)
        .one(conn)
        .await?
        .ok_or_else(|| AppError::internal("invoice without provider"))?;
    let buyer = purchaser::Entity::find_by_id(model.purchaser_id)
        .one(conn)
        .await?
        .ok_or_else(|| AppError::internal("invoice without purchaser"))?;
    let services = service::Entity::find()
        .filter(service::Column::Id.is_in(lines.iter().map(|l| l.service_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let document = InvoiceDocument {
        invoice: &model,
        lines: &lines,
        seller: &seller,
        buyer: &buyer,
        services: &services,
    };
    Ok(draw(&document)?)
}

#[utoipa::path(get, path = "/api/v1/invoices/{id}/finvoice.xml", tag = "settlement",
    responses((status = 200, content_type = "application/xml", body = String), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn finvoice(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<InvoiceId>,
) -> AppResult<Response> {
    let body = export(&state, &actor, id, |d| d.finvoice()).await?;
    Ok((
        [(header::CONTENT_TYPE, "application/xml; charset=utf-8")],
        body,
    )
        .into_response())
}

#[utoipa::path(get, path = "/api/v1/invoices/{id}/lines.csv", tag = "settlement",
    responses((status = 200, content_type = "text/csv", body = String), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn lines_csv(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<InvoiceId>,
) -> AppResult<Response> {
    let body = export(&state, &actor, id, |d| d.lines_csv()).await?;
    Ok(([(header::CONTENT_TYPE, "text/csv; charset=utf-8")], body).into_response())
}

#[utoipa::path(get, path = "/api/v1/invoices/{id}", tag = "settlement",
    responses((status = 200, body = InvoiceOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<InvoiceId>,
) -> AppResult<Json<InvoiceOut>> {
    let (model, lines) = readable_invoice(&state, &actor, id).await?;
    Ok(Json(InvoiceOut {
        head: InvoiceHeadOut::of(&model, provider_name(&state, model.provider_id).await?)?,
        lines: lines.iter().map(InvoiceLineOut::of).collect(),
    }))
}
