//! What settlement answers, for the API and the portal alike: invoices with their header
//! and lines, the providers left out of a run and why, and bank details changed since a
//! provider's previous invoice.
use chrono::NaiveDate;
use serde::Serialize;

use crate::{
    db::entities::{invoice, invoice_line},
    domain::{
        Money, Quantity,
        ids::{CommitmentId, DeliveryId, InvoiceId, ProviderId, PurchaserId, ServiceId},
        reference::FinnishReference,
        vat::VatRate,
    },
    error::{AppError, AppResult},
    settlement::row::RowFigures,
};

#[derive(Serialize, utoipa::ToSchema)]
pub struct NotInvoicedOut {
    pub provider_id: ProviderId,
    pub provider_name: String,
    pub deliveries: u64,
    /// `missing_bank_details`: the provider has not given its IBAN and BIC.
    pub reason: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct BankChangeOut {
    pub provider_id: ProviderId,
    pub provider_name: String,
    pub changed_at: chrono::DateTime<chrono::Utc>,
}

/// How much of each invoice a settlement run's answer carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerLines {
    /// Totals, the number of lines and where to read them: a few hundred bytes an invoice,
    /// however many lines it has.
    Summary,
    /// Every line as well (`?include=lines`), for callers written when the answer had them.
    Included,
}

impl AnswerLines {
    /// The `include` query parameter: left out (or empty) summarises, `lines` includes them.
    pub fn parse(include: Option<&str>) -> AppResult<AnswerLines> {
        match include.map(str::trim) {
            None | Some("") => Ok(AnswerLines::Summary),
            Some("lines") => Ok(AnswerLines::Included),
            Some(_) => Err(AppError::invalid("include", "must be `lines` or left out")),
        }
    }
}

/// Where an invoice is read: as JSON with its lines, as Finvoice and as CSV.
#[derive(Serialize, utoipa::ToSchema)]
pub struct InvoiceLinksOut {
    /// `GET` gives the header and every line.
    pub json: String,
    pub finvoice: String,
    pub csv: String,
}

impl InvoiceLinksOut {
    pub fn of(invoice: InvoiceId) -> Self {
        let base = format!("/api/v1/invoices/{invoice}");
        InvoiceLinksOut {
            finvoice: format!("{base}/finvoice.xml"),
            csv: format!("{base}/lines.csv"),
            json: base,
        }
    }
}

/// An invoice a settlement run made: its header, how many lines it has and where to read
/// them; with `?include=lines`, the lines too.
#[derive(Serialize, utoipa::ToSchema)]
pub struct SettledInvoiceOut {
    #[serde(flatten)]
    pub head: InvoiceHeadOut,
    pub line_count: u64,
    pub links: InvoiceLinksOut,
    /// Only with `?include=lines`: every line, as `GET /api/v1/invoices/{id}` gives them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lines: Option<Vec<InvoiceLineOut>>,
}

/// An invoice with its lines.
#[derive(Serialize, utoipa::ToSchema)]
pub struct InvoiceOut {
    #[serde(flatten)]
    pub head: InvoiceHeadOut,
    pub lines: Vec<InvoiceLineOut>,
}

/// An invoice's header: who bills whom, for what month, how much, where to pay.
#[derive(Serialize, utoipa::ToSchema)]
pub struct InvoiceHeadOut {
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
    pub net: Money,
    pub vat: Money,
    /// The amount to pay, VAT included.
    pub total: Money,
    pub iban: String,
    pub bic: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct InvoiceLineOut {
    pub delivery_id: DeliveryId,
    pub commitment_id: CommitmentId,
    pub service_id: ServiceId,
    pub client_pseudonym: String,
    pub delivery_date: NaiveDate,
    pub quantity: Quantity,
    /// The provider's unit price, VAT included; the line's amount is the purchaser's share.
    pub unit_price: Money,
    /// The unit price without VAT (up to five decimals), as the Finvoice row shows it.
    #[schema(value_type = String)]
    pub unit_price_vat_excluded: rust_decimal::Decimal,
    /// `quantity × unit_price`, VAT included (negative on a credit note).
    pub line_total: Money,
    /// The client's own share: `line_total − total`.
    pub client_share: Money,
    /// The client's own share without VAT: the Finvoice row discount.
    pub client_share_vat_excluded: Money,
    /// VAT in percent.
    pub vat_rate: String,
    pub net: Money,
    pub vat: Money,
    pub total: Money,
}

impl InvoiceHeadOut {
    pub fn of(model: &invoice::Model, provider_name: String) -> AppResult<Self> {
        let reference = FinnishReference::parse(&model.reference)
            .map_err(|e| AppError::internal(format!("stored reference: {e}")))?;
        Ok(InvoiceHeadOut {
            id: model.id,
            number: model.number,
            purchaser_id: model.purchaser_id,
            provider_id: model.provider_id,
            provider_name,
            month: model.month.clone(),
            kind: model.kind.to_string(),
            supplementary: model.supplementary,
            reference_rf: reference.rf(),
            reference: reference.to_string(),
            issue_date: model.issue_date,
            due_date: model.due_date,
            net: model.net,
            vat: model.vat,
            total: model.gross,
            iban: model.iban.clone(),
            bic: model.bic.clone(),
        })
    }
}

impl InvoiceLineOut {
    pub fn of(l: &invoice_line::Model) -> Self {
        let f = RowFigures::of(l);
        InvoiceLineOut {
            delivery_id: l.delivery_id,
            commitment_id: l.commitment_id,
            service_id: l.service_id,
            client_pseudonym: l.client_pseudonym.clone(),
            delivery_date: l.delivery_date,
            quantity: l.quantity,
            unit_price: l.unit_price,
            unit_price_vat_excluded: f.unit_price_vat_excluded,
            line_total: f.line_total,
            client_share: f.client_share,
            client_share_vat_excluded: f.client_share_vat_excluded,
            vat_rate: VatRate::from_basis_points(l.vat_basis_points)
                .percent()
                .to_string(),
            net: l.net,
            vat: l.vat,
            total: l.gross,
        }
    }
}
