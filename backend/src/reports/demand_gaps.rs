//! Demand gaps: what clients searched for in the purchaser's area and did not find, most
//! asked first. The API's list and the portal's page read the same rows.
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;

use crate::{
    auth::Actor,
    db::Db,
    db::entities::search_miss,
    domain::ids::PurchaserId,
    error::AppResult,
    paging::{self, Page, Paged},
};

/// One search that found nothing, counted by its normalised text and municipality.
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = DemandGapOut)]
pub struct DemandGap {
    pub query: String,
    pub municipality: String,
    pub count: i64,
    pub first_seen: DateTime<Utc>,
    pub last_seen: DateTime<Utc>,
}

/// A page of the purchaser's demand gaps (any of its staff may read them), most searched
/// first, then the most recently searched.
pub async fn page(
    db: &Db,
    actor: &Actor,
    purchaser: PurchaserId,
    page: Page,
) -> AppResult<Paged<DemandGap>> {
    actor.require_any_staff(purchaser)?;
    let area = crate::clients::area::municipalities_of(&db.conn, purchaser).await?;
    let select = search_miss::Entity::find()
        .filter(search_miss::Column::Municipality.is_in(area))
        .order_by_desc(search_miss::Column::Count)
        .order_by_desc(search_miss::Column::LastSeen)
        .order_by_asc(search_miss::Column::Query)
        .order_by_asc(search_miss::Column::Municipality);
    Ok(paging::fetch(&db.conn, select, page)
        .await?
        .map(|m| DemandGap {
            query: m.query,
            municipality: m.municipality,
            count: m.count,
            first_seen: m.first_seen,
            last_seen: m.last_seen,
        }))
}
