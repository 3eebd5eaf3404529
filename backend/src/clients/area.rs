//! The municipalities a purchaser serves: where its clients live, and whose searches
//! count as its demand.
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::{db::entities::purchaser_municipality, error::AppResult};

/// The purchaser's municipality codes, in order.
pub async fn municipalities_of(
    conn: &impl ConnectionTrait,
    id: uuid::Uuid,
) -> AppResult<Vec<String>> {
    Ok(purchaser_municipality::Entity::find()
        .filter(purchaser_municipality::Column::PurchaserId.eq(id))
        .order_by_asc(purchaser_municipality::Column::Municipality)
        .all(conn)
        .await?
        .into_iter()
        .map(|m| m.municipality)
        .collect())
}
