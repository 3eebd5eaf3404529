//! Searching the offerings for the API and the portal alike: free text, filters, facets,
//! sorting and paging. Every parameter is parsed here; a bad one is a 400 naming it, never
//! a slow query ([`query`]). Searches that find nothing are counted for the demand-gap
//! report.
mod query;

use std::collections::BTreeMap;

use std::net::IpAddr;

use serde::{Deserialize, Serialize};
use valinta_search::{Hit, SearchError, rating::bayesian_score};

use crate::{
    demand,
    domain::{
        Money,
        ids::{OfferingId, ProviderId, PurchaserId, ServiceId},
    },
    error::{AppError, AppResult},
    state::AppState,
    throttle::Anonymous,
};

#[derive(Deserialize, Default, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// Free text in Finnish, Swedish or English; typo-tolerant.
    pub q: Option<String>,
    /// Municipality code served (three digits).
    pub municipality: Option<String>,
    /// Catalogue service id.
    pub service: Option<String>,
    /// The unit the price is for: hour, day, visit, trip, month, session or piece. Sorting
    /// by price compares like with like only within one unit.
    pub unit: Option<String>,
    /// Purchaser id (whose catalogue).
    pub purchaser: Option<String>,
    /// voucher, payment_commitment or direct_invoice.
    pub method: Option<String>,
    /// Service language, two letters ("fi", "sv").
    pub language: Option<String>,
    /// Comma-separated accessibility features, all required.
    pub accessibility: Option<String>,
    /// true: social-care services only; false: only others.
    pub social_care: Option<String>,
    /// Highest unit price in euros.
    pub max_price: Option<String>,
    /// Lowest average rating, 1–5.
    pub min_rating: Option<String>,
    /// relevance (default), rating, price or distance.
    pub sort: Option<String>,
    pub lat: Option<String>,
    pub lon: Option<String>,
    pub page: Option<String>,
    pub per_page: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct SearchRating {
    /// Mean stars with one decimal, null when unrated.
    pub average: Option<String>,
    pub count: u32,
    /// The Bayesian score rating sort uses (see README).
    pub score: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct SearchHit {
    pub offering_id: OfferingId,
    pub title: BTreeMap<String, String>,
    pub description: BTreeMap<String, String>,
    pub provider_id: ProviderId,
    pub provider_name: String,
    pub purchaser_id: PurchaserId,
    pub service_id: ServiceId,
    pub service_name: BTreeMap<String, String>,
    pub unit: String,
    pub unit_price: Money,
    pub rating: SearchRating,
    pub municipalities: Vec<String>,
    pub languages: Vec<String>,
    pub methods: Vec<String>,
    pub accessibility: Vec<String>,
    pub social_care: bool,
    pub location: Option<Location>,
    /// Kilometres from `lat,lon` when sorting by distance.
    pub distance_km: Option<f64>,
}

/// Where an offering is, in WGS84 degrees.
#[derive(Clone, Copy, Debug, Serialize, utoipa::ToSchema)]
pub struct Location {
    pub lat: f64,
    pub lon: f64,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct SearchFacets {
    pub service: BTreeMap<String, u64>,
    pub municipality: BTreeMap<String, u64>,
    pub language: BTreeMap<String, u64>,
    pub method: BTreeMap<String, u64>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct SearchOut {
    pub items: Vec<SearchHit>,
    pub total: u64,
    pub page: u64,
    pub per_page: u64,
    pub facets: SearchFacets,
}

pub use query::parse;

fn hit_out(hit: Hit) -> SearchHit {
    let doc = hit.doc;
    SearchHit {
        offering_id: doc.offering_id.into(),
        title: doc.title,
        description: doc.description,
        provider_id: doc.provider_id.into(),
        provider_name: doc.provider_name,
        purchaser_id: doc.purchaser_id.into(),
        service_id: doc.service_id.into(),
        service_name: doc.service_name,
        unit: doc.unit,
        unit_price: Money::from_cents(doc.unit_price_cents),
        rating: SearchRating {
            average: doc.rating_average.map(|a| format!("{a:.1}")),
            count: doc.rating_count,
            score: format!(
                "{:.3}",
                bayesian_score(doc.rating_average, doc.rating_count)
            ),
        },
        municipalities: doc.municipalities,
        languages: doc.languages,
        methods: doc.methods,
        accessibility: doc.accessibility,
        social_care: doc.social_care,
        location: doc.location.map(|l| Location {
            lat: l.lat,
            lon: l.lon,
        }),
        distance_km: hit.distance_km.map(|d| (d * 100.0).round() / 100.0),
    }
}

/// Runs the search for a request from `address` (whose misses count in the demand-gap
/// report only up to a rate, so that one address cannot flood it).
pub async fn run(state: &AppState, address: IpAddr, params: &SearchParams) -> AppResult<SearchOut> {
    let query = parse(params)?;
    let results = state.search.search(&query).await.map_err(|e| match e {
        // Meilisearch down or restarting: say so and when to try again, not a failure
        // of ours (the outbox keeps every change meanwhile).
        SearchError::Unavailable(_) => AppError::unavailable(
            "search_unavailable",
            "search is not available just now; try again in a moment",
            format!("search: {e}"),
        ),
        SearchError::Index(_) => AppError::internal(format!("search: {e}")),
    })?;
    // One address cannot flood the demand-gap report: past its rate, misses go uncounted.
    if results.total == 0
        && !query.text.is_empty()
        && state.limits.wait(Anonymous::SearchMiss, address).is_none()
    {
        // Counted off the request path: the demand-gap report must not slow searching down.
        let conn = state.db.conn.clone();
        let (text, municipality) = (query.text.clone(), query.filters.municipality.clone());
        tokio::spawn(async move {
            if let Err(err) = demand::record_miss(&conn, &text, municipality.as_deref()).await {
                tracing::warn!("could not count a search miss: {err}");
            }
        });
    }
    let facets = results.facets;
    Ok(SearchOut {
        items: results.hits.into_iter().map(hit_out).collect(),
        total: results.total,
        page: query.page as u64,
        per_page: query.per_page as u64,
        facets: SearchFacets {
            service: facets.service,
            municipality: facets.municipality,
            language: facets.language,
            method: facets.method,
        },
    })
}
