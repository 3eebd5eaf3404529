//! Choosing whom a proxy acts for: right after signing in when she has several clients,
//! and whenever she switches. The choice is kept in her session.
use askama::Template;
use axum::{
    http::Uri,
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;

use crate::{
    accounts::sessions,
    domain::ids::ClientId,
    error::{AppError, AppResult},
    web::{
        page::{PageCtx, render, safe_next},
        session::{Web, WebForm},
    },
};

pub struct ChoiceRow {
    pub id: String,
    pub name: String,
    pub current: bool,
}

#[derive(Template)]
#[template(path = "client/acting_for.html")]
struct ChooserPage {
    page: PageCtx,
    rows: Vec<ChoiceRow>,
    /// Someone who is a client herself may also go on with her own matters.
    own: Option<String>,
    next: String,
}

pub async fn show(web: Web, uri: Uri) -> AppResult<Response> {
    let actor = web.signed_in()?;
    let next = form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes())
        .find(|(k, _)| k == "next")
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default();
    let current = web.acting.as_ref().map(|a| a.client);
    let rows: Vec<ChoiceRow> = web
        .choices
        .iter()
        .map(|(id, name)| ChoiceRow {
            id: id.to_string(),
            name: name.clone(),
            current: Some(*id) == current,
        })
        .collect();
    if rows.is_empty() {
        return Err(AppError::forbidden("no client has given you a mandate"));
    }
    let own = actor.client_id.map(|_| actor.name.clone());
    render(&ChooserPage {
        page: PageCtx::new(&web, "acting-title"),
        rows,
        own,
        next,
    })
}

#[derive(Deserialize)]
pub struct ActForForm {
    #[serde(default)]
    client: String,
    #[serde(default)]
    next: String,
}

/// Records the choice in the session; only a client with a live mandate (or "myself" for
/// someone who is a client too) can be chosen.
pub async fn choose(web: Web, WebForm(form): WebForm<ActForForm>) -> AppResult<Response> {
    let actor = web.signed_in()?;
    let session = web
        .session_token
        .as_deref()
        .ok_or_else(AppError::unauthorized)?;
    let chosen = if form.client == "self" && actor.client_id.is_some() {
        None
    } else {
        let id: ClientId = form
            .client
            .parse()
            .map_err(|_| AppError::invalid("client", "is not a client"))?;
        if !web.choices.iter().any(|(c, _)| *c == id) {
            return Err(AppError::not_found("client"));
        }
        Some(id)
    };
    sessions::set_acting_for(&web.state.db.conn, session, chosen).await?;
    let to = safe_next(&form.next).unwrap_or("/my?done=switched");
    Ok(Redirect::to(to).into_response())
}
