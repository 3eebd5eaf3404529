//! Pages for clients and the proxies acting for them. Every page names whose matters it
//! shows; a proxy chooses among the clients whose mandate they hold.
pub mod acting_for;
pub mod choose;
pub mod delivery_notes;
pub mod dispute;
pub mod end_order;
pub mod money;
pub mod plan;
pub mod plan_answers;
pub mod plan_goals;
pub mod plan_links;
pub mod plan_pace;
pub mod review;
pub mod reviews;

use crate::{
    allocations::view::AllocationOut,
    auth::Actor,
    domain::{catalogue::Role, ids::ClientId},
    error::{AppError, AppResult},
    reviews::read::{self as review_reads, ReviewRowOut},
    web::session::Web,
};

/// The client whose matters are shown, and for a proxy the others they may switch to.
pub struct ClientCtx {
    pub id: ClientId,
    pub name: String,
    pub choices: Vec<(ClientId, String)>,
}

/// The client side of the signed-in user: a proxy's chosen client (see `web::acting`), or
/// the client themself. A proxy who has not chosen yet is sent to choose
/// (`choose_client`, which the error layer turns into the chooser page).
pub async fn current(web: &Web) -> AppResult<ClientCtx> {
    let actor = web.signed_in()?;
    if let Some(acting) = &web.acting {
        return Ok(ClientCtx {
            id: acting.client,
            name: acting.name.clone(),
            choices: web.choices.clone(),
        });
    }
    if let (true, Some(id)) = (actor.has(Role::Client), actor.client_id) {
        return Ok(ClientCtx {
            id,
            name: actor.name.clone(),
            choices: Vec::new(),
        });
    }
    if actor.has(Role::Proxy) {
        if web.choices.is_empty() {
            return Err(AppError::forbidden("no client has given you a mandate"));
        }
        return Err(choose_first());
    }
    Err(AppError::forbidden(
        "these pages are for clients and their proxies",
    ))
}

/// The error code of "choose whom you act for first", which the error layer turns into
/// the chooser page.
pub const CHOOSE_CLIENT: &str = "choose_client";

/// "Choose whom you act for first": the portal shows the chooser and comes back.
pub fn choose_first() -> AppError {
    AppError::forbidden("choose whom you act for first").with_code(CHOOSE_CLIENT)
}

/// Whether the error is `choose_first`'s: a proxy who has not chosen yet.
pub fn must_choose_first(error: &AppError) -> bool {
    error.code == CHOOSE_CLIENT
}

/// All of the client's allocations (decisions), as the API shows each.
pub async fn allocations_of(
    web: &Web,
    actor: &Actor,
    client: ClientId,
) -> AppResult<Vec<AllocationOut>> {
    crate::allocations::read::for_client(&web.state.db.conn, actor, client, None)
        .await?
        .items
        .iter()
        .map(AllocationOut::from_model)
        .collect()
}

/// All of the client's own reviews (an audited read of client data).
pub async fn reviews_of(web: &Web, client: ClientId) -> AppResult<Vec<ReviewRowOut>> {
    let actor = web.signed_in()?;
    Ok(review_reads::for_client(&web.state.db, actor, client, None)
        .await?
        .items)
}
