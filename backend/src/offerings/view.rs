//! An offering as the API and the pages show it: the listing, its provider's name and its
//! rating, with the JSON columns read back into their types.
use chrono::Utc;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde::Serialize;
use std::collections::HashMap;

use crate::{
    db::{
        entities::{offering, offering_rating, provider},
        json::from_json,
    },
    domain::{
        LocalizedText, Money,
        catalogue::Accessibility,
        ids::{OfferingId, ProviderId, PurchaserId, ServiceId},
    },
    error::{AppError, AppResult},
    reviews::view::RatingOut,
};

use super::LocationIn;

#[derive(Serialize, utoipa::ToSchema)]
pub struct ProviderRef {
    pub id: ProviderId,
    pub name: String,
}

/// The rating aggregates of these offerings, in one query.
pub async fn ratings_of(
    conn: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = OfferingId>,
) -> AppResult<HashMap<OfferingId, offering_rating::Model>> {
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
            id: model.id,
            provider_id: model.provider_id,
            service_id: model.service_id,
            purchaser_id: model.purchaser_id,
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
                id: provider.id,
                name: provider.name.clone(),
            },
            rating: RatingOut::of_row(rating),
            updated_at: model.updated_at,
        })
    }

    /// The offering of a listing already read with its provider: only the rating is read.
    pub async fn of_listing(
        conn: &impl ConnectionTrait,
        listing: &crate::offerings::read::Listing,
    ) -> AppResult<Self> {
        let id = listing.offering.id;
        let ratings = ratings_of(conn, [id]).await?;
        Self::from_models(&listing.offering, &listing.provider, ratings.get(&id))
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
