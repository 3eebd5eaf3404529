//! Money and reports for purchaser finance: whether the books reconcile (first, and in
//! words, not only colour), spend by month, service and provider, and open reservations.
use crate::i18n::Translate;
use askama::Template;
use axum::{http::Uri, response::Response};

use crate::{
    error::AppResult,
    finance::report::{
        SumsOut,
        reconciliation::reconciliation,
        reservations::open_reservations,
        spend::{SpendQuery, spend},
    },
    web::{
        format,
        page::{Field, FormErrors, PageCtx, render},
        session::Web,
    },
};

pub struct SumsRow {
    pub label: String,
    pub deliveries: i64,
    pub purchaser_share: String,
    pub client_share: String,
}

/// One spend table: by month, by service or by provider.
pub struct SpendTable {
    pub id: &'static str,
    pub caption: String,
    pub first_column: String,
    pub rows: Vec<SumsRow>,
}

pub struct ReservationRow {
    pub provider: String,
    pub service: String,
    pub commitments: i64,
    pub reserved: String,
}

pub struct Books {
    pub ok: bool,
    pub summary: String,
    pub problems: Vec<String>,
}

#[derive(Template)]
#[template(path = "purchaser/finance.html")]
struct FinancePage {
    page: PageCtx,
    books: Books,
    fields: Vec<Field>,
    errors: FormErrors,
    tables: Vec<SpendTable>,
    total: Option<SumsRow>,
    reservations: Vec<ReservationRow>,
    reserved_total: String,
}

fn row(label: String, sums: &SumsOut) -> SumsRow {
    SumsRow {
        label,
        deliveries: sums.deliveries,
        purchaser_share: format::euros(sums.purchaser_share),
        client_share: format::euros(sums.client_share),
    }
}

fn query_value(uri: &Uri, name: &str) -> Option<String> {
    form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

async fn books(web: &Web) -> AppResult<Books> {
    let (actor, pid) = super::staff(web)?;
    let lang = web.lang;
    let report = reconciliation(&web.state.db, &actor, pid).await?;
    let mut problems = Vec::new();
    for p in &report.allocation_problems {
        problems.push(lang.t_with(
            "books-problem-balance",
            &[("name", p.allocation_id.to_string().into())],
        ));
    }
    for t in &report.invoiced_more_than_once {
        problems.push(lang.t_with(
            "books-problem-twice",
            &[("name", t.delivery_id.to_string().into())],
        ));
    }
    for d in &report.marks_disagreeing {
        problems.push(lang.t_with("books-problem-mark", &[("name", d.to_string().into())]));
    }
    for i in &report.invoice_totals_wrong {
        problems.push(lang.t_with("books-problem-total", &[("name", i.to_string().into())]));
    }
    let counts = [
        ("count", report.allocations_checked.into()),
        ("n", report.invoices_checked.into()),
    ];
    Ok(Books {
        ok: report.ok,
        summary: lang.t_with(if report.ok { "books-ok" } else { "books-bad" }, &counts),
        problems,
    })
}

pub async fn show(web: Web, uri: Uri) -> AppResult<Response> {
    let (actor, pid) = super::staff(&web)?;
    let lang = web.lang;
    let from = query_value(&uri, "from").unwrap_or_default();
    let to = query_value(&uri, "to").unwrap_or_default();
    let mut fields = vec![
        Field::new("from", "month", lang.t("field-from-month")).value(from.clone()),
        Field::new("to", "month", lang.t("field-to-month")).value(to.clone()),
    ];
    let query = SpendQuery {
        from: Some(from),
        to: Some(to),
    };
    let (mut tables, mut total) = (Vec::new(), None);
    let errors = match spend(&web.state.db, &actor, pid, &query).await {
        Ok(spend) => {
            let table = |id, caption: &str, first: &str, rows| SpendTable {
                id,
                caption: lang.t(caption),
                first_column: lang.t(first),
                rows,
            };
            let by_month = spend
                .by_month
                .iter()
                .map(|m| row(m.month.clone(), &m.sums))
                .collect();
            let name = |v: &serde_json::Value| {
                v.as_str()
                    .or_else(|| v[lang.code()].as_str())
                    .or_else(|| v["fi"].as_str())
                    .unwrap_or_default()
                    .to_owned()
            };
            let by_service = spend
                .by_service
                .iter()
                .map(|s| row(name(&s.name), &s.sums))
                .collect();
            let by_provider = spend
                .by_provider
                .iter()
                .map(|p| row(name(&p.name), &p.sums))
                .collect();
            tables = vec![
                table("spend-by-month", "spend-by-month", "col-month", by_month),
                table(
                    "spend-by-service",
                    "spend-by-service",
                    "col-service",
                    by_service,
                ),
                table(
                    "spend-by-provider",
                    "spend-by-provider",
                    "col-provider",
                    by_provider,
                ),
            ];
            total = Some(row(lang.t("total-row"), &spend.total));
            FormErrors::default()
        }
        Err(e) => FormErrors::from_app(lang, e)?,
    };
    errors.apply(&mut fields);
    let reservations = open_reservations(&web.state.db, &actor, pid).await?;
    render(&FinancePage {
        page: PageCtx::new(&web, "finance-title"),
        books: books(&web).await?,
        fields,
        errors,
        tables,
        total,
        reserved_total: format::euros(reservations.total),
        reservations: reservations
            .items
            .into_iter()
            .map(|r| ReservationRow {
                provider: r.provider_name,
                service: r.service_name[lang.code()]
                    .as_str()
                    .or_else(|| r.service_name["fi"].as_str())
                    .unwrap_or_default()
                    .to_owned(),
                commitments: r.commitments,
                reserved: format::euros(r.reserved),
            })
            .collect(),
    })
}
