//! Building search documents from database rows, a page at a time (no N+1: providers,
//! services, approvals and ratings of the page are read in one query each).
use std::collections::{BTreeMap, HashMap, HashSet};

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use valinta_search::{GeoPoint, OfferingDoc};

use crate::{
    db::entities::{approval, offering, offering_rating, provider, service},
    domain::{
        LocalizedText,
        ids::{OfferingId, ProviderId, ServiceId},
        municipality,
    },
    reviews::ratings::Aggregate,
};

fn languages_map(text: &LocalizedText) -> BTreeMap<String, String> {
    let mut map = BTreeMap::from([("fi".to_owned(), text.fi.clone())]);
    if let Some(sv) = &text.sv {
        map.insert("sv".into(), sv.clone());
    }
    if let Some(en) = &text.en {
        map.insert("en".into(), en.clone());
    }
    map
}

fn parse<T: serde::de::DeserializeOwned>(value: &serde_json::Value) -> anyhow::Result<T> {
    Ok(serde_json::from_value(value.clone())?)
}

/// Documents for the searchable offerings among `models`: not archived, their catalogue
/// entry not archived, and the provider approved for the offering's service. The others
/// are left out.
pub async fn build_documents(
    conn: &impl ConnectionTrait,
    models: Vec<offering::Model>,
) -> anyhow::Result<Vec<OfferingDoc>> {
    let ids: Vec<OfferingId> = models.iter().map(|m| m.id).collect();
    let provider_ids: HashSet<ProviderId> = models.iter().map(|m| m.provider_id).collect();
    let service_ids: HashSet<ServiceId> = models.iter().map(|m| m.service_id).collect();
    let providers: HashMap<ProviderId, provider::Model> = provider::Entity::find()
        .filter(provider::Column::Id.is_in(provider_ids.iter().copied()))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let services: HashMap<ServiceId, service::Model> = service::Entity::find()
        .filter(service::Column::Id.is_in(service_ids.iter().copied()))
        .all(conn)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let approved: HashSet<(ProviderId, ServiceId)> = approval::Entity::find()
        .filter(approval::Column::ProviderId.is_in(provider_ids.iter().copied()))
        .all(conn)
        .await?
        .into_iter()
        .map(|a| (a.provider_id, a.service_id))
        .collect();
    let ratings: HashMap<OfferingId, offering_rating::Model> = offering_rating::Entity::find()
        .filter(offering_rating::Column::OfferingId.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| (r.offering_id, r))
        .collect();
    let mut docs = Vec::with_capacity(models.len());
    for model in models {
        let (Some(provider), Some(service)) = (
            providers.get(&model.provider_id),
            services.get(&model.service_id),
        ) else {
            continue;
        };
        // An archived catalogue entry's offerings leave search with it.
        let listed = !model.archived && service.archived_at.is_none();
        if !listed || !approved.contains(&(model.provider_id, model.service_id)) {
            continue;
        }
        let rating = ratings.get(&model.id).filter(|r| r.review_count > 0);
        let municipalities: Vec<String> = parse(&model.municipalities)?;
        let municipality_names = municipalities
            .iter()
            .flat_map(|code| municipality::names_for_search(code))
            .collect();
        docs.push(OfferingDoc {
            // The search crate knows no typed ids.
            offering_id: model.id.into(),
            provider_id: provider.id.into(),
            provider_name: provider.name.clone(),
            purchaser_id: model.purchaser_id.into(),
            service_id: service.id.into(),
            service_code: service.code.clone(),
            service_name: languages_map(&parse(&service.name)?),
            title: languages_map(&parse(&model.title)?),
            description: languages_map(&parse(&model.description)?),
            unit_price_cents: model.unit_price.cents(),
            unit: service.unit.to_string(),
            municipalities,
            municipality_names,
            languages: parse(&model.languages)?,
            methods: parse(&service.methods)?,
            accessibility: parse(&model.accessibility)?,
            social_care: service.social_care,
            rating_average: rating.and_then(|r| Aggregate::of_row(r).mean()),
            rating_count: rating
                .map(|r| u32::try_from(Aggregate::of_row(r).count()).unwrap_or(u32::MAX))
                .unwrap_or(0),
            location: model
                .lat
                .zip(model.lon)
                .map(|(lat, lon)| GeoPoint { lat, lon }),
            updated_at: model.updated_at.timestamp(),
        });
    }
    Ok(docs)
}
