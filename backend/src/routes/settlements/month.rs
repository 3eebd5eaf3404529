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
    db::entities::{invoice, provider, service},
    domain::{catalogue::Role, ids::PurchaserId},
    error::{AppError, AppResult},
    routes::{
        common::{ListOut, fetch_page},
        extract::{ApiQuery, PageQuery, PathId},
        stream::{self, Sink},
    },
    settlement::{Month, document, export, run::KIND_CREDIT_NOTE},
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

#[utoipa::path(get, path = "/api/v1/purchasers/{pid}/invoices", operation_id = "settlements_month_list", tag = "settlement", params(("pid" = uuid::Uuid, Path, description = "the purchaser"), InvoiceListQuery),
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
    actor.require_staff(pid, Role::Finance)?;
    let month = Month::parse(&month).map_err(|e| AppError::invalid("month", e))?;
    let invoices = of_month(pid, month).all(&state.db.conn).await?;
    let names = provider_names(&state.db.conn, invoices.iter().map(|m| m.provider_id)).await?;
    let services: HashMap<uuid::Uuid, service::Model> = service::Entity::find()
        .filter(service::Column::PurchaserId.eq(uuid::Uuid::from(pid)))
        .all(&state.db.conn)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let conn = state.db.conn.clone();
    let body = stream::body("month csv", move |mut sink| async move {
        export::write_csv_row(&mut sink.buffer, export::CSV_HEADER)?;
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

/// One invoice's lines, streamed; a credit note's (few) are read at once with the invoices
/// they credit.
async fn write_invoice(
    sink: &mut Sink,
    conn: &DatabaseConnection,
    model: &invoice::Model,
    (provider, business_id): &(String, String),
    services: &HashMap<uuid::Uuid, service::Model>,
) -> anyhow::Result<()> {
    let head = export::CsvHead {
        invoice: model,
        provider_name: provider,
        provider_business_id: business_id,
    };
    if model.kind == KIND_CREDIT_NOTE {
        let lines = document::lines_of(model.id).all(conn).await?;
        let originals = document::originals(conn, &lines).await?;
        for line in &lines {
            let shown = document::shown_line(line, services, &originals);
            export::write_csv_row(&mut sink.buffer, export::csv_record(&head, &shown))?;
        }
        return sink.maybe_flush().await;
    }
    let none = HashMap::new();
    let mut lines = document::lines_of(model.id).stream(conn).await?.boxed();
    while let Some(line) = lines.try_next().await? {
        let shown = document::shown_line(&line, services, &none);
        export::write_csv_row(&mut sink.buffer, export::csv_record(&head, &shown))?;
        sink.maybe_flush().await?;
    }
    Ok(())
}
