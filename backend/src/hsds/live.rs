//! The live catalogue as the directory publishes it: offerings that are listed (not
//! archived), whose provider is approved for the catalogue service, and whose catalogue
//! service is not archived — with their providers, services and purchasers.
use std::collections::{HashMap, HashSet};

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::{
    db::entities::{approval, offering, provider, purchaser, service},
    domain::ids::{OfferingId, ProviderId, PurchaserId, ServiceId},
    error::AppResult,
};

/// Everything the directory shows, read in a handful of queries.
pub struct Live {
    /// The live offerings, oldest first (a stable order for paging).
    pub offerings: Vec<offering::Model>,
    pub providers: HashMap<ProviderId, provider::Model>,
    pub services: HashMap<ServiceId, service::Model>,
    pub purchasers: HashMap<PurchaserId, purchaser::Model>,
}

/// Narrows the offerings read (the rest of a filter is applied to the objects).
#[derive(Default, Clone, Copy)]
pub struct Scope {
    pub offering: Option<OfferingId>,
    pub provider: Option<ProviderId>,
    pub service: Option<ServiceId>,
}

impl Scope {
    /// No offering at all (the nil id matches none): for the objects made from the
    /// catalogue alone, taxonomies and their terms.
    pub fn catalogue_only() -> Self {
        Self {
            offering: Some(OfferingId(uuid::Uuid::nil())),
            ..Self::default()
        }
    }
}

pub async fn load(conn: &impl ConnectionTrait, scope: Scope) -> AppResult<Live> {
    let mut query = offering::Entity::find().filter(offering::Column::Archived.eq(false));
    if let Some(id) = scope.offering {
        query = query.filter(offering::Column::Id.eq(id));
    }
    if let Some(id) = scope.provider {
        query = query.filter(offering::Column::ProviderId.eq(id));
    }
    if let Some(id) = scope.service {
        query = query.filter(offering::Column::ServiceId.eq(id));
    }
    let offerings = query
        .order_by_asc(offering::Column::CreatedAt)
        .order_by_asc(offering::Column::Id)
        .all(conn)
        .await?;
    let approved: HashSet<(ProviderId, ServiceId)> = approval::Entity::find()
        .all(conn)
        .await?
        .into_iter()
        .map(|a| (a.provider_id, a.service_id))
        .collect();
    let services: HashMap<ServiceId, service::Model> = service::Entity::find()
        .filter(service::Column::ArchivedAt.is_null())
        .all(conn)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let offerings: Vec<offering::Model> = offerings
        .into_iter()
        .filter(|o| {
            approved.contains(&(o.provider_id, o.service_id))
                && services.contains_key(&o.service_id)
        })
        .collect();
    let provider_ids: HashSet<ProviderId> = offerings.iter().map(|o| o.provider_id).collect();
    let mut providers = HashMap::new();
    // In chunks that every database takes as parameters.
    let ids: Vec<ProviderId> = provider_ids.into_iter().collect();
    for chunk in ids.chunks(500) {
        for p in provider::Entity::find()
            .filter(provider::Column::Id.is_in(chunk.iter().copied()))
            .all(conn)
            .await?
        {
            providers.insert(p.id, p);
        }
    }
    let purchasers = purchaser::Entity::find()
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    Ok(Live {
        offerings,
        providers,
        services,
        purchasers,
    })
}
