//! For whom a proxy acts in this browser session. The choice lives in the session (not a
//! cookie of its own), so it sticks until she switches or signs out, and it is checked
//! against her live mandates on every request: an ended mandate drops it at once.
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::{
    auth::{Actor, access},
    db::entities::client,
    domain::{catalogue::Role, ids::ClientId},
    error::AppResult,
    state::AppState,
};

/// The client a proxy acts for now.
#[derive(Clone, Debug)]
pub struct Acting {
    pub client: ClientId,
    pub name: String,
}

/// Every client the actor holds a live mandate for, by name.
pub async fn choices(state: &AppState, actor: &Actor) -> AppResult<Vec<(ClientId, String)>> {
    if !actor.has(Role::Proxy) {
        return Ok(Vec::new());
    }
    let ids: Vec<uuid::Uuid> = access::mandated_clients(&state.db.conn, actor)
        .await?
        .into_iter()
        .map(Into::into)
        .collect();
    let mut named: Vec<(ClientId, String)> = client::Entity::find()
        .filter(client::Column::Id.is_in(ids))
        .all(&state.db.conn)
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    named.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(named)
}

/// For one request: whom the proxy acts for, and whom she may choose from (read once).
#[derive(Clone, Debug, Default)]
pub struct ActingState {
    pub chosen: Option<Acting>,
    pub choices: Vec<(ClientId, String)>,
}

/// Whom the proxy acts for: the session's choice while its mandate lives; with no choice,
/// the only client she has (someone who is also a client herself acts for herself until
/// she chooses).
pub async fn resolve(state: &AppState, actor: &Actor) -> AppResult<ActingState> {
    if !actor.has(Role::Proxy) {
        return Ok(ActingState::default());
    }
    let choices = choices(state, actor).await?;
    let chosen = match actor.session_acting_for {
        Some(id) => choices.iter().find(|(c, _)| *c == id),
        None if choices.len() == 1 && actor.client_id.is_none() => choices.first(),
        None => None,
    }
    .map(|(client, name)| Acting {
        client: *client,
        name: name.clone(),
    });
    Ok(ActingState { chosen, choices })
}
