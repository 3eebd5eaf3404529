//! PostgreSQL: a month's invoices in one statement. Reading, marking and writing a million
//! deliveries page by page cost a round trip, a plan and a pass through the driver per page;
//! here the database marks every delivery of the month with its provider's invoice
//! (`UPDATE … FROM`), makes a line of each marked delivery (`INSERT … SELECT`, joined with
//! the catalogue for the VAT rate) and puts the lines' sums on the invoices, all in the run's
//! transaction. The program only supplies what the database cannot compute: the invoice of
//! each provider and the clients' pseudonyms (a keyed hash whose key stays in the program),
//! as two temporary tables that the statement joins.
//!
//! The lines are exactly those the paged path makes (`lines::line`): the same columns, the
//! purchaser's share as the amount, and the net `round_half_up(gross / (1 + rate), 2)` in
//! whole-number arithmetic (`vat::split_gross`; a test compares the two).

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, QuerySelect, Statement,
};

use crate::{
    db::entities::{allocation, invoice},
    domain::catalogue::{DeliveryStatus, DisputeStatus, InvoiceKind},
    error::{AppError, AppResult},
    vault::Vault,
};

use super::{Month, lines::client_pseudonym};

/// An invoice the statement filled, and how many lines it got.
pub(super) struct Filled {
    pub invoice: invoice::Model,
    pub lines: u64,
}

/// Marks the month's unsettled deliveries of each provider in `documents` (provider id,
/// invoice id, the invoice's header already written) with that invoice, writes their lines
/// and sets each invoice's totals. Invoices whose deliveries went meanwhile are not in the
/// answer (the caller removes them).
pub(super) async fn invoice_month(
    conn: &impl ConnectionTrait,
    vault: &Vault,
    (purchaser_id, month): (uuid::Uuid, Month),
    documents: &[(uuid::Uuid, uuid::Uuid)],
) -> AppResult<Vec<Filled>> {
    let (clients, pseudonyms) = pseudonyms(conn, vault, purchaser_id).await?;
    let (providers, invoices): (Vec<uuid::Uuid>, Vec<uuid::Uuid>) =
        documents.iter().copied().unzip();
    supply(
        conn,
        [
            vec![providers.into(), invoices.into()],
            vec![clients.into(), pseudonyms.into()],
        ],
    )
    .await?;
    let values: Vec<sea_orm::Value> = vec![
        purchaser_id.into(),
        month.first_day.into(),
        month.next_first_day.into(),
        DeliveryStatus::Recorded.to_string().into(),
        DisputeStatus::Open.to_string().into(),
        InvoiceKind::Invoice.to_string().into(),
    ];
    let rows = conn
        .query_all_raw(Statement::from_sql_and_values(
            sea_orm::DatabaseBackend::Postgres,
            INVOICE_MONTH,
            values,
        ))
        .await
        .map_err(|e| {
            crate::db::unique::or_else(e, || {
                AppError::conflict(
                    "settlement_conflict",
                    "deliveries changed during settlement; nothing was invoiced, try again",
                )
            })
        })?;
    let mut filled = Vec::with_capacity(rows.len());
    let mut written: i64 = 0;
    let mut marked: i64 = 0;
    for row in rows {
        let lines: i64 = row.try_get("", "lines")?;
        marked = row.try_get("", "marked")?;
        written += lines;
        filled.push(Filled {
            invoice: invoice::Model::from_query_result(&row, "")?,
            lines: u64::try_from(lines).unwrap_or_default(),
        });
    }
    // Every marked delivery must have its line: a delivery whose service or client could
    // not be joined would otherwise be marked invoiced without being billed.
    if marked != written {
        return Err(AppError::internal(format!(
            "settlement marked {marked} deliveries but wrote {written} lines"
        )));
    }
    Ok(filled)
}

/// What the program supplies, as temporary tables that go with the transaction, each made,
/// filled from two arrays and analysed. Inline `UNNEST`s gave the planner no row counts
/// or distinct values, and it chose badly for a large month: it hashed the month's
/// deliveries and updated them provider by provider (every page of the table visited once
/// per provider on it, the lines written out of delivery id order, so not appended to the
/// unique index) and sorted every marked delivery on disk to join the pseudonyms. Knowing
/// the two small tables, it scans the deliveries once in table order and hashes the rest.
const SUPPLIED: [(&str, &str); 2] = [
    (
        "CREATE TEMPORARY TABLE settlement_documents
           (provider_id uuid NOT NULL, invoice_id uuid NOT NULL) ON COMMIT DROP",
        "INSERT INTO settlement_documents SELECT * FROM UNNEST($1::uuid[], $2::uuid[])",
    ),
    (
        "CREATE TEMPORARY TABLE settlement_pseudonyms
           (client_id uuid NOT NULL, pseudonym text NOT NULL) ON COMMIT DROP",
        "INSERT INTO settlement_pseudonyms SELECT * FROM UNNEST($1::uuid[], $2::text[])",
    ),
];

/// Writes `SUPPLIED`: (provider ids, their invoice ids) and (client ids, their pseudonyms).
async fn supply(conn: &impl ConnectionTrait, arrays: [Vec<sea_orm::Value>; 2]) -> AppResult<()> {
    for ((create, fill), values) in SUPPLIED.into_iter().zip(arrays) {
        conn.execute_unprepared(create).await?;
        conn.execute_raw(Statement::from_sql_and_values(
            sea_orm::DatabaseBackend::Postgres,
            fill,
            values,
        ))
        .await?;
    }
    conn.execute_unprepared("ANALYZE settlement_documents, settlement_pseudonyms")
        .await?;
    Ok(())
}

/// The pseudonym of every client of the purchaser: far fewer than a month's deliveries.
async fn pseudonyms(
    conn: &impl ConnectionTrait,
    vault: &Vault,
    purchaser_id: uuid::Uuid,
) -> AppResult<(Vec<uuid::Uuid>, Vec<String>)> {
    let clients: Vec<uuid::Uuid> = allocation::Entity::find()
        .select_only()
        .column(allocation::Column::ClientId)
        .distinct()
        .filter(allocation::Column::PurchaserId.eq(purchaser_id))
        .into_tuple()
        .all(conn)
        .await?;
    let pseudonyms = clients
        .iter()
        .map(|c| client_pseudonym(vault, *c))
        .collect();
    Ok((clients, pseudonyms))
}

/// The month's statement. `$1` purchaser, `$2`–`$3` the month, `$4` the recorded status,
/// `$5` the open dispute status, `$6` the invoice kind; the provider's invoices and the
/// clients' pseudonyms are in `SUPPLIED`. Which deliveries it takes is `select::unsettled`
/// (recorded, not invoiced, in the month, of the purchaser's clients, not under an open
/// dispute), written out here so the database can mark them as it scans them. A line's id
/// is a UUIDv7 (time first) like the paged path's, so lines append to the key's index.
const INVOICE_MONTH: &str = "
WITH marked AS (
    UPDATE deliveries SET invoice_id = documents.invoice_id
    FROM settlement_documents documents
    WHERE deliveries.provider_id = documents.provider_id
      AND deliveries.status = $4
      AND deliveries.invoice_id IS NULL
      AND deliveries.date >= $2 AND deliveries.date < $3
      AND deliveries.allocation_id IN (SELECT id FROM allocations WHERE purchaser_id = $1)
      AND deliveries.id NOT IN (SELECT delivery_id FROM disputes WHERE status = $5)
    RETURNING deliveries.id, deliveries.invoice_id, deliveries.commitment_id,
      deliveries.client_id, deliveries.date, deliveries.quantity_milli,
      deliveries.unit_price_cents, deliveries.purchaser_share_cents
), written AS (
    INSERT INTO invoice_lines (id, invoice_id, delivery_id, kind, commitment_id, service_id,
      client_pseudonym, delivery_date, quantity_milli, unit_price_cents, vat_basis_points,
      net_cents, vat_cents, gross_cents)
    SELECT
      encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) PLACING
        substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::int8) FROM 3)
        FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid,
      m.invoice_id, m.id, $6, m.commitment_id, s.id, p.pseudonym, m.date, m.quantity_milli,
      m.unit_price_cents, s.vat_basis_points, split.net, m.purchaser_share_cents - split.net,
      m.purchaser_share_cents
    FROM marked m
    JOIN commitments c ON c.id = m.commitment_id
    JOIN offerings o ON o.id = c.offering_id
    JOIN services s ON s.id = o.service_id
    JOIN settlement_pseudonyms p ON p.client_id = m.client_id
    -- round_half_up(gross * 10000 / (10000 + basis points)), away from zero, in integers
    CROSS JOIN LATERAL (SELECT CASE WHEN m.purchaser_share_cents < 0
      THEN -((-m.purchaser_share_cents * 20000 + 10000 + s.vat_basis_points)
             / (2 * (10000 + s.vat_basis_points)))
      ELSE (m.purchaser_share_cents * 20000 + 10000 + s.vat_basis_points)
             / (2 * (10000 + s.vat_basis_points))
      END AS net) split
    RETURNING invoice_id, net_cents, vat_cents, gross_cents
), sums AS (
    SELECT invoice_id, count(*)::int8 AS lines, sum(net_cents)::int8 AS net,
      sum(vat_cents)::int8 AS vat, sum(gross_cents)::int8 AS gross
    FROM written GROUP BY invoice_id
), totalled AS (
    UPDATE invoices SET net_cents = sums.net, vat_cents = sums.vat, gross_cents = sums.gross
    FROM sums WHERE invoices.id = sums.invoice_id
    RETURNING invoices.*, sums.lines
)
SELECT totalled.*, (SELECT count(*) FROM marked)::int8 AS marked
FROM totalled ORDER BY number";

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use crate::{domain::vat::VatRate, settlement::vat::split_gross};

    /// The statement's net, in the same integer steps.
    fn net_as_in_sql(gross: i64, points: i64) -> i64 {
        let d = 10_000 + points;
        if gross < 0 {
            -((-gross * 20_000 + d) / (2 * d))
        } else {
            (gross * 20_000 + d) / (2 * d)
        }
    }

    proptest! {
        #[test]
        fn the_statements_net_is_the_programs(gross in -100_000_000i64..100_000_000, points in 0i32..=10_000) {
            let (net, _) = split_gross(gross, VatRate::from_basis_points(points));
            prop_assert_eq!(net_as_in_sql(gross, i64::from(points)), net);
        }
    }

    #[test]
    fn midpoints_round_away_from_zero() {
        // 100.00 incl. 25.5 % is 79.68 net; 0.01 at 25 % is 0.008 → 0.01.
        assert_eq!(net_as_in_sql(10_000, 2550), 7_968);
        assert_eq!(net_as_in_sql(1, 2500), 1);
        assert_eq!(net_as_in_sql(-1, 2500), -1);
        // 5 cents at 100 %: exactly 2.5 → 3, and −2.5 → −3, as rust_decimal rounds.
        assert_eq!(net_as_in_sql(5, 10_000), 3);
        assert_eq!(net_as_in_sql(-5, 10_000), -3);
    }
}
