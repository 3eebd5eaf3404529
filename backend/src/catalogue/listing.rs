//! A purchaser's catalogue entries in code order, page by page or all of them (a form that
//! offers every service must not stop at a page), each with its history of money terms.
use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::{
    catalogue::terms::{self, History},
    db::entities::{purchaser, service},
    domain::ids::{PurchaserId, ServiceId},
    error::{AppError, AppResult},
    paging::{self, Page, Paged},
};

/// Catalogue entries with their terms' histories, keyed by the entry's id.
pub struct Listed {
    pub services: Paged<service::Model>,
    pub histories: HashMap<ServiceId, History>,
}

/// The purchaser's catalogue (404 for an unknown purchaser); `page` None reads it all.
pub async fn services_of(
    conn: &impl ConnectionTrait,
    id: PurchaserId,
    page: Option<Page>,
) -> AppResult<Listed> {
    purchaser::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or_else(|| AppError::not_found("purchaser"))?;
    let select = service::Entity::find()
        .filter(service::Column::PurchaserId.eq(id))
        .order_by_asc(service::Column::Code)
        .order_by_asc(service::Column::Id);
    let services = paging::fetch_or_all(conn, select, page).await?;
    let histories = terms::histories(conn, &services.items).await?;
    Ok(Listed {
        services,
        histories,
    })
}
