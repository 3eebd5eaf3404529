//! One offering: what it is, the price, who provides it where and in which languages,
//! accessibility, rating, a map link, and the way to choose it; for a signed-in client
//! also whether her decision pays for it, her own share and what her money buys, before
//! any form.
use crate::i18n::Translate;
use askama::Template;
use axum::response::Response;

use crate::{
    domain::{
        LocalizedText,
        catalogue::Accessibility,
        ids::{OfferingId, ProviderId},
    },
    error::AppResult,
    http::extract::{ApiQuery, PageQuery, PathId},
    offerings::read::{Listing, listing},
    paging::Page,
    web::{
        page::{PageCtx, render},
        public::coverage_view::{self, CoverageView},
        review_view::{self, DistributionRow, ReviewView},
        session::Web,
        views,
    },
};

#[derive(Template)]
#[template(path = "public/offering.html")]
struct OfferingPage {
    page: PageCtx,
    id: String,
    description: String,
    provider_id: String,
    provider_name: String,
    service: String,
    price: String,
    /// The next price and the day it takes effect, when the provider has set one.
    price_change: Option<String>,
    voucher_value: Option<String>,
    methods: String,
    municipalities: String,
    languages: String,
    accessibility: String,
    rating: String,
    address: Option<String>,
    map_href: Option<String>,
    archived: bool,
    distribution: Vec<DistributionRow>,
    reviews: Vec<ReviewView>,
    /// Links to the newer and older pages of reviews.
    newer: Option<String>,
    older: Option<String>,
    /// The client's own money for it (a client or proxy signed in).
    coverage: Option<CoverageView>,
    /// Whether the order form is offered: a live offering her decisions can pay for (or
    /// anyone not signed in as a client, who is asked to sign in first).
    can_order: bool,
}

const REVIEWS_PER_PAGE: u64 = 10;

/// The provider's name, as pages about an offering name it.
pub struct ProviderName {
    pub name: String,
}

/// What pages about one offering (choosing, reviewing) show of it.
pub struct OfferingHead {
    pub provider_id: ProviderId,
    pub title: LocalizedText,
    pub provider: ProviderName,
}

/// An offering as this actor may see it (archived ones only by their own provider), with
/// its catalogue service.
pub async fn with_service(
    web: &Web,
    actor: Option<crate::auth::Actor>,
    id: OfferingId,
) -> AppResult<(OfferingHead, crate::db::entities::service::Model)> {
    let l = listing(&web.state.db.conn, actor.as_ref(), id).await?;
    let head = OfferingHead {
        provider_id: l.offering.provider_id,
        title: serde_json::from_value(l.offering.title.clone()).unwrap_or_default(),
        provider: ProviderName {
            name: l.provider.name.clone(),
        },
    };
    Ok((head, l.service))
}

/// "From 1.1.2027: 48,00 € / hour" for the first price change still ahead, if any.
async fn upcoming_price(
    web: &Web,
    offering: crate::domain::ids::OfferingId,
    unit: &str,
) -> AppResult<Option<String>> {
    let history = crate::prices::history::of(&web.state.db.conn, offering).await?;
    let today = crate::domain::today_in_finland();
    Ok(history.upcoming(today).next().map(|(from, price)| {
        web.lang.t_with(
            "offering-price-changes",
            &[
                ("date", crate::web::format::date(from).into()),
                ("price", views::price_per_unit(web.lang, price, unit).into()),
            ],
        )
    }))
}

fn map_href(l: &Listing) -> Option<String> {
    match (l.offering.lat.zip(l.offering.lon), &l.offering.address) {
        (Some((lat, lon)), _) => Some(format!(
            "https://www.openstreetmap.org/?mlat={lat:.5}&mlon={lon:.5}#map=16/{lat:.5}/{lon:.5}"
        )),
        (None, Some(address)) => Some(format!(
            "https://www.openstreetmap.org/search?query={}",
            form_urlencoded::byte_serialize(address.as_bytes()).collect::<String>()
        )),
        (None, None) => None,
    }
}

pub async fn show(
    web: Web,
    PathId(id): PathId<OfferingId>,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> AppResult<Response> {
    let lang = web.lang;
    let conn = &web.state.db.conn;
    let l = listing(conn, web.actor.as_ref(), id).await?;
    let page_number = query.parse()?.page;
    let reviews = crate::reviews::read::for_offering(
        &web.state.db,
        web.actor.as_ref(),
        id,
        Page {
            page: page_number,
            per_page: REVIEWS_PER_PAGE,
        },
    )
    .await?;
    let link = |n: u64| format!("/offerings/{id}?page={n}#reviews-heading");
    let newer = (page_number > 1).then(|| link(page_number - 1));
    let older = (page_number * REVIEWS_PER_PAGE < reviews.total).then(|| link(page_number + 1));
    let json = |v: &serde_json::Value| -> Vec<String> {
        serde_json::from_value(v.clone()).unwrap_or_default()
    };
    let text = |v: &serde_json::Value| -> String {
        views::pick(
            lang,
            &serde_json::from_value::<LocalizedText>(v.clone()).unwrap_or_default(),
        )
    };
    let accessibility: Vec<Accessibility> =
        serde_json::from_value(l.offering.accessibility.clone()).unwrap_or_default();
    let accessibility: Vec<String> = accessibility.iter().map(ToString::to_string).collect();
    let unit = l.service.unit.as_ref();
    let coverage = coverage_view::for_offering(&web, &l.offering, &l.service, None)
        .await?
        .map(|(_, _, view)| view);
    render(&OfferingPage {
        page: PageCtx::new(&web, "offering-title").titled(text(&l.offering.title)),
        id: l.offering.id.to_string(),
        description: text(&l.offering.description),
        provider_id: l.provider.id.to_string(),
        provider_name: l.provider.name.clone(),
        service: text(&l.service.name),
        price: views::price_per_unit(lang, l.offering.unit_price, unit),
        price_change: upcoming_price(&web, l.offering.id, unit).await?,
        voucher_value: l
            .service
            .voucher_value
            .map(|c| views::price_per_unit(lang, c, unit)),
        methods: views::words(lang, "method", &json(&l.service.methods)),
        municipalities: views::municipalities(lang, &json(&l.offering.municipalities)),
        languages: views::words(lang, "language", &json(&l.offering.languages)),
        accessibility: views::words(lang, "access", &accessibility),
        rating: views::rating(
            lang,
            reviews.rating.average.as_deref(),
            reviews.rating.count,
        ),
        distribution: review_view::distribution(lang, &reviews.rating),
        reviews: reviews
            .items
            .iter()
            .map(|r| ReviewView::of(lang, &r.review))
            .collect(),
        newer,
        older,
        address: l.offering.address.clone(),
        map_href: map_href(&l),
        archived: l.offering.archived,
        can_order: !l.offering.archived && coverage.as_ref().is_none_or(CoverageView::usable),
        coverage,
    })
}
