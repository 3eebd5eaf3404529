//! The moderation queue: reported reviews of offerings in this purchaser's catalogue, and
//! the hidden ones. The moderator hides, keeps or restores a review, always with a reason
//! (the author is shown the reason for hiding). Who wrote or who reported is never shown.
use crate::i18n::Translate;
use askama::Template;
use axum::{http::Uri, response::Response};
use serde::Deserialize;

use crate::{
    domain::ids::ReviewId,
    error::AppResult,
    http::extract::{ApiQuery, PathId},
    reviews::{
        moderation::{Decision, decide_with_reason},
        queue::{QueueKind, queue},
        view::finnish_day,
    },
    web::{
        decision_form::DecisionForm,
        format,
        page::{FormErrors, PageCtx, done, render},
        pager::{self, Pager},
        review_view::ReviewView,
        session::{Web, WebForm},
    },
};

pub struct QueueItem {
    pub r: ReviewView,
    pub reports: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "purchaser/reviews.html")]
struct ModerationPage {
    page: PageCtx,
    showing_hidden: bool,
    items: Vec<QueueItem>,
    pager: Pager,
    errors: FormErrors,
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    show: Option<String>,
}

async fn draw(
    web: &Web,
    uri: &Uri,
    showing_hidden: bool,
    errors: FormErrors,
) -> AppResult<Response> {
    let (actor, pid) = super::staff(web)?;
    let lang = web.lang;
    let requested = pager::requested(uri);
    let kind = if showing_hidden {
        QueueKind::Hidden
    } else {
        QueueKind::Reported
    };
    let listed = queue(&web.state.db, &actor, pid, kind, requested).await?;
    let items = listed
        .items
        .into_iter()
        .map(|item| QueueItem {
            r: ReviewView::of_row(lang, &item.row),
            reports: item
                .reports
                .into_iter()
                .map(|report| {
                    let reason = if report.edited_after_hiding {
                        lang.t("moderation-edited-after-hiding")
                    } else {
                        report.reason
                    };
                    (format::date(finnish_day(report.reported_at)), reason)
                })
                .collect(),
        })
        .collect();
    render(&ModerationPage {
        page: PageCtx::new(web, "moderation-title"),
        showing_hidden,
        items,
        pager: Pager::from_total(lang, uri, requested, listed.total),
        errors,
    })
}

pub async fn list(web: Web, uri: Uri, ApiQuery(query): ApiQuery<ListQuery>) -> AppResult<Response> {
    draw(
        &web,
        &uri,
        query.show.as_deref() == Some("hidden"),
        FormErrors::default(),
    )
    .await
}

pub async fn decide(
    web: Web,
    PathId(id): PathId<ReviewId>,
    WebForm(form): WebForm<DecisionForm>,
) -> AppResult<Response> {
    let (actor, _) = super::staff(&web)?;
    let (decision, notice, back) = form.choice(&[
        (
            "hide",
            (Decision::Hidden, "review-hidden", "/purchaser/reviews"),
        ),
        (
            "keep",
            (Decision::Kept, "review-kept", "/purchaser/reviews"),
        ),
        (
            "restore",
            (
                Decision::Restored,
                "review-restored",
                "/purchaser/reviews?show=hidden",
            ),
        ),
    ])?;
    match decide_with_reason(&web.state.db, &actor, id, decision, &form.reason).await {
        Ok(_) => Ok(done(back, notice)),
        Err(e) => {
            let errors = FormErrors::from_app(web.lang, e)?;
            draw(
                &web,
                &Uri::from_static("/purchaser/reviews"),
                form.decision == "restore",
                errors,
            )
            .await
        }
    }
}
