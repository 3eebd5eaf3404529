//! Reading offerings: anyone may, archived ones are gone for everyone but their provider.
use axum::{Json, extract::State};
use chrono::Utc;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use serde::Serialize;
use std::collections::HashMap;

use crate::{
    auth::MaybeActor,
    db::entities::{offering, offering_rating, provider},
    domain::{
        LocalizedText, Money,
        catalogue::Accessibility,
        ids::{OfferingId, ProviderId, PurchaserId, ServiceId},
    },
    error::{AppError, AppResult},
    routes::{
        common::{ListOut, from_json},
        extract::{ApiQuery, PageQuery, PathId},
    },
    state::AppState,
};

use super::LocationIn;
pub use crate::routes::reviews::RatingOut;

#[derive(Serialize, utoipa::ToSchema)]
pub struct ProviderRef {
    pub id: ProviderId,
    pub name: String,
}

/// The rating aggregates of these offerings, in one query.
pub async fn ratings_of(
    conn: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = uuid::Uuid>,
) -> AppResult<HashMap<uuid::Uuid, offering_rating::Model>> {
    Ok(offering_rating::Entity::find()
        .filter(offering_rating::Column::OfferingId.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| (r.offering_id, r))
        .collect())
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct OfferingOut {
    pub id: OfferingId,
    pub provider_id: ProviderId,
    pub service_id: ServiceId,
    pub purchaser_id: PurchaserId,
    pub title: LocalizedText,
    pub description: LocalizedText,
    #[schema(value_type = String)]
    pub unit_price: Money,
    pub municipalities: Vec<String>,
    pub languages: Vec<String>,
    pub accessibility: Vec<Accessibility>,
    pub address: Option<String>,
    pub location: Option<LocationIn>,
    pub archived: bool,
    pub provider: ProviderRef,
    pub rating: RatingOut,
    pub updated_at: chrono::DateTime<Utc>,
}

impl OfferingOut {
    pub fn from_models(
        model: &offering::Model,
        provider: &provider::Model,
        rating: Option<&offering_rating::Model>,
    ) -> AppResult<Self> {
        Ok(OfferingOut {
            id: model.id.into(),
            provider_id: model.provider_id.into(),
            service_id: model.service_id.into(),
            purchaser_id: model.purchaser_id.into(),
            title: from_json(&model.title)?,
            description: from_json(&model.description)?,
            unit_price: model.unit_price,
            municipalities: from_json(&model.municipalities)?,
            languages: from_json(&model.languages)?,
            accessibility: from_json(&model.accessibility)?,
            address: model.address.clone(),
            location: model
                .lat
                .zip(model.lon)
                .map(|(lat, lon)| LocationIn { lat, lon }),
            archived: model.archived,
            provider: ProviderRef {
                id: provider.id.into(),
                name: provider.name.clone(),
            },
            rating: RatingOut::of_row(rating),
            updated_at: model.updated_at,
        })
    }

    pub async fn load(conn: &impl ConnectionTrait, model: &offering::Model) -> AppResult<Self> {
        let provider = provider::Entity::find_by_id(model.provider_id)
            .one(conn)
            .await?
            .ok_or_else(|| AppError::internal("offering without provider"))?;
        let ratings = ratings_of(conn, [model.id]).await?;
        Self::from_models(model, &provider, ratings.get(&model.id))
    }
}

#[utoipa::path(get, path = "/api/v1/offerings/{id}", operation_id = "offerings_read_get", tag = "offerings", params(("id" = uuid::Uuid, Path, description = "the offering")),
    responses((status = 200, body = OfferingOut), (status = 404, body = crate::error::ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    MaybeActor(actor): MaybeActor,
    PathId(id): PathId<OfferingId>,
) -> AppResult<Json<OfferingOut>> {
    let model = offering::Entity::find_by_id(uuid::Uuid::from(id))
        .one(&state.db.conn)
        .await?
        .ok_or_else(|| AppError::not_found("offering"))?;
    let own = actor.is_some_and(|a| a.provider_id.map(uuid::Uuid::from) == Some(model.provider_id));
    if model.archived && !own {
        return Err(AppError::not_found("offering"));
    }
    Ok(Json(OfferingOut::load(&state.db.conn, &model).await?))
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
    let mut select =
        offering::Entity::find().filter(offering::Column::ProviderId.eq(uuid::Uuid::from(id)));
    if actor.is_none_or(|a| a.provider_id != Some(id)) {
        select = select.filter(offering::Column::Archived.eq(false));
    }
    Ok(Json(page_of(&state, select, &query).await?))
}
