//! Applications for approval as the provider and the purchaser's catalogue managers see
//! them.
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::{
    auth::Actor,
    db::entities::application,
    domain::{
        catalogue::Role,
        ids::{ProviderId, PurchaserId},
    },
    error::AppResult,
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
