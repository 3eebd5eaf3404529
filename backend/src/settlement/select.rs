//! Which deliveries a settlement run takes: the month's unsettled ones, and those reversed
//! after they were invoiced (to credit), in a stable order.
use std::collections::BTreeMap;

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Select,
    sea_query::Query,
};

use crate::{
    db::entities::{allocation, delivery, dispute, invoice, invoice_line},
    domain::catalogue::{DeliveryStatus, DisputeStatus},
    error::AppResult,
};

use super::{
    Month,
    run::{KIND_CREDIT_NOTE, KIND_INVOICE},
};

/// Grouped by provider, then client, then date: the order lines are printed in.
fn in_line_order(select: Select<delivery::Entity>) -> Select<delivery::Entity> {
    select
        .order_by_asc(delivery::Column::ProviderId)
        .order_by_asc(delivery::Column::ClientId)
        .order_by_asc(delivery::Column::Date)
        .order_by_asc(delivery::Column::Id)
}

/// The month's recorded deliveries of the purchaser's clients not yet invoiced and not
/// under an open dispute (those wait for the decision).
pub(super) async fn unsettled(
    conn: &impl ConnectionTrait,
    pid: uuid::Uuid,
    month: Month,
) -> AppResult<Vec<delivery::Model>> {
    Ok(in_line_order(delivery::Entity::find())
        .filter(delivery::Column::Status.eq(DeliveryStatus::Recorded.as_ref()))
        .filter(delivery::Column::InvoiceId.is_null())
        .filter(delivery::Column::Date.gte(month.first_day))
        .filter(delivery::Column::Date.lt(month.next_first_day))
        .filter(
            delivery::Column::AllocationId.in_subquery(
                Query::select()
                    .column(allocation::Column::Id)
                    .from(allocation::Entity)
                    .and_where(allocation::Column::PurchaserId.eq(pid))
                    .to_owned(),
            ),
        )
        .filter(
            delivery::Column::Id.not_in_subquery(
                Query::select()
                    .column(dispute::Column::DeliveryId)
                    .from(dispute::Entity)
                    .and_where(dispute::Column::Status.eq(DisputeStatus::Open.as_ref()))
                    .to_owned(),
            ),
        )
        .all(conn)
        .await?)
}

/// Deliveries voided or reversed (an upheld dispute) after this purchaser invoiced them,
/// and not yet credited: each becomes a credit-note line in this run, whatever its month.
pub(super) async fn reversed_after_invoicing(
    conn: &impl ConnectionTrait,
    pid: uuid::Uuid,
) -> AppResult<Vec<delivery::Model>> {
    Ok(in_line_order(delivery::Entity::find())
        .filter(delivery::Column::Status.is_in([
            DeliveryStatus::Voided.as_ref(),
            DeliveryStatus::Reversed.as_ref(),
        ]))
        .filter(
            delivery::Column::InvoiceId.in_subquery(
                Query::select()
                    .column(invoice::Column::Id)
                    .from(invoice::Entity)
                    .and_where(invoice::Column::PurchaserId.eq(pid))
                    .and_where(invoice::Column::Kind.eq(KIND_INVOICE))
                    .to_owned(),
            ),
        )
        .filter(
            delivery::Column::Id.not_in_subquery(
                Query::select()
                    .column(invoice_line::Column::DeliveryId)
                    .from(invoice_line::Entity)
                    .and_where(invoice_line::Column::Kind.eq(KIND_CREDIT_NOTE))
                    .to_owned(),
            ),
        )
        .all(conn)
        .await?)
}

pub(super) async fn last_number(conn: &impl ConnectionTrait, pid: uuid::Uuid) -> AppResult<i64> {
    Ok(invoice::Entity::find()
        .select_only()
        .column_as(invoice::Column::Number.max(), "n")
        .filter(invoice::Column::PurchaserId.eq(pid))
        .into_tuple::<Option<i64>>()
        .one(conn)
        .await?
        .flatten()
        .unwrap_or(0))
}

pub(super) fn by_provider(rows: &[delivery::Model]) -> BTreeMap<uuid::Uuid, Vec<&delivery::Model>> {
    let mut grouped: BTreeMap<uuid::Uuid, Vec<&delivery::Model>> = BTreeMap::new();
    for d in rows {
        grouped.entry(d.provider_id).or_default().push(d);
    }
    grouped
}
