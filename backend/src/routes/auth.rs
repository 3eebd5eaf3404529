//! `POST /api/v1/auth/login`: email and password for a bearer token.
use axum::{Json, extract::State};
use chrono::Utc;
use serde::{Deserialize, Serialize};

use crate::{
    accounts::{sessions, sign_in},
    auth::Actor,
    auth::address::ClientAddress,
    domain::{catalogue::Role, ids::UserId},
    error::{AppError, AppResult},
    routes::extract::ApiJson,
    state::AppState,
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
    responses((status = 200, body = LoginOut), (status = 401, body = crate::error::ErrorBody),
        (status = 429, description = "too many attempts; see Retry-After", body = crate::error::ErrorBody)))]
pub async fn login(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    ApiJson(input): ApiJson<LoginIn>,
) -> AppResult<Json<LoginOut>> {
    let signed_in = sign_in::with_password(&state, address, &input.email, &input.password).await?;
    let actor = Actor::from_user(&signed_in.user);
    Ok(Json(LoginOut {
        token: signed_in.session.token,
        expires_at: signed_in.session.expires_at,
        user: UserOut {
            id: actor.user_id,
            name: actor.name,
            roles: actor.roles,
        },
    }))
}

/// Ends a session: the token stops working at once.
pub async fn revoke(state: &AppState, presented: &str) -> AppResult<()> {
    sessions::end(&state.db.conn, presented).await
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
