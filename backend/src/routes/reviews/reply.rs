//! The provider's reply to a review: written once, then edited.
use axum::{Json, extract::State, http::StatusCode};
use serde::Deserialize;

use crate::{
    auth::Actor,
    domain::ids::ReviewId,
    error::AppResult,
    reviews::replies::{ReplyMode, set_reply},
    routes::extract::{ApiJson, PathId},
    state::AppState,
};

use super::{ReviewOut, write::parse_text_field};

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
    let text = parse_text_field("text", &input.text)?;
    let updated = set_reply(&state.db, id, text, ReplyMode::First, &actor).await?;
    Ok((StatusCode::CREATED, Json(ReviewOut::public(&updated))))
}

#[utoipa::path(put, path = "/api/v1/reviews/{id}/reply", operation_id = "reviews_reply_edit", tag = "reviews", params(("id" = uuid::Uuid, Path, description = "the review")), request_body = ReplyIn,
    responses((status = 200, body = ReviewOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn edit(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<ReviewId>,
    ApiJson(input): ApiJson<ReplyIn>,
) -> AppResult<Json<ReviewOut>> {
    let text = parse_text_field("text", &input.text)?;
    let updated = set_reply(&state.db, id, text, ReplyMode::Edit, &actor).await?;
    Ok(Json(ReviewOut::public(&updated)))
}
