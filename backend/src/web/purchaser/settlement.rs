//! Settlement for purchaser finance: a month's invoices and credit notes with their page
//! and files, what is still waiting to be invoiced (and why), the way to the preview that
//! settles the month (`settlement_preview`), and the purchaser's e-invoice address.
use crate::i18n::Translate;
use askama::Template;
use axum::{extract::Path, http::Uri, response::Response};
use serde::Deserialize;

use sea_orm::EntityTrait;

use crate::{
    db::entities::purchaser,
    domain::{ids::InvoiceId, today_in_finland},
    error::{AppError, AppResult},
    http::{download, extract::PathId},
    purchasers::{self, PurchaserPatch},
    settlement::{Month, files, select::waiting},
    web::{
        format,
        page::{Field, FormErrors, PageCtx, done, render},
        session::{Web, WebForm},
    },
};

pub struct InvoiceRow {
    pub id: String,
    pub number: i64,
    pub kind: String,
    pub provider: String,
    pub total: String,
    pub due_date: String,
}

pub struct WaitingRow {
    pub provider: String,
    pub deliveries: i64,
    pub status: String,
    pub ready: bool,
    /// "Bank details changed on …; check before paying", when they changed after the
    /// provider's last invoice.
    pub bank_warning: Option<String>,
}

#[derive(Template)]
#[template(path = "purchaser/settlement.html")]
struct SettlementPage {
    page: PageCtx,
    month: String,
    month_label: String,
    previous: String,
    next: Option<String>,
    invoices: Vec<InvoiceRow>,
    waiting: Vec<WaitingRow>,
    fields: Vec<Field>,
    errors: FormErrors,
}

#[derive(Deserialize, Default)]
pub struct EinvoiceForm {
    #[serde(default)]
    einvoice_address: String,
    #[serde(default)]
    einvoice_operator: String,
}

/// The month in `?month=`, or last month: the one usually settled.
pub fn month_of(uri: &Uri) -> Month {
    form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes())
        .find(|(k, _)| k == "month")
        .and_then(|(_, v)| Month::parse(&v).ok())
        .unwrap_or_else(|| Month::containing(today_in_finland()).previous())
}

async fn draw(
    web: &Web,
    month: Month,
    typed: Option<&EinvoiceForm>,
    errors: FormErrors,
) -> AppResult<Response> {
    let (actor, pid) = super::staff(web)?;
    let lang = web.lang;
    let buyer = purchaser::Entity::find_by_id(pid)
        .one(&web.state.db.conn)
        .await?
        .ok_or_else(|| AppError::not_found("purchaser"))?;
    let (address, operator) = match typed {
        Some(f) => (f.einvoice_address.clone(), f.einvoice_operator.clone()),
        None => (
            buyer.einvoice_address.unwrap_or_default(),
            buyer.einvoice_operator.unwrap_or_default(),
        ),
    };
    let mut fields = vec![
        Field::new("einvoice_address", "text", lang.t("field-einvoice-address"))
            .value(address)
            .hint(lang.t("field-einvoice-address-hint")),
        Field::new(
            "einvoice_operator",
            "text",
            lang.t("field-einvoice-operator"),
        )
        .value(operator)
        .hint(lang.t("field-einvoice-operator-hint")),
    ];
    errors.apply(&mut fields);
    // Every invoice of the month: the finance person sees the whole month, never the
    // first hundred.
    let listed_items = files::invoices_of_month(&web.state.db, &actor, pid, &month.label(), None)
        .await?
        .items;
    let invoices = listed_items
        .into_iter()
        .map(|i| InvoiceRow {
            id: i.id.to_string(),
            number: i.number,
            kind: lang.t(match (i.kind.as_str(), i.supplementary) {
                ("credit_note", _) => "invoice-kind-credit-note",
                (_, true) => "invoice-kind-supplementary",
                _ => "invoice-kind-invoice",
            }),
            provider: i.provider_name,
            total: format::euros(i.total),
            due_date: format::date(i.due_date),
        })
        .collect();
    let waiting = waiting(&web.state.db.conn, pid.into(), month)
        .await?
        .into_iter()
        .map(|w| WaitingRow {
            provider: w.provider_name,
            deliveries: w.deliveries,
            status: lang.t(if w.to_credit {
                "settlement-to-credit"
            } else if w.has_bank_details {
                "settlement-ready"
            } else {
                "settlement-missing-bank-details"
            }),
            ready: w.to_credit || w.has_bank_details,
            bank_warning: w.bank_changed_at.map(|at| {
                let day = at.with_timezone(&chrono_tz::Europe::Helsinki).date_naive();
                lang.t_with(
                    "settlement-bank-changed",
                    &[("date", format::date(day).into())],
                )
            }),
        })
        .collect();
    let this_month = Month::containing(today_in_finland());
    render(&SettlementPage {
        page: PageCtx::new(web, "settlement-title"),
        month: month.label(),
        month_label: lang.t_with(
            "month-label",
            &[("month", month.first_day.format("%-m/%Y").to_string().into())],
        ),
        previous: month.previous().label(),
        next: (month.first_day < this_month.first_day).then(|| month.next().label()),
        invoices,
        waiting,
        fields,
        errors,
    })
}

pub async fn show(web: Web, uri: Uri) -> AppResult<Response> {
    draw(&web, month_of(&uri), None, FormErrors::default()).await
}

/// Saves where providers send this purchaser's e-invoices (finance only).
pub async fn save_einvoice(web: Web, WebForm(form): WebForm<EinvoiceForm>) -> AppResult<Response> {
    let (actor, pid) = super::staff(&web)?;
    let patch = PurchaserPatch {
        einvoice_address: Some(form.einvoice_address.clone()),
        einvoice_operator: Some(form.einvoice_operator.clone()),
        ..PurchaserPatch::default()
    };
    match purchasers::settings::update(&web.state.db, &actor, pid, patch).await {
        Ok(_) => Ok(done("/purchaser/settlement", "saved")),
        Err(e) => {
            let errors = FormErrors::from_app(web.lang, e)?;
            let month = Month::containing(today_in_finland()).previous();
            draw(&web, month, Some(&form), errors).await
        }
    }
}

/// An invoice's files for the browser: the same handlers as the API, with the session.
pub async fn finvoice(web: Web, PathId(id): PathId<InvoiceId>) -> AppResult<Response> {
    let actor = web.signed_in()?.clone();
    let body = files::finvoice(&web.state.db.conn, &actor, id).await?;
    Ok(download::file(download::XML, None, body))
}

pub async fn invoice_csv(web: Web, PathId(id): PathId<InvoiceId>) -> AppResult<Response> {
    let actor = web.signed_in()?.clone();
    let body = files::invoice_csv(&web.state.db.conn, &actor, id).await?;
    Ok(download::file(download::CSV, None, body))
}

pub async fn month_csv(web: Web, Path(month): Path<String>) -> AppResult<Response> {
    let (actor, pid) = super::staff(&web)?;
    Ok(files::month_csv(&web.state.db, &actor, pid, &month)
        .await?
        .download())
}
