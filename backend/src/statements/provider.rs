//! A provider's monthly statement: its deliveries dated in the month, grouped by purchaser
//! with totals (what was invoiced and what is not yet), and the invoices and credit notes
//! issued for the month. Clients appear as on invoices: by pseudonym, never by name.
use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter, QueryOrder};
use serde::Serialize;

use crate::{
    auth::Actor,
    db::entities::{allocation, delivery, invoice, invoice_line, purchaser},
    domain::{
        LocalizedText, Money, Quantity,
        catalogue::DeliveryStatus,
        ids::{
            AllocationId, ClientId, CommitmentId, DeliveryId, InvoiceId, ProviderId, PurchaserId,
            ServiceId,
        },
    },
    error::AppResult,
    settlement::{Month, lines::client_pseudonym, run::InvoiceKind},
    vault::Vault,
};

use super::{names, statement_month};

#[derive(Serialize, utoipa::ToSchema)]
pub struct ProviderStatement {
    pub provider_id: ProviderId,
    pub month: String,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    /// The month's deliveries by purchaser (the one who pays the purchaser shares).
    pub purchasers: Vec<PurchaserPart>,
    /// Over all purchasers.
    pub totals: Totals,
    /// Invoices and credit notes issued for this month, by purchaser and number.
    pub invoices: Vec<InvoiceRow>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct PurchaserPart {
    pub purchaser_id: PurchaserId,
    pub purchaser_name: String,
    pub deliveries: Vec<DeliveryRow>,
    pub totals: Totals,
}

/// Sums over recorded deliveries only: voided and reversed ones are owed by nobody.
#[derive(Clone, Copy, Default, Serialize, utoipa::ToSchema)]
pub struct Totals {
    pub recorded: u64,
    pub total: Money,
    pub purchaser_share: Money,
    /// Collected from the clients themselves.
    pub client_share: Money,
    /// Purchaser shares already on an invoice.
    pub invoiced: Money,
    /// Purchaser shares waiting for the purchaser's next settlement.
    pub not_invoiced: Money,
    pub not_invoiced_count: u64,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct DeliveryRow {
    pub id: DeliveryId,
    pub date: NaiveDate,
    /// The client's pseudonym, the same as on invoices.
    pub client: String,
    /// Whose delivery it is, for the provider's own page to name the client (the API
    /// gives the pseudonym only, as invoices do).
    #[serde(skip)]
    pub client_id: ClientId,
    pub service_id: Option<ServiceId>,
    pub service_name: Option<LocalizedText>,
    pub unit: Option<String>,
    pub quantity: Quantity,
    pub unit_price: Money,
    pub total: Money,
    pub purchaser_share: Money,
    pub client_share: Money,
    pub status: DeliveryStatus,
    pub reference: String,
    pub invoice_id: Option<InvoiceId>,
    pub invoice_number: Option<i64>,
    /// The credit note that credited it, when it was voided or reversed after invoicing.
    pub credit_note_number: Option<i64>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct InvoiceRow {
    pub id: InvoiceId,
    pub purchaser_id: PurchaserId,
    pub purchaser_name: String,
    pub number: i64,
    /// `invoice` or `credit_note`.
    pub kind: String,
    pub supplementary: bool,
    pub issue_date: NaiveDate,
    pub due_date: NaiveDate,
    pub total: Money,
    /// `/api/v1/invoices/{id}`, and its Finvoice and CSV files.
    pub links: InvoiceLinks,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct InvoiceLinks {
    pub json: String,
    pub finvoice: String,
    pub csv: String,
}

impl Totals {
    fn add(&mut self, d: &delivery::Model) {
        if d.status != DeliveryStatus::Recorded {
            return;
        }
        let share = d.purchaser_share;
        self.recorded += 1;
        self.total = self.total + d.total;
        self.purchaser_share = self.purchaser_share + share;
        self.client_share = self.client_share + d.client_share;
        if d.invoice_id.is_some() {
            self.invoiced = self.invoiced + share;
        } else {
            self.not_invoiced = self.not_invoiced + share;
            self.not_invoiced_count += 1;
        }
    }
}

/// What the rows need besides the deliveries, each looked up once.
struct Context {
    purchaser_of: HashMap<AllocationId, PurchaserId>,
    purchaser_names: HashMap<PurchaserId, String>,
    invoice_numbers: HashMap<InvoiceId, i64>,
    credited: HashMap<DeliveryId, i64>,
    named: HashMap<CommitmentId, names::Named>,
}

pub async fn statement(
    conn: &impl ConnectionTrait,
    vault: &Vault,
    provider: ProviderId,
    month: Month,
) -> AppResult<ProviderStatement> {
    let pid = uuid::Uuid::from(provider);
    let deliveries = delivery::Entity::find()
        .filter(delivery::Column::ProviderId.eq(pid))
        .filter(delivery::Column::Date.gte(month.first_day))
        .filter(delivery::Column::Date.lt(month.next_first_day))
        .order_by_asc(delivery::Column::Date)
        .order_by_asc(delivery::Column::CreatedAt)
        .all(conn)
        .await?;
    // The month's invoices, and any older one a delivery of the month is on.
    let invoices = invoice::Entity::find()
        .filter(invoice::Column::ProviderId.eq(pid))
        .filter(
            invoice::Column::Month
                .eq(month.label())
                .or(invoice::Column::Id.is_in(deliveries.iter().filter_map(|d| d.invoice_id))),
        )
        .order_by_asc(invoice::Column::PurchaserId)
        .order_by_asc(invoice::Column::Number)
        .all(conn)
        .await?;
    let context = context(conn, &deliveries, &invoices).await?;
    let mut parts: BTreeMap<(String, PurchaserId), PurchaserPart> = BTreeMap::new();
    let mut totals = Totals::default();
    for d in &deliveries {
        let buyer = context
            .purchaser_of
            .get(&d.allocation_id)
            .copied()
            .unwrap_or(PurchaserId(uuid::Uuid::nil()));
        let name = context
            .purchaser_names
            .get(&buyer)
            .cloned()
            .unwrap_or_default();
        let part = parts
            .entry((name.clone(), buyer))
            .or_insert_with(|| PurchaserPart {
                purchaser_id: buyer,
                purchaser_name: name,
                deliveries: Vec::new(),
                totals: Totals::default(),
            });
        part.totals.add(d);
        totals.add(d);
        part.deliveries.push(delivery_row(d, vault, &context)?);
    }
    Ok(ProviderStatement {
        provider_id: provider,
        month: month.label(),
        first_day: month.first_day,
        last_day: month.next_first_day.pred_opt().unwrap_or(month.first_day),
        purchasers: parts.into_values().collect(),
        totals,
        invoices: invoices
            .iter()
            .filter(|i| i.month == month.label())
            .map(|i| invoice_row(i, &context.purchaser_names))
            .collect(),
    })
}

async fn context(
    conn: &impl ConnectionTrait,
    deliveries: &[delivery::Model],
    invoices: &[invoice::Model],
) -> AppResult<Context> {
    let purchaser_of: HashMap<AllocationId, PurchaserId> = allocation::Entity::find()
        .filter(allocation::Column::Id.is_in(deliveries.iter().map(|d| d.allocation_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|a| (a.id, a.purchaser_id))
        .collect();
    let buyers = purchaser_of
        .values()
        .copied()
        .chain(invoices.iter().map(|i| i.purchaser_id));
    let purchaser_names = purchaser::Entity::find()
        .filter(purchaser::Column::Id.is_in(buyers))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    Ok(Context {
        purchaser_of,
        purchaser_names,
        invoice_numbers: invoices.iter().map(|i| (i.id, i.number)).collect(),
        credited: credit_notes_of(conn, deliveries).await?,
        named: names::of_commitments(conn, deliveries.iter().map(|d| d.commitment_id)).await?,
    })
}

fn delivery_row(d: &delivery::Model, vault: &Vault, context: &Context) -> AppResult<DeliveryRow> {
    let n = context.named.get(&d.commitment_id);
    Ok(DeliveryRow {
        id: d.id,
        date: d.date,
        client: client_pseudonym(vault, d.client_id.into()),
        client_id: d.client_id,
        service_id: n.map(|n| n.service_id),
        service_name: n.map(|n| n.service_name.clone()),
        unit: n.map(|n| n.unit.clone()),
        quantity: d.quantity,
        unit_price: d.unit_price,
        total: d.total,
        purchaser_share: d.purchaser_share,
        client_share: d.client_share,
        status: d.status,
        reference: d.reference.clone(),
        invoice_id: d.invoice_id,
        invoice_number: d
            .invoice_id
            .and_then(|i| context.invoice_numbers.get(&i).copied()),
        credit_note_number: context.credited.get(&d.id).copied(),
    })
}

/// Each credited delivery's credit-note number.
async fn credit_notes_of(
    conn: &impl ConnectionTrait,
    deliveries: &[delivery::Model],
) -> AppResult<HashMap<DeliveryId, i64>> {
    let lines = invoice_line::Entity::find()
        .filter(invoice_line::Column::Kind.eq(InvoiceKind::CreditNote))
        .filter(
            invoice_line::Column::DeliveryId.is_in(
                deliveries
                    .iter()
                    .filter(|d| d.invoice_id.is_some())
                    .map(|d| d.id),
            ),
        )
        .all(conn)
        .await?;
    let numbers: HashMap<InvoiceId, i64> = invoice::Entity::find()
        .filter(invoice::Column::Id.is_in(lines.iter().map(|l| l.invoice_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|i| (i.id, i.number))
        .collect();
    Ok(lines
        .iter()
        .filter_map(|l| Some((l.delivery_id, *numbers.get(&l.invoice_id)?)))
        .collect())
}

fn invoice_row(i: &invoice::Model, names: &HashMap<PurchaserId, String>) -> InvoiceRow {
    let base = format!("/api/v1/invoices/{}", i.id);
    InvoiceRow {
        id: i.id,
        purchaser_id: i.purchaser_id,
        purchaser_name: names.get(&i.purchaser_id).cloned().unwrap_or_default(),
        number: i.number,
        kind: i.kind.to_string(),
        supplementary: i.supplementary,
        issue_date: i.issue_date,
        due_date: i.due_date,
        total: i.gross,
        links: InvoiceLinks {
            finvoice: format!("{base}/finvoice.xml"),
            csv: format!("{base}/lines.csv"),
            json: base,
        },
    }
}

/// The provider's statement for `month` (`YYYY-MM`, this month when None), for its own
/// staff; anyone else is told the provider does not exist.
pub async fn for_provider(
    conn: &impl ConnectionTrait,
    vault: &Vault,
    actor: &Actor,
    provider: ProviderId,
    month: Option<&str>,
) -> AppResult<ProviderStatement> {
    actor.require_provider(provider, "provider")?;
    statement(conn, vault, provider, statement_month(month)?).await
}
