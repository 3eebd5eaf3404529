//! The provider's monthly statement as a printable page: the month's deliveries by
//! purchaser with totals, what is invoiced and what is not yet, and the month's invoices
//! and credit notes with their Finvoice and CSV files.
use crate::i18n::Translate;
use std::collections::HashMap;

use askama::Template;
use axum::{http::Uri, response::Response};
use chrono::Months;

use crate::{
    domain::{ids::ClientId, today_in_finland},
    error::AppResult,
    statements::provider::{DeliveryRow, InvoiceRow, PurchaserPart, Totals},
    web::{
        format,
        i18n::Lang,
        page::{PageCtx, render},
        session::Web,
        statement::month_param,
        views,
    },
};

pub struct TotalsView {
    pub recorded: u64,
    pub total: String,
    pub purchaser_share: String,
    pub client_share: String,
    pub invoiced: String,
    pub not_invoiced: String,
    pub not_invoiced_count: u64,
}

pub struct Row {
    pub date: String,
    /// The client's name, as on the provider's other pages.
    pub client: String,
    /// The client's pseudonym, as on invoices, to match rows to invoice lines.
    pub client_code: String,
    pub service: String,
    pub quantity: String,
    pub unit_price: String,
    pub total: String,
    pub purchaser_share: String,
    pub client_share: String,
    pub status: String,
    pub reference: String,
    pub invoice: String,
}

pub struct Part {
    pub id: String,
    pub name: String,
    pub rows: Vec<Row>,
    pub totals: TotalsView,
}

pub struct InvoiceView {
    pub id: String,
    pub number: i64,
    pub purchaser: String,
    pub kind: String,
    pub issued: String,
    pub due: String,
    pub total: String,
}

#[derive(Template)]
#[template(path = "provider/statement.html")]
struct StatementPage {
    page: PageCtx,
    month_label: String,
    month_value: String,
    previous: String,
    next: Option<String>,
    totals: TotalsView,
    parts: Vec<Part>,
    invoices: Vec<InvoiceView>,
}

fn totals_view(t: &Totals) -> TotalsView {
    TotalsView {
        recorded: t.recorded,
        total: format::euros(t.total),
        purchaser_share: format::euros(t.purchaser_share),
        client_share: format::euros(t.client_share),
        invoiced: format::euros(t.invoiced),
        not_invoiced: format::euros(t.not_invoiced),
        not_invoiced_count: t.not_invoiced_count,
    }
}

fn row(lang: Lang, d: &DeliveryRow, names: &HashMap<ClientId, String>) -> Row {
    let invoice = match (d.invoice_number, d.credit_note_number) {
        (Some(i), Some(c)) => lang.t_with(
            "statement-invoiced-and-credited",
            &[
                ("number", i.to_string().into()),
                ("n", c.to_string().into()),
            ],
        ),
        (Some(i), None) => lang.t_with(
            "statement-invoice-number",
            &[("number", i.to_string().into())],
        ),
        _ => lang.t("statement-not-invoiced"),
    };
    Row {
        date: format::date(d.date),
        client: names.get(&d.client_id).cloned().unwrap_or_default(),
        client_code: d.client.clone(),
        service: d
            .service_name
            .as_ref()
            .map(|s| views::pick(lang, s))
            .unwrap_or_default(),
        quantity: crate::web::amounts::with_unit(
            lang,
            d.quantity,
            d.unit.as_deref().unwrap_or_default(),
        ),
        unit_price: format::euros(d.unit_price),
        total: format::euros(d.total),
        purchaser_share: format::euros(d.purchaser_share),
        client_share: format::euros(d.client_share),
        status: views::word(lang, "delivery", d.status.as_ref()),
        reference: d.reference.clone(),
        invoice,
    }
}

fn part(lang: Lang, p: &PurchaserPart, names: &HashMap<ClientId, String>) -> Part {
    Part {
        id: p.purchaser_id.to_string(),
        name: p.purchaser_name.clone(),
        rows: p.deliveries.iter().map(|d| row(lang, d, names)).collect(),
        totals: totals_view(&p.totals),
    }
}

fn invoice_view(lang: Lang, i: &InvoiceRow) -> InvoiceView {
    let kind = match (i.kind.as_str(), i.supplementary) {
        ("credit_note", _) => lang.t("invoice-kind-credit-note"),
        (_, true) => lang.t("invoice-kind-supplementary"),
        _ => lang.t("invoice-kind-invoice"),
    };
    InvoiceView {
        id: i.id.to_string(),
        number: i.number,
        purchaser: i.purchaser_name.clone(),
        kind,
        issued: format::date(i.issue_date),
        due: format::date(i.due_date),
        total: format::euros(i.total),
    }
}

pub async fn show(web: Web, uri: Uri) -> AppResult<Response> {
    let (actor, provider) = super::staff(&web)?;
    let lang = web.lang;
    let month = crate::statements::statement_month(month_param(&uri).as_deref())?;
    let conn = &web.state.db.conn;
    let s = crate::statements::provider::statement(conn, &web.state.vault, provider, month).await?;
    // Collected first: an iterator of borrowing closures held across the await would make
    // the handler's future not `Send`.
    let clients: Vec<ClientId> = s
        .purchasers
        .iter()
        .flat_map(|p| p.deliveries.iter().map(|d| d.client_id))
        .collect();
    let names = crate::commitments::client_names(conn, &actor, clients).await?;
    let next_first = s.last_day.succ_opt().unwrap_or(s.last_day);
    let previous = s
        .first_day
        .checked_sub_months(Months::new(1))
        .unwrap_or(s.first_day);
    render(&StatementPage {
        page: PageCtx::new(&web, "provider-statement-title"),
        month_label: lang.t_with(
            "month-label",
            &[("month", s.first_day.format("%-m/%Y").to_string().into())],
        ),
        month_value: s.month.clone(),
        previous: previous.format("%Y-%m").to_string(),
        next: (next_first <= today_in_finland()).then(|| next_first.format("%Y-%m").to_string()),
        totals: totals_view(&s.totals),
        parts: s.purchasers.iter().map(|p| part(lang, p, &names)).collect(),
        invoices: s.invoices.iter().map(|i| invoice_view(lang, i)).collect(),
    })
}
