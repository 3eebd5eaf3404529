//! Spend: the purchaser's share of recorded deliveries (and the clients' own shares beside
//! it) in a range of months, by month, by catalogue service and by provider.
use std::collections::HashMap;

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Select,
    sea_query::{Expr, SimpleExpr},
};

use crate::{
    db::entities::{delivery, provider, service},
    domain::{
        catalogue::DeliveryStatus,
        ids::{ProviderId, ServiceId},
    },
    error::AppResult,
    settlement::Month,
};

use super::{allocations_of, sum_cents};

/// One group's sums, in cents.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sums {
    pub deliveries: i64,
    pub purchaser_share_cents: i64,
    pub client_share_cents: i64,
}

pub struct Named<K> {
    pub key: K,
    pub name: serde_json::Value,
    pub sums: Sums,
}

pub struct Spend {
    pub by_month: Vec<(String, Sums)>,
    pub by_service: Vec<Named<ServiceId>>,
    pub by_provider: Vec<Named<ProviderId>>,
    pub total: Sums,
}

/// Recorded deliveries of the purchaser's clients dated in `from ..= to` (voided and
/// reversed ones are not spend).
fn in_range(pid: uuid::Uuid, from: Month, to: Month) -> Select<delivery::Entity> {
    delivery::Entity::find()
        .filter(delivery::Column::Status.eq(DeliveryStatus::Recorded))
        .filter(delivery::Column::Date.gte(from.first_day))
        .filter(delivery::Column::Date.lt(to.next_first_day))
        .filter(delivery::Column::AllocationId.in_subquery(allocations_of(pid)))
}

/// Sums grouped by `key` (the first column, hence `GROUP BY 1`: both databases read it so).
async fn grouped<K>(
    conn: &impl ConnectionTrait,
    select: Select<delivery::Entity>,
    key: SimpleExpr,
) -> AppResult<Vec<(K, Sums)>>
where
    (K, i64, i64, i64): sea_orm::TryGetableMany,
{
    let rows: Vec<(K, i64, i64, i64)> = select
        .select_only()
        .column_as(key, "k")
        .column_as(Expr::cust("COUNT(*)"), "n")
        .column_as(sum_cents("purchaser_share_cents"), "p")
        .column_as(sum_cents("client_share_cents"), "c")
        .group_by(Expr::cust("1"))
        .order_by_asc(Expr::cust("1"))
        .into_tuple()
        .all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(k, n, p, c)| {
            (
                k,
                Sums {
                    deliveries: n,
                    purchaser_share_cents: p,
                    client_share_cents: c,
                },
            )
        })
        .collect())
}

/// The groups with their names, biggest spend first: what finance looks for.
fn named<K>(rows: Vec<(K, Sums)>, name: impl Fn(&K) -> serde_json::Value) -> Vec<Named<K>> {
    let mut rows: Vec<Named<K>> = rows
        .into_iter()
        .map(|(key, sums)| Named {
            name: name(&key),
            key,
            sums,
        })
        .collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r.sums.purchaser_share_cents));
    rows
}

pub async fn spend(
    conn: &impl ConnectionTrait,
    pid: uuid::Uuid,
    from: Month,
    to: Month,
) -> AppResult<Spend> {
    // The ISO date's first seven characters are its month, on both databases.
    let month = Expr::cust("SUBSTR(CAST(date AS TEXT), 1, 7)");
    let by_month: Vec<(String, Sums)> = grouped(conn, in_range(pid, from, to), month).await?;
    let service_of_delivery = Expr::cust(
        "(SELECT o.service_id FROM commitments c JOIN offerings o ON o.id = c.offering_id \
         WHERE c.id = deliveries.commitment_id)",
    );
    let by_service: Vec<(ServiceId, Sums)> =
        grouped(conn, in_range(pid, from, to), service_of_delivery).await?;
    let by_provider: Vec<(ProviderId, Sums)> = grouped(
        conn,
        in_range(pid, from, to),
        Expr::col(delivery::Column::ProviderId),
    )
    .await?;
    let service_names: HashMap<ServiceId, serde_json::Value> = service::Entity::find()
        .filter(service::Column::Id.is_in(by_service.iter().map(|(k, _)| *k)))
        .all(conn)
        .await?
        .into_iter()
        .map(|s| (s.id, s.name))
        .collect();
    let provider_names: HashMap<ProviderId, String> = provider::Entity::find()
        .filter(provider::Column::Id.is_in(by_provider.iter().map(|(k, _)| *k)))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    let total = by_month.iter().fold(Sums::default(), |acc, (_, s)| Sums {
        deliveries: acc.deliveries + s.deliveries,
        purchaser_share_cents: acc.purchaser_share_cents + s.purchaser_share_cents,
        client_share_cents: acc.client_share_cents + s.client_share_cents,
    });
    Ok(Spend {
        by_month,
        by_service: named(by_service, |k| {
            service_names.get(k).cloned().unwrap_or_default()
        }),
        by_provider: named(by_provider, |k| {
            serde_json::Value::String(provider_names.get(k).cloned().unwrap_or_default())
        }),
        total,
    })
}
