//! Reporting a review: anyone, signed in or not, tells the moderators what is wrong with it.
use crate::i18n::Translate;
use askama::Template;
use axum::response::Response;
use serde::Deserialize;

use crate::{
    accounts::throttle::Anonymous,
    auth::address::ClientAddress,
    domain::ids::ReviewId,
    error::AppResult,
    http::extract::PathId,
    reviews::{moderation::report_with_reason, read},
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
    let review = read::find(&web.state.db, None, id).await?;
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
    ClientAddress(address): ClientAddress,
    PathId(id): PathId<ReviewId>,
    WebForm(form): WebForm<ReportForm>,
) -> AppResult<Response> {
    let offering = read::find(&web.state.db, None, id).await?.offering_id;
    let reported = async {
        // Reporting needs no sign-in, so its rate is limited per address, as in the API.
        web.state.limits.check(Anonymous::ReviewReport, address)?;
        report_with_reason(&web.state.db, id, &form.reason, web.actor.as_ref()).await
    };
    match reported.await {
        Ok(_) => Ok(done(&format!("/offerings/{offering}"), "review-reported")),
        Err(e) => {
            let errors = FormErrors::from_app(web.lang, e)?;
            draw(&web, id, &form.reason, errors).await
        }
    }
}
