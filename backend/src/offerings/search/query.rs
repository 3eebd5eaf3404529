//! The search parameters parsed into the engine's query: each one checked, the first bad
//! one a 400 naming it.
use valinta_search::{Filters, GeoPoint, SearchQuery, Sort};

use crate::{
    domain::{
        Money, Municipality,
        catalogue::{Accessibility, Method, Unit, parse_language},
        ids::{PurchaserId, ServiceId},
    },
    error::{AppError, AppResult},
    http::extract::PageQuery,
};

use super::SearchParams;

/// Longest free-text query; longer input is refused rather than silently cut.
const MAX_QUERY_CHARS: usize = 200;

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
