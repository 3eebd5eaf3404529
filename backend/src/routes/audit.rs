//! `GET /api/v1/audit`: the audit log, for administrators.
use axum::{Json, extract::State};
use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};

use crate::{
    auth::Actor,
    db::entities::audit_entry,
    domain::ids::{ApiKeyId, ClientId, UserId},
    error::{AppError, AppResult},
    routes::{
        common::{ListOut, fetch_page},
        extract::{ApiQuery, PageQuery},
    },
    state::AppState,
};

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// Only entries about this client.
    pub client_id: Option<String>,
    pub page: Option<String>,
    pub per_page: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct AuditEntryOut {
    pub seq: i32,
    pub at: chrono::DateTime<Utc>,
    /// Who acted.
    pub actor_user_id: Option<UserId>,
    /// For whom, when a proxy acted.
    pub acting_for_client_id: Option<ClientId>,
    pub client_id: Option<ClientId>,
    pub action: String,
    pub subject_type: String,
    pub subject_id: String,
    pub detail: Option<serde_json::Value>,
    /// The provider's API key the act was done with, if it was (see the provider's keys).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_key_id: Option<ApiKeyId>,
}

#[utoipa::path(get, path = "/api/v1/audit", operation_id = "audit_list", tag = "audit", params(AuditQuery),
    responses((status = 200, body = ListOut<AuditEntryOut>), (status = 403, body = crate::error::ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    actor: Actor,
    ApiQuery(query): ApiQuery<AuditQuery>,
) -> AppResult<Json<ListOut<AuditEntryOut>>> {
    actor.require_admin()?;
    let page = PageQuery {
        page: query.page.clone(),
        per_page: query.per_page.clone(),
    }
    .parse()?;
    let mut select = audit_entry::Entity::find().order_by_desc(audit_entry::Column::Seq);
    if let Some(raw) = &query.client_id {
        let client: ClientId = raw
            .parse()
            .map_err(|_| AppError::bad_parameter("client_id", "must be a client id"))?;
        select = select.filter(audit_entry::Column::ClientId.eq(uuid::Uuid::from(client)));
    }
    let (models, total) = fetch_page(&state.db.conn, select, page).await?;
    let items = models
        .into_iter()
        .map(|e| AuditEntryOut {
            seq: e.seq,
            at: e.at,
            actor_user_id: e.actor_user_id,
            acting_for_client_id: e.acting_for_client_id,
            client_id: e.client_id,
            action: e.action,
            subject_type: e.subject_type,
            subject_id: e.subject_id,
            detail: e.detail,
            api_key_id: e.api_key_id,
        })
        .collect();
    Ok(Json(ListOut { items, total }))
}
