//! Searching the offerings for the API and the portal alike: free text, filters, facets,
//! sorting and paging. Every parameter is parsed here; a bad one is a 400 naming it, never
//! a slow query. Searches that find nothing are counted for the demand-gap report.
use std::collections::BTreeMap;

use std::net::IpAddr;

use serde::{Deserialize, Serialize};
use valinta_search::{Filters, GeoPoint, Hit, SearchQuery, Sort, rating::bayesian_score};

use crate::{
    demand,
    domain::{
        Money, Municipality,
        catalogue::{Accessibility, Method, Unit, parse_language},
        ids::{OfferingId, ProviderId, PurchaserId, ServiceId},
    },
    error::{AppError, AppResult},
    http::extract::PageQuery,
    state::AppState,
    throttle::Anonymous,
};

/// Longest free-text query; longer input is refused rather than silently cut.
const MAX_QUERY_CHARS: usize = 200;

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
    #[schema(value_type = String)]
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

fn bad(name: &str, message: impl std::fmt::Display) -> AppError {
    AppError::bad_parameter(name, message)
}

fn text_query(raw: Option<&str>) -> AppResult<String> {
    let text = raw.unwrap_or_default().trim();
    if text.chars().count() > MAX_QUERY_CHARS {
        return Err(bad(
            "q",
            format!("must be at most {MAX_QUERY_CHARS} characters"),
        ));
    }
    if text.chars().any(char::is_control) {
        return Err(bad("q", "must not contain control characters"));
    }
    Ok(text.to_owned())
}

fn id<T: std::str::FromStr>(name: &str, raw: Option<&str>) -> AppResult<Option<T>> {
    raw.filter(|r| !r.is_empty())
        .map(|r| r.trim().parse().map_err(|_| bad(name, "is not a valid id")))
        .transpose()
}

fn coordinate(name: &str, raw: Option<&str>, limit: f64) -> AppResult<Option<f64>> {
    raw.filter(|r| !r.is_empty())
        .map(|r| {
            r.trim()
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite() && v.abs() <= limit)
                .ok_or_else(|| bad(name, format!("must be a number from -{limit} to {limit}")))
        })
        .transpose()
}

/// Parses every parameter into the engine's query; the first bad one is a 400 naming it.
pub fn parse(params: &SearchParams) -> AppResult<SearchQuery> {
    let page = PageQuery {
        page: params.page.clone(),
        per_page: params.per_page.clone(),
    }
    .parse()?;
    let text = text_query(params.q.as_deref())?;
    let municipality = params
        .municipality
        .as_deref()
        .filter(|m| !m.is_empty())
        .map(|m| Municipality::parse(m).map_err(|e| bad("municipality", e)))
        .transpose()?;
    let unit = params
        .unit
        .as_deref()
        .filter(|u| !u.is_empty())
        .map(|u| {
            u.trim()
                .parse::<Unit>()
                .map_err(|_| bad("unit", format!("must be one of {}", Unit::allowed())))
        })
        .transpose()?;
    let method = params
        .method
        .as_deref()
        .filter(|m| !m.is_empty())
        .map(|m| {
            m.parse::<Method>()
                .map_err(|_| bad("method", format!("must be one of {}", Method::allowed())))
        })
        .transpose()?;
    let language = params
        .language
        .as_deref()
        .filter(|l| !l.is_empty())
        .map(|l| {
            parse_language(l)
                .ok_or_else(|| bad("language", "must be a two-letter language code like fi"))
        })
        .transpose()?;
    let accessibility = params
        .accessibility
        .as_deref()
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(|a| {
            a.parse::<Accessibility>()
                .map(|f| f.to_string())
                .map_err(|_| {
                    bad(
                        "accessibility",
                        format!("must be among {}", Accessibility::allowed()),
                    )
                })
        })
        .collect::<AppResult<Vec<_>>>()?;
    let social_care = match params.social_care.as_deref().map(str::trim) {
        None | Some("") => None,
        Some("true") => Some(true),
        Some("false") => Some(false),
        Some(_) => return Err(bad("social_care", "must be true or false")),
    };
    let max_price = params
        .max_price
        .as_deref()
        .filter(|p| !p.is_empty())
        .map(|p| Money::parse_amount(p).map_err(|e| bad("max_price", e)))
        .transpose()?;
    let min_rating = params
        .min_rating
        .as_deref()
        .filter(|r| !r.is_empty())
        .map(|r| {
            r.trim()
                .parse::<f64>()
                .ok()
                .filter(|v| (1.0..=5.0).contains(v))
                .ok_or_else(|| bad("min_rating", "must be a number from 1 to 5"))
        })
        .transpose()?;
    let lat = coordinate("lat", params.lat.as_deref(), 90.0)?;
    let lon = coordinate("lon", params.lon.as_deref(), 180.0)?;
    let sort = match params.sort.as_deref().map(str::trim).unwrap_or("relevance") {
        "" | "relevance" => Sort::Relevance,
        "rating" => Sort::Rating,
        "price" => Sort::Price,
        "distance" => match (lat, lon) {
            (Some(lat), Some(lon)) => Sort::Distance(GeoPoint { lat, lon }),
            (None, _) => return Err(bad("lat", "is required when sorting by distance")),
            (_, None) => return Err(bad("lon", "is required when sorting by distance")),
        },
        _ => {
            return Err(bad(
                "sort",
                "must be one of relevance, rating, price, distance",
            ));
        }
    };
    Ok(SearchQuery {
        text,
        filters: Filters {
            purchaser: id::<PurchaserId>("purchaser", params.purchaser.as_deref())?.map(Into::into),
            municipality: municipality.map(|m| m.to_string()),
            service: id::<ServiceId>("service", params.service.as_deref())?.map(Into::into),
            unit: unit.map(|u| u.to_string()),
            method: method.map(|m| m.to_string()),
            language,
            accessibility,
            social_care,
            max_price_cents: max_price.map(Money::cents),
            min_rating,
        },
        sort,
        page: usize::try_from(page.page).unwrap_or(1),
        per_page: usize::try_from(page.per_page).unwrap_or(20),
        facets: true,
    })
}

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
    let results = state
        .search
        .search(&query)
        .await
        .map_err(|e| AppError::internal(format!("search: {e}")))?;
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
