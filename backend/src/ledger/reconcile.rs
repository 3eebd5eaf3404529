//! Proves the cached balance columns equal the sum of the append-only entries, and that
//! the commitments' reservations add up to the allocation's reserved money.
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, IdenStatic, QueryFilter,
    QuerySelect, sea_query::Expr,
};
use serde::Serialize;

use crate::{
    db::entities::{allocation, commitment, ledger_entry},
    domain::{Money, ids::AllocationId},
    error::{AppError, AppResult},
};

use super::Balance;

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Reconciliation {
    pub allocation_id: AllocationId,
    /// True when every check below holds.
    pub consistent: bool,
    /// The cached columns.
    pub balance: Balance,
    /// The same columns recomputed from the entries.
    pub from_entries: Balance,
    /// Sum of the open commitments' reservations.
    pub reserved_by_commitments: Money,
    pub entries: u64,
}

#[derive(FromQueryResult)]
struct Sums {
    available: Option<i64>,
    reserved: Option<i64>,
    spent: Option<i64>,
    expired: Option<i64>,
    granted: Option<i64>,
    entries: i64,
}

#[derive(FromQueryResult)]
struct Reserved {
    reserved: Option<i64>,
}

pub async fn reconcile(conn: &impl ConnectionTrait, id: AllocationId) -> AppResult<Reconciliation> {
    let model = allocation::Entity::find_by_id(uuid::Uuid::from(id))
        .one(conn)
        .await?
        .ok_or_else(|| AppError::not_found("allocation"))?;
    let cents = |col: ledger_entry::Column| {
        Expr::cust(format!(
            "CAST(COALESCE(SUM({}), 0) AS BIGINT)",
            col.as_str()
        ))
    };
    let sums = ledger_entry::Entity::find()
        .select_only()
        .column_as(cents(ledger_entry::Column::AvailableDelta), "available")
        .column_as(cents(ledger_entry::Column::ReservedDelta), "reserved")
        .column_as(cents(ledger_entry::Column::SpentDelta), "spent")
        .column_as(cents(ledger_entry::Column::ExpiredDelta), "expired")
        .column_as(
            Expr::cust("CAST(COALESCE(SUM(CASE WHEN kind = 'grant' THEN available_delta_cents ELSE 0 END), 0) AS BIGINT)"),
            "granted",
        )
        .column_as(Expr::cust("COUNT(*)"), "entries")
        .filter(ledger_entry::Column::AllocationId.eq(model.id))
        .into_model::<Sums>()
        .one(conn)
        .await?
        .ok_or_else(|| AppError::internal("reconciliation query returned nothing"))?;
    let reserved = commitment::Entity::find()
        .select_only()
        .column_as(
            Expr::cust("CAST(COALESCE(SUM(reserved_cents), 0) AS BIGINT)"),
            "reserved",
        )
        .filter(commitment::Column::AllocationId.eq(model.id))
        .into_model::<Reserved>()
        .one(conn)
        .await?
        .and_then(|r| r.reserved)
        .unwrap_or(0);
    let balance = Balance::of(&model);
    let from_entries = Balance {
        granted: Money::from_cents(sums.granted.unwrap_or(0)),
        available: Money::from_cents(sums.available.unwrap_or(0)),
        reserved: Money::from_cents(sums.reserved.unwrap_or(0)),
        spent: Money::from_cents(sums.spent.unwrap_or(0)),
        expired: Money::from_cents(sums.expired.unwrap_or(0)),
    };
    let reserved_by_commitments = Money::from_cents(reserved);
    let consistent = balanced(
        balance.cents(),
        from_entries.cents(),
        reserved_by_commitments.cents(),
    );
    Ok(Reconciliation {
        allocation_id: id,
        consistent,
        balance,
        from_entries,
        reserved_by_commitments,
        entries: u64::try_from(sums.entries).unwrap_or(0),
    })
}

/// The ledger's invariant for one allocation, in cents `[granted, available, reserved,
/// spent, expired]`: the columns equal the entries' sums, none is negative, they add up to
/// what was granted, and the open commitments hold exactly what is reserved.
pub fn balanced(columns: [i64; 5], from_entries: [i64; 5], reserved_by_commitments: i64) -> bool {
    let [granted, available, reserved, spent, expired] = columns;
    columns == from_entries
        && available >= 0
        && reserved >= 0
        && spent >= 0
        && expired >= 0
        && available + reserved + spent + expired == granted
        && reserved_by_commitments == reserved
}

pub struct Report {
    pub checked: usize,
    pub inconsistent: Vec<AllocationId>,
}

/// Reconciles every allocation, for `valinta ledger-check` and monitoring.
pub async fn reconcile_all(conn: &impl ConnectionTrait) -> AppResult<Report> {
    let ids: Vec<uuid::Uuid> = allocation::Entity::find()
        .select_only()
        .column(allocation::Column::Id)
        .into_tuple()
        .all(conn)
        .await?;
    let mut inconsistent = Vec::new();
    for id in &ids {
        if !reconcile(conn, (*id).into()).await?.consistent {
            inconsistent.push((*id).into());
        }
    }
    Ok(Report {
        checked: ids.len(),
        inconsistent,
    })
}
