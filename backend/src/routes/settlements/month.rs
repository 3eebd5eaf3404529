//! A purchaser's month for its accounting: the list of invoices and credit notes issued for
//! it, and every line of them in one CSV (streamed: a month may hold a million lines).
use std::collections::HashMap;

use axum::{
    Json,
    extract::State,
    http::header,
    response::{IntoResponse, Response},
};
use futures_util::{StreamExt, TryStreamExt};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use serde::Deserialize;

use crate::{
    auth::Actor,
    db::entities::{invoice, invoice_line, provider, service},
    domain::{catalogue::Role, csv_cell, ids::PurchaserId},
    error::{AppError, AppResult},
    routes::{
        common::{ListOut, fetch_page},
        extract::{ApiQuery, PageQuery, PathId},
        stream::{self, Sink},
    },
    settlement::{Month, export},
    state::AppState,
};

use super::InvoiceHeadOut;

#[derive(Deserialize, utoipa::IntoParams)]
pub struct InvoiceListQuery {
    /// The month, `YYYY-MM`.
    pub month: String,
    pub page: Option<String>,
    pub per_page: Option<String>,
}

fn of_month(pid: PurchaserId, month: Month) -> sea_orm::Select<invoice::Entity> {
    invoice::Entity::find()
        .filter(invoice::Column::PurchaserId.eq(uuid::Uuid::from(pid)))
        .filter(invoice::Column::Month.eq(month.label()))
        .order_by_asc(invoice::Column::Number)
}

pub async fn provider_names(
    conn: &DatabaseConnection,
    ids: impl IntoIterator<Item = uuid::Uuid>,
) -> AppResult<HashMap<uuid::Uuid, (String, String)>> {
    Ok(provider::Entity::find()
        .filter(provider::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id, (p.name, p.business_id)))
        .collect())
}

#[utoipa::path(get, path = "/api/v1/purchasers/{pid}/invoices", tag = "settlement", params(InvoiceListQuery),
    responses((status = 200, body = ListOut<InvoiceHeadOut>), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    actor: Actor,
    PathId(pid): PathId<PurchaserId>,
    ApiQuery(query): ApiQuery<InvoiceListQuery>,
) -> AppResult<Json<ListOut<InvoiceHeadOut>>> {
    actor.require_staff(pid, Role::Finance)?;
    let month = Month::parse(&query.month).map_err(|e| AppError::invalid("month", e))?;
    let page = PageQuery {
        page: query.page,
        per_page: query.per_page,
    }
    .parse()?;
    let (models, total) = fetch_page(&state.db.conn, of_month(pid, month), page).await?;
    let names = provider_names(&state.db.conn, models.iter().map(|m| m.provider_id)).await?;
    let items = models
        .iter()
        .map(|m| {
            let name = names.get(&m.provider_id).map(|n| n.0.clone());
            InvoiceHeadOut::of(m, name.unwrap_or_default())
        })
        .collect::<AppResult<Vec<_>>>()?;
    Ok(Json(ListOut { items, total }))
}

const HEADER: [&str; 17] = [
    "invoice_number",
    "kind",
    "month",
    "provider",
    "provider_business_id",
    "reference",
    "issue_date",
    "due_date",
    "client_pseudonym",
    "delivery_date",
    "service",
    "quantity",
    "unit_price",
    "vat_rate",
    "net",
    "vat",
    "total",
];

#[utoipa::path(get, path = "/api/v1/purchasers/{pid}/settlements/{month}/lines.csv", tag = "settlement",
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
    actor.require_staff(pid, Role::Finance)?;
    let month = Month::parse(&month).map_err(|e| AppError::invalid("month", e))?;
    let invoices = of_month(pid, month).all(&state.db.conn).await?;
    let names = provider_names(&state.db.conn, invoices.iter().map(|m| m.provider_id)).await?;
    let services: HashMap<uuid::Uuid, String> = service::Entity::find()
        .filter(service::Column::PurchaserId.eq(uuid::Uuid::from(pid)))
        .all(&state.db.conn)
        .await?
        .into_iter()
        .map(|s| (s.id, s.code))
        .collect();
    let conn = state.db.conn.clone();
    let body = stream::body("month csv", move |mut sink| async move {
        write_row(&mut sink.buffer, HEADER)?;
        for model in &invoices {
            let provider = names.get(&model.provider_id).cloned().unwrap_or_default();
            write_invoice(&mut sink, &conn, model, &provider, &services).await?;
        }
        sink.flush().await
    });
    let filename = format!(
        "attachment; filename=\"invoice-lines-{}.csv\"",
        month.label()
    );
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, filename),
        ],
        body,
    )
        .into_response())
}

/// One `;`-separated row, quoted where needed and with formula-like cells neutralised
/// (`csv_cell`), appended to `out`.
fn write_row<I, T>(out: &mut Vec<u8>, row: I) -> anyhow::Result<()>
where
    I: IntoIterator<Item = T>,
    T: AsRef<str>,
{
    let mut csv = csv::WriterBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_writer(out);
    csv.write_record(csv_cell::row(row))?;
    csv.flush()?;
    Ok(())
}

async fn write_invoice(
    sink: &mut Sink,
    conn: &DatabaseConnection,
    model: &invoice::Model,
    (provider, business_id): &(String, String),
    services: &HashMap<uuid::Uuid, String>,
) -> anyhow::Result<()> {
    let mut lines = invoice_line::Entity::find()
        .filter(invoice_line::Column::InvoiceId.eq(model.id))
        .order_by_asc(invoice_line::Column::ClientPseudonym)
        .order_by_asc(invoice_line::Column::DeliveryDate)
        .order_by_asc(invoice_line::Column::DeliveryId)
        .stream(conn)
        .await?
        .boxed();
    while let Some(line) = lines.try_next().await? {
        write_row(
            &mut sink.buffer,
            [
                model.number.to_string(),
                model.kind.clone(),
                model.month.clone(),
                provider.clone(),
                business_id.clone(),
                model.reference.clone(),
                model.issue_date.to_string(),
                model.due_date.to_string(),
                line.client_pseudonym,
                line.delivery_date.to_string(),
                services.get(&line.service_id).cloned().unwrap_or_default(),
                export::quantity(line.quantity_milli),
                export::amount(line.unit_price_cents),
                export::vat_percent(line.vat_basis_points),
                export::amount(line.net_cents),
                export::amount(line.vat_cents),
                export::amount(line.gross_cents),
            ],
        )?;
        sink.maybe_flush().await?;
    }
    Ok(())
}
