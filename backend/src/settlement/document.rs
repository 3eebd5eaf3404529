//! One issued invoice or credit note with everything its files and its page show: the
//! stored header and lines, seller, buyer, the catalogue entries of the lines and, for a
//! credit note, the invoice each credited delivery was on. Read only by the purchaser's
//! finance staff and the invoiced provider's staff; for anyone else it does not exist.
use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::{
    auth::Actor,
    db::entities::{invoice, invoice_line, provider, purchaser, service},
    domain::{
        LocalizedText,
        catalogue::Role,
        ids::{DeliveryId, InvoiceId, ServiceId},
    },
    error::{AppError, AppResult},
};

use super::{export::unit_code, row::RowFigures, run::InvoiceKind};

pub struct InvoiceDocument {
    pub invoice: invoice::Model,
    /// In print order: by client pseudonym, date, delivery.
    pub lines: Vec<invoice_line::Model>,
    pub seller: provider::Model,
    pub buyer: purchaser::Model,
    pub services: HashMap<ServiceId, service::Model>,
    /// Credit notes: the number and date of the invoice each credited delivery was on.
    pub originals: HashMap<DeliveryId, (i64, NaiveDate)>,
}

/// The invoice if `actor` may read it: 404 for other providers and other purchasers, 403
/// for the purchaser's staff without the finance role.
pub async fn readable(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    id: InvoiceId,
) -> AppResult<invoice::Model> {
    let model = invoice::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or_else(|| AppError::not_found("invoice"))?;
    match actor.provider_id {
        Some(own) if own == model.provider_id => {}
        // Another provider's invoice does not exist for them.
        Some(_) => return Err(AppError::not_found("invoice")),
        None => actor.require_staff_for(model.purchaser_id, Role::Finance, "invoice")?,
    }
    Ok(model)
}

/// The lines of an invoice in print order.
pub fn lines_of(id: InvoiceId) -> sea_orm::Select<invoice_line::Entity> {
    invoice_line::Entity::find()
        .filter(invoice_line::Column::InvoiceId.eq(id))
        .order_by_asc(invoice_line::Column::ClientPseudonym)
        .order_by_asc(invoice_line::Column::DeliveryDate)
        .order_by_asc(invoice_line::Column::DeliveryId)
}

pub async fn load(
    conn: &impl ConnectionTrait,
    invoice: invoice::Model,
) -> AppResult<InvoiceDocument> {
    let lines = lines_of(invoice.id).all(conn).await?;
    let seller = provider::Entity::find_by_id(uuid::Uuid::from(invoice.provider_id))
        .one(conn)
        .await?
        .ok_or_else(|| AppError::internal("invoice without provider"))?;
    let buyer = purchaser::Entity::find_by_id(uuid::Uuid::from(invoice.purchaser_id))
        .one(conn)
        .await?
        .ok_or_else(|| AppError::internal("invoice without purchaser"))?;
    let services = service::Entity::find()
        .filter(service::Column::Id.is_in(lines.iter().map(|l| l.service_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let originals = if invoice.kind == InvoiceKind::CreditNote {
        originals(conn, &lines).await?
    } else {
        HashMap::new()
    };
    Ok(InvoiceDocument {
        invoice,
        lines,
        seller,
        buyer,
        services,
        originals,
    })
}

/// For each credited delivery, the invoice that first billed it.
pub async fn originals(
    conn: &impl ConnectionTrait,
    lines: &[invoice_line::Model],
) -> AppResult<HashMap<DeliveryId, (i64, NaiveDate)>> {
    let billed: Vec<(DeliveryId, InvoiceId)> = invoice_line::Entity::find()
        .select_only()
        .columns([
            invoice_line::Column::DeliveryId,
            invoice_line::Column::InvoiceId,
        ])
        .filter(invoice_line::Column::Kind.eq(InvoiceKind::Invoice))
        .filter(invoice_line::Column::DeliveryId.is_in(lines.iter().map(|l| l.delivery_id)))
        .into_tuple()
        .all(conn)
        .await?;
    let invoices: HashMap<InvoiceId, (i64, NaiveDate)> = invoice::Entity::find()
        .filter(invoice::Column::Id.is_in(billed.iter().map(|(_, i)| *i)))
        .all(conn)
        .await?
        .into_iter()
        .map(|i| (i.id, (i.number, i.issue_date)))
        .collect();
    Ok(billed
        .into_iter()
        .filter_map(|(delivery, inv)| invoices.get(&inv).map(|o| (delivery, *o)))
        .collect())
}

/// One line as every view shows it: the service, its unit and the row's figures.
pub struct ShownLine<'a> {
    pub line: &'a invoice_line::Model,
    pub service_code: String,
    /// The catalogue entry's Finnish name (the invoice's language).
    pub service_fi: String,
    pub service_name: Option<LocalizedText>,
    /// Finnish unit abbreviation (`h`, `pv`, …) and the UN/ECE code (`HUR`, `DAY`, …).
    pub unit: (&'static str, &'static str),
    pub unit_word: String,
    pub figures: RowFigures,
    pub original: Option<(i64, NaiveDate)>,
}

impl InvoiceDocument {
    pub fn is_credit_note(&self) -> bool {
        self.invoice.kind == InvoiceKind::CreditNote
    }

    pub fn shown(&self) -> impl Iterator<Item = ShownLine<'_>> {
        self.lines
            .iter()
            .map(|line| shown_line(line, &self.services, &self.originals))
    }
}

/// A line with what is shown beside it; `originals` is empty but for credit notes.
pub fn shown_line<'a>(
    line: &'a invoice_line::Model,
    services: &HashMap<ServiceId, service::Model>,
    originals: &HashMap<DeliveryId, (i64, NaiveDate)>,
) -> ShownLine<'a> {
    let service = services.get(&line.service_id);
    let name: Option<LocalizedText> =
        service.and_then(|s| serde_json::from_value(s.name.clone()).ok());
    let unit = service.map(|s| s.unit.to_string()).unwrap_or_default();
    ShownLine {
        line,
        service_code: service.map(|s| s.code.clone()).unwrap_or_default(),
        service_fi: name.as_ref().map(|n| n.fi.clone()).unwrap_or_default(),
        service_name: name,
        unit: unit_code(&unit),
        unit_word: unit,
        figures: RowFigures::of(line),
        original: originals.get(&line.delivery_id).copied(),
    }
}
