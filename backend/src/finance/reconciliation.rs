//! The reconciliation report: for every allocation of the purchaser, the balance columns
//! equal the sums of its ledger entries (and the open reservations), and every delivery is
//! invoiced at most once, its invoice mark agreeing with the invoice lines, each invoice's
//! totals equal to the sum of its lines. Set-based: a few queries whatever the size.
use std::collections::HashMap;

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect,
    sea_query::{Expr, Query},
};

use crate::{
    db::entities::{allocation, commitment, delivery, invoice, invoice_line, ledger_entry},
    error::AppResult,
    ledger::reconcile::balanced,
    settlement::run::InvoiceKind,
};

use super::{allocations_of, sum_cents};

/// An allocation whose columns disagree with its entries, in cents:
/// `[granted, available, reserved, spent, expired]`.
pub struct AllocationProblem {
    pub allocation_id: uuid::Uuid,
    pub columns: [i64; 5],
    pub from_entries: [i64; 5],
    pub reserved_by_commitments: i64,
}

pub struct Report {
    pub allocations_checked: u64,
    pub allocation_problems: Vec<AllocationProblem>,
    pub invoices_checked: u64,
    /// (delivery, document kind, times) for any delivery on more than one line of a kind.
    pub invoiced_more_than_once: Vec<(uuid::Uuid, String, i64)>,
    /// Deliveries whose invoice mark disagrees with the invoice lines.
    pub marks_disagreeing: Vec<uuid::Uuid>,
    /// Invoices whose totals are not the sum of their lines.
    pub invoice_totals_wrong: Vec<uuid::Uuid>,
}

impl Report {
    pub fn ok(&self) -> bool {
        self.allocation_problems.is_empty()
            && self.invoiced_more_than_once.is_empty()
            && self.marks_disagreeing.is_empty()
            && self.invoice_totals_wrong.is_empty()
    }
}

type Cents5 = (uuid::Uuid, i64, i64, i64, i64, i64);

pub async fn reconcile(conn: &impl ConnectionTrait, pid: uuid::Uuid) -> AppResult<Report> {
    let (allocations_checked, allocation_problems) = balances(conn, pid).await?;
    let invoices = Query::select()
        .column(invoice::Column::Id)
        .from(invoice::Entity)
        .and_where(invoice::Column::PurchaserId.eq(pid))
        .to_owned();
    let invoices_checked = invoice::Entity::find()
        .filter(invoice::Column::PurchaserId.eq(pid))
        .count(conn)
        .await?;
    let invoiced_more_than_once = invoice_line::Entity::find()
        .select_only()
        .column(invoice_line::Column::DeliveryId)
        .column(invoice_line::Column::Kind)
        .column_as(Expr::cust("COUNT(*)"), "n")
        .filter(invoice_line::Column::InvoiceId.in_subquery(invoices.clone()))
        .group_by(invoice_line::Column::DeliveryId)
        .group_by(invoice_line::Column::Kind)
        .having(Expr::cust("COUNT(*) > 1"))
        .into_tuple()
        .all(conn)
        .await?;
    // A delivery marked invoiced must have its line on that very invoice, and a line of an
    // invoice must be marked on its delivery.
    let mut marks_disagreeing: Vec<uuid::Uuid> = delivery::Entity::find()
        .select_only()
        .column(delivery::Column::Id)
        .filter(delivery::Column::InvoiceId.in_subquery(invoices.clone()))
        .filter(Expr::cust(
            "NOT EXISTS (SELECT 1 FROM invoice_lines l WHERE l.delivery_id = deliveries.id \
             AND l.invoice_id = deliveries.invoice_id AND l.kind = 'invoice')",
        ))
        .into_tuple()
        .all(conn)
        .await?;
    marks_disagreeing.extend(
        invoice_line::Entity::find()
            .select_only()
            .column(invoice_line::Column::DeliveryId)
            .filter(invoice_line::Column::InvoiceId.in_subquery(invoices))
            .filter(invoice_line::Column::Kind.eq(InvoiceKind::Invoice))
            .filter(Expr::cust(
                "NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.id = invoice_lines.delivery_id \
                 AND d.invoice_id = invoice_lines.invoice_id)",
            ))
            .into_tuple::<uuid::Uuid>()
            .all(conn)
            .await?,
    );
    let invoice_totals_wrong = invoice::Entity::find()
        .select_only()
        .column(invoice::Column::Id)
        .filter(invoice::Column::PurchaserId.eq(pid))
        .filter(Expr::cust(
            "(net_cents <> (SELECT COALESCE(SUM(l.net_cents), 0) FROM invoice_lines l WHERE l.invoice_id = invoices.id) \
             OR vat_cents <> (SELECT COALESCE(SUM(l.vat_cents), 0) FROM invoice_lines l WHERE l.invoice_id = invoices.id) \
             OR gross_cents <> (SELECT COALESCE(SUM(l.gross_cents), 0) FROM invoice_lines l WHERE l.invoice_id = invoices.id))",
        ))
        .into_tuple()
        .all(conn)
        .await?;
    Ok(Report {
        allocations_checked,
        allocation_problems,
        invoices_checked,
        invoiced_more_than_once,
        marks_disagreeing,
        invoice_totals_wrong,
    })
}

/// Every allocation's columns against the sums of its entries and its open reservations.
async fn balances(
    conn: &impl ConnectionTrait,
    pid: uuid::Uuid,
) -> AppResult<(u64, Vec<AllocationProblem>)> {
    let columns: Vec<Cents5> = allocation::Entity::find()
        .select_only()
        .columns([
            allocation::Column::Id,
            allocation::Column::Granted,
            allocation::Column::Available,
            allocation::Column::Reserved,
            allocation::Column::Spent,
            allocation::Column::Expired,
        ])
        .filter(allocation::Column::PurchaserId.eq(pid))
        .into_tuple()
        .all(conn)
        .await?;
    let entries: HashMap<uuid::Uuid, [i64; 5]> = ledger_entry::Entity::find()
        .select_only()
        .column(ledger_entry::Column::AllocationId)
        .column_as(
            Expr::cust("CAST(COALESCE(SUM(CASE WHEN kind = 'grant' THEN available_delta_cents ELSE 0 END), 0) AS BIGINT)"),
            "granted",
        )
        .column_as(sum_cents("available_delta_cents"), "available")
        .column_as(sum_cents("reserved_delta_cents"), "reserved")
        .column_as(sum_cents("spent_delta_cents"), "spent")
        .column_as(sum_cents("expired_delta_cents"), "expired")
        .filter(ledger_entry::Column::AllocationId.in_subquery(allocations_of(pid)))
        .group_by(ledger_entry::Column::AllocationId)
        .into_tuple::<Cents5>()
        .all(conn)
        .await?
        .into_iter()
        .map(|(id, g, a, r, s, e)| (id, [g, a, r, s, e]))
        .collect();
    let reserved: HashMap<uuid::Uuid, i64> = commitment::Entity::find()
        .select_only()
        .column(commitment::Column::AllocationId)
        .column_as(sum_cents("reserved_cents"), "reserved")
        .filter(commitment::Column::PurchaserId.eq(pid))
        .group_by(commitment::Column::AllocationId)
        .into_tuple::<(uuid::Uuid, i64)>()
        .all(conn)
        .await?
        .into_iter()
        .collect();
    let checked = u64::try_from(columns.len()).unwrap_or_default();
    let problems = columns
        .into_iter()
        .filter_map(|(id, g, a, r, s, e)| {
            let columns = [g, a, r, s, e];
            let from_entries = entries.get(&id).copied().unwrap_or_default();
            let reserved_by_commitments = reserved.get(&id).copied().unwrap_or_default();
            (!balanced(columns, from_entries, reserved_by_commitments)).then_some(
                AllocationProblem {
                    allocation_id: id,
                    columns,
                    from_entries,
                    reserved_by_commitments,
                },
            )
        })
        .collect();
    Ok((checked, problems))
}
