//! `POST /purchasers/{pid}/settlements`: purchaser finance settles a month. The run commits
//! first; the answer then lists the invoices with their totals and links. With
//! `?include=lines` it is streamed from the database invoice by invoice, lines and all, so a
//! month of a million lines is never held in memory at once.
use std::collections::HashMap;

use axum::{
    extract::State,
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use futures_util::{StreamExt, TryStreamExt};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use crate::{
    auth::Actor,
    db::entities::{invoice_line, provider},
    domain::ids::{InvoiceId, PurchaserId},
    error::AppResult,
    routes::{
        extract::{ApiJson, ApiQuery, PathId},
        stream::{self, Sink},
    },
    settlement::{answer::AnswerLines, asked::settle_month, bank_change},
    state::AppState,
};

use super::{
    BankChangeOut, InvoiceHeadOut, InvoiceLineOut, InvoiceLinksOut, NotInvoicedOut,
    SettledInvoiceOut, SettlementIn, SettlementOut, SettlementQuery,
};

#[utoipa::path(post, path = "/api/v1/purchasers/{pid}/settlements", operation_id = "settlements_run_create", tag = "settlement", params(("pid" = uuid::Uuid, Path, description = "the purchaser"), SettlementQuery), request_body = SettlementIn,
    responses((status = 201, body = SettlementOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    actor: Actor,
    PathId(pid): PathId<PurchaserId>,
    ApiQuery(query): ApiQuery<SettlementQuery>,
    ApiJson(input): ApiJson<SettlementIn>,
) -> AppResult<Response> {
    // Checked before the run: a bad parameter settles nothing.
    let detail = AnswerLines::parse(query.include.as_deref())?;
    let (month, outcome) = settle_month(
        &state.db,
        &state.vault,
        &actor,
        pid,
        &input.month,
        input.preview.as_deref(),
    )
    .await?;
    let providers = provider::Entity::find()
        .filter(
            provider::Column::Id.is_in(
                outcome
                    .invoices
                    .iter()
                    .map(|i| uuid::Uuid::from(i.provider_id)),
            ),
        )
        .all(&state.db.conn)
        .await?;
    let run_ids: Vec<InvoiceId> = outcome.invoices.iter().map(|i| i.id).collect();
    let changed = bank_change::since_last_invoice(&state.db.conn, &providers, &run_ids).await?;
    let bank_details_changed: Vec<BankChangeOut> = providers
        .iter()
        .filter_map(|p| {
            changed.get(&p.id.into()).map(|at| BankChangeOut {
                provider_id: p.id,
                provider_name: p.name.clone(),
                changed_at: *at,
            })
        })
        .collect();
    let names: HashMap<uuid::Uuid, String> = providers
        .into_iter()
        .map(|p| (p.id.into(), p.name))
        .collect();
    let invoices = outcome
        .invoices
        .iter()
        .map(|model| {
            let name = names
                .get(&uuid::Uuid::from(model.provider_id))
                .cloned()
                .unwrap_or_default();
            Ok(SettledInvoiceOut {
                head: InvoiceHeadOut::of(model, name)?,
                line_count: outcome.line_counts.get(&model.id).copied().unwrap_or(0),
                links: InvoiceLinksOut::of(model.id),
                lines: None,
            })
        })
        .collect::<AppResult<Vec<_>>>()?;
    let not_invoiced: Vec<NotInvoicedOut> = outcome
        .not_invoiced
        .into_iter()
        .map(|n| NotInvoicedOut {
            provider_id: n.provider_id.into(),
            provider_name: n.provider_name,
            deliveries: n.deliveries,
            reason: n.reason.into(),
        })
        .collect();
    // The run is committed: what follows only reads.
    let conn = state.db.conn.clone();
    let label = month.label();
    let body = stream::body("settlement", move |mut sink| async move {
        let parts = (&not_invoiced[..], &bank_details_changed[..]);
        write_answer(&mut sink, &conn, &label, parts, (&invoices, detail)).await?;
        sink.flush().await
    });
    Ok((
        StatusCode::CREATED,
        [(header::CONTENT_TYPE, "application/json")],
        body,
    )
        .into_response())
}

/// Writes the answer as JSON in the shape of `SettlementOut`, piece by piece.
async fn write_answer(
    sink: &mut Sink,
    conn: &DatabaseConnection,
    month: &str,
    (not_invoiced, bank_details_changed): (&[NotInvoicedOut], &[BankChangeOut]),
    (invoices, detail): (&[SettledInvoiceOut], AnswerLines),
) -> anyhow::Result<()> {
    sink.buffer.extend_from_slice(b"{\"month\":");
    serde_json::to_writer(&mut sink.buffer, month)?;
    sink.buffer.extend_from_slice(b",\"not_invoiced\":");
    serde_json::to_writer(&mut sink.buffer, not_invoiced)?;
    sink.buffer.extend_from_slice(b",\"bank_details_changed\":");
    serde_json::to_writer(&mut sink.buffer, bank_details_changed)?;
    sink.buffer.extend_from_slice(b",\"invoices\":[");
    for (i, invoice) in invoices.iter().enumerate() {
        if i > 0 {
            sink.buffer.push(b',');
        }
        match detail {
            AnswerLines::Summary => serde_json::to_writer(&mut sink.buffer, invoice)?,
            AnswerLines::Included => write_invoice(sink, conn, invoice).await?,
        }
        sink.maybe_flush().await?;
    }
    sink.buffer.extend_from_slice(b"]}");
    Ok(())
}

/// One invoice: its summary's fields, then `"lines"` read in print order.
async fn write_invoice(
    sink: &mut Sink,
    conn: &DatabaseConnection,
    invoice: &SettledInvoiceOut,
) -> anyhow::Result<()> {
    let mut object = serde_json::to_vec(invoice)?;
    // The summary is a non-empty object: drop its closing brace to add the lines.
    object.pop();
    sink.buffer.extend_from_slice(&object);
    sink.buffer.extend_from_slice(b",\"lines\":[");
    let mut lines = invoice_line::Entity::find()
        .filter(invoice_line::Column::InvoiceId.eq(uuid::Uuid::from(invoice.head.id)))
        .order_by_asc(invoice_line::Column::ClientPseudonym)
        .order_by_asc(invoice_line::Column::DeliveryDate)
        .order_by_asc(invoice_line::Column::DeliveryId)
        .stream(conn)
        .await?
        .boxed();
    let mut first = true;
    while let Some(line) = lines.try_next().await? {
        if !first {
            sink.buffer.push(b',');
        }
        first = false;
        serde_json::to_writer(&mut sink.buffer, &InvoiceLineOut::of(&line))?;
        sink.maybe_flush().await?;
    }
    sink.buffer.extend_from_slice(b"]}");
    Ok(())
}
