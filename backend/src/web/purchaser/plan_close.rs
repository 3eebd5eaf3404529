//! Closing or cancelling a plan, for the client's case worker: a confirmation page that says
//! what ending the plan means, offers only the ending its status allows (a decided plan is
//! closed, a draft cancelled), asks the reason, and returns to the plan (POST-redirect-GET).
use crate::i18n::Translate;
use askama::Template;
use axum::{extract::Path, response::Response};
use serde::Deserialize;

use crate::{
    db::entities::client,
    domain::ids::PlanId,
    error::{AppError, AppResult},
    plans::{self, access, close::Ending},
    web::{
        format,
        page::{FormErrors, PageCtx, done, render},
        session::{Web, WebForm},
    },
};
use sea_orm::EntityTrait;

#[derive(Template)]
#[template(path = "purchaser/plan_close.html")]
struct ClosePage {
    page: PageCtx,
    plan_id: String,
    client: String,
    status: String,
    decision_due: String,
    decision_number: Option<String>,
    /// `close` or `cancel`: the one ending this plan's status allows.
    ending: &'static str,
    heading: String,
    what: String,
    choice: String,
    button: String,
    reason_hint: String,
    reason: String,
    limit: usize,
    errors: FormErrors,
}

fn ending_code(ending: Ending) -> &'static str {
    match ending {
        Ending::Close => "close",
        Ending::Cancel => "cancel",
    }
}

fn plan_id(raw: &str) -> AppResult<PlanId> {
    raw.parse().map_err(|_| AppError::not_found("plan"))
}

async fn draw(web: &Web, id: PlanId, reason: &str, errors: FormErrors) -> AppResult<Response> {
    let (actor, _) = super::staff(web)?;
    let conn = &web.state.db.conn;
    let (model, acting) = access::load(conn, &actor, id, "plan_read")
        .await
        .map_err(AppError::from)?;
    access::require_case_worker(acting, "close or cancel a plan").map_err(AppError::from)?;
    // A plan already ended has nothing left to end: back to it, where its ending shows.
    let Some(ending) = Ending::allowed_for(model.status) else {
        return Err(plans::PlanError::WrongStatus {
            status: model.status,
        }
        .into());
    };
    let client = client::Entity::find_by_id(model.client_id)
        .one(conn)
        .await?
        .map(|c| c.name)
        .unwrap_or_default();
    let code = ending_code(ending);
    let text = |part: &str| web.lang.t(&format!("plan-extra-{code}-{part}"));
    let limit = plans::close::REASON_LIMIT;
    render(&ClosePage {
        page: PageCtx::new(web, &format!("plan-extra-{code}-title")).whose(&client),
        plan_id: id.to_string(),
        client,
        status: web.lang.t(&format!("plan-extra-status-{}", model.status)),
        decision_due: format::date(model.decision_due),
        decision_number: model.decision_number,
        ending: code,
        heading: text("heading"),
        what: text("what"),
        choice: text("choice"),
        button: text("button"),
        reason_hint: web
            .lang
            .t_with("plan-extra-reason-hint", &[("max", limit.into())]),
        reason: reason.to_owned(),
        limit,
        errors,
    })
}

pub async fn confirm(web: Web, Path(id): Path<String>) -> AppResult<Response> {
    draw(&web, plan_id(&id)?, "", FormErrors::default()).await
}

#[derive(Deserialize)]
pub struct EndForm {
    #[serde(default)]
    ending: String,
    #[serde(default)]
    reason: String,
}

pub async fn end(
    web: Web,
    Path(id): Path<String>,
    WebForm(form): WebForm<EndForm>,
) -> AppResult<Response> {
    let (actor, _) = super::staff(&web)?;
    let id = plan_id(&id)?;
    let ending = match form.ending.as_str() {
        "close" => Ending::Close,
        "cancel" => Ending::Cancel,
        _ => {
            let error = AppError::invalid("ending", "must be close or cancel");
            let errors = FormErrors::from_app(web.lang, error)?;
            return draw(&web, id, &form.reason, errors).await;
        }
    };
    match plans::close::end(&web.state.db, &actor, id, ending, &form.reason).await {
        Ok(_) => Ok(done(
            &format!("/purchaser/plans/{id}"),
            match ending {
                Ending::Close => "plan-extra-closed",
                Ending::Cancel => "plan-extra-cancelled",
            },
        )),
        Err(e) => {
            let errors = FormErrors::from_app(web.lang, e.into())?;
            draw(&web, id, &form.reason, errors).await
        }
    }
}
