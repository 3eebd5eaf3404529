//! Reviews of the provider's services, newest first, with a reply form under each: the
//! provider answers once and may edit the answer. Who wrote a review is never shown.
use askama::Template;
use axum::{http::Uri, response::Response};
use serde::Deserialize;

use crate::{
    domain::ids::ReviewId,
    error::AppResult,
    http::extract::{ApiQuery, PathId},
    reviews::{
        read,
        replies::{self, ReplyMode},
    },
    web::{
        page::{FormErrors, PageCtx, done, render},
        pager::{self, Pager},
        review_view::{DistributionRow, ReviewView, distribution},
        session::{Web, WebForm},
        views,
    },
};

#[derive(Template)]
#[template(path = "provider/reviews.html")]
struct ProviderReviewsPage {
    page: PageCtx,
    rating: String,
    distribution: Vec<DistributionRow>,
    reviews: Vec<ReviewView>,
    unanswered_only: bool,
    pager: Pager,
    errors: FormErrors,
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    unanswered: Option<String>,
}

async fn draw(
    web: &Web,
    uri: &Uri,
    unanswered_only: bool,
    errors: FormErrors,
) -> AppResult<Response> {
    let (_, provider) = super::staff(web)?;
    let lang = web.lang;
    let requested = pager::requested(uri);
    let listed = read::for_provider(&web.state.db, provider, unanswered_only, requested).await?;
    render(&ProviderReviewsPage {
        page: PageCtx::new(web, "provider-reviews-title"),
        rating: views::rating(lang, listed.rating.average.as_deref(), listed.rating.count),
        distribution: distribution(lang, &listed.rating),
        reviews: listed
            .items
            .iter()
            .map(|row| ReviewView::of_row(lang, row))
            .collect(),
        unanswered_only,
        pager: Pager::from_total(lang, uri, requested, listed.total),
        errors,
    })
}

pub async fn list(web: Web, uri: Uri, ApiQuery(query): ApiQuery<ListQuery>) -> AppResult<Response> {
    draw(
        &web,
        &uri,
        query.unanswered.as_deref() == Some("1"),
        FormErrors::default(),
    )
    .await
}

#[derive(Deserialize)]
pub struct ReplyForm {
    #[serde(default)]
    text: String,
    /// "first" for a new reply, "edit" to change the one sent.
    #[serde(default)]
    mode: String,
}

pub async fn reply(
    web: Web,
    PathId(id): PathId<ReviewId>,
    WebForm(form): WebForm<ReplyForm>,
) -> AppResult<Response> {
    let (actor, _) = super::staff(&web)?;
    let mode = if form.mode == "edit" {
        ReplyMode::Edit
    } else {
        ReplyMode::First
    };
    match replies::reply(&web.state.db, &actor, id, &form.text, mode).await {
        Ok(_) => Ok(done("/provider/reviews", "reply-saved")),
        Err(e) => {
            let errors = FormErrors::from_app(web.lang, e)?;
            draw(&web, &Uri::from_static("/provider/reviews"), false, errors).await
        }
    }
}
