//! Archiving a catalogue entry: from then on no new offerings, commitments or decisions
//! for it, while running commitments take deliveries as before. Its offerings leave search
//! (re-indexed through the outbox).
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, IntoActiveModel, Set};
use serde_json::json;

use crate::{
    audit::{self, AuditEvent},
    auth::Actor,
    db::{Db, entities::service},
    domain::ids::ServiceId,
    error::{AppError, AppResult},
};

use super::{CatalogueError, CatalogueResult, lock_service, require_manager, terms};

/// Archives the entry; archiving an archived entry again changes nothing.
pub async fn archive(db: &Db, actor: &Actor, id: ServiceId) -> CatalogueResult<service::Model> {
    let tx = db.begin_write().await?;
    let model = lock_service(db, &tx, id)
        .await?
        .ok_or(CatalogueError::NotFound)?;
    require_manager(actor, &model)?;
    if model.archived_at.is_some() {
        return Ok(model);
    }
    let now = Utc::now();
    let mut active = model.into_active_model();
    active.archived_at = Set(Some(now));
    let model = active.update(&*tx).await?;
    terms::reindex_offerings(&*tx, model.id).await?;
    audit::record(
        &*tx,
        Some(actor),
        None,
        AuditEvent {
            action: "service_archived",
            subject_type: "service",
            subject_id: model.id.to_string(),
            client: None,
            detail: Some(json!({"archived_at": {"old": null, "new": now}})),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(model)
}

/// New offerings, commitments and decisions are refused for an archived entry (409
/// `service_archived`, naming `service_id`).
pub fn check_open(model: &service::Model) -> CatalogueResult<()> {
    match model.archived_at {
        Some(_) => Err(CatalogueError::Archived),
        None => Ok(()),
    }
}

/// As [`check_open`], reading the entry inside the caller's transaction (the ledger checks
/// a new commitment under its allocation lock).
pub async fn check_open_in(conn: &impl ConnectionTrait, service: ServiceId) -> AppResult<()> {
    let model = service::Entity::find_by_id(service)
        .one(conn)
        .await?
        .ok_or_else(|| AppError::not_found("service"))?;
    check_open(&model).map_err(AppError::from)
}
