//! A purchaser's month and its invoices as files and lists for finance: the invoices and
//! credit notes issued for a month, one invoice as Finvoice 3.0 XML or CSV lines, and every
//! line of a month in one CSV written piece by piece (a month may hold a million lines).
//! Finance staff of the purchaser read them; an invoice also its provider.
use std::collections::HashMap;

use futures_util::{StreamExt, TryStreamExt};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use crate::{
    auth::Actor,
    db::{
        Db,
        entities::{invoice, service},
    },
    domain::{
        catalogue::Role,
        ids::{InvoiceId, ProviderId, PurchaserId, ServiceId},
    },
    error::{AppError, AppResult},
    http::{
        download,
        stream::{self, Sink},
    },
    paging::{self, Page, Paged},
};

use super::{
    Month,
    answer::InvoiceHeadOut,
    document::{self, InvoiceDocument},
    export,
    run::InvoiceKind,
};

/// The month a finance person names, `YYYY-MM`; a 422 naming `month` otherwise.
fn month_of(raw: &str) -> AppResult<Month> {
    Month::parse(raw).map_err(|e| AppError::invalid("month", e))
}

fn of_month(pid: PurchaserId, month: Month) -> sea_orm::Select<invoice::Entity> {
    invoice::Entity::find()
        .filter(invoice::Column::PurchaserId.eq(uuid::Uuid::from(pid)))
        .filter(invoice::Column::Month.eq(month.label()))
        .order_by_asc(invoice::Column::Number)
}

/// Providers' names and business IDs by id.
async fn provider_names(
    conn: &DatabaseConnection,
    ids: impl IntoIterator<Item = ProviderId>,
) -> AppResult<HashMap<ProviderId, (String, String)>> {
    Ok(crate::db::provider_names::by_id(conn, ids)
        .await?
        .into_iter()
        .map(|(id, p)| (id, (p.name, p.business_id)))
        .collect())
}

/// The invoices and credit notes issued for `month`, by number: a page, or with `page`
/// None all of them.
pub async fn invoices_of_month(
    db: &Db,
    actor: &Actor,
    pid: PurchaserId,
    month: &str,
    page: Option<Page>,
) -> AppResult<Paged<InvoiceHeadOut>> {
    actor.require_staff(pid, Role::Finance)?;
    let month = month_of(month)?;
    let conn = &db.conn;
    let listed = paging::fetch_or_all(conn, of_month(pid, month), page).await?;
    let names = provider_names(conn, listed.items.iter().map(|m| m.provider_id)).await?;
    listed.try_map(|m| {
        let name = names.get(&m.provider_id).map(|n| n.0.clone());
        InvoiceHeadOut::of(&m, name.unwrap_or_default())
    })
}

/// One invoice as a file, for finance or the invoiced provider (others: 404).
async fn export(
    conn: &DatabaseConnection,
    actor: &Actor,
    id: InvoiceId,
    draw: fn(&InvoiceDocument) -> anyhow::Result<Vec<u8>>,
) -> AppResult<Vec<u8>> {
    let model = document::readable(conn, actor, id).await?;
    let doc = document::load(conn, model).await?;
    Ok(draw(&doc)?)
}

/// The invoice as Finvoice 3.0 XML.
pub async fn finvoice(
    conn: &DatabaseConnection,
    actor: &Actor,
    id: InvoiceId,
) -> AppResult<Vec<u8>> {
    export(conn, actor, id, |d| d.finvoice()).await
}

/// The invoice's lines in the same columns as the month's CSV.
pub async fn invoice_csv(
    conn: &DatabaseConnection,
    actor: &Actor,
    id: InvoiceId,
) -> AppResult<Vec<u8>> {
    export(conn, actor, id, |d| d.lines_csv()).await
}

/// Every line of a month's invoices, ready to be written: what the lines need, read once.
pub struct MonthCsv {
    pub month: Month,
    invoices: Vec<invoice::Model>,
    names: HashMap<ProviderId, (String, String)>,
    services: HashMap<ServiceId, service::Model>,
    conn: DatabaseConnection,
}

/// Finance asks for the month's lines: checked and prepared here, written by
/// [`MonthCsv::write`] while the answer is sent.
pub async fn month_csv(
    db: &Db,
    actor: &Actor,
    pid: PurchaserId,
    month: &str,
) -> AppResult<MonthCsv> {
    actor.require_staff(pid, Role::Finance)?;
    let month = month_of(month)?;
    let conn = &db.conn;
    let invoices = of_month(pid, month).all(conn).await?;
    let names = provider_names(conn, invoices.iter().map(|m| m.provider_id)).await?;
    let services = service::Entity::find()
        .filter(service::Column::PurchaserId.eq(pid))
        .all(conn)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    Ok(MonthCsv {
        month,
        invoices,
        names,
        services,
        conn: conn.clone(),
    })
}

impl MonthCsv {
    /// The file's name: `invoice-lines-2026-11.csv`.
    pub fn filename(&self) -> String {
        format!("invoice-lines-{}.csv", self.month.label())
    }

    /// The file as a download, written while it is sent.
    pub fn download(self) -> axum::response::Response {
        let filename = self.filename();
        let body = stream::body("month csv", move |mut sink| async move {
            self.write(&mut sink).await
        });
        download::file(download::CSV, Some(&filename), body)
    }

    /// Writes the header and every invoice's lines into `sink`.
    async fn write(self, sink: &mut Sink) -> anyhow::Result<()> {
        export::write_csv_row(&mut sink.buffer, export::CSV_HEADER)?;
        for model in &self.invoices {
            let provider = self
                .names
                .get(&model.provider_id)
                .cloned()
                .unwrap_or_default();
            write_invoice(sink, &self.conn, model, &provider, &self.services).await?;
        }
        sink.flush().await
    }
}

/// One invoice's lines, streamed; a credit note's (few) are read at once with the invoices
/// they credit.
async fn write_invoice(
    sink: &mut Sink,
    conn: &DatabaseConnection,
    model: &invoice::Model,
    (provider, business_id): &(String, String),
    services: &HashMap<ServiceId, service::Model>,
) -> anyhow::Result<()> {
    let head = export::CsvHead {
        invoice: model,
        provider_name: provider,
        provider_business_id: business_id,
    };
    if model.kind == InvoiceKind::CreditNote {
        let lines = document::lines_of(model.id).all(conn).await?;
        let originals = document::originals(conn, &lines).await?;
        for line in &lines {
            let shown = document::shown_line(line, services, &originals);
            export::write_csv_row(&mut sink.buffer, export::csv_record(&head, &shown))?;
        }
        return sink.maybe_flush().await;
    }
    let none = HashMap::new();
    let mut lines = document::lines_of(model.id).stream(conn).await?.boxed();
    while let Some(line) = lines.try_next().await? {
        let shown = document::shown_line(&line, services, &none);
        export::write_csv_row(&mut sink.buffer, export::csv_record(&head, &shown))?;
        sink.maybe_flush().await?;
    }
    Ok(())
}
