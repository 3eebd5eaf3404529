//! Who may reach a client's matters: the client, a proxy with a live mandate, or a case
//! worker of the client's purchaser. Everyone else is told the client does not exist.
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::{
    db::entities::{client, mandate},
    domain::{catalogue::Role, ids::ClientId},
    error::{AppError, AppResult},
};

use super::Actor;

/// In what capacity the actor acts on the client's matters; recorded in the audit log.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActingFor {
    /// The client themself.
    Client,
    /// A proxy acting for the client under a mandate: "X for Y".
    Proxy,
    /// A case worker of the client's purchaser.
    CaseWorker,
}

impl ActingFor {
    pub fn is_client_side(self) -> bool {
        matches!(self, ActingFor::Client | ActingFor::Proxy)
    }
}

pub async fn client_access(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    client: &client::Model,
) -> AppResult<ActingFor> {
    let client_id = client.id;
    if actor.client_id == Some(client_id) && actor.has(Role::Client) {
        return Ok(ActingFor::Client);
    }
    if actor.has(Role::CaseWorker) && actor.purchaser_id == Some(client.purchaser_id) {
        return Ok(ActingFor::CaseWorker);
    }
    if actor.has(Role::Proxy) && has_mandate(conn, actor, client_id).await? {
        return Ok(ActingFor::Proxy);
    }
    Err(AppError::not_found("client"))
}

pub async fn has_mandate(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    client: ClientId,
) -> AppResult<bool> {
    let found = mandate::Entity::find()
        .filter(mandate::Column::ProxyUserId.eq(uuid::Uuid::from(actor.user_id)))
        .filter(mandate::Column::ClientId.eq(uuid::Uuid::from(client)))
        .filter(crate::db::entities::mandate::live())
        .one(conn)
        .await?;
    Ok(found.is_some())
}

/// Loads a client and checks access in one step.
pub async fn load_client(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    client: ClientId,
) -> AppResult<(client::Model, ActingFor)> {
    let model = client::Entity::find_by_id(client)
        .one(conn)
        .await?
        .ok_or_else(|| AppError::not_found("client"))?;
    let acting = client_access(conn, actor, &model).await?;
    Ok((model, acting))
}

/// The clients whose live mandate the actor holds as a proxy.
pub async fn mandated_clients(
    conn: &impl ConnectionTrait,
    actor: &Actor,
) -> AppResult<Vec<ClientId>> {
    Ok(mandate::Entity::find()
        .filter(mandate::Column::ProxyUserId.eq(uuid::Uuid::from(actor.user_id)))
        .filter(crate::db::entities::mandate::live())
        .all(conn)
        .await?
        .into_iter()
        .map(|m| m.client_id)
        .collect())
}
