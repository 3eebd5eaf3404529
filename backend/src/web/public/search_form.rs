//! The search page's parts besides its filters (`search_filters`): one result as the list
//! shows it (distance, whether her decisions cover it, ticked for comparing), the price
//! sort within one unit, and the links between pages.
use crate::i18n::Translate;
use std::collections::{BTreeMap, HashMap};

use axum::http::Uri;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use strum::VariantArray;
use valinta_search::GeoPoint;

use crate::{
    auth::address::ClientAddress,
    db::entities::service,
    domain::{catalogue::Unit, ids::OfferingId, place::Place},
    error::AppResult,
    offerings::search as api,
    web::{i18n::Lang, public::search::Query, session::Web, views},
};

pub struct HitView {
    pub id: String,
    pub title: String,
    pub service: String,
    pub provider_id: String,
    pub provider_name: String,
    pub price: String,
    pub rating: String,
    pub municipalities: String,
    pub languages: String,
    pub accessibility: String,
    /// "About 12 km away" from the place searched near.
    pub distance: Option<String>,
    /// Why the client's decisions do not pay for it, when they do not.
    pub uncovered: Option<String>,
    /// Ticked for comparing (kept when the compare form comes back).
    pub ticked: bool,
}

pub struct PageLink {
    pub href: String,
    pub label: String,
    pub current: bool,
}

/// One unit of a price sort: "tunti (32)", a link to its cheapest first.
pub struct UnitTab {
    pub href: String,
    pub label: String,
    pub current: bool,
}

async fn run(
    web: &Web,
    address: &ClientAddress,
    params: api::SearchParams,
) -> AppResult<api::SearchOut> {
    api::run(&web.state, address.0, &params).await
}

fn copy(p: &api::SearchParams) -> api::SearchParams {
    api::SearchParams {
        q: p.q.clone(),
        municipality: p.municipality.clone(),
        service: p.service.clone(),
        unit: p.unit.clone(),
        purchaser: p.purchaser.clone(),
        method: p.method.clone(),
        language: p.language.clone(),
        accessibility: p.accessibility.clone(),
        social_care: p.social_care.clone(),
        max_price: p.max_price.clone(),
        min_rating: p.min_rating.clone(),
        sort: p.sort.clone(),
        lat: p.lat.clone(),
        lon: p.lon.clone(),
        page: p.page.clone(),
        per_page: p.per_page.clone(),
    }
}

/// The search, and for a price sort the tabs of the units found.
///
/// Why one unit at a time: €/trip, €/hour and €/day are different things, and a list that
/// puts a 15 € trip above a 40 € hour of home care tells a client nothing about which is
/// cheaper. A real user sorting by price wants the cheapest of the kind of thing she buys,
/// so the results are grouped by unit and one group is shown at a time (tabs with counts,
/// the group with the most results first), each cheapest first and paged on its own.
pub async fn search_by_unit(
    web: &Web,
    address: &ClientAddress,
    query: &mut Query,
) -> AppResult<(api::SearchOut, Vec<UnitTab>)> {
    if query.params.sort.as_deref() != Some("price") {
        return Ok((run(web, address, copy(&query.params)).await?, Vec::new()));
    }
    // How many results each unit has, from the service facet over every unit.
    let mut all_units = copy(&query.params);
    (all_units.unit, all_units.page, all_units.per_page) = (None, None, Some("1".into()));
    let facets = run(web, address, all_units).await?.facets;
    let counts = unit_counts(web, &facets.service).await?;
    let chosen = query
        .params
        .unit
        .clone()
        .filter(|u| counts.contains_key(u))
        .or_else(|| {
            let most = counts.values().max().copied();
            counts
                .iter()
                .find(|(_, n)| Some(**n) == most)
                .map(|(u, _)| u.clone())
        });
    if chosen.is_some() {
        query.params.unit = chosen.clone();
    }
    let found = run(web, address, copy(&query.params)).await?;
    let tabs = if counts.len() > 1 {
        counts
            .iter()
            .map(|(unit, n)| UnitTab {
                href: with_pairs(&query.kept, &[("unit", unit)]),
                label: format!("{} ({n})", views::word(web.lang, "unit", unit)),
                current: chosen.as_deref() == Some(unit.as_str()),
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok((found, tabs))
}

/// Results per unit, in the vocabulary's order, from the results per catalogue service.
async fn unit_counts(
    web: &Web,
    by_service: &BTreeMap<String, u64>,
) -> AppResult<BTreeMap<String, u64>> {
    let ids: Vec<uuid::Uuid> = by_service.keys().filter_map(|k| k.parse().ok()).collect();
    let services = service::Entity::find()
        .filter(service::Column::Id.is_in(ids))
        .all(&web.state.db.conn)
        .await?;
    let mut counts: BTreeMap<usize, (String, u64)> = BTreeMap::new();
    for s in services {
        let n = by_service.get(&s.id.to_string()).copied().unwrap_or(0);
        let order = Unit::VARIANTS
            .iter()
            .position(|u| *u == s.unit)
            .unwrap_or(usize::MAX);
        counts
            .entry(order)
            .or_insert_with(|| (s.unit.to_string(), 0))
            .1 += n;
    }
    Ok(counts.into_values().filter(|(_, n)| *n > 0).collect())
}

/// The search page with the kept filters, `extra` replacing keys of the same name.
fn with_pairs(kept: &[(String, String)], extra: &[(&str, &str)]) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    query.extend_pairs(
        kept.iter()
            .filter(|(k, _)| !extra.iter().any(|(e, _)| e == k)),
    );
    query.extend_pairs(extra.iter());
    format!("/search?{}", query.finish())
}

/// "Cheapest first. Prices per hour." for a price sort within one unit.
pub fn price_note(lang: Lang, params: &api::SearchParams) -> Option<String> {
    let unit = params
        .unit
        .as_deref()
        .filter(|_| params.sort.as_deref() == Some("price"))?;
    Some(lang.t_with(
        "search-price-note",
        &[("unit", views::word(lang, "unit", unit).into())],
    ))
}

pub fn hit_view(
    lang: Lang,
    hit: &api::SearchHit,
    near: Option<&Place>,
    uncovered: &HashMap<OfferingId, String>,
    ticked: &[String],
) -> HitView {
    let id = hit.offering_id.to_string();
    let distance = near.zip(hit.location.as_ref()).map(|(from, at)| {
        let km = GeoPoint {
            lat: from.lat,
            lon: from.lon,
        }
        .distance_km(&GeoPoint {
            lat: at.lat,
            lon: at.lon,
        });
        // Whole kilometres: the centre of a municipality is no closer guide than that.
        let km = km.round().max(1.0) as u64;
        lang.t_with("search-distance", &[("count", km.into())])
    });
    HitView {
        ticked: ticked.contains(&id),
        uncovered: uncovered.get(&hit.offering_id).cloned(),
        id,
        title: lang.pick(&hit.title).to_owned(),
        service: lang.pick(&hit.service_name).to_owned(),
        provider_id: hit.provider_id.to_string(),
        provider_name: hit.provider_name.clone(),
        price: views::price_per_unit(lang, hit.unit_price, &hit.unit),
        rating: views::rating(
            lang,
            hit.rating.average.as_deref(),
            u64::from(hit.rating.count),
        ),
        municipalities: views::municipalities(lang, &hit.municipalities),
        languages: views::words(lang, "language", &hit.languages),
        accessibility: views::words(lang, "access", &hit.accessibility),
        distance,
    }
}

pub fn page_links(lang: Lang, uri: &Uri, current: u64, total: u64, per_page: u64) -> Vec<PageLink> {
    let last = total.div_ceil(per_page).clamp(1, 500);
    if last == 1 {
        return Vec::new();
    }
    let kept: Vec<(String, String)> =
        form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes())
            .filter(|(k, _)| k != "page" && k != "compare" && k != "ids")
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
    let href = |n: u64| {
        let mut query = form_urlencoded::Serializer::new(String::new());
        query.extend_pairs(kept.iter());
        query.append_pair("page", &n.to_string());
        format!("/search?{}", query.finish())
    };
    let mut numbers: Vec<u64> = vec![1, current.saturating_sub(1), current, current + 1, last];
    numbers.retain(|n| (1..=last).contains(n));
    numbers.sort_unstable();
    numbers.dedup();
    let mut links = Vec::new();
    if current > 1 {
        links.push(PageLink {
            href: href(current - 1),
            label: lang.t("page-previous"),
            current: false,
        });
    }
    for n in numbers {
        links.push(PageLink {
            href: href(n),
            label: lang.t_with("page-number", &[("number", n.to_string().into())]),
            current: n == current,
        });
    }
    if current < last {
        links.push(PageLink {
            href: href(current + 1),
            label: lang.t("page-next"),
            current: false,
        });
    }
    links
}
