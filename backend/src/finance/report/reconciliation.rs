//! The reconciliation report: the proof that the purchaser's books
//! hold — `ok: false` names every allocation, delivery or invoice that does not.
use serde::Serialize;

use crate::{
    auth::Actor,
    db::Db,
    domain::{Money, catalogue::Role, ids::PurchaserId},
    error::AppResult,
    finance::reconciliation::reconcile,
    ledger::Balance,
};

#[derive(Serialize, utoipa::ToSchema)]
pub struct AllocationProblemOut {
    pub allocation_id: uuid::Uuid,
    /// The balance columns.
    pub balance: Balance,
    /// The same recomputed from the ledger entries.
    pub from_entries: Balance,
    pub reserved_by_commitments: Money,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct InvoicedTwiceOut {
    pub delivery_id: uuid::Uuid,
    /// `invoice` or `credit_note`.
    pub kind: String,
    pub times: i64,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ReconciliationOut {
    /// True when every check holds.
    pub ok: bool,
    pub allocations_checked: u64,
    /// Allocations whose balance columns differ from the sums of their ledger entries.
    pub allocation_problems: Vec<AllocationProblemOut>,
    pub invoices_checked: u64,
    /// Deliveries on more than one invoice (or credit note).
    pub invoiced_more_than_once: Vec<InvoicedTwiceOut>,
    /// Deliveries whose invoice mark disagrees with the invoice lines.
    pub marks_disagreeing: Vec<uuid::Uuid>,
    /// Invoices whose totals differ from the sum of their lines.
    pub invoice_totals_wrong: Vec<uuid::Uuid>,
}

/// The purchaser's books checked, for its finance staff.
pub async fn reconciliation(
    db: &Db,
    actor: &Actor,
    pid: PurchaserId,
) -> AppResult<ReconciliationOut> {
    actor.require_staff(pid, Role::Finance)?;
    let report = reconcile(&db.conn, pid.into()).await?;
    Ok(ReconciliationOut {
        ok: report.ok(),
        allocations_checked: report.allocations_checked,
        invoices_checked: report.invoices_checked,
        allocation_problems: report
            .allocation_problems
            .into_iter()
            .map(|p| AllocationProblemOut {
                allocation_id: p.allocation_id,
                balance: Balance::from_cents(p.columns),
                from_entries: Balance::from_cents(p.from_entries),
                reserved_by_commitments: Money::from_cents(p.reserved_by_commitments),
            })
            .collect(),
        invoiced_more_than_once: report
            .invoiced_more_than_once
            .into_iter()
            .map(|(delivery_id, kind, times)| InvoicedTwiceOut {
                delivery_id,
                kind,
                times,
            })
            .collect(),
        marks_disagreeing: report.marks_disagreeing,
        invoice_totals_wrong: report.invoice_totals_wrong,
    })
}
