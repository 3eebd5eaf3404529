//! Disputes about the provider's deliveries: what the client says is wrong, where each
//! stands, and for open ones a form for the provider's own account, which the case worker
//! reads before deciding and the client sees.
use crate::i18n::Translate;
use askama::Template;
use axum::response::Response;
use serde::Deserialize;

use crate::{
    disputes,
    domain::{catalogue::DisputeStatus, ids::DisputeId},
    error::AppResult,
    http::extract::PathId,
    web::{
        amounts, format,
        item_forms::{Failed, ItemForm},
        page::{FormErrors, PageCtx, done, rename_field, render},
        session::{Web, WebForm},
        views,
    },
};

pub struct DisputeRow {
    pub id: String,
    pub service: String,
    pub delivery_date: String,
    /// The client's name, as on the provider's other pages.
    pub client: String,
    /// The client's pseudonym, as on invoices.
    pub client_code: String,
    pub quantity: String,
    pub total: String,
    pub made_on: String,
    pub reason: String,
    pub status: String,
    pub provider_account: Option<String>,
    /// The outcome in words once decided ("toteutunut määrä 1 tunti").
    pub outcome: Option<String>,
    pub decision_reason: Option<String>,
    pub open: bool,
    pub form: ItemForm,
}

#[derive(Template)]
#[template(path = "provider/disputes.html")]
struct DisputesPage {
    page: PageCtx,
    rows: Vec<DisputeRow>,
    errors: FormErrors,
}

async fn draw(web: &Web, errors: FormErrors, mut failed: Option<Failed>) -> AppResult<Response> {
    let (actor, _) = super::staff(web)?;
    let lang = web.lang;
    let found = disputes::lists::for_provider(&web.state.db, &actor).await?;
    let commitments: Vec<_> = found.iter().map(|f| f.delivery.commitment_id).collect();
    let bought = amounts::services_by_commitment(web, &commitments).await?;
    let mut rows = Vec::with_capacity(found.len());
    for disputes::lists::ProviderDispute {
        dispute: x,
        delivery: d,
        client_name,
    } in found
    {
        let (service, unit) = bought
            .get(&d.commitment_id)
            .map(|b| (b.title.clone(), b.unit.clone()))
            .unwrap_or_default();
        let id = x.id.to_string();
        let outcome = (x.status == DisputeStatus::PartlyUpheld)
            .then_some(x.corrected_quantity)
            .flatten()
            .map(|m| {
                let found = amounts::with_unit(lang, m, &unit);
                lang.t_with("dispute-found-delivered", &[("value", found.into())])
            });
        rows.push(DisputeRow {
            form: Failed::take_for(&mut failed, &id),
            id,
            service,
            delivery_date: format::date(d.date),
            client: client_name,
            client_code: web.state.db.client_pseudonym(d.client_id.into())?,
            quantity: amounts::with_unit(lang, d.quantity, &unit),
            total: format::euros(d.total),
            made_on: format::date(x.created_at.date_naive()),
            reason: x.reason,
            status: views::word(lang, "dispute", x.status.as_ref()),
            provider_account: x.provider_account,
            outcome,
            decision_reason: x.decision_reason.filter(|r| !r.is_empty()),
            open: x.status == DisputeStatus::Open,
        });
    }
    render(&DisputesPage {
        page: PageCtx::new(web, "provider-disputes-title"),
        rows,
        errors,
    })
}

pub async fn list(web: Web) -> AppResult<Response> {
    draw(&web, FormErrors::default(), None).await
}

#[derive(Deserialize)]
pub struct AccountForm {
    #[serde(default)]
    account: String,
}

pub async fn account(
    web: Web,
    PathId(id): PathId<DisputeId>,
    WebForm(form): WebForm<AccountForm>,
) -> AppResult<Response> {
    let (actor, _) = super::staff(&web)?;
    match disputes::act::provider_account(&web.state.db, &actor, id, &form.account).await {
        Ok(_) => Ok(done("/provider/disputes", "provider-account-sent")),
        Err(e) => {
            // The API names its field `text`; the form's control is the account.
            let errors = FormErrors::from_app(web.lang, rename_field(e, "text", "account"))?;
            let (summary, failed) = Failed::split(id, errors, &[("account", &form.account)]);
            draw(&web, summary, Some(failed)).await
        }
    }
}
