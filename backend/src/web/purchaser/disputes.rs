//! Disputes from this purchaser's clients: uphold (the delivery is reversed and the
//! money returns) or reject, with a reason the client will see.
use askama::Template;
use axum::{extract::State, response::Response};
use serde::Deserialize;

use crate::{
    domain::{catalogue::DisputeStatus, ids::DisputeId},
    error::{AppError, AppResult},
    routes::{
        disputes::{self, DisputeDecisionIn, DisputeListQuery},
        extract::{ApiJson, ApiQuery, DecimalText, PathId},
    },
    web::{
        format,
        page::{FormErrors, PageCtx, done, render},
        session::{Web, WebForm},
        views,
    },
};

pub struct DisputeRow {
    pub id: String,
    pub client_id: String,
    pub client: String,
    pub provider: String,
    pub delivery_date: String,
    pub total: String,
    pub reason: String,
    pub status: String,
    pub decision_reason: Option<String>,
    pub open: bool,
}

#[derive(Template)]
#[template(path = "purchaser/disputes.html")]
struct DisputesPage {
    page: PageCtx,
    rows: Vec<DisputeRow>,
    errors: FormErrors,
}

async fn draw(web: &Web, errors: FormErrors) -> AppResult<Response> {
    let (actor, pid) = super::staff(web)?;
    let lang = web.lang;
    let query = DisputeListQuery {
        status: None,
        page: None,
        per_page: Some("100".into()),
    };
    let listed = disputes::list_for_purchaser(
        State(web.state.clone()),
        actor,
        PathId(pid),
        ApiQuery(query),
    )
    .await?
    .0
    .items;
    let rows = listed
        .into_iter()
        .map(|d| DisputeRow {
            id: d.dispute.id.to_string(),
            client_id: d.client_id.to_string(),
            client: d.client_name,
            provider: d.provider_name,
            delivery_date: format::date(d.delivery_date),
            total: format::euros(d.delivery_total),
            reason: d.dispute.reason,
            status: views::word(lang, "dispute", d.dispute.status.as_ref()),
            decision_reason: d.dispute.decision_reason,
            open: d.dispute.status == DisputeStatus::Open,
        })
        .collect();
    render(&DisputesPage {
        page: PageCtx::new(web, "disputes-title"),
        rows,
        errors,
    })
}

pub async fn list(web: Web) -> AppResult<Response> {
    draw(&web, FormErrors::default()).await
}

#[derive(Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    reason: String,
    /// With "partly": the quantity found delivered.
    #[serde(default)]
    quantity: String,
}

pub async fn decide(
    web: Web,
    PathId(id): PathId<DisputeId>,
    WebForm(form): WebForm<DecisionForm>,
) -> AppResult<Response> {
    let (actor, _) = super::staff(&web)?;
    let (uphold, quantity) = match form.decision.as_str() {
        "uphold" => (true, None),
        "partly" => (true, Some(DecimalText(form.quantity.trim().to_owned()))),
        "reject" => (false, None),
        _ => {
            return Err(AppError::invalid(
                "decision",
                "must be uphold, partly or reject",
            ));
        }
    };
    let reason = Some(form.reason.trim().to_owned()).filter(|r| !r.is_empty());
    match disputes::decide(
        State(web.state.clone()),
        actor,
        PathId(id),
        ApiJson(DisputeDecisionIn {
            uphold,
            reason,
            quantity,
        }),
    )
    .await
    {
        Ok(_) => Ok(done(
            "/purchaser/disputes",
            if uphold {
                "dispute-upheld"
            } else {
                "dispute-rejected"
            },
        )),
        Err(e) => {
            let errors = FormErrors::from_app(web.lang, e)?;
            draw(&web, errors).await
        }
    }
}
