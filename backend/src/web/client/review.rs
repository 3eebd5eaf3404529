//! "How did it go?": the client side writes a review of a service they have used, or edits
//! it within 30 days. Plain-language guidance says what not to write (names, contacts).
use crate::i18n::Translate;
use askama::Template;
use axum::response::Response;
use serde::Deserialize;

use crate::{
    domain::ids::OfferingId,
    error::AppResult,
    http::extract::PathId,
    reviews::{
        authoring::{self, ReviewText},
        eligibility,
        view::ReviewOut,
    },
    web::{
        client::{self, ClientCtx},
        page::{Choice, Field, FormErrors, PageCtx, done, render},
        public::offering::with_service,
        review_view::{ReviewView, glyphs},
        session::{Web, WebForm},
        views,
    },
};

#[derive(Template)]
#[template(path = "client/review.html")]
struct ReviewPage {
    page: PageCtx,
    offering_id: String,
    offering_title: String,
    provider_name: String,
    /// No recorded delivery from this provider yet: explain instead of a form.
    not_yet: bool,
    existing: Option<ReviewView>,
    /// The review exists and its 30 days are over.
    locked: bool,
    fields: Vec<Field>,
    errors: FormErrors,
}

#[derive(Deserialize, Default)]
pub struct ReviewForm {
    #[serde(default)]
    stars: String,
    #[serde(default)]
    text: String,
}

/// This client's review of the offering, if they wrote one.
async fn existing(
    web: &Web,
    ctx: &ClientCtx,
    offering: OfferingId,
) -> AppResult<Option<ReviewOut>> {
    Ok(client::reviews_of(web, ctx.id)
        .await?
        .into_iter()
        .map(|row| row.review)
        .find(|r| r.offering_id == offering))
}

async fn draw(
    web: &Web,
    id: OfferingId,
    form: &ReviewForm,
    errors: FormErrors,
) -> AppResult<Response> {
    let lang = web.lang;
    let ctx = client::current(web).await?;
    let (offering, _) = with_service(web, web.actor.clone(), id).await?;
    let existing = existing(web, &ctx, id).await?;
    let not_yet = existing.is_none()
        && !eligibility::has_recorded_delivery(&web.state.db.conn, ctx.id, offering.provider_id)
            .await?;
    let view = existing.as_ref().map(|r| ReviewView::of(lang, r));
    let locked = view.as_ref().is_some_and(|v| !v.editable);
    let (stars, text) = match (&existing, form.stars.is_empty() && form.text.is_empty()) {
        (Some(r), true) => (r.stars.to_string(), r.text.clone()),
        _ => (form.stars.clone(), form.text.clone()),
    };
    let mut fields = vec![
        Field::new("stars", "select", lang.t("review-stars-label"))
            .hint(lang.t("review-stars-hint"))
            .options(
                std::iter::once(Choice::new(
                    "",
                    lang.t("review-stars-choose"),
                    stars.is_empty(),
                ))
                .chain((1..=5u8).rev().map(|n| {
                    Choice::new(
                        n.to_string(),
                        format!("{} {}", glyphs(n), lang.t(&format!("review-stars-{n}"))),
                        stars == n.to_string(),
                    )
                }))
                .collect(),
            )
            .required(),
        Field::new("text", "textarea", lang.t("review-text-label"))
            .value(text)
            .hint(lang.t("review-text-hint"))
            .required(),
    ];
    errors.apply(&mut fields);
    render(&ReviewPage {
        page: PageCtx::new(web, "review-title").whose(&ctx.name),
        offering_id: id.to_string(),
        offering_title: views::pick(lang, &offering.title),
        provider_name: offering.provider.name.clone(),
        not_yet,
        existing: view,
        locked,
        fields,
        errors,
    })
}

pub async fn show(web: Web, PathId(id): PathId<OfferingId>) -> AppResult<Response> {
    draw(&web, id, &ReviewForm::default(), FormErrors::default()).await
}

pub async fn submit(
    web: Web,
    PathId(id): PathId<OfferingId>,
    WebForm(form): WebForm<ReviewForm>,
) -> AppResult<Response> {
    let ctx = client::current(&web).await?;
    let actor = web.signed_in()?;
    let db = &web.state.db;
    // An unchosen star select is "no stars", which the domain refuses with the field named.
    let stars = form.stars.trim().parse::<i64>().unwrap_or(0);
    let result = match existing(&web, &ctx, id).await? {
        Some(review) => authoring::edit(db, actor, review.id, Some(stars), Some(&form.text))
            .await
            .map(|_| ()),
        None => {
            let text = ReviewText {
                stars,
                text: &form.text,
                client: Some(ctx.id),
            };
            authoring::create(db, actor, id, text).await.map(|_| ())
        }
    };
    match result {
        Ok(()) => Ok(done("/my/reviews", "review-saved")),
        Err(e) => {
            let errors = review_errors(web.lang, e)?;
            draw(&web, id, &form, errors).await
        }
    }
}

/// Form errors, with the plain-language reason for a refused text shown at the text box.
fn review_errors(lang: crate::web::i18n::Lang, e: crate::error::AppError) -> AppResult<FormErrors> {
    let specific = e.code.starts_with("review_has_");
    let mut errors = FormErrors::from_app(lang, e)?;
    if specific && let Some(summary) = errors.summary.clone() {
        errors.fields.insert("text".into(), summary);
    }
    Ok(errors)
}
