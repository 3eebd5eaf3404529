//! Settlement over HTTP: purchaser finance settles a month (`run`); finance and the
//! invoiced provider read an invoice and its exports (`invoices`). The answer types are
//! `crate::settlement::answer`'s.
pub mod invoices;
pub mod month;
pub mod preview;
pub mod run;

use serde::{Deserialize, Serialize};

pub use crate::settlement::answer::{
    BankChangeOut, InvoiceHeadOut, InvoiceLineOut, InvoiceLinksOut, InvoiceOut, NotInvoicedOut,
    SettledInvoiceOut,
};

#[derive(Deserialize, utoipa::ToSchema)]
pub struct SettlementIn {
    /// The month to settle, `YYYY-MM`.
    pub month: String,
    /// The `digest` of the preview this run confirms
    /// (`GET /purchasers/{pid}/settlements/preview`): when the figures changed since, the
    /// run makes nothing and answers 409 `preview_changed`. Left out: no check.
    #[serde(default)]
    pub preview: Option<String>,
}

/// What the answer to a settlement run carries besides the invoices' totals.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SettlementQuery {
    /// `lines`: each invoice with every line (a month may make a million: hundreds of
    /// megabytes). Left out: each invoice with its totals, its `line_count` and `links` to
    /// read its lines (JSON, Finvoice, CSV).
    #[serde(default)]
    pub include: Option<String>,
}

/// The answer to a settlement run. It is streamed (a month may hold a million lines), in
/// this field order.
#[derive(Serialize, utoipa::ToSchema)]
pub struct SettlementOut {
    pub month: String,
    /// Providers whose deliveries could not be invoiced (they stay for the next run).
    pub not_invoiced: Vec<NotInvoicedOut>,
    /// Providers invoiced in this run whose bank details changed after their previous
    /// invoice (or before their first): check the account before paying.
    pub bank_details_changed: Vec<BankChangeOut>,
    /// The invoices this run made; empty when everything was already invoiced.
    pub invoices: Vec<SettledInvoiceOut>,
}
