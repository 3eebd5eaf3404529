//! The client's own reviews: what they wrote, whether it is public, and if a moderator
//! hid it, why. Only the client side ever sees this page.
use askama::Template;
use axum::response::Response;

use crate::{
    error::AppResult,
    web::{
        client,
        page::{PageCtx, render},
        review_view::ReviewView,
        session::Web,
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
    let own = client::reviews_of(&web, ctx.id).await?;
    render(&MyReviewsPage {
        page: PageCtx::new(&web, "my-reviews-title").whose(&ctx.name),
        reviews: own
            .iter()
            .map(|row| ReviewView::of_row(lang, row))
            .collect(),
    })
}
