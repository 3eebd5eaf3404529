//! Ending a proxy's right to act for a client: a confirmation page that says in plain
//! words who loses the right, for whom, and that it ends at once; the reason is asked
//! there, and "Do not end" returns to the client without changes.
use crate::i18n::Translate;
use askama::Template;
use axum::{extract::Path, response::Response};
use serde::Deserialize;

use crate::{
    auth::access,
    domain::ids::{ClientId, MandateId},
    error::{AppError, AppResult},
    mandates::{self, MandateView, revoke},
    web::{
        page::{FormErrors, PageCtx, done, render},
        session::{Web, WebForm},
    },
};

#[derive(Template)]
#[template(path = "purchaser/mandate_end.html")]
struct EndPage {
    page: PageCtx,
    client_id: String,
    client: String,
    mandate: MandateView,
    what: String,
    reason: String,
    errors: FormErrors,
}

fn ids(client: &str, mandate: &str) -> AppResult<(ClientId, MandateId)> {
    Ok((
        client.parse().map_err(|_| AppError::not_found("client"))?,
        mandate
            .parse()
            .map_err(|_| AppError::not_found("mandate"))?,
    ))
}

async fn draw(
    web: &Web,
    client: ClientId,
    mandate: MandateId,
    reason: &str,
    errors: FormErrors,
) -> AppResult<Response> {
    let (actor, _) = super::staff(web)?;
    let (model, _) = access::load_client(&web.state.db.conn, &actor, client).await?;
    // The client's mandates, read as the client page reads them (audited).
    let found = mandates::for_client(&web.state, &actor, client)
        .await?
        .into_iter()
        .find(|m| m.mandate_id == mandate && m.live)
        .ok_or_else(|| AppError::not_found("mandate"))?;
    let what = web.lang.t_with(
        "mandate-end-what",
        &[
            ("name", found.name.as_str().into()),
            ("client", model.name.as_str().into()),
        ],
    );
    render(&EndPage {
        page: PageCtx::new(web, "mandate-end-title").whose(&model.name),
        client_id: client.to_string(),
        client: model.name,
        mandate: found,
        what,
        reason: reason.to_owned(),
        errors,
    })
}

pub async fn confirm(
    web: Web,
    Path((client, mandate)): Path<(String, String)>,
) -> AppResult<Response> {
    let (client, mandate) = ids(&client, &mandate)?;
    draw(&web, client, mandate, "", FormErrors::default()).await
}

#[derive(Deserialize)]
pub struct EndForm {
    #[serde(default)]
    reason: String,
}

pub async fn end(
    web: Web,
    Path((client, mandate)): Path<(String, String)>,
    WebForm(form): WebForm<EndForm>,
) -> AppResult<Response> {
    let (actor, _) = super::staff(&web)?;
    let (client, mandate) = ids(&client, &mandate)?;
    match revoke::revoke(&web.state, &actor, mandate, &form.reason).await {
        Ok(_) => Ok(done(
            &format!("/purchaser/clients/{client}"),
            "mandate-revoked",
        )),
        Err(e) => {
            let errors = FormErrors::from_app(web.lang, e)?;
            draw(&web, client, mandate, &form.reason, errors).await
        }
    }
}
