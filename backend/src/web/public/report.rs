//! Reporting a review: anyone, signed in or not, tells the moderators what is wrong with it.
use askama::Template;
use axum::{extract::State, response::Response};
use serde::Deserialize;

use crate::{
    auth::{MaybeActor, address::ClientAddress},
    domain::ids::ReviewId,
    error::AppResult,
    routes::{
        extract::{ApiJson, PathId},
        reviews::{
            moderate::{ReasonIn, report},
            read,
        },
    },
    web::{
        page::{Field, FormErrors, PageCtx, done, render},
        review_view::ReviewView,
        session::{Web, WebForm},
    },
};

#[derive(Template)]
#[template(path = "public/report.html")]
struct ReportPage {
    page: PageCtx,
    r: ReviewView,
    fields: Vec<Field>,
    errors: FormErrors,
}

#[derive(Deserialize, Default)]
pub struct ReportForm {
    #[serde(default)]
    reason: String,
}

async fn draw(web: &Web, id: ReviewId, reason: &str, errors: FormErrors) -> AppResult<Response> {
    // The public view, even for the signed-in: a report is about what everyone sees.
    let review = read::get(State(web.state.clone()), MaybeActor(None), PathId(id))
        .await?
        .0;
    let mut fields = vec![
        Field::new("reason", "textarea", web.lang.t("report-reason"))
            .value(reason)
            .hint(web.lang.t("report-reason-hint"))
            .required(),
    ];
    errors.apply(&mut fields);
    render(&ReportPage {
        page: PageCtx::new(web, "report-title"),
        r: ReviewView::of(web.lang, &review),
        fields,
        errors,
    })
}

pub async fn show(web: Web, PathId(id): PathId<ReviewId>) -> AppResult<Response> {
    draw(&web, id, "", FormErrors::default()).await
}

pub async fn submit(
    web: Web,
    address: ClientAddress,
    PathId(id): PathId<ReviewId>,
    WebForm(form): WebForm<ReportForm>,
) -> AppResult<Response> {
    let input = ReasonIn {
        reason: form.reason.clone(),
    };
    let offering = read::get(State(web.state.clone()), MaybeActor(None), PathId(id))
        .await?
        .0
        .offering_id;
    match report(
        State(web.state.clone()),
        MaybeActor(web.actor.clone()),
        address,
        PathId(id),
        ApiJson(input),
    )
    .await
    {
        Ok(_) => Ok(done(&format!("/offerings/{offering}"), "review-reported")),
        Err(e) => {
            let errors = FormErrors::from_app(web.lang, e)?;
            draw(&web, id, &form.reason, errors).await
        }
    }
}
