//! Reviews of the provider's services, newest first, with a reply form under each: the
//! provider answers once and may edit the answer. Who wrote a review is never shown.
use askama::Template;
use axum::{extract::State, http::Uri, response::Response};
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
    let (page, per_page) = pager::as_query(requested);
    let listed = list_for_provider(
        State(web.state.clone()),
        PathId(provider),
        ApiQuery(ProviderReviewsQuery {
            page,
            per_page,
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
            draw(&web, &Uri::from_static("/provider/reviews"), false, errors).await
        }
    }
}
