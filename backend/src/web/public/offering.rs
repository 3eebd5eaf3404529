//! One offering: what it is, the price, who provides it where and in which languages,
//! accessibility, rating, a map link, and the way to choose it.
use askama::Template;
use axum::{extract::State, response::Response};

use crate::{
    auth::MaybeActor,
    db::entities::service,
    domain::{LocalizedText, Money, ids::OfferingId},
    error::{AppError, AppResult},
    routes::{extract::PathId, offerings::read},
    web::{
        page::{PageCtx, render},
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
    voucher_value: Option<String>,
    methods: String,
    municipalities: String,
    languages: String,
    accessibility: String,
    rating: String,
    address: Option<String>,
    map_href: Option<String>,
    archived: bool,
}

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

pub async fn show(web: Web, PathId(id): PathId<OfferingId>) -> AppResult<Response> {
    let lang = web.lang;
    let (offering, service) = with_service(&web, web.actor.clone(), id).await?;
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
        voucher_value: service
            .voucher_value_cents
            .map(|c| views::price_per_unit(lang, Money::from_cents(c), &service.unit)),
        methods: views::words(lang, "method", &methods),
        municipalities: views::municipalities(lang, &offering.municipalities),
        languages: views::words(lang, "language", &offering.languages),
        accessibility: views::words(lang, "access", &accessibility),
        rating: views::rating(
            lang,
            offering.rating.average.as_deref(),
            offering.rating.count,
        ),
        address: offering.address.clone(),
        map_href,
        archived: offering.archived,
    })
}
