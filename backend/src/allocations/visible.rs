//! Whether an actor may see an allocation, decided once for the API and the portal.
use sea_orm::{ConnectionTrait, EntityTrait};

use crate::{
    audit::{self, AuditEvent},
    auth::{ActingFor, Actor, access},
    db::entities::allocation,
    domain::ids::AllocationId,
    error::{AppError, AppResult},
};

/// Loads an allocation the actor may see (the client, their proxies, the purchaser's case
/// workers) and audits the read of the client's data under `action`. Anyone else gets a
/// 404, as if it did not exist.
pub async fn load_visible(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    id: AllocationId,
    action: &str,
) -> AppResult<(allocation::Model, ActingFor)> {
    let model = allocation::Entity::find_by_id(uuid::Uuid::from(id))
        .one(conn)
        .await?
        .ok_or_else(|| AppError::not_found("allocation"))?;
    let (_, acting) = access::load_client(conn, actor, model.client_id)
        .await
        .map_err(|_| AppError::not_found("allocation"))?;
    audit::record(
        conn,
        Some(actor),
        Some(acting),
        AuditEvent {
            action,
            subject_type: "allocation",
            subject_id: id.to_string(),
            client: Some(model.client_id),
            detail: None,
        },
    )
    .await?;
    Ok((model, acting))
}
