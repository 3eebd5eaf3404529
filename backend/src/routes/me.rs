//! `GET /api/v1/me`: who is signed in, their tenant, and for a proxy whom they act for.
use axum::{Json, extract::State};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::Serialize;

use crate::{
    audit::{self, AuditEvent},
    auth::{ActingFor, Actor},
    db::entities::{client, mandate},
    domain::{
        catalogue::Role,
        ids::{ClientId, ProviderId, PurchaserId, UserId},
    },
    error::AppResult,
    state::AppState,
};

#[derive(Serialize, utoipa::ToSchema)]
pub struct MandateOut {
    pub client_id: ClientId,
    pub client_name: String,
    pub relation: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct MeOut {
    pub id: UserId,
    pub name: String,
    pub roles: Vec<Role>,
    pub purchaser_id: Option<PurchaserId>,
    pub provider_id: Option<ProviderId>,
    pub client_id: Option<ClientId>,
    /// The clients a proxy may act for.
    pub acts_for: Vec<MandateOut>,
}

#[utoipa::path(get, path = "/api/v1/me", tag = "auth", responses((status = 200, body = MeOut), (status = 401, body = crate::error::ErrorBody)))]
pub async fn me(State(state): State<AppState>, actor: Actor) -> AppResult<Json<MeOut>> {
    let mut acts_for = Vec::new();
    if actor.has(Role::Proxy) {
        let mandates = mandate::Entity::find()
            .filter(mandate::Column::ProxyUserId.eq(uuid::Uuid::from(actor.user_id)))
            .filter(crate::db::entities::mandate::live())
            .all(&state.db.conn)
            .await?;
        for m in mandates {
            if let Some(c) = client::Entity::find_by_id(m.client_id)
                .one(&state.db.conn)
                .await?
            {
                audit::record(
                    &state.db.conn,
                    Some(&actor),
                    Some(ActingFor::Proxy),
                    AuditEvent {
                        action: "client_read",
                        subject_type: "client",
                        subject_id: c.id.to_string(),
                        client: Some(c.id),
                        detail: Some(serde_json::json!({"via": "me"})),
                    },
                )
                .await?;
                acts_for.push(MandateOut {
                    client_id: c.id,
                    client_name: c.name,
                    relation: m.relation,
                });
            }
        }
    }
    Ok(Json(MeOut {
        id: actor.user_id,
        name: actor.name.clone(),
        roles: actor.roles.clone(),
        purchaser_id: actor.purchaser_id,
        provider_id: actor.provider_id,
        client_id: actor.client_id,
        acts_for,
    }))
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
pub struct LanguageIn {
    /// `fi`, `sv` or `en`: the portal's and the emails' language.
    pub language: String,
}

#[utoipa::path(put, path = "/api/v1/me/language", tag = "auth", request_body = LanguageIn,
    responses((status = 204), (status = 422, body = crate::error::ErrorBody)))]
pub async fn set_language(
    State(state): State<AppState>,
    actor: Actor,
    crate::routes::extract::ApiJson(input): crate::routes::extract::ApiJson<LanguageIn>,
) -> AppResult<axum::http::StatusCode> {
    let lang = crate::i18n::Lang::parse(&input.language)
        .ok_or_else(|| crate::error::AppError::invalid("language", "must be fi, sv or en"))?;
    crate::accounts::language::remember(&state.db, actor.user_id, lang).await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}
