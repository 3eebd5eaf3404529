//! Search results: filters with facet counts, sort and paging, all in the query string,
//! so the page works without JavaScript and every result list has its own address.
use askama::Template;
use axum::{extract::State, http::Uri, response::Response};
use strum::VariantArray;

use crate::{
    auth::address::ClientAddress,
    domain::{
        Money,
        catalogue::{Accessibility, Method},
    },
    error::AppResult,
    routes::{extract::ApiQuery, search as api},
    web::{
        format,
        i18n::Lang,
        page::{Choice, Field, PageCtx, render},
        session::Web,
        views,
    },
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
}

pub struct PageLink {
    pub href: String,
    pub label: String,
    pub current: bool,
}

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
}

const PER_PAGE: u64 = 20;

/// The query string as the API's parameters; repeated checkboxes (accessibility) are
/// joined the way the API takes them.
fn params_of(uri: &Uri) -> api::SearchParams {
    let mut params = api::SearchParams::default();
    let mut accessibility = Vec::new();
    for (key, value) in form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes()) {
        let value = value.into_owned();
        let slot = match key.as_ref() {
            "q" => &mut params.q,
            "municipality" => &mut params.municipality,
            "service" => &mut params.service,
            "method" => &mut params.method,
            "language" => &mut params.language,
            "max_price" => {
                params.max_price = Some(format::decimal_input(&value));
                continue;
            }
            "min_rating" => &mut params.min_rating,
            "sort" => &mut params.sort,
            "page" => &mut params.page,
            "accessibility" => {
                accessibility.push(value);
                continue;
            }
            _ => continue,
        };
        *slot = Some(value);
    }
    if !accessibility.is_empty() {
        params.accessibility = Some(accessibility.join(","));
    }
    params.per_page = Some(PER_PAGE.to_string());
    params
}

pub async fn show(web: Web, address: ClientAddress, uri: Uri) -> AppResult<Response> {
    let params = params_of(&uri);
    let lang = web.lang;
    let outcome = api::search(
        State(web.state.clone()),
        address,
        ApiQuery(params_clone(&params)),
    )
    .await;
    let (found, error) = match outcome {
        Ok(found) => (Some(found.0), None),
        // A bad filter value: show the form again, saying which one.
        Err(e) if e.status.is_client_error() => {
            let name = e.fields.keys().next().cloned().unwrap_or_default();
            let label = lang
                .try_t(&format!("filter-{}", name.replace('_', "-")))
                .unwrap_or(name);
            (
                None,
                Some(lang.t_with("search-bad-filter", &[("filter", label.into())])),
            )
        }
        Err(e) => return Err(e),
    };
    let (hits, total, facets) = match found {
        Some(f) => (f.items, f.total, Some(f.facets)),
        None => (Vec::new(), 0, None),
    };
    let service_ids = facets
        .iter()
        .flat_map(|f| f.service.keys())
        .filter_map(|id| id.parse().ok())
        .collect::<Vec<uuid::Uuid>>();
    let names = views::service_names(&web.state, lang, service_ids).await?;
    let fields = filter_fields(lang, &params, facets.as_ref(), &names);
    let current_page: u64 = params
        .page
        .as_deref()
        .and_then(|p| p.parse().ok())
        .unwrap_or(1);
    render(&SearchPage {
        page: PageCtx::new(&web, "search-title"),
        q: params.q.clone().unwrap_or_default(),
        fields,
        hits: hits.into_iter().map(|h| hit_view(lang, h)).collect(),
        total,
        error,
        pages: page_links(lang, &uri, current_page, total),
    })
}

fn params_clone(p: &api::SearchParams) -> api::SearchParams {
    api::SearchParams {
        q: p.q.clone(),
        municipality: p.municipality.clone(),
        service: p.service.clone(),
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

fn hit_view(lang: Lang, hit: api::SearchHit) -> HitView {
    HitView {
        id: hit.offering_id.to_string(),
        title: lang.pick(&hit.title).to_owned(),
        service: lang.pick(&hit.service_name).to_owned(),
        provider_id: hit.provider_id.to_string(),
        provider_name: hit.provider_name,
        price: views::price_per_unit(lang, hit.unit_price, &hit.unit),
        rating: views::rating(
            lang,
            hit.rating.average.as_deref(),
            u64::from(hit.rating.count),
        ),
        municipalities: views::municipalities(lang, &hit.municipalities),
        languages: views::words(lang, "language", &hit.languages),
        accessibility: views::words(lang, "access", &hit.accessibility),
    }
}

/// A select whose options carry the facet counts: "Kerava (12)".
fn facet_select(
    lang: Lang,
    name: &'static str,
    chosen: Option<&str>,
    counts: Option<&std::collections::BTreeMap<String, u64>>,
    label_of: impl Fn(&str) -> String,
) -> Field {
    let mut options = vec![Choice::new(
        "",
        lang.t("filter-any"),
        chosen.is_none_or(str::is_empty),
    )];
    let mut entries: Vec<(String, u64)> = counts
        .map(|c| c.iter().map(|(k, v)| (k.clone(), *v)).collect())
        .unwrap_or_default();
    if let Some(c) = chosen.filter(|c| !c.is_empty())
        && !entries.iter().any(|(k, _)| k == c)
    {
        entries.push((c.to_owned(), 0));
    }
    entries.sort_by_key(|(k, _)| label_of(k));
    options.extend(entries.into_iter().map(|(value, count)| {
        let label = format!("{} ({count})", label_of(&value));
        let selected = chosen == Some(value.as_str());
        Choice::new(value, label, selected)
    }));
    Field::new(name, "select", lang.t(&format!("filter-{}", name))).options(options)
}

fn filter_fields(
    lang: Lang,
    params: &api::SearchParams,
    facets: Option<&api::SearchFacets>,
    services: &std::collections::HashMap<String, String>,
) -> Vec<Field> {
    let chosen_access: Vec<&str> = params
        .accessibility
        .as_deref()
        .unwrap_or_default()
        .split(',')
        .collect();
    let access_options = Accessibility::VARIANTS
        .iter()
        .map(|a| {
            let code = a.to_string();
            let checked = chosen_access.contains(&code.as_str());
            Choice::new(code.clone(), views::word(lang, "access", &code), checked)
        })
        .collect();
    let method_counts = facets.map(|f| &f.method);
    let mut method = facet_select(
        lang,
        "method",
        params.method.as_deref(),
        method_counts,
        |m| views::word(lang, "method", m),
    );
    // Methods nobody offers still belong in the list: the count says "none".
    for m in Method::VARIANTS {
        let code = m.to_string();
        if !method.options.iter().any(|o| o.value == code) {
            let label = format!("{} (0)", views::word(lang, "method", &code));
            method.options.push(Choice::new(code, label, false));
        }
    }
    let rating_options = ["", "3", "4", "4.5"]
        .iter()
        .map(|r| {
            let label = if r.is_empty() {
                lang.t("filter-any")
            } else {
                lang.t_with(
                    "filter-rating-at-least",
                    &[("stars", r.replace('.', ",").into())],
                )
            };
            Choice::new(*r, label, params.min_rating.as_deref().unwrap_or("") == *r)
        })
        .collect();
    let sort = params.sort.as_deref().unwrap_or("relevance");
    let sort_options = ["relevance", "rating", "price"]
        .iter()
        .map(|s| Choice::new(*s, lang.t(&format!("sort-{s}")), sort == *s))
        .collect();
    vec![
        facet_select(
            lang,
            "municipality",
            params.municipality.as_deref(),
            facets.map(|f| &f.municipality),
            |m| views::municipality(lang, m),
        ),
        facet_select(
            lang,
            "service",
            params.service.as_deref(),
            facets.map(|f| &f.service),
            |s| services.get(s).cloned().unwrap_or_else(|| s.to_owned()),
        ),
        method,
        facet_select(
            lang,
            "language",
            params.language.as_deref(),
            facets.map(|f| &f.language),
            |l| views::word(lang, "language", l),
        ),
        Field::new("accessibility", "checks", lang.t("filter-accessibility"))
            .options(access_options),
        Field::new("max_price", "text", lang.t("filter-max-price"))
            .value(
                params
                    .max_price
                    .as_deref()
                    .and_then(|p| Money::parse_amount(p).ok())
                    .map(format::decimal_field)
                    .unwrap_or_default(),
            )
            .inputmode("decimal")
            .hint(lang.t("filter-max-price-hint")),
        Field::new("min_rating", "select", lang.t("filter-min-rating")).options(rating_options),
        Field::new("sort", "select", lang.t("filter-sort")).options(sort_options),
    ]
}

fn page_links(lang: Lang, uri: &Uri, current: u64, total: u64) -> Vec<PageLink> {
    let last = total.div_ceil(PER_PAGE).clamp(1, 500);
    if last == 1 {
        return Vec::new();
    }
    let kept: Vec<(String, String)> =
        form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes())
            .filter(|(k, _)| k != "page")
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
