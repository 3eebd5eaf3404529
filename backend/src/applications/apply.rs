//! A provider's application to a purchaser's catalogue: the services must all be the
//! purchaser's; the application and the emails about it are written together.
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

use crate::{
    auth::Actor,
    db::{
        Db,
        entities::{application, purchaser, service},
    },
    domain::{
        catalogue::ApplicationStatus,
        ids::{ApplicationId, ProviderId, PurchaserId, ServiceId},
    },
    error::{AppError, AppResult},
};

/// Applies, for the actor's own provider, to provide `service_ids` of `purchaser_id`.
pub async fn apply(
    db: &Db,
    actor: &Actor,
    provider: ProviderId,
    purchaser_id: PurchaserId,
    service_ids: &[ServiceId],
) -> AppResult<application::Model> {
    actor.require_provider(provider, "provider")?;
    let conn = &db.conn;
    purchaser::Entity::find_by_id(purchaser_id)
        .one(conn)
        .await?
        .ok_or_else(|| AppError::invalid("purchaser_id", "is not a known purchaser"))?;
    let mut service_ids = service_ids.to_vec();
    service_ids.sort();
    service_ids.dedup();
    if service_ids.is_empty() {
        return Err(AppError::invalid(
            "service_ids",
            "must list at least one service",
        ));
    }
    let ids: Vec<uuid::Uuid> = service_ids.iter().map(|s| s.0).collect();
    let found = service::Entity::find()
        .filter(service::Column::Id.is_in(ids))
        .filter(service::Column::PurchaserId.eq(purchaser_id))
        .count(conn)
        .await?;
    if found != service_ids.len() as u64 {
        return Err(AppError::invalid(
            "service_ids",
            "must all be services in this purchaser's catalogue",
        ));
    }
    let model = application::ActiveModel {
        id: Set(ApplicationId::new()),
        provider_id: Set(provider),
        purchaser_id: Set(purchaser_id),
        service_ids: Set(serde_json::to_value(&service_ids).map_err(AppError::internal)?),
        status: Set(ApplicationStatus::Pending),
        reason: Set(None),
        decided_by: Set(None),
        decided_at: Set(None),
        created_at: Set(Utc::now()),
    };
    // The application and the emails about it commit together.
    let tx = db.begin_write().await?;
    let model = model.insert(&*tx).await?;
    crate::notify::provider::application_submitted(&*tx, &model).await?;
    tx.commit().await?;
    Ok(model)
}
