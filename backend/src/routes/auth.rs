//! `POST /api/v1/auth/login`: email and password for a bearer token.
use axum::{Json, extract::State};
use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use serde::{Deserialize, Serialize};

use crate::{
    auth::{Actor, password, token},
    db::entities::api_token,
    domain::{catalogue::Role, ids::UserId},
    error::{AppError, AppResult},
    routes::extract::ApiJson,
    state::AppState,
    users,
};

#[derive(Deserialize, utoipa::ToSchema)]
pub struct LoginIn {
    pub email: String,
    pub password: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct LoginOut {
    pub token: String,
    pub expires_at: chrono::DateTime<Utc>,
    pub user: UserOut,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct UserOut {
    pub id: UserId,
    pub name: String,
    pub roles: Vec<Role>,
}

#[utoipa::path(post, path = "/api/v1/auth/login", tag = "auth", request_body = LoginIn,
    responses((status = 200, body = LoginOut), (status = 401, body = crate::error::ErrorBody)))]
pub async fn login(
    State(state): State<AppState>,
    ApiJson(input): ApiJson<LoginIn>,
) -> AppResult<Json<LoginOut>> {
    let (token, expires_at, user) = sign_in(&state, &input.email, &input.password).await?;
    let actor = Actor::from_user(&user);
    Ok(Json(LoginOut {
        token,
        expires_at,
        user: UserOut {
            id: actor.user_id,
            name: actor.name,
            roles: actor.roles,
        },
    }))
}

/// Checks the credentials and issues a token: for the API and the portal's sign-in alike.
pub async fn sign_in(
    state: &AppState,
    email: &str,
    password: &str,
) -> AppResult<(
    String,
    chrono::DateTime<Utc>,
    crate::db::entities::user::Model,
)> {
    if email.len() > 254 || password.len() > 256 {
        return Err(AppError::unauthorized());
    }
    let found = users::find_by_email(&state.db.conn, email).await?;
    // Verify against a dummy hash for unknown emails so timing does not reveal accounts.
    let stored = found
        .as_ref()
        .map(|u| u.password_hash.as_str())
        .unwrap_or(password::DUMMY_HASH);
    let ok = password::verify(password, stored).await;
    let user = match (found, ok) {
        (Some(user), true) => user,
        _ => return Err(AppError::unauthorized()),
    };
    let token = token::new_token();
    let expires_at = Utc::now() + Duration::hours(state.config.token_ttl_hours);
    api_token::ActiveModel {
        token_hash: Set(token::hash(&token)),
        user_id: Set(user.id),
        created_at: Set(Utc::now()),
        expires_at: Set(expires_at),
    }
    .insert(&state.db.conn)
    .await?;
    Ok((token, expires_at, user))
}

/// Ends a session: the token stops working at once.
pub async fn revoke(state: &AppState, presented: &str) -> AppResult<()> {
    api_token::Entity::delete_by_id(token::hash(presented))
        .exec(&state.db.conn)
        .await?;
    Ok(())
}

/// Signs out: the token stops working at once.
#[utoipa::path(post, path = "/api/v1/auth/logout", tag = "auth",
    responses((status = 204), (status = 401, body = crate::error::ErrorBody)))]
pub async fn logout(
    State(state): State<AppState>,
    _actor: Actor,
    headers: axum::http::HeaderMap,
) -> AppResult<axum::http::StatusCode> {
    let presented = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .ok_or_else(AppError::unauthorized)?;
    revoke(&state, presented).await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}
