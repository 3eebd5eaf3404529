//! Writing a review of an offering, and editing it, from the client side; the rules are in
//! `crate::reviews::authoring`.
use axum::{Json, extract::State, http::StatusCode};
use serde::Deserialize;

use crate::{
    auth::Actor,
    domain::ids::{ClientId, OfferingId, ReviewId},
    error::AppResult,
    reviews::authoring::{self, ReviewText},
    routes::extract::{ApiJson, PathId},
    state::AppState,
};

use super::ReviewOut;

#[derive(Deserialize, utoipa::ToSchema)]
pub struct ReviewIn {
    /// 1 to 5.
    pub stars: i64,
    /// Up to 2,000 characters; no links, email addresses, phone numbers or identity codes.
    pub text: String,
    /// Whose review this is. A client leaves it out; a proxy acting for several clients
    /// names one.
    pub client_id: Option<ClientId>,
}

#[derive(Deserialize, utoipa::ToSchema, Default)]
pub struct ReviewPatchIn {
    pub stars: Option<i64>,
    pub text: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/offerings/{id}/reviews", operation_id = "reviews_write_create", tag = "reviews", params(("id" = uuid::Uuid, Path, description = "the offering")), request_body = ReviewIn,
    responses((status = 201, body = ReviewOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<OfferingId>,
    ApiJson(input): ApiJson<ReviewIn>,
) -> AppResult<(StatusCode, Json<ReviewOut>)> {
    let text = ReviewText {
        stars: input.stars,
        text: &input.text,
        client: input.client_id,
    };
    let created = authoring::create(&state.db, &actor, id, text).await?;
    Ok((StatusCode::CREATED, Json(created)))
}

#[utoipa::path(patch, path = "/api/v1/reviews/{id}", operation_id = "reviews_write_edit", tag = "reviews", params(("id" = uuid::Uuid, Path, description = "the review")), request_body = ReviewPatchIn,
    responses((status = 200, body = ReviewOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn edit(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<ReviewId>,
    ApiJson(input): ApiJson<ReviewPatchIn>,
) -> AppResult<Json<ReviewOut>> {
    let updated =
        authoring::edit(&state.db, &actor, id, input.stars, input.text.as_deref()).await?;
    Ok(Json(updated))
}
