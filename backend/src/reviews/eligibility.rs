//! Who may review: only a client with a recorded (not voided, not reversed) delivery from
//! the offering's provider. Reviews from people who never used the service were what made
//! a national comparison site untrustworthy.
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect};

use crate::{
    db::entities::delivery,
    domain::{
        catalogue::DeliveryStatus,
        ids::{ClientId, ProviderId},
    },
};

pub async fn has_recorded_delivery(
    conn: &impl ConnectionTrait,
    client: ClientId,
    provider: ProviderId,
) -> Result<bool, DbErr> {
    let found = delivery::Entity::find()
        .select_only()
        .column(delivery::Column::Id)
        .filter(delivery::Column::ClientId.eq(client))
        .filter(delivery::Column::ProviderId.eq(provider))
        .filter(delivery::Column::Status.eq(DeliveryStatus::Recorded))
        .into_tuple::<uuid::Uuid>()
        .one(conn)
        .await?;
    Ok(found.is_some())
}
