//! 2–4 offerings side by side; for a signed-in client also, under the decision she picks,
//! whether it pays for each, her own share per unit and about how many units her balance
//! buys. A wrong selection goes back to the search with every filter kept.
use crate::i18n::Translate;
use askama::Template;
use axum::{
    http::Uri,
    response::{IntoResponse, Redirect, Response},
};

use crate::{
    domain::{LocalizedText, catalogue::Method, ids::OfferingId, today_in_finland},
    error::AppResult,
    offerings::{
        coverage::{self, Fit},
        read::{Listing, listing},
    },
    reviews::{ratings, view::RatingOut},
    web::{
        amounts,
        i18n::Lang,
        page::{Choice, Field, PageCtx, render},
        public::{
            coverage_view::{client_side, decision_label},
            search::SEARCH_KEYS,
        },
        session::Web,
        views,
    },
};

pub struct Column {
    pub id: String,
    pub title: String,
    pub provider_id: String,
    pub provider: String,
    pub service: String,
    pub price: String,
    pub methods: String,
    pub municipalities: String,
    pub languages: String,
    pub accessibility: String,
    pub rating: String,
    pub own_share: Option<String>,
    pub affordable: Option<String>,
    /// Whether her decision pays for it (no order button otherwise).
    pub can_order: bool,
}

#[derive(Template)]
#[template(path = "public/compare.html")]
struct ComparePage {
    page: PageCtx,
    columns: Vec<Column>,
    ids: Vec<String>,
    fields: Vec<Field>,
    /// Whether the client's own figures are shown (a client side user with a decision).
    has_own: bool,
    /// The search the offerings were picked from, to go back to.
    back: String,
    /// The search's filters, carried when the decision is changed.
    kept: Vec<(String, String)>,
}

/// The query: the offerings, the picked decision and the search's own filters.
struct CompareQuery {
    ids: Vec<String>,
    allocation: Option<String>,
    kept: Vec<(String, String)>,
}

fn query_of(uri: &Uri) -> CompareQuery {
    let mut query = CompareQuery {
        ids: Vec::new(),
        allocation: None,
        kept: Vec::new(),
    };
    for (k, v) in form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes()) {
        match k.as_ref() {
            "ids" => query.ids.extend(
                v.split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned),
            ),
            "allocation_id" if !v.is_empty() => query.allocation = Some(v.into_owned()),
            key if SEARCH_KEYS.contains(&key) => query.kept.push((k.into_owned(), v.into_owned())),
            _ => {}
        }
    }
    let mut seen = std::collections::HashSet::new();
    query.ids.retain(|id| seen.insert(id.clone()));
    query
}

fn search_href(kept: &[(String, String)], extra: &[(&str, &str)]) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    query.extend_pairs(kept.iter());
    query.extend_pairs(extra.iter());
    format!("/search?{}", query.finish())
}

pub async fn show(web: Web, uri: Uri) -> AppResult<Response> {
    let lang = web.lang;
    let query = query_of(&uri);
    let ids: Option<Vec<OfferingId>> = query.ids.iter().map(|i| i.parse().ok()).collect();
    let Some(ids) = ids.filter(|ids| (2..=4).contains(&ids.len())) else {
        // Back to the results, everything kept, the ones she ticked still ticked.
        let mut extra: Vec<(&str, &str)> = query.ids.iter().map(|i| ("ids", i.as_str())).collect();
        extra.push(("compare", "pick-2-4"));
        let to = search_href(&query.kept, &extra) + "#compare-form";
        return Ok(Redirect::to(&to).into_response());
    };
    let mut listings = Vec::with_capacity(ids.len());
    for id in ids {
        listings.push(listing(&web.state.db.conn, None, id).await?);
    }
    let mut page = PageCtx::new(&web, "compare-title");
    let mut fields = Vec::new();
    let mut picked: Option<crate::db::entities::allocation::Model> = None;
    if let Some((ctx, decisions)) = client_side(&web).await? {
        page = page.whose(&ctx.name);
        picked = query
            .allocation
            .as_deref()
            .and_then(|a| decisions.iter().find(|d| d.id.to_string() == a))
            .or_else(|| decisions.first())
            .cloned();
        let options: Vec<Choice> = decisions
            .iter()
            .map(|d| {
                let selected = picked.as_ref().is_some_and(|p| p.id == d.id);
                Choice::new(d.id.to_string(), decision_label(lang, d), selected)
            })
            .collect();
        if !options.is_empty() {
            fields.push(
                Field::new("allocation_id", "select", lang.t("compare-allocation"))
                    .options(options),
            );
        }
    }
    let mut columns = Vec::with_capacity(listings.len());
    for l in &listings {
        let fit = match &picked {
            Some(d) => coverage::of(
                std::slice::from_ref(d),
                &l.offering,
                &l.service,
                today_in_finland(),
            )?
            .fits
            .pop(),
            None => None,
        };
        let rating = RatingOut::of(&ratings::of_offering(&web.state.db.conn, l.offering.id).await?);
        columns.push(column(lang, l, &rating, fit.as_ref()));
    }
    render(&ComparePage {
        page,
        has_own: picked.is_some(),
        columns,
        ids: query.ids.clone(),
        fields,
        back: search_href(&query.kept, &[]),
        kept: query.kept,
    })
}

fn column(lang: Lang, l: &Listing, rating: &RatingOut, fit: Option<&Fit>) -> Column {
    let unit = l.service.unit.as_ref();
    let text = |v: &serde_json::Value| -> Vec<String> {
        serde_json::from_value(v.clone()).unwrap_or_default()
    };
    let methods: Vec<Method> =
        serde_json::from_value(l.service.methods.clone()).unwrap_or_default();
    let methods: Vec<String> = methods.iter().map(ToString::to_string).collect();
    let name = |v: &serde_json::Value| -> String {
        views::pick(
            lang,
            &serde_json::from_value::<LocalizedText>(v.clone()).unwrap_or_default(),
        )
    };
    let (own_share, affordable) = match fit {
        None => (None, None),
        Some(f) => match f.blocker {
            Some(b) => (Some(lang.t(&format!("coverage-short-{}", b.code()))), None),
            None => (
                Some(views::price_per_unit(lang, f.own_share_per_unit, unit)),
                Some(lang.t_with(
                    "units-affordable",
                    &[(
                        "amount",
                        amounts::whole_units(lang, f.units_affordable, unit).into(),
                    )],
                )),
            ),
        },
    };
    Column {
        id: l.offering.id.to_string(),
        title: name(&l.offering.title),
        provider_id: l.provider.id.to_string(),
        provider: l.provider.name.clone(),
        service: name(&l.service.name),
        price: views::price_per_unit(lang, l.offering.unit_price, unit),
        methods: views::words(lang, "method", &methods),
        municipalities: views::municipalities(lang, &text(&l.offering.municipalities)),
        languages: views::words(lang, "language", &text(&l.offering.languages)),
        accessibility: views::words(lang, "access", &text(&l.offering.accessibility)),
        rating: views::rating(lang, rating.average.as_deref(), rating.count),
        can_order: fit.is_none_or(|f| f.blocker.is_none()),
        own_share,
        affordable,
    }
}
