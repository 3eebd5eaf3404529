//! An offering as a provider writes it, and parsing it into validated values.
use serde::{Deserialize, Serialize};

use crate::{
    clients::area::parse_municipalities,
    db::entities::service,
    domain::{
        LocalizedText, Money,
        catalogue::{Accessibility, check_price_cap, parse_language},
        ids::ServiceId,
        text::parse_optional_text,
    },
    error::{AppError, AppResult, field},
    http::extract::DecimalText,
};

#[derive(Clone, Copy, Debug, Deserialize, Serialize, utoipa::ToSchema)]
pub struct LocationIn {
    pub lat: f64,
    pub lon: f64,
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct OfferingIn {
    pub service_id: ServiceId,
    pub title: LocalizedText,
    pub description: LocalizedText,
    pub unit_price: DecimalText,
    pub municipalities: Vec<String>,
    pub languages: Vec<String>,
    #[serde(default)]
    pub accessibility: Vec<Accessibility>,
    pub address: Option<String>,
    pub location: Option<LocationIn>,
}

/// Every field optional: what is sent is changed, the rest stays.
#[derive(Deserialize, Default, utoipa::ToSchema)]
pub struct OfferingPatch {
    pub title: Option<LocalizedText>,
    pub description: Option<LocalizedText>,
    pub unit_price: Option<DecimalText>,
    /// With `unit_price`: the day the new price takes effect, today or later (default
    /// today). The old price stays in force until then and remains in the history.
    pub valid_from: Option<String>,
    pub municipalities: Option<Vec<String>>,
    pub languages: Option<Vec<String>>,
    pub accessibility: Option<Vec<Accessibility>>,
    pub address: Option<String>,
    pub location: Option<LocationIn>,
}

pub fn title(raw: LocalizedText) -> AppResult<LocalizedText> {
    field("title", LocalizedText::parse(raw, 200))
}

pub fn description(raw: LocalizedText) -> AppResult<LocalizedText> {
    field("description", LocalizedText::parse(raw, 5000))
}

/// A positive price with two decimals, not above the catalogue's price cap.
pub fn unit_price(raw: &DecimalText, service: &service::Model) -> AppResult<Money> {
    let price = field("unit_price", Money::parse_positive(&raw.0))?;
    let cap = service.price_cap;
    field("unit_price", check_price_cap(price, cap))?;
    Ok(price)
}

/// Municipalities must lie in the purchaser's area.
pub fn municipalities(raw: &[String], area: &[String]) -> AppResult<Vec<String>> {
    let parsed = parse_municipalities("municipalities", raw)?;
    if let Some(outside) = parsed
        .iter()
        .find(|m| !area.iter().any(|a| a == m.as_str()))
    {
        return Err(AppError::invalid(
            "municipalities",
            format!("{outside} is not in the purchaser's area"),
        ));
    }
    Ok(parsed.into_iter().map(|m| m.to_string()).collect())
}

pub fn languages(raw: &[String]) -> AppResult<Vec<String>> {
    let mut codes = raw
        .iter()
        .map(|l| {
            parse_language(l).ok_or_else(|| {
                AppError::invalid(
                    "languages",
                    format!("{l:?} is not a two-letter language code like \"fi\""),
                )
            })
        })
        .collect::<AppResult<Vec<_>>>()?;
    codes.sort();
    codes.dedup();
    if codes.is_empty() {
        return Err(AppError::invalid(
            "languages",
            "must list at least one service language",
        ));
    }
    Ok(codes)
}

pub fn accessibility(raw: &[Accessibility]) -> Vec<Accessibility> {
    let mut features = raw.to_vec();
    features.sort();
    features.dedup();
    features
}

pub fn address(raw: Option<&str>) -> AppResult<Option<String>> {
    field("address", parse_optional_text(raw, 300))
}

pub fn location(raw: Option<LocationIn>) -> AppResult<Option<LocationIn>> {
    match raw {
        Some(l) if !(-90.0..=90.0).contains(&l.lat) => Err(AppError::invalid(
            "location.lat",
            "must be between -90 and 90",
        )),
        Some(l) if !(-180.0..=180.0).contains(&l.lon) => Err(AppError::invalid(
            "location.lon",
            "must be between -180 and 180",
        )),
        other => Ok(other),
    }
}
