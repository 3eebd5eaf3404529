//! A client's monthly statement of one allocation: the balance at the start of the month,
//! summed from the ledger entries made before it; every entry made in the month, in order;
//! the balance at its end (opening plus the month's entries, exactly); and the client's own
//! shares of the month's deliveries, which the client pays to the provider and which are
//! never taken from the balance.
use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, QueryOrder,
    QuerySelect, sea_query::Expr,
};
use serde::Serialize;

use crate::{
    allocations::load_visible,
    auth::Actor,
    db::entities::{allocation, delivery, ledger_entry},
    domain::{
        LocalizedText, Money, Quantity,
        catalogue::{DeliveryStatus, FundingKind},
        ids::{AllocationId, ClientId, CommitmentId, DeliveryId, ProviderId, ServiceId},
    },
    error::{AppError, AppResult},
    ledger::{Balance, EntryKind},
    settlement::Month,
};

use super::{finnish_date, names, start_of_finnish_day, statement_month};

#[derive(Serialize, utoipa::ToSchema)]
pub struct ClientStatement {
    pub allocation_id: AllocationId,
    pub client_id: ClientId,
    pub kind: FundingKind,
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
    /// `YYYY-MM`, a Finnish calendar month.
    pub month: String,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    /// The balance when the month began.
    pub opening: Balance,
    /// Every money movement of the month, oldest first.
    pub movements: Vec<StatementMovement>,
    /// The month's movements added up, column by column.
    pub change: Balance,
    /// The balance when the month ended (or now, for this month): opening + change.
    pub closing: Balance,
    /// The client's own shares of the month's recorded deliveries (by delivery date).
    pub own_shares: Vec<OwnShare>,
    pub own_shares_total: Money,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct StatementMovement {
    pub seq: i32,
    pub at: DateTime<Utc>,
    /// The Finnish day the money moved.
    pub date: NaiveDate,
    /// `grant`, `reserve`, `release`, `spend`, `reverse` or `expiry`.
    pub kind: String,
    /// For `reverse`: `voided` (by the provider) or `dispute_upheld`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The signed change to each column; `granted` changes only with a grant.
    pub change: Balance,
    pub commitment_id: Option<CommitmentId>,
    pub delivery_id: Option<DeliveryId>,
    pub provider_id: Option<ProviderId>,
    pub provider_name: Option<String>,
    pub service_id: Option<ServiceId>,
    pub service_name: Option<LocalizedText>,
    pub unit: Option<String>,
    pub delivery_date: Option<NaiveDate>,
    pub quantity: Option<Quantity>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct OwnShare {
    pub delivery_id: DeliveryId,
    pub date: NaiveDate,
    pub provider_name: String,
    pub service_name: LocalizedText,
    pub unit: String,
    pub quantity: Quantity,
    pub total: Money,
    /// What the balance paid.
    pub purchaser_share: Money,
    /// What the client pays the provider.
    pub client_share: Money,
}

#[derive(FromQueryResult)]
struct Sums {
    available: Money,
    reserved: Money,
    spent: Money,
    expired: Money,
}

/// A movement's change to each column. `granted` is the sum of the parts' changes, since
/// `granted = available + reserved + spent + expired` holds after every movement.
fn change_of([available, reserved, spent, expired]: [Money; 4]) -> Balance {
    Balance {
        granted: available + reserved + spent + expired,
        available,
        reserved,
        spent,
        expired,
    }
}

fn plus(a: Balance, b: Balance) -> Balance {
    Balance {
        granted: a.granted + b.granted,
        available: a.available + b.available,
        reserved: a.reserved + b.reserved,
        spent: a.spent + b.spent,
        expired: a.expired + b.expired,
    }
}

const ZERO: Balance = Balance {
    granted: Money::ZERO,
    available: Money::ZERO,
    reserved: Money::ZERO,
    spent: Money::ZERO,
    expired: Money::ZERO,
};

/// The balance from every entry made before `until`.
async fn balance_before(
    conn: &impl ConnectionTrait,
    allocation: AllocationId,
    until: DateTime<Utc>,
) -> AppResult<Balance> {
    let sum = |column: &str| Expr::cust(format!("CAST(COALESCE(SUM({column}), 0) AS BIGINT)"));
    let sums = ledger_entry::Entity::find()
        .select_only()
        .column_as(sum("available_delta_cents"), "available")
        .column_as(sum("reserved_delta_cents"), "reserved")
        .column_as(sum("spent_delta_cents"), "spent")
        .column_as(sum("expired_delta_cents"), "expired")
        .filter(ledger_entry::Column::AllocationId.eq(allocation))
        .filter(ledger_entry::Column::CreatedAt.lt(until))
        .into_model::<Sums>()
        .one(conn)
        .await?
        .ok_or_else(|| AppError::internal("statement sums returned nothing"))?;
    Ok(change_of([
        sums.available,
        sums.reserved,
        sums.spent,
        sums.expired,
    ]))
}

pub async fn statement(
    conn: &impl ConnectionTrait,
    allocation: &allocation::Model,
    month: Month,
) -> AppResult<ClientStatement> {
    let (start, end) = (
        start_of_finnish_day(month.first_day),
        start_of_finnish_day(month.next_first_day),
    );
    let opening = balance_before(conn, allocation.id, start).await?;
    let entries = ledger_entry::Entity::find()
        .filter(ledger_entry::Column::AllocationId.eq(allocation.id))
        .filter(ledger_entry::Column::CreatedAt.gte(start))
        .filter(ledger_entry::Column::CreatedAt.lt(end))
        .order_by_asc(ledger_entry::Column::Seq)
        .all(conn)
        .await?;
    let own = own_share_deliveries(conn, allocation.id, month).await?;
    let moved: HashMap<DeliveryId, delivery::Model> = delivery::Entity::find()
        .filter(delivery::Column::Id.is_in(entries.iter().filter_map(|e| e.delivery_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|d| (d.id, d))
        .collect();
    let commitments = entries.iter().filter_map(|e| e.commitment_id);
    let named =
        names::of_commitments(conn, commitments.chain(own.iter().map(|d| d.commitment_id))).await?;
    let movements: Vec<StatementMovement> = entries
        .iter()
        .map(|e| movement(e, &moved, &named))
        .collect();
    let change = movements.iter().fold(ZERO, |sum, m| plus(sum, m.change));
    let own_shares: Vec<OwnShare> = own.iter().map(|d| own_share(d, &named)).collect();
    Ok(ClientStatement {
        allocation_id: allocation.id,
        client_id: allocation.client_id,
        kind: allocation.kind,
        valid_from: allocation.valid_from,
        valid_to: allocation.valid_to,
        month: month.label(),
        first_day: month.first_day,
        last_day: month.next_first_day.pred_opt().unwrap_or(month.first_day),
        opening,
        closing: plus(opening, change),
        change,
        movements,
        own_shares_total: own_shares.iter().map(|s| s.client_share).sum(),
        own_shares,
    })
}

/// The month's recorded deliveries (by delivery date) with a client share.
async fn own_share_deliveries(
    conn: &impl ConnectionTrait,
    allocation: AllocationId,
    month: Month,
) -> AppResult<Vec<delivery::Model>> {
    Ok(delivery::Entity::find()
        .filter(delivery::Column::AllocationId.eq(allocation))
        .filter(delivery::Column::Date.gte(month.first_day))
        .filter(delivery::Column::Date.lt(month.next_first_day))
        .filter(delivery::Column::Status.eq(DeliveryStatus::Recorded))
        .filter(delivery::Column::ClientShare.gt(0))
        .order_by_asc(delivery::Column::Date)
        .order_by_asc(delivery::Column::CreatedAt)
        .all(conn)
        .await?)
}

/// Every such delivery is listed, so that the total is right even if a name is missing.
fn own_share(d: &delivery::Model, named: &HashMap<CommitmentId, names::Named>) -> OwnShare {
    let n = named.get(&d.commitment_id);
    OwnShare {
        delivery_id: d.id,
        date: d.date,
        provider_name: n.map(|n| n.provider_name.clone()).unwrap_or_default(),
        service_name: n.map(|n| n.service_name.clone()).unwrap_or_default(),
        unit: n.map(|n| n.unit.clone()).unwrap_or_default(),
        quantity: d.quantity,
        total: d.total,
        purchaser_share: d.purchaser_share,
        client_share: d.client_share,
    }
}

fn movement(
    entry: &ledger_entry::Model,
    deliveries: &HashMap<DeliveryId, delivery::Model>,
    named: &HashMap<CommitmentId, names::Named>,
) -> StatementMovement {
    let delivery = entry.delivery_id.and_then(|d| deliveries.get(&d));
    let commitment = entry.commitment_id.or(delivery.map(|d| d.commitment_id));
    let n = commitment.and_then(|c| named.get(&c));
    let reason = (entry.kind == EntryKind::Reverse)
        .then(|| delivery.map(|d| d.status))
        .flatten()
        .map(|status| match status {
            DeliveryStatus::Voided => "voided".to_owned(),
            _ => "dispute_upheld".to_owned(),
        });
    StatementMovement {
        seq: entry.seq,
        at: entry.created_at,
        date: finnish_date(entry.created_at),
        kind: entry.kind.to_string(),
        reason,
        change: change_of([
            entry.available_delta,
            entry.reserved_delta,
            entry.spent_delta,
            entry.expired_delta,
        ]),
        commitment_id: commitment,
        delivery_id: entry.delivery_id,
        provider_id: n.map(|n| n.provider_id),
        provider_name: n.map(|n| n.provider_name.clone()),
        service_id: n.map(|n| n.service_id),
        service_name: n.map(|n| n.service_name.clone()),
        unit: n.map(|n| n.unit.clone()),
        delivery_date: delivery.map(|d| d.date),
        quantity: delivery.map(|d| d.quantity),
    }
}

/// The statement of allocation `id` for `month` (`YYYY-MM`, this month when None), for the
/// client, her proxies and the purchaser's case workers; anyone else is told it does not
/// exist. The read of the client's data is audited.
pub async fn for_allocation(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    id: AllocationId,
    month: Option<&str>,
) -> AppResult<ClientStatement> {
    let month = statement_month(month)?;
    let (model, _) = load_visible(conn, actor, id, "statement_read").await?;
    statement(conn, &model, month).await
}
