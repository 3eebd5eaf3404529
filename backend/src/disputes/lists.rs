//! Reading disputes for pages, a few queries per page rather than one per row: the latest
//! dispute of each delivery (the client's money page), the disputes on one provider's
//! deliveries (the provider's disputes page), and deliveries by id. Nothing here changes
//! anything; the rules are in [`super::act`] and `ledger::disputes`.
use crate::domain::ids::DeliveryId;
use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::{
    audit,
    auth::Actor,
    commitments::client_names,
    db::{
        Db,
        entities::{delivery, dispute},
    },
    domain::catalogue::DisputeStatus,
    error::{AppError, AppResult},
};

/// SQLite takes at most this many bound values in one statement (with room to spare).
const CHUNK: usize = 500;

/// The latest dispute of each of these deliveries that has one. A delivery may be disputed
/// again after a rejection; the page shows where the latest stands.
pub async fn disputes_by_delivery(
    conn: &impl ConnectionTrait,
    deliveries: &[uuid::Uuid],
) -> AppResult<HashMap<uuid::Uuid, dispute::Model>> {
    let mut latest: HashMap<uuid::Uuid, dispute::Model> = HashMap::new();
    for chunk in deliveries.chunks(CHUNK) {
        let rows = dispute::Entity::find()
            .filter(dispute::Column::DeliveryId.is_in(chunk.iter().copied()))
            .order_by_asc(dispute::Column::CreatedAt)
            .all(conn)
            .await?;
        // Oldest first: a later dispute of the same delivery replaces an earlier one.
        for row in rows {
            latest.insert(row.delivery_id.into(), row);
        }
    }
    Ok(latest)
}

/// A dispute on the provider's page: the delivery and whose it is.
pub struct ProviderDispute {
    pub dispute: dispute::Model,
    pub delivery: delivery::Model,
    /// The client's name, as on the provider's other pages.
    pub client_name: String,
}

/// Every dispute on the signed-in provider's deliveries with its delivery and client: open
/// ones first (they wait for the provider's account), then the decided ones, newest
/// first. The client's words and name are the client's data: the read is audited.
pub async fn for_provider(db: &Db, actor: &Actor) -> AppResult<Vec<ProviderDispute>> {
    let provider = actor
        .provider_id
        .ok_or_else(|| AppError::forbidden("a provider's staff read its disputes"))?;
    let conn = &db.conn;
    let disputes = dispute::Entity::find()
        .filter(
            dispute::Column::DeliveryId.in_subquery(
                sea_orm::sea_query::Query::select()
                    .column(delivery::Column::Id)
                    .from(delivery::Entity)
                    .and_where(delivery::Column::ProviderId.eq(uuid::Uuid::from(provider)))
                    .to_owned(),
            ),
        )
        .order_by_desc(dispute::Column::CreatedAt)
        .all(conn)
        .await?;
    let ids: Vec<DeliveryId> = disputes.iter().map(|d| d.delivery_id).collect();
    let deliveries = deliveries_by_id(conn, &ids).await?;
    // A delivery disputed twice appears with each dispute.
    let mut rows: Vec<(dispute::Model, delivery::Model)> = disputes
        .into_iter()
        .filter_map(|d| {
            let delivery = deliveries.get(&d.delivery_id).cloned();
            delivery.map(|delivery| (d, delivery))
        })
        .collect();
    // A stable sort keeps newest first within each group.
    rows.sort_by_key(|(d, _)| d.status != DisputeStatus::Open);
    audit::record_list(
        db,
        actor,
        "disputes_listed",
        "dispute",
        rows.iter().map(|(x, _)| (x.id.0, x.client_id)),
    )
    .await?;
    let names = client_names(conn, actor, rows.iter().map(|(_, d)| d.client_id)).await?;
    Ok(rows
        .into_iter()
        .map(|(dispute, delivery)| ProviderDispute {
            client_name: names.get(&delivery.client_id).cloned().unwrap_or_default(),
            dispute,
            delivery,
        })
        .collect())
}

/// Deliveries by id.
pub async fn deliveries_by_id(
    conn: &impl ConnectionTrait,
    ids: &[DeliveryId],
) -> AppResult<HashMap<DeliveryId, delivery::Model>> {
    let mut found = HashMap::new();
    for chunk in ids.chunks(CHUNK) {
        let rows = delivery::Entity::find()
            .filter(delivery::Column::Id.is_in(chunk.iter().copied()))
            .all(conn)
            .await?;
        found.extend(rows.into_iter().map(|d| (d.id, d)));
    }
    Ok(found)
}
