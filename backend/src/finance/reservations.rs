//! Open reservations: money set aside for commitments that are still open, by provider and
//! service. Numbers only: who the clients are is the case workers' business.
use std::collections::HashMap;

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    sea_query::Expr,
};

use crate::{
    db::entities::{commitment, provider, service},
    domain::ids::{ProviderId, PurchaserId, ServiceId},
    error::AppResult,
};

use super::sum_cents;

pub struct OpenReservation {
    pub provider_id: ProviderId,
    pub provider_name: String,
    pub service_id: ServiceId,
    pub service_name: serde_json::Value,
    pub commitments: i64,
    pub reserved_cents: i64,
}

pub async fn open_reservations(
    conn: &impl ConnectionTrait,
    pid: PurchaserId,
) -> AppResult<Vec<OpenReservation>> {
    let rows: Vec<(ProviderId, ServiceId, i64, i64)> = commitment::Entity::find()
        .select_only()
        .column(commitment::Column::ProviderId)
        .column_as(
            Expr::cust(
                "(SELECT o.service_id FROM offerings o WHERE o.id = commitments.offering_id)",
            ),
            "service_id",
        )
        .column_as(Expr::cust("COUNT(*)"), "n")
        .column_as(sum_cents("reserved_cents"), "reserved")
        .filter(commitment::Column::PurchaserId.eq(pid))
        .filter(commitment::Column::Reserved.gt(0))
        .group_by(Expr::cust("1"))
        .group_by(Expr::cust("2"))
        .order_by_desc(Expr::cust("4"))
        .into_tuple()
        .all(conn)
        .await?;
    let providers: HashMap<ProviderId, String> = provider::Entity::find()
        .filter(provider::Column::Id.is_in(rows.iter().map(|r| r.0)))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    let services: HashMap<ServiceId, serde_json::Value> = service::Entity::find()
        .filter(service::Column::Id.is_in(rows.iter().map(|r| r.1)))
        .all(conn)
        .await?
        .into_iter()
        .map(|s| (s.id, s.name))
        .collect();
    Ok(rows
        .into_iter()
        .map(
            |(provider_id, service_id, commitments, reserved_cents)| OpenReservation {
                provider_name: providers.get(&provider_id).cloned().unwrap_or_default(),
                service_name: services.get(&service_id).cloned().unwrap_or_default(),
                provider_id,
                service_id,
                commitments,
                reserved_cents,
            },
        )
        .collect())
}
