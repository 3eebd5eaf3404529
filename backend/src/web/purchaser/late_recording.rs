//! Late recording from a client's page: per accepted commitment a case worker lets the
//! provider record deliveries older than the purchaser's recording window, until a day and
//! for a reason, and sees an opening that is in force. The rule and its limits are in
//! `crate::late_recording`, which also checks who may open it.
use crate::i18n::Translate;
use std::collections::HashMap;

use axum::response::Response;
use sea_orm::EntityTrait;
use serde::Deserialize;

use crate::{
    db::entities::commitment,
    domain::{ids::CommitmentId, today_in_finland},
    error::{AppError, AppResult},
    http::extract::PathId,
    late_recording,
    web::{
        format,
        i18n::Lang,
        item_forms::Failed,
        page::{FormErrors, Pairs, done},
        session::{Web, WebForm},
    },
};

/// "Myöhäinen kirjaus sallittu 20.12.2026 asti: syy" for each commitment with an opening
/// in force today.
pub async fn in_force(
    web: &Web,
    lang: Lang,
    commitments: &[uuid::Uuid],
) -> AppResult<HashMap<uuid::Uuid, String>> {
    let open =
        late_recording::in_force(&web.state.db.conn, commitments, today_in_finland()).await?;
    Ok(open
        .into_iter()
        .map(|(id, row)| {
            let text = lang.t_with(
                "late-recording-open",
                &[
                    ("date", format::date(row.until).into()),
                    ("text", row.reason.into()),
                ],
            );
            (id, text)
        })
        .collect())
}

#[derive(Deserialize)]
pub struct LateForm {
    #[serde(default)]
    until: String,
    #[serde(default)]
    reason: String,
}

pub async fn open(
    web: Web,
    PathId(id): PathId<CommitmentId>,
    WebForm(form): WebForm<LateForm>,
) -> AppResult<Response> {
    let (actor, _) = super::staff(&web)?;
    // Where to come back to; whether this staff member may open it is the handler's call
    // (another purchaser's commitment is not found there).
    let client = commitment::Entity::find_by_id(uuid::Uuid::from(id))
        .one(&web.state.db.conn)
        .await?
        .ok_or_else(|| AppError::not_found("commitment"))?
        .client_id;
    match late_recording::open_as_asked(&web.state.db, &actor, id, &form.until, &form.reason).await
    {
        Ok(_) => Ok(done(
            &format!("/purchaser/clients/{client}"),
            "late-recording-opened",
        )),
        Err(e) => {
            let errors = FormErrors::from_app(web.lang, e)?;
            let typed = [
                ("until", form.until.as_str()),
                ("reason", form.reason.as_str()),
            ];
            let refused = Failed::split(id, errors, &typed);
            super::clients::draw_client(
                &web,
                client,
                &Pairs(Vec::new()),
                FormErrors::default(),
                None,
                Some(refused),
            )
            .await
        }
    }
}
