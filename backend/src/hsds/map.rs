//! From Valinta's rows to HSDS objects: an offering is a service, its provider the
//! organization, the purchaser's catalogue a taxonomy and each catalogue entry a term.
use chrono::{DateTime, Utc};
use serde_json::value::RawValue;

use super::{
    ids::{Kind, derived},
    live::Live,
    objects::*,
};
use crate::{
    db::{
        entities::{offering, provider, purchaser, service},
        json::from_json,
    },
    domain::{LocalizedText, catalogue::Accessibility as Feature},
    error::{AppError, AppResult},
};

fn language_name(code: &str) -> String {
    match code {
        "fi" => "suomi".into(),
        "sv" => "svenska".into(),
        "en" => "English".into(),
        "se" => "davvisámegiella".into(),
        other => other.into(),
    }
}

fn feature_text(feature: &Feature) -> String {
    let code = serde_json::to_value(feature)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    match code.as_str() {
        "wheelchair" => "Esteetön pyörätuolilla (wheelchair accessible)".into(),
        "sign_language" => "Palvelua viittomakielellä (sign language)".into(),
        "plain_language" => "Palvelua selkokielellä (plain language)".into(),
        "hearing_loop" => "Induktiosilmukka (hearing loop)".into(),
        "home_visits" => "Kotikäynnit (home visits)".into(),
        "braille" => "Pistekirjoitus (braille)".into(),
        "parking" => "Pysäköinti (parking)".into(),
        other => other.into(),
    }
}

impl Live {
    fn provider_of(&self, o: &offering::Model) -> AppResult<&provider::Model> {
        self.providers
            .get(&o.provider_id)
            .ok_or_else(|| AppError::internal("offering without provider"))
    }

    fn service_of(&self, o: &offering::Model) -> AppResult<&service::Model> {
        self.services
            .get(&o.service_id)
            .ok_or_else(|| AppError::internal("offering without service"))
    }

    /// The organization; its business ID is public (the trade register), its staff are not.
    pub fn organization(&self, p: &provider::Model) -> Organization {
        Organization {
            id: p.id.into(),
            name: p.name.clone(),
            description: format!(
                "{} – palveluntuottaja Valinnassa (service provider)",
                p.name
            ),
            organization_identifiers: vec![OrganizationIdentifier {
                id: derived(p.id.into(), Kind::Identifier, 0),
                organization_id: p.id.into(),
                identifier_scheme: "FI-PRH",
                identifier_type: "Y-tunnus (business ID)",
                identifier: p.business_id.clone(),
            }],
            services: None,
        }
    }

    /// When the organization or any of its live services last changed.
    pub fn organization_modified(&self, p: &provider::Model) -> DateTime<Utc> {
        self.offerings
            .iter()
            .filter(|o| o.provider_id == p.id)
            .map(|o| o.updated_at)
            .fold(p.created_at, std::cmp::max)
    }

    pub fn taxonomy(&self, p: &purchaser::Model) -> Taxonomy {
        Taxonomy {
            id: p.id.into(),
            name: format!("{}: palveluvalikoima", p.name),
            description: format!(
                "Palvelut, joita {} hankkii palvelusetelillä tai henkilökohtaisella budjetilla \
                 (the purchaser's service catalogue)",
                p.name
            ),
        }
    }

    pub fn term(&self, s: &service::Model) -> AppResult<TaxonomyTerm> {
        let name: LocalizedText = from_json(&s.name)?;
        let taxonomy = self
            .purchasers
            .get(&s.purchaser_id)
            .map(|p| self.taxonomy(p).name)
            .unwrap_or_default();
        Ok(TaxonomyTerm {
            id: s.id.into(),
            code: s.code.clone(),
            description: format!("{} (yksikkö / unit: {})", name.fi, s.unit),
            name: name.fi,
            taxonomy,
            taxonomy_id: s.purchaser_id.into(),
            language: "fi",
        })
    }

    /// The service of an offering; `full` adds its areas, languages, prices, terms, sites.
    pub fn service(&self, o: &offering::Model, full: bool) -> AppResult<Service> {
        let provider = self.provider_of(o)?;
        let catalogue = self.service_of(o)?;
        let title: LocalizedText = from_json(&o.title)?;
        let description: LocalizedText = from_json(&o.description)?;
        let features: Vec<Feature> = from_json(&o.accessibility)?;
        let interpretation: Vec<String> = features
            .iter()
            .map(feature_text)
            .filter(|t| t.contains("sign language") || t.contains("plain language"))
            .collect();
        Ok(Service {
            id: o.id.into(),
            organization_id: o.provider_id.into(),
            alternate_name: title.sv.clone(),
            name: title.fi,
            description: description.fi,
            status: "active",
            fees_description: format!(
                "{} € / {} (arvonlisävero sisältyy hintaan, VAT included)",
                o.unit_price.decimal(),
                catalogue.unit
            ),
            interpretation_services: (!interpretation.is_empty())
                .then(|| interpretation.join("; ")),
            last_modified: o.updated_at,
            organization: self.organization(provider),
            related: if full {
                Some(self.related(o, catalogue, &features)?)
            } else {
                None
            },
        })
    }

    fn related(
        &self,
        o: &offering::Model,
        catalogue: &service::Model,
        features: &[Feature],
    ) -> AppResult<ServiceRelated> {
        let municipalities: Vec<String> = from_json(&o.municipalities)?;
        let languages: Vec<String> = from_json(&o.languages)?;
        let amount = RawValue::from_string(o.unit_price.decimal().to_string())
            .map_err(|e| AppError::internal(format!("price as JSON: {e}")))?;
        Ok(ServiceRelated {
            service_areas: municipalities
                .into_iter()
                .enumerate()
                .map(|(n, code)| ServiceArea {
                    id: derived(o.id.into(), Kind::ServiceArea, n),
                    service_id: o.id.into(),
                    description: format!("Kunta, kuntakoodi {code} (municipality code)"),
                    name: code,
                    extent_type: "municipality",
                })
                .collect(),
            languages: languages
                .into_iter()
                .enumerate()
                .map(|(n, code)| Language {
                    id: derived(o.id.into(), Kind::Language, n),
                    service_id: o.id.into(),
                    name: language_name(&code),
                    code,
                })
                .collect(),
            cost_options: vec![CostOption {
                id: derived(o.id.into(), Kind::CostOption, 0),
                service_id: o.id.into(),
                option: "Hinta / price".into(),
                currency: "EUR",
                amount,
                amount_description: format!("per {} (VAT included)", catalogue.unit),
            }],
            attributes: vec![Attribute {
                id: derived(o.id.into(), Kind::Attribute, 0),
                link_id: o.id.into(),
                link_type: "service",
                link_entity: "service",
                taxonomy_term_id: catalogue.id.into(),
                taxonomy_term: self.term(catalogue)?,
            }],
            service_at_locations: self.service_at_location(o, features).into_iter().collect(),
        })
    }

    /// The offering's site, when it has an address.
    pub fn service_at_location(
        &self,
        o: &offering::Model,
        features: &[Feature],
    ) -> Option<ServiceAtLocation> {
        let address = o.address.clone()?;
        let location_id = derived(o.id.into(), Kind::Location, 0);
        Some(ServiceAtLocation {
            id: derived(o.id.into(), Kind::ServiceAtLocation, 0),
            service_id: o.id.into(),
            location_id,
            location: Location {
                id: location_id,
                location_type: "physical",
                organization_id: o.provider_id.into(),
                name: address,
                latitude: o.lat,
                longitude: o.lon,
                accessibility: features
                    .iter()
                    .enumerate()
                    .map(|(n, f)| Accessibility {
                        id: derived(o.id.into(), Kind::Accessibility, n),
                        location_id,
                        description: feature_text(f),
                    })
                    .collect(),
            },
        })
    }

    /// The texts `search` looks in: the offering's, its provider's and its catalogue entry's.
    pub fn texts(&self, o: &offering::Model) -> Vec<String> {
        let mut texts = vec![o.title.to_string(), o.description.to_string()];
        if let Some(p) = self.providers.get(&o.provider_id) {
            texts.push(p.name.clone());
        }
        if let Some(s) = self.services.get(&o.service_id) {
            texts.push(s.name.to_string());
            texts.push(s.code.clone());
        }
        texts
    }
}
