//! One invoice or credit note as a readable, printable page, for the purchaser's finance
//! staff and the invoiced provider's staff (for anyone else it does not exist): who bills
//! whom, number, dates, reference and account, every row with the same figures as the
//! Finvoice and the CSV, the totals by VAT rate, and links to both files.
use crate::i18n::Translate;
use askama::Template;
use axum::response::Response;

use crate::{
    domain::{Money, bank::Iban, ids::InvoiceId, reference::FinnishReference, vat::VatRate},
    error::{AppError, AppResult},
    http::extract::PathId,
    settlement::{
        document::{self, InvoiceDocument},
        export::unit_amount,
        row::RowFigures,
    },
    web::{
        format,
        i18n::Lang,
        page::{PageCtx, render},
        session::Web,
    },
};

pub struct Party {
    pub name: String,
    pub business_id: String,
    pub einvoice: Option<String>,
}

pub struct RowView {
    pub date: String,
    pub client: String,
    pub service: String,
    pub quantity: String,
    pub unit_price: String,
    pub unit_price_vat_excluded: String,
    pub line_total: String,
    pub client_share: String,
    pub gross: String,
    pub vat_rate: String,
    pub net: String,
    pub vat: String,
    pub original: Option<String>,
}

pub struct VatView {
    pub rate: String,
    pub net: String,
    pub vat: String,
}

#[derive(Template)]
#[template(path = "invoice.html")]
struct InvoicePage {
    page: PageCtx,
    id: String,
    heading: String,
    seller: Party,
    buyer: Party,
    number: i64,
    month: String,
    issued: String,
    due: String,
    reference: String,
    reference_rf: String,
    iban: String,
    bic: String,
    credit_note: bool,
    supplementary: bool,
    rows: Vec<RowView>,
    sums: RowView,
    by_rate: Vec<VatView>,
    net: String,
    vat: String,
    total: String,
    back: (&'static str, String),
}

fn euros(m: Money) -> String {
    format::euros(m)
}

fn percent(points: i32) -> String {
    format!(
        "{} %",
        VatRate::from_basis_points(points)
            .percent()
            .to_string()
            .replace('.', ",")
    )
}

fn rows(lang: Lang, doc: &InvoiceDocument) -> (Vec<RowView>, RowView) {
    let mut total = (
        Money::ZERO,
        Money::ZERO,
        Money::ZERO,
        Money::ZERO,
        Money::ZERO,
    );
    let rows = doc
        .shown()
        .map(|s| {
            let f: &RowFigures = &s.figures;
            total.0 = total.0 + f.line_total;
            total.1 = total.1 + f.client_share;
            total.2 = total.2 + f.gross;
            total.3 = total.3 + f.net;
            total.4 = total.4 + f.vat;
            let quantity = s.line.quantity;
            let sign = if doc.is_credit_note() { "−" } else { "" };
            RowView {
                date: format::date(s.line.delivery_date),
                client: s.line.client_pseudonym.clone(),
                service: s
                    .service_name
                    .as_ref()
                    .map(|n| n.get(lang.code()).to_owned())
                    .unwrap_or_default(),
                quantity: format!(
                    "{sign}{}",
                    super::amounts::with_unit(lang, quantity, &s.unit_word)
                ),
                unit_price: euros(f.unit_price),
                // Shown where it differs: with VAT above 0 %.
                unit_price_vat_excluded: if s.line.vat_basis_points == 0 {
                    String::new()
                } else {
                    format!("{}\u{a0}€", unit_amount(f.unit_price_vat_excluded))
                },
                line_total: euros(f.line_total),
                client_share: euros(f.client_share),
                gross: euros(f.gross),
                vat_rate: percent(s.line.vat_basis_points),
                net: euros(f.net),
                vat: euros(f.vat),
                original: s.original.map(|(number, date)| {
                    lang.t_with(
                        "invoice-original",
                        &[
                            ("number", number.to_string().into()),
                            ("date", format::date(date).into()),
                        ],
                    )
                }),
            }
        })
        .collect();
    let sums = RowView {
        date: String::new(),
        client: String::new(),
        service: String::new(),
        quantity: String::new(),
        unit_price: String::new(),
        unit_price_vat_excluded: String::new(),
        line_total: euros(total.0),
        client_share: euros(total.1),
        gross: euros(total.2),
        vat_rate: String::new(),
        net: euros(total.3),
        vat: euros(total.4),
        original: None,
    };
    (rows, sums)
}

pub async fn show(web: Web, PathId(id): PathId<InvoiceId>) -> AppResult<Response> {
    let actor = web.signed_in()?.clone();
    let lang = web.lang;
    let conn = &web.state.db.conn;
    let model = document::readable(conn, &actor, id).await?;
    let doc = document::load(conn, model).await?;
    let inv = &doc.invoice;
    let reference = FinnishReference::parse(&inv.reference)
        .map_err(|e| AppError::internal(format!("stored reference: {e}")))?;
    let kind = match (doc.is_credit_note(), inv.supplementary) {
        (true, _) => "invoice-kind-credit-note",
        (false, true) => "invoice-kind-supplementary",
        (false, false) => "invoice-kind-invoice",
    };
    let heading = format!("{} {}", lang.t(kind), inv.number);
    let (rows, sums) = rows(lang, &doc);
    let mut rates: Vec<i32> = doc.lines.iter().map(|l| l.vat_basis_points).collect();
    rates.sort_unstable();
    rates.dedup();
    let by_rate = rates
        .into_iter()
        .map(|rate| {
            let (net, vat) = doc
                .lines
                .iter()
                .filter(|l| l.vat_basis_points == rate)
                .fold((Money::ZERO, Money::ZERO), |(n, v), l| {
                    (n + l.net, v + l.vat)
                });
            VatView {
                rate: percent(rate),
                net: euros(net),
                vat: euros(vat),
            }
        })
        .collect();
    let back = if actor.provider_id.is_some() {
        ("/provider/statement", format!("?month={}", inv.month))
    } else {
        ("/purchaser/settlement", format!("?month={}", inv.month))
    };
    render(&InvoicePage {
        page: PageCtx::new(&web, kind).titled(heading.clone()),
        id: inv.id.to_string(),
        heading,
        seller: Party {
            name: doc.seller.name.clone(),
            business_id: doc.seller.business_id.clone(),
            einvoice: doc.seller.einvoice_address.clone(),
        },
        buyer: Party {
            name: doc.buyer.name.clone(),
            business_id: doc.buyer.business_id.clone(),
            einvoice: doc.buyer.einvoice_address.clone(),
        },
        number: inv.number,
        month: inv.month.clone(),
        issued: format::date(inv.issue_date),
        due: format::date(inv.due_date),
        reference: reference.to_string(),
        reference_rf: reference.rf(),
        iban: Iban::parse(&inv.iban)
            .map(|i| i.to_string())
            .unwrap_or_else(|_| inv.iban.clone()),
        bic: inv.bic.clone(),
        credit_note: doc.is_credit_note(),
        supplementary: inv.supplementary,
        rows,
        sums,
        by_rate,
        net: euros(inv.net),
        vat: euros(inv.vat),
        total: euros(inv.gross),
        back,
    })
}
