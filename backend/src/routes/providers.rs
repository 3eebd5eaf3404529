//! Provider sign-up and the provider's own views.
use axum::{Json, extract::State, http::StatusCode};
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde::{Deserialize, Serialize};

use crate::{
    auth::{Actor, MaybeActor, password},
    db::entities::{commitment, provider},
    domain::{
        BusinessId, EmailAddress,
        catalogue::Role,
        ids::{ProviderId, UserId},
        text::{parse_optional_text, parse_text},
    },
    error::{AppError, AppResult, field},
    routes::{
        commitments::CommitmentOut,
        common::{ListOut, fetch_page},
        extract::{ApiJson, ApiQuery, PageQuery, PathId},
    },
    state::AppState,
    users::{self, NewUser},
};

#[derive(Deserialize, utoipa::ToSchema)]
pub struct ProviderIn {
    pub name: String,
    pub business_id: String,
    pub email: String,
    pub password: String,
    pub phone: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ProviderOut {
    pub id: ProviderId,
    pub name: String,
    pub business_id: String,
    /// Contact details are shown to the provider's own staff only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<UserId>,
}

fn parse_phone(raw: Option<&str>) -> AppResult<Option<String>> {
    let phone = field("phone", parse_optional_text(raw, 30))?;
    if let Some(p) = &phone
        && !p
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '(' | ')'))
    {
        return Err(AppError::invalid(
            "phone",
            "may contain only digits, spaces and + - ( )",
        ));
    }
    Ok(phone)
}

#[utoipa::path(post, path = "/api/v1/providers", tag = "providers", request_body = ProviderIn,
    responses((status = 201, body = ProviderOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn sign_up(
    State(state): State<AppState>,
    ApiJson(input): ApiJson<ProviderIn>,
) -> AppResult<(StatusCode, Json<ProviderOut>)> {
    let name = field("name", parse_text(&input.name, 200))?;
    let business_id = field("business_id", BusinessId::parse(&input.business_id))?;
    let email = field("email", EmailAddress::parse(&input.email))?;
    let phone = parse_phone(input.phone.as_deref())?;
    password::check_strength(&input.password)?;
    let hash = password::hash(&input.password).await?;
    let tx = state.db.begin_write().await?;
    let id = ProviderId::new();
    let model = provider::ActiveModel {
        id: Set(id.into()),
        name: Set(name.clone()),
        business_id: Set(business_id.to_string()),
        email: Set(email.as_str().to_owned()),
        phone: Set(phone.clone()),
        created_at: Set(Utc::now()),
    }
    .insert(&*tx)
    .await
    .map_err(|e| AppError::from_unique(e, "business_id", "is already registered"))?;
    let new = NewUser {
        email,
        password_hash: hash,
        name,
        roles: vec![Role::ProviderStaff],
        purchaser: None,
        provider: Some(id),
        client: None,
    };
    let user = users::insert(&*tx, new).await?;
    tx.commit().await?;
    Ok((
        StatusCode::CREATED,
        Json(ProviderOut {
            id,
            name: model.name,
            business_id: model.business_id,
            email: Some(model.email),
            phone: model.phone,
            user_id: Some(user.id.into()),
        }),
    ))
}

#[utoipa::path(get, path = "/api/v1/providers/{id}", tag = "providers",
    responses((status = 200, body = ProviderOut), (status = 404, body = crate::error::ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    MaybeActor(actor): MaybeActor,
    PathId(id): PathId<ProviderId>,
) -> AppResult<Json<ProviderOut>> {
    let model = provider::Entity::find_by_id(uuid::Uuid::from(id))
        .one(&state.db.conn)
        .await?
        .ok_or_else(|| AppError::not_found("provider"))?;
    let own = actor.is_some_and(|a| a.provider_id == Some(id));
    Ok(Json(ProviderOut {
        id,
        name: model.name,
        business_id: model.business_id,
        email: own.then_some(model.email),
        phone: if own { model.phone } else { None },
        user_id: None,
    }))
}

#[utoipa::path(get, path = "/api/v1/providers/{id}/commitments", tag = "commitments", params(PageQuery),
    responses((status = 200, body = ListOut<CommitmentOut>)))]
pub async fn commitments(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<ProviderId>,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> AppResult<Json<ListOut<CommitmentOut>>> {
    actor.require_provider(id, "provider")?;
    let page = query.parse()?;
    let select = commitment::Entity::find()
        .filter(commitment::Column::ProviderId.eq(uuid::Uuid::from(id)))
        .order_by_desc(commitment::Column::CreatedAt);
    let (models, total) = fetch_page(&state.db.conn, select, page).await?;
    let items = models
        .iter()
        .map(CommitmentOut::from_model)
        .collect::<AppResult<_>>()?;
    Ok(Json(ListOut { items, total }))
}
