//! The HSDS 3.0 objects Valinta publishes, as typed read models. Fields left out are ones
//! Valinta has no public data for; every object carries the fields its schema requires.
use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::value::RawValue;
use uuid::Uuid;

#[derive(Serialize, Debug)]
pub struct About {
    pub version: &'static str,
    pub profile: String,
    pub openapi_url: &'static str,
}

/// A service: one live offering. In lists only the one-to-one fields and the organization.
#[derive(Serialize, Debug)]
pub struct Service {
    pub id: Uuid,
    pub organization_id: Uuid,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alternate_name: Option<String>,
    pub description: String,
    pub status: &'static str,
    pub fees_description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interpretation_services: Option<String>,
    pub last_modified: DateTime<Utc>,
    pub organization: Organization,
    #[serde(flatten)]
    pub related: Option<ServiceRelated>,
}

/// The one-to-many parts of a service, for `/services/{id}`.
#[derive(Serialize, Debug)]
pub struct ServiceRelated {
    pub service_areas: Vec<ServiceArea>,
    pub languages: Vec<Language>,
    pub cost_options: Vec<CostOption>,
    pub attributes: Vec<Attribute>,
    pub service_at_locations: Vec<ServiceAtLocation>,
}

#[derive(Serialize, Debug)]
pub struct Organization {
    pub id: Uuid,
    pub name: String,
    pub description: String,
    pub organization_identifiers: Vec<OrganizationIdentifier>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub services: Option<Vec<Service>>,
}

#[derive(Serialize, Debug, Clone)]
pub struct OrganizationIdentifier {
    pub id: Uuid,
    pub organization_id: Uuid,
    pub identifier_scheme: &'static str,
    pub identifier_type: &'static str,
    pub identifier: String,
}

#[derive(Serialize, Debug)]
pub struct ServiceArea {
    pub id: Uuid,
    pub service_id: Uuid,
    pub name: String,
    pub description: String,
    pub extent_type: &'static str,
}

#[derive(Serialize, Debug)]
pub struct Language {
    pub id: Uuid,
    pub service_id: Uuid,
    pub name: String,
    pub code: String,
}

/// A price. `amount` is written from the exact decimal (never through a float), as the
/// JSON number the schema asks for.
#[derive(Serialize, Debug)]
pub struct CostOption {
    pub id: Uuid,
    pub service_id: Uuid,
    pub option: String,
    pub currency: &'static str,
    pub amount: Box<RawValue>,
    pub amount_description: String,
}

/// Links a service to its catalogue entry (a taxonomy term).
#[derive(Serialize, Debug)]
pub struct Attribute {
    pub id: Uuid,
    pub link_id: Uuid,
    pub link_type: &'static str,
    pub link_entity: &'static str,
    pub taxonomy_term_id: Uuid,
    pub taxonomy_term: TaxonomyTerm,
}

#[derive(Serialize, Debug, Clone)]
pub struct Taxonomy {
    pub id: Uuid,
    pub name: String,
    pub description: String,
}

#[derive(Serialize, Debug, Clone)]
pub struct TaxonomyTerm {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    pub description: String,
    pub taxonomy: String,
    pub taxonomy_id: Uuid,
    pub language: &'static str,
}

#[derive(Serialize, Debug)]
pub struct ServiceAtLocation {
    pub id: Uuid,
    pub service_id: Uuid,
    pub location_id: Uuid,
    pub location: Location,
}

#[derive(Serialize, Debug)]
pub struct Location {
    pub id: Uuid,
    pub location_type: &'static str,
    pub organization_id: Uuid,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latitude: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub longitude: Option<f64>,
    pub accessibility: Vec<Accessibility>,
}

#[derive(Serialize, Debug)]
pub struct Accessibility {
    pub id: Uuid,
    pub location_id: Uuid,
    pub description: String,
}
