//! A provider's offerings as its own staff list them: archived ones too, the latest changed first.
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::{auth::Actor, db::entities::offering, domain::ids::ProviderId, error::AppResult};

/// Every offering of the actor's own provider (anyone else: 404).
pub async fn own_of_provider(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    id: ProviderId,
) -> AppResult<Vec<offering::Model>> {
    actor.require_provider(id, "provider")?;
    Ok(offering::Entity::find()
        .filter(offering::Column::ProviderId.eq(uuid::Uuid::from(id)))
        .order_by_desc(offering::Column::UpdatedAt)
        .order_by_desc(offering::Column::Id)
        .all(conn)
        .await?)
}
