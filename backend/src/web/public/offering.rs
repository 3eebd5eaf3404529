//! One offering: what it is, the price, who provides it where and in which languages,
//! accessibility, rating, a map link, and the way to choose it.
use askama::Template;
use axum::{extract::State, response::Response};

use crate::{
    auth::MaybeActor,
    db::entities::service,
    domain::{LocalizedText, Money, ids::OfferingId},
    error::{AppError, AppResult},
    routes::{
        extract::{ApiQuery, PageQuery, PathId},
        offerings::read,
        reviews::read::list_for_offering,
    },
    web::{
        page::{PageCtx, render},
        review_view::{self, DistributionRow, ReviewView},
        session::Web,
        views,
    },
};
use sea_orm::EntityTrait;

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
}

const REVIEWS_PER_PAGE: u64 = 10;

/// An offering as the API shows it to this actor, with its catalogue service.
pub async fn with_service(
    web: &Web,
    actor: Option<crate::auth::Actor>,
    id: OfferingId,
) -> AppResult<(read::OfferingOut, service::Model)> {
    let offering = read::get(State(web.state.clone()), MaybeActor(actor), PathId(id))
        .await?
        .0;
    let service = service::Entity::find_by_id(uuid::Uuid::from(offering.service_id))
        .one(&web.state.db.conn)
        .await?
        .ok_or_else(|| AppError::internal("offering without service"))?;
    Ok((offering, service))
}

/// "From 1.1.2027: 48,00 € / hour" for the first price change still ahead, if any.
async fn upcoming_price(
    web: &Web,
    offering: &read::OfferingOut,
    unit: &str,
) -> AppResult<Option<String>> {
    let history = crate::prices::history::of(&web.state.db.conn, offering.id.into()).await?;
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

pub async fn show(
    web: Web,
    PathId(id): PathId<OfferingId>,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> AppResult<Response> {
    let lang = web.lang;
    let (offering, service) = with_service(&web, web.actor.clone(), id).await?;
    let page_number = query.parse()?.page;
    let reviews = list_for_offering(
        State(web.state.clone()),
        MaybeActor(web.actor.clone()),
        PathId(id),
        ApiQuery(PageQuery {
            page: Some(page_number.to_string()),
            per_page: Some(REVIEWS_PER_PAGE.to_string()),
        }),
    )
    .await?
    .0;
    let link = |n: u64| format!("/offerings/{id}?page={n}#reviews-heading");
    let newer = (page_number > 1).then(|| link(page_number - 1));
    let older = (page_number * REVIEWS_PER_PAGE < reviews.total).then(|| link(page_number + 1));
    let service_name: LocalizedText =
        serde_json::from_value(service.name.clone()).unwrap_or_default();
    let methods: Vec<String> = serde_json::from_value(service.methods.clone()).unwrap_or_default();
    let accessibility: Vec<String> = offering
        .accessibility
        .iter()
        .map(ToString::to_string)
        .collect();
    let map_href = match (&offering.location, &offering.address) {
        (Some(l), _) => Some(format!(
            "https://www.openstreetmap.org/?mlat={:.5}&mlon={:.5}#map=16/{:.5}/{:.5}",
            l.lat, l.lon, l.lat, l.lon
        )),
        (None, Some(address)) => Some(format!(
            "https://www.openstreetmap.org/search?query={}",
            form_urlencoded::byte_serialize(address.as_bytes()).collect::<String>()
        )),
        (None, None) => None,
    };
    let title = views::pick(lang, &offering.title);
    render(&OfferingPage {
        page: PageCtx::new(&web, "offering-title").titled(title),
        id: offering.id.to_string(),
        description: views::pick(lang, &offering.description),
        provider_id: offering.provider.id.to_string(),
        provider_name: offering.provider.name.clone(),
        service: views::pick(lang, &service_name),
        price: views::price_per_unit(lang, offering.unit_price, &service.unit),
        price_change: upcoming_price(&web, &offering, &service.unit).await?,
        voucher_value: service
            .voucher_value_cents
            .map(|c| views::price_per_unit(lang, Money::from_cents(c), &service.unit)),
        methods: views::words(lang, "method", &methods),
        municipalities: views::municipalities(lang, &offering.municipalities),
        languages: views::words(lang, "language", &offering.languages),
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
        address: offering.address.clone(),
        map_href,
        archived: offering.archived,
    })
}
