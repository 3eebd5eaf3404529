//! A provider's public page: name, business ID and every offering it lists.
use crate::i18n::Translate;
use askama::Template;
use axum::response::Response;

use crate::{
    domain::{LocalizedText, ids::ProviderId},
    error::AppResult,
    http::extract::PathId,
    reviews::view::RatingOut,
    web::{
        format,
        page::{PageCtx, render},
        session::Web,
        views,
    },
};

pub struct OfferingRow {
    pub id: String,
    pub title: String,
    pub price: String,
    pub rating: String,
    pub municipalities: String,
}

#[derive(Template)]
#[template(path = "public/provider.html")]
struct ProviderPage {
    page: PageCtx,
    business_id: String,
    /// The rating over all the provider's services.
    rating: String,
    offerings: Vec<OfferingRow>,
}

pub async fn show(web: Web, PathId(id): PathId<ProviderId>) -> AppResult<Response> {
    let lang = web.lang;
    let provider = crate::providers::profile::find(&web.state.db, None, id).await?;
    let listed = crate::offerings::read::live_of_provider(&web.state.db.conn, id).await?;
    let offerings = listed
        .iter()
        .map(|(o, aggregate)| {
            let rating = RatingOut::of(aggregate);
            let title: LocalizedText = serde_json::from_value(o.title.clone()).unwrap_or_default();
            let municipalities: Vec<String> =
                serde_json::from_value(o.municipalities.clone()).unwrap_or_default();
            OfferingRow {
                id: o.id.to_string(),
                title: views::pick(lang, &title),
                price: format::euros(o.unit_price),
                rating: views::rating(lang, rating.average.as_deref(), rating.count),
                municipalities: views::municipalities(lang, &municipalities),
            }
        })
        .collect();
    render(&ProviderPage {
        page: PageCtx::new(&web, "provider-title").titled(provider.name),
        business_id: provider.business_id,
        rating: provider
            .rating
            .as_ref()
            .map(|r| views::rating(lang, r.average.as_deref(), r.count))
            .unwrap_or_else(|| lang.t("rating-none")),
        offerings,
    })
}
