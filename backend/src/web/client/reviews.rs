//! The client's own reviews: what they wrote, whether it is public, and if a moderator
//! hid it, why. Only the client side ever sees this page.
use askama::Template;
use axum::{extract::State, response::Response};

use crate::{
    error::AppResult,
    routes::{
        extract::{ApiQuery, PageQuery, PathId},
        reviews::read::list_for_client,
    },
    web::{
        client,
        page::{PageCtx, render},
        review_view::ReviewView,
        session::Web,
        views,
    },
};

#[derive(Template)]
#[template(path = "client/reviews.html")]
struct MyReviewsPage {
    page: PageCtx,
    reviews: Vec<ReviewView>,
}

pub async fn show(web: Web) -> AppResult<Response> {
    let lang = web.lang;
    let ctx = client::current(&web).await?;
    let actor = web.signed_in()?.clone();
    let own = list_for_client(
        State(web.state.clone()),
        actor,
        PathId(ctx.id),
        ApiQuery(PageQuery {
            page: None,
            per_page: Some("100".into()),
        }),
    )
    .await?
    .0;
    render(&MyReviewsPage {
        page: PageCtx::new(&web, "my-reviews-title").whose(&ctx.name),
        reviews: own
            .items
            .iter()
            .map(|row| {
                ReviewView::of(lang, &row.review).titled(
                    views::pick(lang, &row.offering_title),
                    row.provider_name.clone(),
                )
            })
            .collect(),
    })
}
