//! The lines of an invoice or credit note: one per delivery, its amount the purchaser's
//! share (negative on a credit note), VAT split by the catalogue entry's rate, and the
//! client shown only as a pseudonym.
use std::collections::{HashMap, HashSet};

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect, Set};

use crate::{
    db::entities::{commitment, delivery, invoice_line, offering, service},
    domain::{
        ids::{CommitmentId, InvoiceId, InvoiceLineId, ServiceId},
        reference::FinnishReference,
        vat::VatRate,
    },
    error::{AppError, AppResult},
    vault::Vault,
};

use super::{run::InvoiceKind, vat::split};

/// What a line needs besides its delivery: the service (for VAT) of each commitment and each
/// client's pseudonym. Filled page by page and kept for the run: a month has far fewer
/// commitments and clients than deliveries.
#[derive(Default)]
pub(super) struct LineContext {
    service_of_commitment: HashMap<CommitmentId, (ServiceId, i32)>,
    pseudonyms: HashMap<uuid::Uuid, String>,
}

impl LineContext {
    /// Looks up the services of the page's commitments not seen yet.
    pub(super) async fn extend(
        &mut self,
        conn: &impl sea_orm::ConnectionTrait,
        deliveries: &[delivery::Model],
    ) -> AppResult<()> {
        self.extend_commitments(conn, deliveries.iter().map(|d| d.commitment_id))
            .await
    }

    /// Looks up the services of the commitments not seen yet.
    pub(super) async fn extend_commitments(
        &mut self,
        conn: &impl sea_orm::ConnectionTrait,
        ids: impl Iterator<Item = CommitmentId>,
    ) -> AppResult<()> {
        let unknown: HashSet<CommitmentId> = ids
            .filter(|c| !self.service_of_commitment.contains_key(c))
            .collect();
        if unknown.is_empty() {
            return Ok(());
        }
        let commitments: Vec<(CommitmentId, uuid::Uuid)> = commitment::Entity::find()
            .select_only()
            .columns([commitment::Column::Id, commitment::Column::OfferingId])
            .filter(commitment::Column::Id.is_in(unknown))
            .into_tuple()
            .all(conn)
            .await?;
        let offerings: HashMap<uuid::Uuid, uuid::Uuid> = offering::Entity::find()
            .select_only()
            .columns([offering::Column::Id, offering::Column::ServiceId])
            .filter(offering::Column::Id.is_in(commitments.iter().map(|(_, o)| *o)))
            .into_tuple()
            .all(conn)
            .await?
            .into_iter()
            .collect();
        let services: HashMap<uuid::Uuid, i32> = service::Entity::find()
            .select_only()
            .columns([service::Column::Id, service::Column::VatBasisPoints])
            .filter(service::Column::Id.is_in(offerings.values().copied()))
            .into_tuple()
            .all(conn)
            .await?
            .into_iter()
            .collect();
        for (commitment, offering) in commitments {
            let service = offerings
                .get(&offering)
                .and_then(|s| services.get(s).map(|vat| (ServiceId::from(*s), *vat)))
                .ok_or_else(|| AppError::internal("commitment without service"))?;
            self.service_of_commitment.insert(commitment, service);
        }
        Ok(())
    }

    /// The VAT rate (basis points) of a commitment's service, once looked up.
    pub(super) fn vat_of(&self, commitment: CommitmentId) -> AppResult<i32> {
        self.service_of_commitment
            .get(&commitment)
            .map(|(_, vat)| *vat)
            .ok_or_else(|| AppError::internal("commitment without service"))
    }

    fn pseudonym(&mut self, vault: &Vault, client: uuid::Uuid) -> String {
        self.pseudonyms
            .entry(client)
            .or_insert_with(|| client_pseudonym(vault, client))
            .clone()
    }
}

/// The payment reference of a purchaser's invoice: the purchaser's business ID digits and
/// the invoice number, so references never repeat across purchasers (a provider's account
/// receives payments from several) and stay sequential within one.
pub fn reference_for(business_id: &str, number: i64) -> AppResult<String> {
    let digits: String = business_id
        .chars()
        .take_while(|c| *c != '-')
        .filter(char::is_ascii_digit)
        .collect();
    FinnishReference::from_base_digits(&format!("{digits}{number:06}"))
        .map(|r| r.as_str().to_owned())
        .map_err(|e| AppError::internal(format!("invoice reference: {e}")))
}

/// A client's stable pseudonym on invoices: a keyed hash, so lines group by client without
/// an identity leaving the system.
pub fn client_pseudonym(vault: &Vault, client: uuid::Uuid) -> String {
    vault.client_pseudonym(client)
}

pub(super) fn line(
    vault: &Vault,
    context: &mut LineContext,
    invoice_id: InvoiceId,
    kind: InvoiceKind,
    d: &delivery::Model,
) -> AppResult<invoice_line::ActiveModel> {
    let (service_id, vat_basis_points) = *context
        .service_of_commitment
        .get(&d.commitment_id)
        .ok_or_else(|| AppError::internal("delivery without service"))?;
    let rate = VatRate::from_basis_points(vat_basis_points);
    // A credit note gives back what the invoice asked.
    let gross = if kind == InvoiceKind::CreditNote {
        -d.purchaser_share
    } else {
        d.purchaser_share
    };
    let (net, vat) = split(gross, rate);
    Ok(invoice_line::ActiveModel {
        // Time-ordered, so a month's lines append to the key's index instead of landing
        // on random pages of it.
        id: Set(InvoiceLineId(uuid::Uuid::now_v7())),
        invoice_id: Set(invoice_id),
        delivery_id: Set(d.id),
        kind: Set(kind),
        commitment_id: Set(d.commitment_id),
        service_id: Set(service_id),
        client_pseudonym: Set(context.pseudonym(vault, d.client_id.into())),
        delivery_date: Set(d.date),
        quantity: Set(d.quantity),
        unit_price: Set(d.unit_price),
        vat_basis_points: Set(vat_basis_points),
        net: Set(net),
        vat: Set(vat),
        gross: Set(gross),
    })
}

/// A page of lines as one PostgreSQL `INSERT … SELECT * FROM UNNEST(…)` of fourteen arrays:
/// a statement of fourteen parameters parses, binds and plans far faster than a multi-row
/// `VALUES` of 28,000, which is most of a large run's time. (SQLite has no arrays; it takes
/// the multi-row insert, and is fast at it.)
pub(super) fn unnest_insert(lines: &[invoice_line::ActiveModel]) -> sea_orm::Statement {
    fn column<T>(
        lines: &[invoice_line::ActiveModel],
        get: impl Fn(&invoice_line::ActiveModel) -> T,
    ) -> sea_orm::Value
    where
        Vec<T>: Into<sea_orm::Value>,
    {
        lines.iter().map(get).collect::<Vec<T>>().into()
    }
    let values = vec![
        column(lines, |l| *l.id.as_ref()),
        column(lines, |l| *l.invoice_id.as_ref()),
        column(lines, |l| *l.delivery_id.as_ref()),
        column(lines, |l| *l.kind.as_ref()),
        column(lines, |l| *l.commitment_id.as_ref()),
        column(lines, |l| *l.service_id.as_ref()),
        column(lines, |l| l.client_pseudonym.as_ref().clone()),
        column(lines, |l| *l.delivery_date.as_ref()),
        column(lines, |l| *l.quantity.as_ref()),
        column(lines, |l| *l.unit_price.as_ref()),
        column(lines, |l| *l.vat_basis_points.as_ref()),
        column(lines, |l| *l.net.as_ref()),
        column(lines, |l| *l.vat.as_ref()),
        column(lines, |l| *l.gross.as_ref()),
    ];
    sea_orm::Statement::from_sql_and_values(
        sea_orm::DatabaseBackend::Postgres,
        "INSERT INTO invoice_lines (id, invoice_id, delivery_id, kind, commitment_id, service_id, \
         client_pseudonym, delivery_date, quantity_milli, unit_price_cents, vat_basis_points, \
         net_cents, vat_cents, gross_cents) \
         SELECT * FROM UNNEST($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::uuid[], \
         $6::uuid[], $7::text[], $8::date[], $9::int8[], $10::int8[], $11::int4[], $12::int8[], \
         $13::int8[], $14::int8[])",
        values,
    )
}
