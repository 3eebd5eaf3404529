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
    domain::ids::{ApiKeyId, ProviderId, UserId},
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
        id: Set(ApiKeyId::new()),
        provider_id: Set(provider),
        site: Set(site),
        prefix: Set(issued.prefix),
        key_hash: Set(issued.hash),
        created_by: Set(actor.user_id),
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
    let model = api_key::Entity::find_by_id(id)
        .one(&*tx)
        .await?
        .ok_or_else(|| AppError::not_found("API key"))?;
    actor.require_provider(model.provider_id, "API key")?;
    if model.revoked_at.is_some() {
        return Ok(model);
    }
    let mut active = model.into_active_model();
    active.revoked_at = Set(Some(Utc::now()));
    active.revoked_by = Set(Some(actor.user_id));
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

/// A key as its provider's staff see it: never the secret, only its prefix.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct ApiKeyOut {
    pub id: ApiKeyId,
    pub site: String,
    /// The key's first characters after `vk_`, to tell keys apart.
    pub prefix: String,
    pub created_at: chrono::DateTime<Utc>,
    /// The staff member who made the key.
    pub created_by: String,
    pub last_used_at: Option<chrono::DateTime<Utc>>,
    pub revoked_at: Option<chrono::DateTime<Utc>>,
}

impl ApiKeyOut {
    pub fn of(model: api_key::Model, created_by: String) -> Self {
        ApiKeyOut {
            id: model.id,
            site: model.site,
            prefix: model.prefix,
            created_at: model.created_at,
            created_by,
            last_used_at: model.last_used_at,
            revoked_at: model.revoked_at,
        }
    }
}

/// The provider's keys, newest first: one page, or with `page` None every key.
pub async fn of_provider(
    db: &Db,
    actor: &Actor,
    provider: ProviderId,
    page: Option<crate::paging::Page>,
) -> AppResult<crate::paging::Paged<ApiKeyOut>> {
    use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
    actor.require_provider(provider, "provider")?;
    let conn = &db.conn;
    let select = api_key::Entity::find()
        .filter(api_key::Column::ProviderId.eq(uuid::Uuid::from(provider)))
        .order_by_desc(api_key::Column::CreatedAt)
        .order_by_desc(api_key::Column::Id);
    let listed = crate::paging::fetch_or_all(conn, select, page).await?;
    let names = makers(conn, listed.items.iter().map(|k| k.created_by)).await?;
    Ok(listed.map(|k| {
        let by = names.get(&k.created_by).cloned().unwrap_or_default();
        ApiKeyOut::of(k, by)
    }))
}

/// One key of the actor's provider (anyone else's: not found).
pub async fn one(db: &Db, actor: &Actor, id: ApiKeyId) -> AppResult<ApiKeyOut> {
    let model = api_key::Entity::find_by_id(id)
        .one(&db.conn)
        .await?
        .ok_or_else(|| AppError::not_found("API key"))?;
    actor.require_provider(model.provider_id, "API key")?;
    with_maker(db, model).await
}

/// A key with the name of the staff member who made it.
pub async fn with_maker(db: &Db, model: api_key::Model) -> AppResult<ApiKeyOut> {
    let names = makers(&db.conn, [model.created_by]).await?;
    let by = names.get(&model.created_by).cloned().unwrap_or_default();
    Ok(ApiKeyOut::of(model, by))
}

async fn makers(
    conn: &impl sea_orm::ConnectionTrait,
    ids: impl IntoIterator<Item = UserId>,
) -> AppResult<std::collections::HashMap<UserId, String>> {
    use crate::db::entities::user;
    use sea_orm::{ColumnTrait, QueryFilter};
    let ids: Vec<UserId> = ids.into_iter().collect();
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect())
}
