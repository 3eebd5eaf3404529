//! The front page: one search box and the main kinds of service, with how many offers each.
use askama::Template;
use axum::response::Response;

use crate::{
    auth::address::ClientAddress,
    error::AppResult,
    offerings::search as api,
    web::{
        page::{PageCtx, render},
        session::Web,
        views,
    },
};

pub struct Category {
    pub href: String,
    pub name: String,
    pub count: u64,
}

#[derive(Template)]
#[template(path = "public/home.html")]
struct Home {
    page: PageCtx,
    categories: Vec<Category>,
}

pub async fn show(web: Web, address: ClientAddress) -> AppResult<Response> {
    let params = api::SearchParams {
        per_page: Some("1".into()),
        ..Default::default()
    };
    let found = api::run(&web.state, address.0, &params).await?;
    let mut counts: Vec<(String, u64)> = found.facets.service.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counts.truncate(12);
    let ids = counts.iter().filter_map(|(id, _)| id.parse().ok());
    let names = views::service_names(&web.state, web.lang, ids).await?;
    let categories = counts
        .into_iter()
        .filter_map(|(id, count)| {
            names.get(&id).map(|name| Category {
                href: format!("/search?service={id}"),
                name: name.clone(),
                count,
            })
        })
        .collect();
    render(&Home {
        page: PageCtx::new(&web, "home-title"),
        categories,
    })
}
