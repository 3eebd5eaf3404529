//! What purchaser finance reads: spend by month, service and provider; money still reserved
//! by open commitments; and the reconciliation that proves the books. Read-only: money moves
//! only in `ledger/`, invoices are made only in `settlement/`.
pub mod reconciliation;
pub mod report;
pub mod reservations;
pub mod spend;

use sea_orm::{
    ColumnTrait,
    sea_query::{Expr, Query, SelectStatement, SimpleExpr},
};

use crate::db::entities::allocation;

/// `SUM(column)` as a 64-bit integer on both databases (PostgreSQL sums BIGINT to NUMERIC).
pub(crate) fn sum_cents(column: &str) -> SimpleExpr {
    Expr::cust(format!("CAST(COALESCE(SUM({column}), 0) AS BIGINT)"))
}

/// The ids of a purchaser's allocations: every client's money belongs to one purchaser.
pub(crate) fn allocations_of(pid: uuid::Uuid) -> SelectStatement {
    Query::select()
        .column(allocation::Column::Id)
        .from(allocation::Entity)
        .and_where(allocation::Column::PurchaserId.eq(pid))
        .to_owned()
}
