//! One settlement run: in one write transaction that holds the purchaser's row, so two runs
//! at once make one set of invoices, and a failure half way leaves nothing invoiced.
use std::collections::{HashMap, HashSet};

use chrono::{Duration, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
    sea_query::{Expr, LockType},
};
use serde_json::json;

use crate::{
    audit::{self, AuditEvent},
    auth::Actor,
    db::{
        Db, WriteTx,
        entities::{delivery, invoice, invoice_line, provider, purchaser},
    },
    domain::ids::{InvoiceId, PurchaserId},
    error::{AppError, AppResult},
    vault::Vault,
};

use super::{
    Month,
    lines::{LineContext, line, line_context, reference_for},
    select::{by_provider, last_number, reversed_after_invoicing, unsettled},
};

pub const KIND_INVOICE: &str = "invoice";
pub const KIND_CREDIT_NOTE: &str = "credit_note";

/// A provider whose deliveries could not be invoiced, and why; they stay unsettled.
pub struct NotInvoiced {
    pub provider_id: uuid::Uuid,
    pub provider_name: String,
    pub deliveries: u64,
    pub reason: &'static str,
}

pub struct Outcome {
    pub invoices: Vec<(invoice::Model, Vec<invoice_line::Model>)>,
    pub not_invoiced: Vec<NotInvoiced>,
}

pub async fn settle(
    db: &Db,
    vault: &Vault,
    purchaser_id: PurchaserId,
    month: Month,
    today: NaiveDate,
    actor: &Actor,
) -> AppResult<Outcome> {
    let tx = db.begin_write().await?;
    let pid = uuid::Uuid::from(purchaser_id);
    let mut query = purchaser::Entity::find_by_id(pid);
    if db.is_postgres() {
        // NO KEY UPDATE: serializes settlement runs without blocking inserts that merely
        // reference the purchaser (new clients, allocations).
        query = query.lock(LockType::NoKeyUpdate);
    }
    let purchaser = query
        .one(&*tx)
        .await?
        .ok_or_else(|| AppError::not_found("purchaser"))?;
    let to_invoice = unsettled(&*tx, pid, month).await?;
    let to_credit = reversed_after_invoicing(&*tx, pid).await?;
    let all: Vec<delivery::Model> = to_invoice.iter().chain(&to_credit).cloned().collect();
    let mut run = Run {
        tx: &tx,
        vault,
        context: line_context(&*tx, &all).await?,
        purchaser: &purchaser,
        month,
        today,
        due_date: today + Duration::days(i64::from(purchaser.payment_terms_days)),
        actor,
        number: last_number(&*tx, pid).await?,
    };
    let mut outcome = Outcome {
        invoices: Vec::new(),
        not_invoiced: Vec::new(),
    };
    run.invoice(&to_invoice, &mut outcome).await?;
    run.credit(&to_credit, &mut outcome).await?;
    audit::record(
        &*tx,
        Some(actor),
        None,
        AuditEvent {
            action: "settlement_run",
            subject_type: "purchaser",
            subject_id: pid.to_string(),
            client: None,
            detail: Some(json!({
                "month": month.label(),
                "invoices": outcome.invoices.iter().map(|(i, _)| i.id).collect::<Vec<_>>(),
                "not_invoiced": outcome.not_invoiced.iter().map(|n| n.provider_id).collect::<Vec<_>>(),
            })),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(outcome)
}

/// One run's shared state: the transaction, the next number, the dates.
struct Run<'a> {
    tx: &'a WriteTx,
    vault: &'a Vault,
    context: LineContext,
    purchaser: &'a purchaser::Model,
    month: Month,
    today: NaiveDate,
    due_date: NaiveDate,
    actor: &'a Actor,
    number: i64,
}

/// What kind of document, and where the bank details come from.
struct Document {
    provider_id: uuid::Uuid,
    kind: &'static str,
    supplementary: bool,
    iban: String,
    bic: String,
}

impl Run<'_> {
    /// One invoice per provider with bank details; the others are reported.
    async fn invoice(&mut self, rows: &[delivery::Model], outcome: &mut Outcome) -> AppResult<()> {
        let grouped = by_provider(rows);
        let providers: HashMap<uuid::Uuid, provider::Model> = provider::Entity::find()
            .filter(provider::Column::Id.is_in(grouped.keys().copied()))
            .all(&**self.tx)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
        let already: HashSet<uuid::Uuid> = invoice::Entity::find()
            .select_only()
            .column(invoice::Column::ProviderId)
            .filter(invoice::Column::PurchaserId.eq(self.purchaser.id))
            .filter(invoice::Column::Month.eq(self.month.label()))
            .filter(invoice::Column::Kind.eq(KIND_INVOICE))
            .into_tuple::<uuid::Uuid>()
            .all(&**self.tx)
            .await?
            .into_iter()
            .collect();
        for (provider_id, rows) in grouped {
            let provider = providers
                .get(&provider_id)
                .ok_or_else(|| AppError::internal("delivery without provider"))?;
            let (Some(iban), Some(bic)) = (provider.iban.clone(), provider.bic.clone()) else {
                outcome.not_invoiced.push(NotInvoiced {
                    provider_id,
                    provider_name: provider.name.clone(),
                    deliveries: rows.len() as u64,
                    reason: "missing_bank_details",
                });
                continue;
            };
            let document = Document {
                provider_id,
                kind: KIND_INVOICE,
                supplementary: already.contains(&provider_id),
                iban,
                bic,
            };
            outcome.invoices.push(self.issue(document, &rows).await?);
        }
        Ok(())
    }

    /// One credit note per provider, paid back to the account the invoice named.
    async fn credit(&mut self, rows: &[delivery::Model], outcome: &mut Outcome) -> AppResult<()> {
        let originals: HashMap<uuid::Uuid, invoice::Model> = invoice::Entity::find()
            .filter(invoice::Column::Id.is_in(rows.iter().filter_map(|d| d.invoice_id)))
            .all(&**self.tx)
            .await?
            .into_iter()
            .map(|i| (i.id, i))
            .collect();
        for (provider_id, rows) in by_provider(rows) {
            let original = rows
                .first()
                .and_then(|d| d.invoice_id)
                .and_then(|id| originals.get(&id))
                .ok_or_else(|| AppError::internal("credit without its invoice"))?;
            let document = Document {
                provider_id,
                kind: KIND_CREDIT_NOTE,
                supplementary: false,
                iban: original.iban.clone(),
                bic: original.bic.clone(),
            };
            outcome.invoices.push(self.issue(document, &rows).await?);
        }
        Ok(())
    }

    async fn issue(
        &mut self,
        document: Document,
        rows: &[&delivery::Model],
    ) -> AppResult<(invoice::Model, Vec<invoice_line::Model>)> {
        self.number += 1;
        let invoice_id = uuid::Uuid::from(InvoiceId::new());
        let lines = rows
            .iter()
            .map(|d| line(self.vault, &self.context, invoice_id, document.kind, d))
            .collect::<AppResult<Vec<_>>>()?;
        let sum = |f: fn(&invoice_line::ActiveModel) -> i64| lines.iter().map(f).sum::<i64>();
        let model = invoice::ActiveModel {
            id: Set(invoice_id),
            purchaser_id: Set(self.purchaser.id),
            provider_id: Set(document.provider_id),
            number: Set(self.number),
            month: Set(self.month.label()),
            kind: Set(document.kind.into()),
            supplementary: Set(document.supplementary),
            reference: Set(reference_for(&self.purchaser.business_id, self.number)?),
            issue_date: Set(self.today),
            due_date: Set(self.due_date),
            net_cents: Set(sum(|l| *l.net_cents.as_ref())),
            vat_cents: Set(sum(|l| *l.vat_cents.as_ref())),
            gross_cents: Set(sum(|l| *l.gross_cents.as_ref())),
            iban: Set(document.iban),
            bic: Set(document.bic),
            created_by: Set(self.actor.user_id.into()),
            created_at: Set(Utc::now()),
        }
        .insert(&**self.tx)
        .await?;
        // The unique line per delivery and kind refuses a second invoice (or credit) of a
        // delivery, whatever happened meanwhile.
        invoice_line::Entity::insert_many(lines)
            .exec(&**self.tx)
            .await
            .map_err(|e| match AppError::from_unique(e, "month", "") {
                e if e.code == "duplicate" => AppError::conflict(
                    "settlement_conflict",
                    "deliveries changed during settlement; nothing was invoiced, try again",
                ),
                e => e,
            })?;
        if document.kind == KIND_INVOICE {
            delivery::Entity::update_many()
                .col_expr(delivery::Column::InvoiceId, Expr::value(invoice_id))
                .filter(delivery::Column::Id.is_in(rows.iter().map(|d| d.id)))
                .exec(&**self.tx)
                .await?;
        }
        let lines = invoice_line::Entity::find()
            .filter(invoice_line::Column::InvoiceId.eq(invoice_id))
            .order_by_asc(invoice_line::Column::ClientPseudonym)
            .order_by_asc(invoice_line::Column::DeliveryDate)
            .order_by_asc(invoice_line::Column::DeliveryId)
            .all(&**self.tx)
            .await?;
        Ok((model, lines))
    }
}
