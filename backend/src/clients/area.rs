//! The municipalities a purchaser serves: where its clients live, and whose searches
//! count as its demand.
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use std::collections::BTreeSet;

use crate::{
    db::entities::purchaser_municipality,
    domain::{Municipality, ids::PurchaserId},
    error::{AppError, AppResult, field},
};

/// The purchaser's municipality codes, in order.
pub async fn municipalities_of(
    conn: &impl ConnectionTrait,
    id: PurchaserId,
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

/// A list of municipality codes for an area: at least one, each valid, each once.
pub fn parse_municipalities(name: &str, raw: &[String]) -> AppResult<Vec<Municipality>> {
    if raw.is_empty() {
        return Err(AppError::invalid(
            name,
            "must list at least one municipality code",
        ));
    }
    let parsed: Result<BTreeSet<Municipality>, _> =
        raw.iter().map(|m| Municipality::parse(m)).collect();
    Ok(field(name, parsed)?.into_iter().collect())
}
