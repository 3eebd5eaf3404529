//! A provider's public page: name, business ID and the offerings it lists.
use askama::Template;
use axum::{extract::State, response::Response};

use crate::{
    auth::MaybeActor,
    domain::ids::ProviderId,
    error::AppResult,
    routes::{
        extract::{ApiQuery, PathId},
        offerings::read,
        providers,
    },
    web::{
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
    let state = State(web.state.clone());
    let provider = providers::get(state.clone(), MaybeActor(None), PathId(id))
        .await?
        .0;
    // Every live offering of the provider, page after page of the API's list.
    let listed = crate::web::pager::every_page(|query| {
        let state = state.clone();
        async move {
            read::list_for_provider(state, MaybeActor(None), PathId(id), ApiQuery(query))
                .await
                .map(|listed| listed.0)
        }
    })
    .await?;
    let offerings = listed
        .iter()
        .map(|o| OfferingRow {
            id: o.id.to_string(),
            title: views::pick(lang, &o.title),
            price: super::super::format::euros(o.unit_price),
            rating: views::rating(lang, o.rating.average.as_deref(), o.rating.count),
            municipalities: views::municipalities(lang, &o.municipalities),
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
