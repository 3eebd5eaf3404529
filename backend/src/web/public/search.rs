//! Search results: filters with facet counts, sort and paging, all in the query string,
//! so the page works without JavaScript and every result list has its own address. "Near"
//! a postal code or municipality (a client's home municipality to begin with) shows each
//! result's distance and sorts by it; a price sort compares within one unit; a client sees
//! which results her decisions do not cover.
use crate::i18n::Translate;
use askama::Template;
use axum::{http::Uri, response::Response};

use crate::{
    auth::address::ClientAddress,
    domain::{Municipality, ids::OfferingId, place::Place},
    error::{AppError, AppResult},
    offerings::search as api,
    web::{
        page::{Field, PageCtx, render},
        public::{
            coverage_view::{home_municipality, uncovered_among},
            search_filters,
            search_form::{self, HitView, PageLink, UnitTab},
        },
        session::Web,
        views,
    },
};

#[derive(Template)]
#[template(path = "public/search.html")]
struct SearchPage {
    page: PageCtx,
    q: String,
    fields: Vec<Field>,
    hits: Vec<HitView>,
    total: u64,
    error: Option<String>,
    pages: Vec<PageLink>,
    /// With a price sort over several units: one tab per unit, the current one marked.
    units: Vec<UnitTab>,
    /// "Cheapest first, price per hour" when sorting by price.
    price_note: Option<String>,
    /// The filters in force, carried by the compare form so that coming back keeps them.
    kept: Vec<(String, String)>,
    /// The compare form came back: fewer than 2 or more than 4 were ticked.
    compare_error: bool,
}

/// The query keys the search page owns; the compare page carries them back.
pub const SEARCH_KEYS: [&str; 12] = [
    "q",
    "municipality",
    "service",
    "unit",
    "method",
    "language",
    "accessibility",
    "max_price",
    "min_rating",
    "sort",
    "near",
    "lang",
];

const PER_PAGE: u64 = 20;

/// The page's own reading of its query: the API's parameters plus "near", the ticked
/// offerings and the kept filters.
pub struct Query {
    pub params: api::SearchParams,
    /// What was typed into "near"; `None` when the field was not sent at all.
    pub near: Option<String>,
    pub ticked: Vec<String>,
    pub kept: Vec<(String, String)>,
    pub compare_error: bool,
}

fn query_of(uri: &Uri) -> Query {
    let mut params = api::SearchParams::default();
    let (mut accessibility, mut ticked, mut kept) = (Vec::new(), Vec::new(), Vec::new());
    let (mut near, mut compare_error) = (None, false);
    for (key, value) in form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes()) {
        let value = value.into_owned();
        if SEARCH_KEYS.contains(&key.as_ref()) {
            kept.push((key.to_string(), value.clone()));
        }
        let slot = match key.as_ref() {
            "q" => &mut params.q,
            "municipality" => &mut params.municipality,
            "service" => &mut params.service,
            "unit" => &mut params.unit,
            "method" => &mut params.method,
            "language" => &mut params.language,
            "max_price" => {
                params.max_price = Some(crate::web::format::decimal_input(&value));
                continue;
            }
            "min_rating" => &mut params.min_rating,
            "sort" => &mut params.sort,
            "page" => &mut params.page,
            "near" => &mut near,
            "accessibility" => {
                accessibility.push(value);
                continue;
            }
            "ids" => {
                ticked.push(value);
                continue;
            }
            "compare" => {
                compare_error = true;
                continue;
            }
            _ => continue,
        };
        *slot = Some(value);
    }
    if !accessibility.is_empty() {
        params.accessibility = Some(accessibility.join(","));
    }
    // The municipality as a code, so that "Kervo" in the address shows Kerava as chosen.
    if let Some(m) = params
        .municipality
        .as_deref()
        .and_then(|m| Municipality::parse(m).ok())
    {
        params.municipality = Some(m.to_string());
        for (_, value) in kept.iter_mut().filter(|(k, _)| k == "municipality") {
            *value = m.to_string();
        }
    }
    params.per_page = Some(PER_PAGE.to_string());
    Query {
        params,
        near,
        ticked,
        kept,
        compare_error,
    }
}

/// "Near": what was typed, else (first visit, nothing typed) a client's home municipality.
/// An empty field means she cleared it. A place not found is a refusal naming the field.
async fn near_place(web: &Web, query: &mut Query) -> AppResult<Option<Place>> {
    if query.near.is_none()
        && let Some(home) = home_municipality(web).await?
    {
        query.near = Some(views::municipality(web.lang, &home));
    }
    let Some(text) = query
        .near
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    else {
        if query.params.sort.as_deref() == Some("distance") {
            return Err(AppError::bad_parameter(
                "near",
                "is required when sorting by distance",
            ));
        }
        return Ok(None);
    };
    let place = Place::parse(text).map_err(|e| AppError::bad_parameter("near", e))?;
    query.params.lat = Some(place.lat.to_string());
    query.params.lon = Some(place.lon.to_string());
    Ok(Some(place))
}

pub async fn show(web: Web, address: ClientAddress, uri: Uri) -> AppResult<Response> {
    let lang = web.lang;
    let mut query = query_of(&uri);
    let outcome = async {
        let place = near_place(&web, &mut query).await?;
        let found = search_form::search_by_unit(&web, &address, &mut query).await?;
        Ok::<_, AppError>((found, place))
    }
    .await;
    let (found, place, error) = match outcome {
        Ok((found, place)) => (Some(found), place, None),
        // A bad filter value: show the form again, saying which one.
        Err(e) if e.status.is_client_error() => {
            let name = e.fields.keys().next().cloned().unwrap_or_default();
            let label = lang
                .try_t(&format!("filter-{}", name.replace('_', "-")))
                .unwrap_or(name);
            let text = lang.t_with("search-bad-filter", &[("filter", label.into())]);
            (None, None, Some(text))
        }
        Err(e) => return Err(e),
    };
    let (found, units) = match found {
        Some((f, u)) => (Some(f), u),
        None => (None, Vec::new()),
    };
    let hits = found
        .as_ref()
        .map(|f| f.items.as_slice())
        .unwrap_or_default();
    let ids: Vec<OfferingId> = hits.iter().map(|h| h.offering_id).collect();
    let marks = uncovered_among(&web, &ids).await?;
    let hit_views = hits
        .iter()
        .map(|h| search_form::hit_view(lang, h, place.as_ref(), &marks, &query.ticked))
        .collect();
    let total = found.as_ref().map_or(0, |f| f.total);
    let fields =
        search_filters::filter_fields(&web, &query, found.as_ref().map(|f| &f.facets)).await?;
    let current_page: u64 = query
        .params
        .page
        .as_deref()
        .and_then(|p| p.parse().ok())
        .unwrap_or(1);
    let price_note = search_form::price_note(lang, &query.params);
    render(&SearchPage {
        page: PageCtx::new(&web, "search-title"),
        q: query.params.q.clone().unwrap_or_default(),
        fields,
        hits: hit_views,
        total,
        error,
        pages: search_form::page_links(lang, &uri, current_page, total, PER_PAGE),
        units,
        price_note,
        kept: query.kept.clone(),
        compare_error: query.compare_error,
    })
}
