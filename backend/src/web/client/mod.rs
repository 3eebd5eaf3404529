//! Pages for clients and the proxies acting for them. Every page names whose matters it
//! shows; a proxy chooses among the clients whose mandate they hold.
pub mod choose;
pub mod dispute;
pub mod money;
pub mod review;
pub mod reviews;

use axum::extract::State;

use crate::{
    auth::Actor,
    domain::{catalogue::Role, ids::ClientId},
    error::{AppError, AppResult},
    routes::{
        allocations::{self, AllocationOut},
        extract::{ApiQuery, PageQuery, PathId},
        me,
    },
    web::session::Web,
};

/// The client whose matters are shown, and for a proxy the others they may switch to.
pub struct ClientCtx {
    pub id: ClientId,
    pub name: String,
    pub choices: Vec<(ClientId, String)>,
}

/// The client side of the signed-in user: themself, or for a proxy the client chosen
/// (remembered in a cookie, checked against live mandates on every request).
pub async fn current(web: &Web) -> AppResult<ClientCtx> {
    let actor = web.signed_in()?;
    if let (true, Some(id)) = (actor.has(Role::Client), actor.client_id) {
        return Ok(ClientCtx {
            id,
            name: actor.name.clone(),
            choices: Vec::new(),
        });
    }
    if actor.has(Role::Proxy) {
        let me = me::me(State(web.state.clone()), actor.clone()).await?.0;
        let choices: Vec<(ClientId, String)> = me
            .acts_for
            .into_iter()
            .map(|m| (m.client_id, m.client_name))
            .collect();
        let chosen = choices
            .iter()
            .find(|(id, _)| Some(*id) == web.acting_for)
            .or_else(|| choices.first())
            .cloned()
            .ok_or_else(|| AppError::forbidden("no client has given you a mandate"))?;
        return Ok(ClientCtx {
            id: chosen.0,
            name: chosen.1,
            choices,
        });
    }
    Err(AppError::forbidden(
        "these pages are for clients and their proxies",
    ))
}

/// The client's allocations (decisions), as the API lists them.
pub async fn allocations_of(
    web: &Web,
    actor: &Actor,
    client: ClientId,
) -> AppResult<Vec<AllocationOut>> {
    Ok(allocations::list_for_client(
        State(web.state.clone()),
        actor.clone(),
        PathId(client),
        ApiQuery(PageQuery {
            page: None,
            per_page: Some("100".into()),
        }),
    )
    .await?
    .0
    .items)
}

/// The client's own reviews, as the API lists them (an audited read of client data).
pub async fn reviews_of(
    web: &Web,
    client: ClientId,
) -> AppResult<Vec<crate::routes::reviews::read::ReviewRowOut>> {
    let actor = web.signed_in()?.clone();
    Ok(crate::routes::reviews::read::list_for_client(
        State(web.state.clone()),
        actor,
        PathId(client),
        ApiQuery(PageQuery {
            page: None,
            per_page: Some("100".into()),
        }),
    )
    .await?
    .0
    .items)
}
