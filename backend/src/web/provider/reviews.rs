//! Reviews of the provider's services, newest first, with a reply form under each: the
//! provider answers once and may edit the answer. Who wrote a review is never shown.
use askama::Template;
use axum::{extract::State, response::Response};
use serde::Deserialize;

use crate::{
    domain::ids::ReviewId,
    error::AppResult,
    routes::{
        extract::{ApiJson, ApiQuery, PathId},
        reviews::{
            read::{ProviderReviewsQuery, list_for_provider},
            reply::{self, ReplyIn},
        },
    },
    web::{
        page::{FormErrors, PageCtx, done, render},
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
    errors: FormErrors,
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    unanswered: Option<String>,
}

async fn draw(web: &Web, unanswered_only: bool, errors: FormErrors) -> AppResult<Response> {
    let (_, provider) = super::staff(web)?;
    let lang = web.lang;
    let listed = list_for_provider(
        State(web.state.clone()),
        PathId(provider),
        ApiQuery(ProviderReviewsQuery {
            page: None,
            per_page: Some("100".into()),
            unanswered: Some(unanswered_only),
        }),
    )
    .await?
    .0;
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
        errors,
    })
}

pub async fn list(web: Web, ApiQuery(query): ApiQuery<ListQuery>) -> AppResult<Response> {
    draw(
        &web,
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
    let state = State(web.state.clone());
    let input = ApiJson(ReplyIn {
        text: form.text.clone(),
    });
    let result = if form.mode == "edit" {
        reply::edit(state, actor, PathId(id), input)
            .await
            .map(|_| ())
    } else {
        reply::create(state, actor, PathId(id), input)
            .await
            .map(|_| ())
    };
    match result {
        Ok(()) => Ok(done("/provider/reviews", "reply-saved")),
        Err(e) => {
            let errors = FormErrors::from_app(web.lang, e)?;
            draw(&web, false, errors).await
        }
    }
}
