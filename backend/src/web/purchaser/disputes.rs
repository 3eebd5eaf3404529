//! Disputes from this purchaser's clients: the recorded quantity, the client's reason and
//! the provider's account side by side, and a decision — uphold (the delivery is reversed
//! and the money returns), uphold in part (only the quantity found delivered stays paid) or
//! reject — with a reason the client will see.
use crate::i18n::Translate;
use askama::Template;
use axum::{http::Uri, response::Response};

use crate::{
    disputes::{self, act::outcome_of, lists::deliveries_by_id},
    domain::{catalogue::DisputeStatus, ids::DisputeId},
    error::{AppError, AppResult},
    http::extract::PathId,
    ledger::disputes::Outcome,
    web::{
        amounts,
        decision_form::DecisionForm,
        format,
        item_forms::{Failed, ItemForm},
        page::{FormErrors, PageCtx, done, rename_field, render},
        pager::{self, Pager},
        session::{Web, WebForm},
        views,
    },
};

pub struct DisputeRow {
    pub id: String,
    pub client_id: String,
    pub client: String,
    pub provider: String,
    pub service: String,
    pub delivery_date: String,
    /// The quantity the provider recorded, with its unit.
    pub recorded: String,
    pub total: String,
    pub made_on: String,
    pub reason: String,
    pub provider_account: Option<String>,
    pub status: String,
    /// For a partial uphold: the quantity found delivered.
    pub outcome: Option<String>,
    pub decision_reason: Option<String>,
    pub open: bool,
    pub form: ItemForm,
}

#[derive(Template)]
#[template(path = "purchaser/disputes.html")]
struct DisputesPage {
    page: PageCtx,
    rows: Vec<DisputeRow>,
    pager: Pager,
    errors: FormErrors,
}

async fn draw(
    web: &Web,
    uri: &Uri,
    errors: FormErrors,
    mut failed: Option<Failed>,
) -> AppResult<Response> {
    let (actor, pid) = super::staff(web)?;
    let lang = web.lang;
    let requested = pager::requested(uri);
    // Case workers only; the read is audited.
    let listed =
        disputes::read::for_purchaser(&web.state.db, &actor, pid, None, Some(requested)).await?;
    let pager = Pager::of(lang, uri, &listed);
    let listed = listed.items;
    let conn = &web.state.db.conn;
    let ids: Vec<_> = listed.iter().map(|d| d.dispute.delivery_id).collect();
    let delivered = deliveries_by_id(conn, &ids).await?;
    let commitments: Vec<_> = delivered.values().map(|d| d.commitment_id).collect();
    let bought = amounts::services_by_commitment(web, &commitments).await?;
    let mut rows = Vec::with_capacity(listed.len());
    for d in listed {
        let delivery = delivered
            .get(&d.dispute.delivery_id)
            .ok_or_else(|| AppError::internal("dispute without delivery"))?;
        let (service, unit) = bought
            .get(&delivery.commitment_id)
            .map(|b| (b.title.clone(), b.unit.clone()))
            .unwrap_or_default();
        let id = d.dispute.id.to_string();
        let outcome = (d.dispute.status == DisputeStatus::PartlyUpheld)
            .then_some(d.dispute.corrected_quantity)
            .flatten()
            .map(|q| {
                let found = amounts::with_unit(lang, q, &unit);
                lang.t_with("dispute-found-delivered", &[("value", found.into())])
            });
        rows.push(DisputeRow {
            form: Failed::take_for(&mut failed, &id),
            id,
            client_id: d.client_id.to_string(),
            client: d.client_name,
            provider: d.provider_name,
            service,
            delivery_date: format::date(d.delivery_date),
            recorded: amounts::with_unit(lang, delivery.quantity, &unit),
            total: format::euros(d.delivery_total),
            made_on: format::date(d.dispute.created_at.date_naive()),
            reason: d.dispute.reason,
            provider_account: d.dispute.provider_account,
            status: views::word(lang, "dispute", d.dispute.status.as_ref()),
            outcome,
            decision_reason: d.dispute.decision_reason.filter(|r| !r.is_empty()),
            open: d.dispute.status == DisputeStatus::Open,
        });
    }
    render(&DisputesPage {
        page: PageCtx::new(web, "disputes-title"),
        rows,
        pager,
        errors,
    })
}

pub async fn list(web: Web, uri: Uri) -> AppResult<Response> {
    draw(&web, &uri, FormErrors::default(), None).await
}

/// The case worker's choice.
fn decision_of(form: &DecisionForm) -> AppResult<Outcome> {
    #[derive(Clone, Copy)]
    enum Choice {
        Uphold,
        Partly,
        Reject,
    }
    let choices = [
        ("uphold", Choice::Uphold),
        ("partly", Choice::Partly),
        ("reject", Choice::Reject),
    ];
    match form.choice(&choices)? {
        Choice::Uphold => outcome_of(true, None),
        Choice::Partly => outcome_of(true, Some(&format::decimal_input(&form.quantity))),
        Choice::Reject => outcome_of(false, None),
    }
}

pub async fn decide(
    web: Web,
    PathId(id): PathId<DisputeId>,
    WebForm(form): WebForm<DecisionForm>,
) -> AppResult<Response> {
    let (actor, _) = super::staff(&web)?;
    let reason = form.reason();
    let outcome =
        disputes::act::decide(&web.state.db, &actor, id, decision_of(&form), reason).await;
    match outcome {
        Ok(decided) => Ok(done(
            "/purchaser/disputes",
            match decided.status {
                DisputeStatus::Upheld => "dispute-upheld",
                DisputeStatus::PartlyUpheld => "dispute-partly-upheld",
                _ => "dispute-rejected",
            },
        )),
        Err(e) => {
            // The quantity found delivered, not a delivery's quantity: its own message.
            let errors =
                FormErrors::from_app(web.lang, rename_field(e, "quantity", "found_quantity"))?;
            let typed = [
                ("decision", form.decision.as_str()),
                ("found_quantity", form.quantity.as_str()),
                ("reason", form.reason.as_str()),
            ];
            let (summary, failed) = Failed::split(id, errors, &typed);
            draw(
                &web,
                &Uri::from_static("/purchaser/disputes"),
                summary,
                Some(failed),
            )
            .await
        }
    }
}
