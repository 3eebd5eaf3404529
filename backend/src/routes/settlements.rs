//! Settlement over HTTP: purchaser finance settles a month; finance and the invoiced
//! provider read an invoice.
use axum::{
    Json,
    extract::State,
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};

use crate::{
    auth::Actor,
    db::entities::{invoice, invoice_line, provider, purchaser, service},
    domain::{
        Money, Quantity,
        catalogue::Role,
        ids::{InvoiceId, ProviderId, PurchaserId, ServiceId},
        reference::FinnishReference,
        today_in_finland,
        vat::VatRate,
    },
    error::{AppError, AppResult},
    routes::extract::{ApiJson, PathId},
    settlement::{Month, export::InvoiceDocument, run},
    state::AppState,
};

#[derive(Deserialize, utoipa::ToSchema)]
pub struct SettlementIn {
    /// The month to settle, `YYYY-MM`.
    pub month: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct SettlementOut {
    pub month: String,
    /// The invoices this run made; empty when everything was already invoiced.
    pub invoices: Vec<InvoiceOut>,
    /// Providers whose deliveries could not be invoiced (they stay for the next run).
    pub not_invoiced: Vec<NotInvoicedOut>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct NotInvoicedOut {
    pub provider_id: ProviderId,
    pub provider_name: String,
    pub deliveries: u64,
    /// `missing_bank_details`: the provider has not given its IBAN and BIC.
    pub reason: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct InvoiceOut {
    pub id: InvoiceId,
    pub number: i64,
    pub purchaser_id: PurchaserId,
    pub provider_id: ProviderId,
    pub provider_name: String,
    pub month: String,
    pub kind: String,
    /// A later invoice for a month already invoiced (deliveries recorded after the first run).
    pub supplementary: bool,
    /// The Finnish reference number, and its international RF form.
    pub reference: String,
    pub reference_rf: String,
    pub issue_date: NaiveDate,
    pub due_date: NaiveDate,
    #[schema(value_type = String)]
    pub net: Money,
    #[schema(value_type = String)]
    pub vat: Money,
    /// The amount to pay, VAT included.
    #[schema(value_type = String)]
    pub total: Money,
    pub iban: String,
    pub bic: String,
    pub lines: Vec<InvoiceLineOut>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct InvoiceLineOut {
    pub delivery_id: uuid::Uuid,
    pub commitment_id: uuid::Uuid,
    pub service_id: ServiceId,
    pub client_pseudonym: String,
    pub delivery_date: NaiveDate,
    #[schema(value_type = String)]
    pub quantity: Quantity,
    /// The provider's unit price; the line's amount is the purchaser's share.
    #[schema(value_type = String)]
    pub unit_price: Money,
    /// VAT in percent.
    pub vat_rate: String,
    #[schema(value_type = String)]
    pub net: Money,
    #[schema(value_type = String)]
    pub vat: Money,
    #[schema(value_type = String)]
    pub total: Money,
}

impl InvoiceOut {
    fn of(
        model: &invoice::Model,
        provider_name: String,
        lines: &[invoice_line::Model],
    ) -> AppResult<Self> {
        let reference = FinnishReference::parse(&model.reference)
            .map_err(|e| AppError::internal(format!("stored reference: {e}")))?;
        Ok(InvoiceOut {
            id: model.id.into(),
            number: model.number,
            purchaser_id: model.purchaser_id.into(),
            provider_id: model.provider_id.into(),
            provider_name,
            month: model.month.clone(),
            kind: model.kind.clone(),
            supplementary: model.supplementary,
            reference_rf: reference.rf(),
            reference: reference.to_string(),
            issue_date: model.issue_date,
            due_date: model.due_date,
            net: Money::from_cents(model.net_cents),
            vat: Money::from_cents(model.vat_cents),
            total: Money::from_cents(model.gross_cents),
            iban: model.iban.clone(),
            bic: model.bic.clone(),
            lines: lines
                .iter()
                .map(|l| InvoiceLineOut {
                    delivery_id: l.delivery_id,
                    commitment_id: l.commitment_id,
                    service_id: l.service_id.into(),
                    client_pseudonym: l.client_pseudonym.clone(),
                    delivery_date: l.delivery_date,
                    quantity: Quantity::from_milli(l.quantity_milli),
                    unit_price: Money::from_cents(l.unit_price_cents),
                    vat_rate: VatRate::from_basis_points(l.vat_basis_points)
                        .percent()
                        .to_string(),
                    net: Money::from_cents(l.net_cents),
                    vat: Money::from_cents(l.vat_cents),
                    total: Money::from_cents(l.gross_cents),
                })
                .collect(),
        })
    }
}

async fn provider_name(state: &AppState, id: uuid::Uuid) -> AppResult<String> {
    Ok(provider::Entity::find_by_id(id)
        .one(&state.db.conn)
        .await?
        .map(|p| p.name)
        .unwrap_or_default())
}

#[utoipa::path(post, path = "/api/v1/purchasers/{pid}/settlements", tag = "settlement", request_body = SettlementIn,
    responses((status = 201, body = SettlementOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    actor: Actor,
    PathId(pid): PathId<PurchaserId>,
    ApiJson(input): ApiJson<SettlementIn>,
) -> AppResult<(StatusCode, Json<SettlementOut>)> {
    actor.require_staff(pid, Role::Finance)?;
    let month = Month::parse(&input.month).map_err(|e| AppError::invalid("month", e))?;
    let today = today_in_finland();
    if month.first_day > today {
        return Err(AppError::invalid("month", "must not be in the future"));
    }
    let outcome = run::settle(&state.db, &state.vault, pid, month, today, &actor).await?;
    let names: HashMap<uuid::Uuid, String> = provider::Entity::find()
        .filter(provider::Column::Id.is_in(outcome.invoices.iter().map(|(i, _)| i.provider_id)))
        .all(&state.db.conn)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    let invoices = outcome
        .invoices
        .iter()
        .map(|(model, lines)| {
            let name = names.get(&model.provider_id).cloned().unwrap_or_default();
            InvoiceOut::of(model, name, lines)
        })
        .collect::<AppResult<Vec<_>>>()?;
    Ok((
        StatusCode::CREATED,
        Json(SettlementOut {
            month: month.label(),
            invoices,
            not_invoiced: outcome
                .not_invoiced
                .into_iter()
                .map(|n| NotInvoicedOut {
                    provider_id: n.provider_id.into(),
                    provider_name: n.provider_name,
                    deliveries: n.deliveries,
                    reason: n.reason.into(),
                })
                .collect(),
        }),
    ))
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
    Ok(Json(InvoiceOut::of(
        &model,
        provider_name(&state, model.provider_id).await?,
        &lines,
    )?))
}
