//! The provider's reply to a review: written once, then edited.
use axum::{Json, extract::State, http::StatusCode};
use serde::Deserialize;

use crate::{
    auth::Actor,
    domain::ids::ReviewId,
    error::AppResult,
    reviews::replies::{ReplyMode, reply},
    routes::extract::{ApiJson, PathId},
    state::AppState,
};

use super::ReviewOut;

#[derive(Deserialize, utoipa::ToSchema)]
pub struct ReplyIn {
    /// Up to 2,000 characters, under the same rules as reviews (no links or contact details).
    pub text: String,
}

#[utoipa::path(post, path = "/api/v1/reviews/{id}/reply", operation_id = "reviews_reply_create", tag = "reviews", params(("id" = uuid::Uuid, Path, description = "the review")), request_body = ReplyIn,
    responses((status = 201, body = ReviewOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<ReviewId>,
    ApiJson(input): ApiJson<ReplyIn>,
) -> AppResult<(StatusCode, Json<ReviewOut>)> {
    let replied = reply(&state.db, &actor, id, &input.text, ReplyMode::First).await?;
    Ok((StatusCode::CREATED, Json(replied)))
}

#[utoipa::path(put, path = "/api/v1/reviews/{id}/reply", operation_id = "reviews_reply_edit", tag = "reviews", params(("id" = uuid::Uuid, Path, description = "the review")), request_body = ReplyIn,
    responses((status = 200, body = ReviewOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn edit(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<ReviewId>,
    ApiJson(input): ApiJson<ReplyIn>,
) -> AppResult<Json<ReviewOut>> {
    Ok(Json(
        reply(&state.db, &actor, id, &input.text, ReplyMode::Edit).await?,
    ))
}
