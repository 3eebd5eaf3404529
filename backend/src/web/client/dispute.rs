//! Disputing a delivery: the client side says, in their own words, what is wrong; a
//! case worker decides.
use crate::i18n::Translate;
use askama::Template;
use axum::response::Response;
use serde::Deserialize;

use crate::{
    deliveries::act,
    domain::ids::DeliveryId,
    error::AppResult,
    http::extract::PathId,
    web::{
        client, format,
        page::{Field, FormErrors, PageCtx, done, render},
        session::{Web, WebForm},
    },
};

#[derive(Template)]
#[template(path = "client/dispute.html")]
struct DisputePage {
    page: PageCtx,
    id: String,
    date: String,
    quantity: String,
    total: String,
    /// "Reklamaation voi tehdä 20.12.2026 asti".
    until: String,
    fields: Vec<Field>,
    errors: FormErrors,
}

#[derive(Deserialize, Default)]
pub struct DisputeForm {
    #[serde(default)]
    reason: String,
}

async fn draw(web: &Web, id: DeliveryId, reason: &str, errors: FormErrors) -> AppResult<Response> {
    let ctx = client::current(web).await?;
    let actor = web.signed_in()?.clone();
    let delivery = act::find(&web.state.db, &actor, id).await?.delivery;
    let mut fields = vec![
        Field::new("reason", "textarea", web.lang.t("dispute-reason"))
            .value(reason)
            .hint(web.lang.t("dispute-reason-hint"))
            .required(),
    ];
    errors.apply(&mut fields);
    render(&DisputePage {
        page: PageCtx::new(web, "dispute-title").whose(&ctx.name),
        id: id.to_string(),
        date: format::date(delivery.date),
        quantity: format::quantity(delivery.quantity),
        total: format::euros(delivery.total),
        until: web.lang.t_with(
            "dispute-until",
            &[("date", format::date(delivery.dispute_until).into())],
        ),
        fields,
        errors,
    })
}

pub async fn show(web: Web, PathId(id): PathId<DeliveryId>) -> AppResult<Response> {
    draw(&web, id, "", FormErrors::default()).await
}

pub async fn submit(
    web: Web,
    PathId(id): PathId<DeliveryId>,
    WebForm(form): WebForm<DisputeForm>,
) -> AppResult<Response> {
    client::current(&web).await?;
    let actor = web.signed_in()?.clone();
    match act::dispute(&web.state.db, &actor, id, &form.reason).await {
        Ok(_) => Ok(done("/my", "dispute-sent")),
        Err(e) => {
            let errors = FormErrors::from_app(web.lang, e)?;
            draw(&web, id, &form.reason, errors).await
        }
    }
}
