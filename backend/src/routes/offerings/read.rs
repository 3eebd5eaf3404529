//! Reading offerings: anyone may, archived ones are gone for everyone but their provider.
use axum::{Json, extract::State};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::{
    auth::MaybeActor,
    db::entities::{offering, provider},
    domain::ids::{OfferingId, ProviderId},
    error::{AppError, AppResult},
    routes::{
        common::ListOut,
        extract::{ApiQuery, PageQuery, PathId},
    },
    state::AppState,
};

pub use crate::offerings::view::{OfferingOut, ProviderRef, ratings_of};

#[utoipa::path(get, path = "/api/v1/offerings/{id}", operation_id = "offerings_read_get", tag = "offerings", params(("id" = uuid::Uuid, Path, description = "the offering")),
    responses((status = 200, body = OfferingOut), (status = 404, body = crate::error::ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    MaybeActor(actor): MaybeActor,
    PathId(id): PathId<OfferingId>,
) -> AppResult<Json<OfferingOut>> {
    let listing = crate::offerings::read::listing(&state.db.conn, actor.as_ref(), id).await?;
    Ok(Json(
        OfferingOut::of_listing(&state.db.conn, &listing).await?,
    ))
}

async fn page_of(
    state: &AppState,
    select: sea_orm::Select<offering::Entity>,
    query: &PageQuery,
) -> AppResult<ListOut<OfferingOut>> {
    let page = query.parse()?;
    let conn = &state.db.conn;
    let total = select.clone().count(conn).await?;
    let rows = select
        .order_by_desc(offering::Column::UpdatedAt)
        .offset(page.offset())
        .limit(page.per_page)
        .find_also_related(provider::Entity)
        .all(conn)
        .await?;
    let ratings = ratings_of(conn, rows.iter().map(|(o, _)| o.id)).await?;
    let items = rows
        .iter()
        .map(|(o, p)| match p {
            Some(p) => OfferingOut::from_models(o, p, ratings.get(&o.id)),
            None => Err(AppError::internal("offering without provider")),
        })
        .collect::<AppResult<_>>()?;
    Ok(ListOut { items, total })
}

#[utoipa::path(get, path = "/api/v1/offerings", operation_id = "offerings_read_list", tag = "offerings", params(PageQuery),
    responses((status = 200, body = ListOut<OfferingOut>)))]
pub async fn list(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> AppResult<Json<ListOut<OfferingOut>>> {
    let select = offering::Entity::find().filter(offering::Column::Archived.eq(false));
    Ok(Json(page_of(&state, select, &query).await?))
}

#[utoipa::path(get, path = "/api/v1/providers/{id}/offerings", operation_id = "offerings_read_list_for_provider", tag = "offerings", params(("id" = uuid::Uuid, Path, description = "the provider"), PageQuery),
    responses((status = 200, body = ListOut<OfferingOut>)))]
pub async fn list_for_provider(
    State(state): State<AppState>,
    MaybeActor(actor): MaybeActor,
    PathId(id): PathId<ProviderId>,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> AppResult<Json<ListOut<OfferingOut>>> {
    let mut select = offering::Entity::find().filter(offering::Column::ProviderId.eq(id));
    if actor.is_none_or(|a| a.provider_id != Some(id)) {
        select = select.filter(offering::Column::Archived.eq(false));
    }
    Ok(Json(page_of(&state, select, &query).await?))
}
