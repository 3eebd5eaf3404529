//! Providers' names by id, in one query: what lists of reviews, disputes and invoices show
//! beside each row.
use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::{db::entities::provider, domain::ids::ProviderId, error::AppResult};

/// The named providers' rows by id (an unknown id is simply absent).
pub async fn by_id(
    conn: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = ProviderId>,
) -> AppResult<HashMap<ProviderId, provider::Model>> {
    Ok(provider::Entity::find()
        .filter(provider::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect())
}

/// The named providers' names by id.
pub async fn names_by_id(
    conn: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = ProviderId>,
) -> AppResult<HashMap<ProviderId, String>> {
    Ok(by_id(conn, ids)
        .await?
        .into_iter()
        .map(|(id, p)| (id, p.name))
        .collect())
}
