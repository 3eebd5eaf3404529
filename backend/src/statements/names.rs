//! What a statement line names besides money: each commitment's provider and catalogue
//! service, looked up in one query per table rather than one per line.
use std::collections::{HashMap, HashSet};

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::{
    db::entities::{commitment, offering, provider, service},
    domain::{
        LocalizedText,
        ids::{CommitmentId, OfferingId, ProviderId, ServiceId},
    },
    error::AppResult,
};

/// A commitment's provider and service.
#[derive(Clone)]
pub struct Named {
    pub provider_id: ProviderId,
    pub provider_name: String,
    pub service_id: ServiceId,
    pub service_name: LocalizedText,
    pub unit: String,
}

pub async fn of_commitments(
    conn: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = CommitmentId>,
) -> AppResult<HashMap<CommitmentId, Named>> {
    let ids: HashSet<CommitmentId> = ids.into_iter().collect();
    let commitments = commitment::Entity::find()
        .filter(commitment::Column::Id.is_in(ids))
        .all(conn)
        .await?;
    let offerings: HashMap<OfferingId, ServiceId> = offering::Entity::find()
        .filter(offering::Column::Id.is_in(commitments.iter().map(|c| c.offering_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|o| (o.id, o.service_id))
        .collect();
    let services: HashMap<ServiceId, service::Model> = service::Entity::find()
        .filter(service::Column::Id.is_in(offerings.values().copied()))
        .all(conn)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let providers: HashMap<ProviderId, String> = provider::Entity::find()
        .filter(provider::Column::Id.is_in(commitments.iter().map(|c| c.provider_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    let mut named = HashMap::new();
    for c in commitments {
        let (offering, provider) = (c.offering_id, c.provider_id);
        let Some(service) = offerings.get(&offering).and_then(|s| services.get(s)) else {
            continue;
        };
        named.insert(
            c.id,
            Named {
                provider_id: provider,
                provider_name: providers.get(&provider).cloned().unwrap_or_default(),
                service_id: service.id,
                service_name: serde_json::from_value(service.name.clone()).unwrap_or_default(),
                unit: service.unit.to_string(),
            },
        );
    }
    Ok(named)
}
