//! Applications for approval as the provider and the purchaser's catalogue managers see
//! them.
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::{
    auth::Actor,
    db::entities::application,
    domain::{
        catalogue::{ApplicationStatus, Role},
        ids::{ApplicationId, ProviderId, PurchaserId, ServiceId},
    },
    error::{AppError, AppResult},
    paging::{self, Page, Paged},
};

async fn newest_first(
    conn: &impl ConnectionTrait,
    select: sea_orm::Select<application::Entity>,
    page: Option<Page>,
) -> AppResult<Paged<application::Model>> {
    let select = select
        .order_by_desc(application::Column::CreatedAt)
        .order_by_desc(application::Column::Id);
    Ok(paging::fetch_or_all(conn, select, page).await?)
}

/// The applications a purchaser's catalogue managers decide on (anyone else: 404).
pub async fn for_purchaser(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    id: PurchaserId,
    page: Option<Page>,
) -> AppResult<Paged<application::Model>> {
    actor.require_staff(id, Role::CatalogueManager)?;
    let select = application::Entity::find()
        .filter(application::Column::PurchaserId.eq(uuid::Uuid::from(id)));
    newest_first(conn, select, page).await
}

/// A provider's own applications (anyone else: 404).
pub async fn for_provider(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    id: ProviderId,
    page: Option<Page>,
) -> AppResult<Paged<application::Model>> {
    actor.require_provider(id, "provider")?;
    let select = application::Entity::find()
        .filter(application::Column::ProviderId.eq(uuid::Uuid::from(id)));
    newest_first(conn, select, page).await
}

/// An application as its readers see it.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct ApplicationOut {
    pub id: ApplicationId,
    pub provider_id: ProviderId,
    pub purchaser_id: PurchaserId,
    pub service_ids: Vec<ServiceId>,
    pub status: ApplicationStatus,
    pub reason: Option<String>,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

impl ApplicationOut {
    pub fn from_model(model: &application::Model) -> AppResult<Self> {
        Ok(ApplicationOut {
            id: model.id,
            provider_id: model.provider_id,
            purchaser_id: model.purchaser_id,
            service_ids: service_ids(model)?,
            status: model.status,
            reason: model.reason.clone(),
            created_at: model.created_at,
        })
    }
}

/// The services an application asks to provide, as stored.
pub fn service_ids(model: &application::Model) -> AppResult<Vec<ServiceId>> {
    serde_json::from_value(model.service_ids.clone())
        .map_err(|e| AppError::internal(format!("stored JSON: {e}")))
}
