//! A plan's decision as a readable, printable page (`/plans/{id}/decision`): the number,
//! the day, and the plain-language text in the page's language. One address for the
//! client, her proxies and the purchaser's case workers; who may read it is decided by
//! `plans::read` (the plan's access rules, audited), and anyone else is told it does not
//! exist.
use crate::i18n::Translate;
use askama::Template;
use axum::response::Response;

use crate::{
    domain::{catalogue::Role, finnish_day_of, ids::PlanId},
    error::{AppError, AppResult},
    http::extract::PathId,
    plans,
    web::{
        format,
        i18n::Lang,
        page::{PageCtx, render},
        session::Web,
    },
};

#[derive(Template)]
#[template(path = "plan_decision.html")]
struct DecisionPage {
    page: PageCtx,
    heading: String,
    client: String,
    number: String,
    date: String,
    paragraphs: Vec<String>,
    back: (String, String),
}

pub async fn show(web: Web, PathId(id): PathId<PlanId>) -> AppResult<Response> {
    let actor = web.signed_in()?.clone();
    let conn = &web.state.db.conn;
    let plan = plans::read::find(conn, &actor, id).await?;
    let (Some(text), Some(number), Some(at)) =
        (&plan.decision_text, &plan.decision_number, plan.decided_at)
    else {
        return Err(AppError::not_found("decision"));
    };
    let name = plans::pages::client_name(conn, plan.client_id).await?;
    let lang = web.lang;
    let text = match lang {
        Lang::Fi => &text.fi,
        Lang::Sv => &text.sv,
        Lang::En => &text.en,
    };
    let back = if actor.has(Role::CaseWorker) && actor.client_id != Some(plan.client_id) {
        (
            format!("/purchaser/clients/{}", plan.client_id),
            lang.t("plan-decision-back-client"),
        )
    } else {
        (format!("/my/plans/{id}"), lang.t("plan-back"))
    };
    render(&DecisionPage {
        page: PageCtx::new(&web, "plan-decision-title").whose(&name),
        heading: lang.t_with(
            "plan-decision-heading",
            &[("number", number.clone().into())],
        ),
        client: name,
        number: number.clone(),
        date: format::date(finnish_day_of(at)),
        paragraphs: text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect(),
        back,
    })
}
