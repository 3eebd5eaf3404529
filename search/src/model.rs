//! The document, query and result model shared by both engines.
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// One searchable offering, denormalised: everything a hit shows without a database trip.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OfferingDoc {
    pub offering_id: Uuid,
    pub provider_id: Uuid,
    pub provider_name: String,
    pub purchaser_id: Uuid,
    pub service_id: Uuid,
    pub service_code: String,
    /// Catalogue service name per language: keys "fi" (always), "sv", "en".
    pub service_name: BTreeMap<String, String>,
    /// Title and description per language: keys "fi" (always), "sv", "en".
    pub title: BTreeMap<String, String>,
    pub description: BTreeMap<String, String>,
    /// Euro cents (money never travels as a float).
    pub unit_price_cents: i64,
    pub unit: String,
    /// Three-digit municipality codes served.
    pub municipalities: Vec<String>,
    /// The served municipalities' names in Finnish and Swedish ("Kerava", "Kervo"), so
    /// free text in either language finds what a code serves. Absent in older indexes.
    #[serde(default)]
    pub municipality_names: Vec<String>,
    /// Service languages, ISO 639-1 ("fi", "sv", ...).
    pub languages: Vec<String>,
    /// Settlement methods: "voucher", "payment_commitment", "direct_invoice".
    pub methods: Vec<String>,
    /// Accessibility features: "wheelchair", "sign_language", "plain_language", ...
    pub accessibility: Vec<String>,
    pub social_care: bool,
    /// Mean of the visible reviews (1.0..=5.0), None when unrated.
    pub rating_average: Option<f64>,
    pub rating_count: u32,
    pub location: Option<GeoPoint>,
    /// Seconds since the Unix epoch; the tie-breaker for equal scores (newest first).
    pub updated_at: i64,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct GeoPoint {
    pub lat: f64,
    pub lon: f64,
}

/// Mean Earth radius (IUGG), the one Meilisearch's `_geoDistance` uses too.
const EARTH_RADIUS_KM: f64 = 6_371.008_8;

impl GeoPoint {
    /// Great-circle (haversine) distance: exact enough for "nearest first" in Finland.
    pub fn distance_km(&self, other: &GeoPoint) -> f64 {
        let (lat1, lat2) = (self.lat.to_radians(), other.lat.to_radians());
        let half_dlat = (lat2 - lat1) / 2.0;
        let half_dlon = (other.lon - self.lon).to_radians() / 2.0;
        let h = half_dlat.sin().powi(2) + lat1.cos() * lat2.cos() * half_dlon.sin().powi(2);
        2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filters {
    pub purchaser: Option<Uuid>,
    pub municipality: Option<String>,
    pub service: Option<Uuid>,
    /// The unit the price is for ("hour", "trip"): prices compare only within one unit.
    pub unit: Option<String>,
    pub method: Option<String>,
    pub language: Option<String>,
    /// Every listed feature must be present.
    pub accessibility: Vec<String>,
    pub social_care: Option<bool>,
    pub max_price_cents: Option<i64>,
    /// Minimum `rating_average`; unrated offerings never pass a rating filter.
    pub min_rating: Option<f64>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Sort {
    /// Text relevance; without text, newest first.
    #[default]
    Relevance,
    /// Bayesian rating score, best first (see `rating`).
    Rating,
    /// Unit price, cheapest first.
    Price,
    /// Distance from the point, nearest first; offerings without a location last.
    Distance(GeoPoint),
}

#[derive(Clone, Debug, PartialEq)]
pub struct SearchQuery {
    /// Free text in Finnish, Swedish or English; empty matches everything.
    pub text: String,
    pub filters: Filters,
    pub sort: Sort,
    /// 1-based.
    pub page: usize,
    pub per_page: usize,
    /// Compute facet counts (service, municipality, language, method) over all matches.
    pub facets: bool,
}

impl Default for SearchQuery {
    fn default() -> Self {
        SearchQuery {
            text: String::new(),
            filters: Filters::default(),
            sort: Sort::Relevance,
            page: 1,
            per_page: 20,
            facets: true,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub doc: OfferingDoc,
    /// Kilometres from the query point, when sorting by distance and the offering has a location.
    pub distance_km: Option<f64>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facets {
    /// service_id (as string) → count
    pub service: BTreeMap<String, u64>,
    pub municipality: BTreeMap<String, u64>,
    pub language: BTreeMap<String, u64>,
    pub method: BTreeMap<String, u64>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchResults {
    pub hits: Vec<Hit>,
    /// All matches, not just this page.
    pub total: u64,
    pub facets: Facets,
}

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("search engine unavailable: {0}")]
    Unavailable(String),
    #[error("search index error: {0}")]
    Index(String),
}
