//! A provider's API keys made and revoked by its staff: the key's text is shown once, the
//! audit log records who made or revoked which key (by site and prefix, never the secret).
//! What a key may do, and reading it from a request, is `auth::api_key`'s.
use chrono::Utc;
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set};
use serde_json::json;

use crate::{
    audit::{self, AuditEvent},
    auth::{Actor, api_key::issue},
    db::{Db, entities::api_key},
    domain::ids::{ApiKeyId, ProviderId},
    error::{AppError, AppResult},
};

/// Makes a key for one of the provider's sites; the text is in the answer only.
pub async fn create(
    db: &Db,
    provider: ProviderId,
    site: String,
    actor: &Actor,
) -> AppResult<(api_key::Model, String)> {
    let issued = issue();
    let tx = db.begin_write().await?;
    let model = api_key::ActiveModel {
        id: Set(ApiKeyId::new().into()),
        provider_id: Set(provider.into()),
        site: Set(site),
        prefix: Set(issued.prefix),
        key_hash: Set(issued.hash),
        created_by: Set(actor.user_id.into()),
        created_at: Set(Utc::now()),
        last_used_at: Set(None),
        revoked_at: Set(None),
        revoked_by: Set(None),
    }
    .insert(&*tx)
    .await?;
    audit_key(&tx, actor, "api_key_created", &model).await?;
    tx.commit().await?;
    Ok((model, issued.text))
}

/// Revokes a key of the actor's provider at once; revoking it again changes nothing.
pub async fn revoke(db: &Db, id: ApiKeyId, actor: &Actor) -> AppResult<api_key::Model> {
    let tx = db.begin_write().await?;
    let model = api_key::Entity::find_by_id(uuid::Uuid::from(id))
        .one(&*tx)
        .await?
        .ok_or_else(|| AppError::not_found("API key"))?;
    actor.require_provider(model.provider_id.into(), "API key")?;
    if model.revoked_at.is_some() {
        return Ok(model);
    }
    let mut active = model.into_active_model();
    active.revoked_at = Set(Some(Utc::now()));
    active.revoked_by = Set(Some(actor.user_id.into()));
    let updated = active.update(&*tx).await?;
    audit_key(&tx, actor, "api_key_revoked", &updated).await?;
    tx.commit().await?;
    Ok(updated)
}

async fn audit_key(
    tx: &crate::db::WriteTx,
    actor: &Actor,
    action: &'static str,
    key: &api_key::Model,
) -> AppResult<()> {
    audit::record(
        &**tx,
        Some(actor),
        None,
        AuditEvent {
            action,
            subject_type: "api_key",
            subject_id: key.id.to_string(),
            client: None,
            detail: Some(json!({"site": key.site, "prefix": key.prefix})),
        },
    )
    .await?;
    Ok(())
}
