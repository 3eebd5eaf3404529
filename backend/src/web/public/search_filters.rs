//! The search page's filters, each with its facet counts ("Kerava (12)"), in the order a
//! person narrows a search: words, place, service, unit price, rating, then the sort.
use crate::i18n::Translate;
use std::collections::BTreeMap;

use strum::VariantArray;

use crate::{
    domain::{
        Money,
        catalogue::{Accessibility, Method, Unit},
        ids::ServiceId,
    },
    error::AppResult,
    offerings::search as api,
    web::{
        format,
        i18n::Lang,
        page::{Choice, Field},
        public::search::Query,
        session::Web,
        views,
    },
};

/// A select whose options carry the facet counts: "Kerava (12)".
fn facet_select(
    lang: Lang,
    name: &'static str,
    chosen: Option<&str>,
    counts: Option<&BTreeMap<String, u64>>,
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

fn plain_select(
    lang: Lang,
    name: &'static str,
    chosen: &str,
    options: Vec<(String, String)>,
) -> Field {
    let mut all = vec![Choice::new("", lang.t("filter-any"), chosen.is_empty())];
    all.extend(options.into_iter().map(|(v, l)| {
        let selected = chosen == v;
        Choice::new(v, l, selected)
    }));
    Field::new(
        name,
        "select",
        lang.t(&format!("filter-{}", name.replace('_', "-"))),
    )
    .options(all)
}

pub async fn filter_fields(
    web: &Web,
    query: &Query,
    facets: Option<&api::SearchFacets>,
) -> AppResult<Vec<Field>> {
    let lang = web.lang;
    let params = &query.params;
    let service_ids = facets
        .iter()
        .flat_map(|f| f.service.keys())
        .filter_map(|id| id.parse().ok())
        .collect::<Vec<ServiceId>>();
    let services = views::service_names(&web.state, lang, service_ids).await?;
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
    let mut method = facet_select(
        lang,
        "method",
        params.method.as_deref(),
        facets.map(|f| &f.method),
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
    let ratings = ["3", "4", "4.5"]
        .iter()
        .map(|r| {
            let label = lang.t_with(
                "filter-rating-at-least",
                &[("stars", r.replace('.', ",").into())],
            );
            (r.to_string(), label)
        })
        .collect();
    let units = Unit::VARIANTS
        .iter()
        .map(|u| (u.to_string(), views::word(lang, "unit", u.as_ref())))
        .collect();
    let sort = params.sort.as_deref().unwrap_or("relevance");
    let sort_options = ["relevance", "rating", "price", "distance"]
        .iter()
        .map(|s| Choice::new(*s, lang.t(&format!("sort-{s}")), sort == *s))
        .collect();
    Ok(vec![
        Field::new("near", "text", lang.t("filter-near"))
            .value(query.near.clone().unwrap_or_default())
            .hint(lang.t("filter-near-hint"))
            .suggestions(
                crate::domain::municipality::all()
                    .iter()
                    .map(|m| views::municipality(lang, m.code))
                    .collect(),
            ),
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
        plain_select(
            lang,
            "unit",
            params.unit.as_deref().unwrap_or_default(),
            units,
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
        plain_select(
            lang,
            "min_rating",
            params.min_rating.as_deref().unwrap_or_default(),
            ratings,
        ),
        Field::new("sort", "select", lang.t("filter-sort")).options(sort_options),
    ])
}
