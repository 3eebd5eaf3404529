//! The settlement's two steps for finance: the preview of what settling a month would
//! make (per provider: deliveries, VAT-excluded, VAT and total, credit notes), and the
//! confirmation, a POST with the month and the preview's digest that runs exactly that;
//! if the figures changed meanwhile the new preview is shown instead.
use crate::i18n::Translate;
use askama::Template;
use axum::{http::Uri, response::Response};
use serde::Deserialize;

use crate::{
    domain::today_in_finland,
    error::AppResult,
    settlement::{
        Month,
        asked::{settle_month, settlement_month},
        preview::{self, Sums},
    },
    web::{
        format,
        page::{FormErrors, PageCtx, done, render},
        session::{Web, WebForm},
    },
};

pub struct SumsView {
    pub lines: u64,
    pub net: String,
    pub vat: String,
    pub total: String,
}

fn sums(s: &Sums) -> SumsView {
    SumsView {
        lines: s.lines,
        net: format::euros(s.net),
        vat: format::euros(s.vat),
        total: format::euros(s.gross),
    }
}

pub struct ProviderRow {
    pub name: String,
    pub invoice: SumsView,
    pub credit: Option<SumsView>,
    /// What happens to the provider's deliveries, in words.
    pub status: String,
    pub ready: bool,
    pub bank_warning: Option<String>,
}

#[derive(Template)]
#[template(path = "purchaser/settlement_preview.html")]
struct PreviewPage {
    page: PageCtx,
    month: String,
    month_label: String,
    digest: String,
    rows: Vec<ProviderRow>,
    invoiced: SumsView,
    credited: SumsView,
    invoices: u64,
    credit_notes: u64,
    waiting: u64,
    confirm: String,
    errors: FormErrors,
}

async fn draw(web: &Web, month_text: &str, errors: FormErrors) -> AppResult<Response> {
    let (actor, pid) = super::staff(web)?;
    let lang = web.lang;
    let month = settlement_month(&actor, pid, month_text)?;
    let p = preview::preview(&web.state.db.conn, pid.into(), month).await?;
    let rows = p
        .providers
        .iter()
        .map(|v| {
            let status = if v.invoice.lines == 0 {
                "settlement-to-credit"
            } else if !v.has_bank_details {
                "settlement-missing-bank-details"
            } else if v.supplementary {
                "settlement-preview-supplementary"
            } else {
                "settlement-ready"
            };
            ProviderRow {
                name: v.provider_name.clone(),
                invoice: sums(&v.invoice),
                credit: (v.credit.lines > 0).then(|| sums(&v.credit)),
                status: lang.t(status),
                ready: v.invoice.lines == 0 || v.has_bank_details,
                bank_warning: v.bank_changed_at.map(|at| {
                    let day = at.with_timezone(&chrono_tz::Europe::Helsinki).date_naive();
                    lang.t_with(
                        "settlement-bank-changed",
                        &[("date", format::date(day).into())],
                    )
                }),
            }
        })
        .collect();
    let month_label = lang.t_with(
        "month-label",
        &[("month", month.first_day.format("%-m/%Y").to_string().into())],
    );
    render(&PreviewPage {
        page: PageCtx::new(web, "settlement-preview-title"),
        month: month.label(),
        confirm: lang.t_with(
            "settlement-confirm",
            &[("count", p.invoices.into()), ("n", p.credit_notes.into())],
        ),
        month_label,
        digest: p.digest,
        rows,
        invoiced: sums(&p.invoiced),
        credited: sums(&p.credited),
        invoices: p.invoices,
        credit_notes: p.credit_notes,
        waiting: p.waiting,
        errors,
    })
}

/// `?month=YYYY-MM`, else last month (the one usually settled).
pub async fn show(web: Web, uri: Uri) -> AppResult<Response> {
    let month = super::settlement::month_of(&uri);
    draw(&web, &month.label(), FormErrors::default()).await
}

#[derive(Deserialize)]
pub struct ConfirmForm {
    #[serde(default)]
    month: String,
    #[serde(default)]
    preview: String,
}

/// The confirmation: settles the month only as previewed.
pub async fn confirm(web: Web, WebForm(form): WebForm<ConfirmForm>) -> AppResult<Response> {
    let (actor, pid) = super::staff(&web)?;
    let digest = Some(form.preview.as_str()).filter(|d| !d.is_empty());
    // Without a preview's digest there is nothing confirmed: show the preview.
    let Some(digest) = digest else {
        return draw(&web, &form.month, FormErrors::default()).await;
    };
    match settle_month(
        &web.state.db,
        &web.state.vault,
        &actor,
        pid,
        &form.month,
        Some(digest),
    )
    .await
    {
        Ok((month, _)) => Ok(done(
            &format!("/purchaser/settlement?month={}", month.label()),
            "settled",
        )),
        Err(e) => {
            let month = Month::parse(&form.month)
                .unwrap_or_else(|_| Month::containing(today_in_finland()).previous());
            let errors = FormErrors::from_app(web.lang, e)?;
            draw(&web, &month.label(), errors).await
        }
    }
}
