//! Offerings as their readers list them: a provider's own (archived ones too, the latest
//! changed first), one offering's page for anyone, a provider's live ones for its public page.
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
        .filter(offering::Column::ProviderId.eq(id))
        .order_by_desc(offering::Column::UpdatedAt)
        .order_by_desc(offering::Column::Id)
        .all(conn)
        .await?)
}

/// One offering as its page shows it: the row, its provider and its catalogue service.
#[derive(Clone, Debug)]
pub struct Listing {
    pub offering: crate::db::entities::offering::Model,
    pub provider: crate::db::entities::provider::Model,
    pub service: crate::db::entities::service::Model,
}

/// The offering, for anyone; an archived one only for its own provider's staff (anyone
/// else: 404, as if it did not exist).
pub async fn listing(
    conn: &impl ConnectionTrait,
    actor: Option<&Actor>,
    id: crate::domain::ids::OfferingId,
) -> AppResult<Listing> {
    use crate::{
        db::entities::{provider, service},
        error::AppError,
    };
    let (offering, provider) = offering::Entity::find_by_id(id)
        .find_also_related(provider::Entity)
        .one(conn)
        .await?
        .ok_or_else(|| AppError::not_found("offering"))?;
    let own = actor.is_some_and(|a| a.provider_id == Some(offering.provider_id));
    if offering.archived && !own {
        return Err(AppError::not_found("offering"));
    }
    let provider = provider.ok_or_else(|| AppError::internal("offering without provider"))?;
    let service = service::Entity::find_by_id(offering.service_id)
        .one(conn)
        .await?
        .ok_or_else(|| AppError::internal("offering without service"))?;
    Ok(Listing {
        offering,
        provider,
        service,
    })
}

/// Every live offering of a provider with its rating, for its public page (the latest
/// changed first). Anyone may read them.
pub async fn live_of_provider(
    conn: &impl ConnectionTrait,
    id: ProviderId,
) -> AppResult<Vec<(offering::Model, crate::reviews::ratings::Aggregate)>> {
    let rows = offering::Entity::find()
        .filter(offering::Column::ProviderId.eq(id))
        .filter(offering::Column::Archived.eq(false))
        .order_by_desc(offering::Column::UpdatedAt)
        .order_by_desc(offering::Column::Id)
        .all(conn)
        .await?;
    use crate::{db::entities::offering_rating, reviews::ratings::Aggregate};
    // One query for all the ratings, in chunks that every database takes as parameters.
    let mut ratings: std::collections::HashMap<crate::domain::ids::OfferingId, Aggregate> =
        std::collections::HashMap::new();
    for chunk in rows.chunks(500) {
        for r in offering_rating::Entity::find()
            .filter(offering_rating::Column::OfferingId.is_in(chunk.iter().map(|o| o.id)))
            .all(conn)
            .await?
        {
            ratings.insert(r.offering_id, Aggregate::of_row(&r));
        }
    }
    Ok(rows
        .into_iter()
        .map(|row| {
            let rating = ratings.remove(&row.id).unwrap_or_default();
            (row, rating)
        })
        .collect())
}
