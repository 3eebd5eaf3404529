//! `GET` and `PUT /api/v1/me/notifications`: which optional emails a person gets. Mandatory
//! ones (decisions, money, work waiting for them) are listed but cannot be turned off.
use std::collections::BTreeMap;

use axum::{Json, extract::State};

use crate::{
    auth::Actor,
    error::AppResult,
    notify::choices::{current, parse_choices, save},
    routes::extract::ApiJson,
    state::AppState,
};

pub use crate::notify::choices::{NotificationsOut, TopicOut};

#[utoipa::path(get, path = "/api/v1/me/notifications", operation_id = "notifications_get", tag = "auth",
    responses((status = 200, body = NotificationsOut), (status = 401, body = crate::error::ErrorBody)))]
pub async fn get(State(state): State<AppState>, actor: Actor) -> AppResult<Json<NotificationsOut>> {
    Ok(Json(current(&state.db, actor.user_id).await?))
}

#[utoipa::path(put, path = "/api/v1/me/notifications", tag = "auth",
    request_body = BTreeMap<String, String>,
    responses((status = 200, body = NotificationsOut), (status = 422, body = crate::error::ErrorBody)))]
pub async fn put(
    State(state): State<AppState>,
    actor: Actor,
    ApiJson(input): ApiJson<BTreeMap<String, String>>,
) -> AppResult<Json<NotificationsOut>> {
    let choices = parse_choices(&input)?;
    save(&state.db, actor.user_id, choices).await?;
    Ok(Json(current(&state.db, actor.user_id).await?))
}
