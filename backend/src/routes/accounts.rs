//! Accounts over the API: change and reset a password, and (admin) list, deactivate and
//! reactivate accounts. The rules are in `accounts/`.
use axum::{
    Json,
    extract::State,
    http::{HeaderMap, StatusCode, header},
};
use sea_orm::{EntityTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};

use crate::{
    accounts::{directory, lifecycle, links},
    auth::{Actor, address::ClientAddress},
    db::entities::user,
    domain::{catalogue::Role, ids::UserId},
    error::{AppError, AppResult},
    routes::{
        common::{ListOut, fetch_page},
        extract::{ApiJson, ApiQuery, PageQuery, PathId},
    },
    state::AppState,
};

#[derive(Deserialize, utoipa::ToSchema)]
pub struct PasswordChangeIn {
    pub current_password: String,
    pub new_password: String,
}

/// The bearer token of this request: the session that stays when the password changes.
fn presented(headers: &HeaderMap) -> AppResult<&str> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .ok_or_else(AppError::unauthorized)
}

#[utoipa::path(post, path = "/api/v1/auth/password", tag = "auth", request_body = PasswordChangeIn,
    responses((status = 204, description = "changed; every other session of the user ended"),
        (status = 422, body = crate::error::ErrorBody), (status = 429, body = crate::error::ErrorBody)))]
pub async fn change_password(
    State(state): State<AppState>,
    actor: Actor,
    headers: HeaderMap,
    ApiJson(input): ApiJson<PasswordChangeIn>,
) -> AppResult<StatusCode> {
    let session = presented(&headers)?;
    lifecycle::change_password(
        &state,
        &actor,
        session,
        &input.current_password,
        &input.new_password,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct PasswordResetIn {
    pub email: String,
}

#[utoipa::path(post, path = "/api/v1/auth/password-reset", tag = "auth", request_body = PasswordResetIn,
    responses((status = 202, description = "always, whether or not the address is known"),
        (status = 429, body = crate::error::ErrorBody)))]
pub async fn request_reset(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    ApiJson(input): ApiJson<PasswordResetIn>,
) -> AppResult<StatusCode> {
    lifecycle::request_reset(&state, address, &input.email).await?;
    Ok(StatusCode::ACCEPTED)
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct PasswordResetConfirmIn {
    pub token: String,
    pub new_password: String,
}

#[utoipa::path(post, path = "/api/v1/auth/password-reset/confirm", tag = "auth", request_body = PasswordResetConfirmIn,
    responses((status = 204, description = "the password is set; every session of the user ended"),
        (status = 400, description = "the link is used, expired or unknown", body = crate::error::ErrorBody),
        (status = 422, body = crate::error::ErrorBody)))]
pub async fn confirm_reset(
    State(state): State<AppState>,
    ApiJson(input): ApiJson<PasswordResetConfirmIn>,
) -> AppResult<StatusCode> {
    links::use_link(&state.db, &input.token, &input.new_password).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct AccountOut {
    pub id: UserId,
    pub name: String,
    pub email: Option<String>,
    pub roles: Vec<Role>,
    pub active: bool,
    /// Whether the person can sign in with a password (others only with strong
    /// identification, or through an emailed link still to be used).
    pub has_password: bool,
}

impl AccountOut {
    pub fn of(model: &user::Model) -> Self {
        let actor = Actor::from_user(model);
        AccountOut {
            id: actor.user_id,
            name: model.name.clone(),
            email: model.email.clone(),
            roles: actor.roles,
            active: model.deactivated_at.is_none(),
            has_password: model.password_hash.is_some(),
        }
    }
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AccountQuery {
    /// Part of a name or an email address.
    pub q: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/users", operation_id = "accounts_list", tag = "auth", params(AccountQuery, PageQuery),
    responses((status = 200, body = ListOut<AccountOut>), (status = 403, body = crate::error::ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    actor: Actor,
    ApiQuery(query): ApiQuery<AccountQuery>,
    ApiQuery(page): ApiQuery<PageQuery>,
) -> AppResult<Json<ListOut<AccountOut>>> {
    actor.require_admin()?;
    let page = page.parse()?;
    let mut select = user::Entity::find().order_by_asc(user::Column::Name);
    if let Some(q) = query.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        select = select.filter(directory::matching(q));
    }
    let (models, total) = fetch_page(&state.db.conn, select, page).await?;
    Ok(Json(ListOut {
        items: models.iter().map(AccountOut::of).collect(),
        total,
    }))
}

#[utoipa::path(post, path = "/api/v1/users/{id}/deactivate", tag = "auth",
    params(("id" = UserId, Path, description = "the user")),
    responses((status = 200, body = AccountOut), (status = 403, body = crate::error::ErrorBody),
        (status = 404, body = crate::error::ErrorBody)))]
pub async fn deactivate(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<UserId>,
) -> AppResult<Json<AccountOut>> {
    let account = lifecycle::set_active(&state, &actor, id, false).await?;
    Ok(Json(AccountOut::of(&account)))
}

#[utoipa::path(post, path = "/api/v1/users/{id}/reactivate", tag = "auth",
    params(("id" = UserId, Path, description = "the user")),
    responses((status = 200, body = AccountOut), (status = 403, body = crate::error::ErrorBody),
        (status = 404, body = crate::error::ErrorBody)))]
pub async fn reactivate(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<UserId>,
) -> AppResult<Json<AccountOut>> {
    let account = lifecycle::set_active(&state, &actor, id, true).await?;
    Ok(Json(AccountOut::of(&account)))
}
