//! One settlement run: in one write transaction that holds the purchaser's row, so two runs
//! at once make one set of invoices, and a failure half way leaves nothing invoiced.
use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Duration, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
    sea_query::{Expr, LockType, Query},
};
use serde_json::json;

use crate::{
    audit::{self, AuditEvent},
    auth::Actor,
    db::{
        Db,
        entities::{
            allocation, commitment, delivery, dispute, invoice, invoice_line, offering, provider,
            purchaser, service,
        },
    },
    domain::{
        catalogue::{DeliveryStatus, DisputeStatus},
        ids::{InvoiceId, PurchaserId},
        reference::FinnishReference,
        vat::VatRate,
    },
    error::{AppError, AppResult},
    vault::Vault,
};

use super::{Month, vat::split_gross};

pub const KIND_INVOICE: &str = "invoice";

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

/// What a line needs besides its delivery: the service (for VAT) and the client pseudonym.
struct LineContext {
    service_of_commitment: HashMap<uuid::Uuid, service::Model>,
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

    let deliveries = delivery::Entity::find()
        .filter(delivery::Column::Status.eq(DeliveryStatus::Recorded.as_ref()))
        .filter(delivery::Column::InvoiceId.is_null())
        .filter(delivery::Column::Date.gte(month.first_day))
        .filter(delivery::Column::Date.lt(month.next_first_day))
        .filter(
            delivery::Column::AllocationId.in_subquery(
                Query::select()
                    .column(allocation::Column::Id)
                    .from(allocation::Entity)
                    .and_where(allocation::Column::PurchaserId.eq(pid))
                    .to_owned(),
            ),
        )
        // A delivery under an open dispute waits for the decision.
        .filter(
            delivery::Column::Id.not_in_subquery(
                Query::select()
                    .column(dispute::Column::DeliveryId)
                    .from(dispute::Entity)
                    .and_where(dispute::Column::Status.eq(DisputeStatus::Open.as_ref()))
                    .to_owned(),
            ),
        )
        .order_by_asc(delivery::Column::ProviderId)
        .order_by_asc(delivery::Column::ClientId)
        .order_by_asc(delivery::Column::Date)
        .order_by_asc(delivery::Column::Id)
        .all(&*tx)
        .await?;

    let context = line_context(&*tx, &deliveries).await?;
    let mut by_provider: BTreeMap<uuid::Uuid, Vec<&delivery::Model>> = BTreeMap::new();
    for d in &deliveries {
        by_provider.entry(d.provider_id).or_default().push(d);
    }
    let providers: HashMap<uuid::Uuid, provider::Model> = provider::Entity::find()
        .filter(provider::Column::Id.is_in(by_provider.keys().copied()))
        .all(&*tx)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let already: HashSet<uuid::Uuid> = invoice::Entity::find()
        .select_only()
        .column(invoice::Column::ProviderId)
        .filter(invoice::Column::PurchaserId.eq(pid))
        .filter(invoice::Column::Month.eq(month.label()))
        .filter(invoice::Column::Kind.eq(KIND_INVOICE))
        .into_tuple::<uuid::Uuid>()
        .all(&*tx)
        .await?
        .into_iter()
        .collect();
    let mut number: i64 = invoice::Entity::find()
        .select_only()
        .column_as(invoice::Column::Number.max(), "n")
        .filter(invoice::Column::PurchaserId.eq(pid))
        .into_tuple::<Option<i64>>()
        .one(&*tx)
        .await?
        .flatten()
        .unwrap_or(0);
    let due_date = today + Duration::days(i64::from(purchaser.payment_terms_days));

    let mut outcome = Outcome {
        invoices: Vec::new(),
        not_invoiced: Vec::new(),
    };
    for (provider_id, rows) in by_provider {
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
        number += 1;
        let invoice_id = uuid::Uuid::from(InvoiceId::new());
        let lines = rows
            .iter()
            .map(|d| line(vault, &context, invoice_id, d))
            .collect::<AppResult<Vec<_>>>()?;
        let sum = |f: fn(&invoice_line::ActiveModel) -> i64| lines.iter().map(f).sum::<i64>();
        let model = invoice::ActiveModel {
            id: Set(invoice_id),
            purchaser_id: Set(pid),
            provider_id: Set(provider_id),
            number: Set(number),
            month: Set(month.label()),
            kind: Set(KIND_INVOICE.into()),
            supplementary: Set(already.contains(&provider_id)),
            reference: Set(reference_for(&purchaser.business_id, number)?),
            issue_date: Set(today),
            due_date: Set(due_date),
            net_cents: Set(sum(|l| *l.net_cents.as_ref())),
            vat_cents: Set(sum(|l| *l.vat_cents.as_ref())),
            gross_cents: Set(sum(|l| *l.gross_cents.as_ref())),
            iban: Set(iban),
            bic: Set(bic),
            created_by: Set(actor.user_id.into()),
            created_at: Set(Utc::now()),
        }
        .insert(&*tx)
        .await?;
        let ids: Vec<uuid::Uuid> = rows.iter().map(|d| d.id).collect();
        invoice_line::Entity::insert_many(lines).exec(&*tx).await?;
        let marked = delivery::Entity::update_many()
            .col_expr(delivery::Column::InvoiceId, Expr::value(invoice_id))
            .filter(delivery::Column::Id.is_in(ids.iter().copied()))
            .filter(delivery::Column::InvoiceId.is_null())
            .exec(&*tx)
            .await?;
        if marked.rows_affected != ids.len() as u64 {
            // Someone else invoiced one of them meanwhile: give up the whole run.
            return Err(AppError::conflict(
                "settlement_conflict",
                "deliveries changed during settlement; nothing was invoiced, try again",
            ));
        }
        let lines = invoice_line::Entity::find()
            .filter(invoice_line::Column::InvoiceId.eq(invoice_id))
            .order_by_asc(invoice_line::Column::ClientPseudonym)
            .order_by_asc(invoice_line::Column::DeliveryDate)
            .all(&*tx)
            .await?;
        outcome.invoices.push((model, lines));
    }
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

async fn line_context(
    conn: &impl sea_orm::ConnectionTrait,
    deliveries: &[delivery::Model],
) -> AppResult<LineContext> {
    let commitments: Vec<commitment::Model> = commitment::Entity::find()
        .filter(commitment::Column::Id.is_in(deliveries.iter().map(|d| d.commitment_id)))
        .all(conn)
        .await?;
    let offerings: HashMap<uuid::Uuid, uuid::Uuid> = offering::Entity::find()
        .filter(offering::Column::Id.is_in(commitments.iter().map(|c| c.offering_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|o| (o.id, o.service_id))
        .collect();
    let services: HashMap<uuid::Uuid, service::Model> = service::Entity::find()
        .filter(service::Column::Id.is_in(offerings.values().copied()))
        .all(conn)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let mut service_of_commitment = HashMap::new();
    for c in commitments {
        let service = offerings
            .get(&c.offering_id)
            .and_then(|s| services.get(s))
            .ok_or_else(|| AppError::internal("commitment without service"))?;
        service_of_commitment.insert(c.id, service.clone());
    }
    Ok(LineContext {
        service_of_commitment,
    })
}

/// The payment reference of a purchaser's invoice: the purchaser's business ID digits and
/// the invoice number, so references never repeat across purchasers (a provider's account
/// receives payments from several) and stay sequential within one.
pub fn reference_for(business_id: &str, number: i64) -> AppResult<String> {
    let digits: String = business_id
        .chars()
        .take_while(|c| *c != '-')
        .filter(char::is_ascii_digit)
        .collect();
    FinnishReference::from_base_digits(&format!("{digits}{number:06}"))
        .map(|r| r.as_str().to_owned())
        .map_err(|e| AppError::internal(format!("invoice reference: {e}")))
}

/// A client's stable pseudonym on invoices: a keyed hash, so lines group by client without
/// an identity leaving the system.
pub fn client_pseudonym(vault: &Vault, client: uuid::Uuid) -> String {
    let hash = vault.sign("client-pseudonym", &client.to_string());
    format!("A-{}", hash[..8].to_uppercase())
}

fn line(
    vault: &Vault,
    context: &LineContext,
    invoice_id: uuid::Uuid,
    d: &delivery::Model,
) -> AppResult<invoice_line::ActiveModel> {
    let service = context
        .service_of_commitment
        .get(&d.commitment_id)
        .ok_or_else(|| AppError::internal("delivery without service"))?;
    let rate = VatRate::from_basis_points(service.vat_basis_points);
    let (net, vat) = split_gross(d.purchaser_share_cents, rate);
    Ok(invoice_line::ActiveModel {
        id: Set(uuid::Uuid::new_v4()),
        invoice_id: Set(invoice_id),
        delivery_id: Set(d.id),
        kind: Set(KIND_INVOICE.into()),
        commitment_id: Set(d.commitment_id),
        service_id: Set(service.id),
        client_pseudonym: Set(client_pseudonym(vault, d.client_id)),
        delivery_date: Set(d.date),
        quantity_milli: Set(d.quantity_milli),
        unit_price_cents: Set(d.unit_price_cents),
        vat_basis_points: Set(service.vat_basis_points),
        net_cents: Set(net),
        vat_cents: Set(vat),
        gross_cents: Set(d.purchaser_share_cents),
    })
}
