//! Voiding a delivery: the provider's staff see what they void (date, service, the client's
//! name and invoice pseudonym, quantity, total), say why — the client reads the reason beside
//! the row — and confirm. The rule (only before it is undone, a credit note after
//! settlement) is the ledger's.
use crate::i18n::Translate;
use askama::Template;
use axum::response::Response;
use serde::Deserialize;

use crate::{
    commitments::client_names,
    deliveries::act,
    domain::{catalogue::DeliveryStatus, ids::DeliveryId},
    error::AppResult,
    http::extract::PathId,
    web::{
        amounts, format,
        page::{Field, FormErrors, PageCtx, done, render},
        session::{Web, WebForm},
        views,
    },
};

#[derive(Template)]
#[template(path = "provider/void.html")]
struct VoidPage {
    page: PageCtx,
    id: String,
    date: String,
    service: String,
    /// The client's name, as on the provider's other pages, and the invoice pseudonym.
    client: String,
    client_code: String,
    quantity: String,
    total: String,
    reference: String,
    status: String,
    can_void: bool,
    /// The month's list the delivery is on.
    back: String,
    fields: Vec<Field>,
    errors: FormErrors,
}

#[derive(Deserialize)]
pub struct VoidForm {
    #[serde(default)]
    reason: String,
}

async fn draw(web: &Web, id: DeliveryId, reason: &str, errors: FormErrors) -> AppResult<Response> {
    let (actor, _) = super::staff(web)?;
    let lang = web.lang;
    // Another provider's delivery is not found, and the read is audited.
    let out = act::find(&web.state.db, &actor, id).await?.delivery;
    let commitment = out.commitment_id;
    let bought = amounts::services_by_commitment(web, &[commitment]).await?;
    let names = client_names(&web.state.db.conn, &actor, [out.client_id]).await?;
    let (service, unit) = bought
        .get(&commitment)
        .map(|b| (b.title.clone(), b.unit.clone()))
        .unwrap_or_default();
    let mut fields = vec![
        Field::new("reason", "textarea", lang.t("void-reason"))
            .value(reason)
            .hint(lang.t("void-reason-hint"))
            .required(),
    ];
    errors.apply(&mut fields);
    render(&VoidPage {
        page: PageCtx::new(web, "void-title"),
        id: id.to_string(),
        date: format::date(out.date),
        service,
        client: names.get(&out.client_id).cloned().unwrap_or_default(),
        client_code: web.state.db.client_pseudonym(out.client_id.into())?,
        quantity: amounts::with_unit(lang, out.quantity, &unit),
        total: format::euros(out.total),
        reference: out.reference.clone(),
        status: views::word(lang, "delivery", out.status.as_ref()),
        can_void: out.status == DeliveryStatus::Recorded,
        back: format!("/provider/deliveries?month={}", out.date.format("%Y-%m")),
        fields,
        errors,
    })
}

pub async fn confirm(web: Web, PathId(id): PathId<DeliveryId>) -> AppResult<Response> {
    draw(&web, id, "", FormErrors::default()).await
}

pub async fn void(
    web: Web,
    PathId(id): PathId<DeliveryId>,
    WebForm(form): WebForm<VoidForm>,
) -> AppResult<Response> {
    let (actor, _) = super::staff(&web)?;
    let reason = act::parse_reason(&form.reason);
    match act::void(&web.state.db, &actor, id, reason).await {
        Ok(voided) => Ok(done(
            &format!(
                "/provider/deliveries?month={}",
                voided.delivery.date.format("%Y-%m")
            ),
            "delivery-voided",
        )),
        Err(e) => {
            let errors = FormErrors::from_app(web.lang, e)?;
            draw(&web, id, &form.reason, errors).await
        }
    }
}
