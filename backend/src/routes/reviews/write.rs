//! Writing a review of an offering, and editing it, from the client side.
use axum::{Json, extract::State, http::StatusCode};
use sea_orm::{ConnectionTrait, EntityTrait};
use serde::Deserialize;

use crate::{
    auth::{ActingFor, Actor, access},
    db::entities::{offering, review},
    domain::{
        catalogue::Role,
        ids::{ClientId, OfferingId, ReviewId},
        review::{ReviewTextError, Stars, parse_review_text},
    },
    error::{AppError, AppResult},
    reviews::write::{self, NewReview, ReviewPatch},
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

pub(crate) fn parse_stars(value: i64) -> AppResult<Stars> {
    Stars::parse(value).map_err(|e| AppError::invalid("stars", e))
}

/// The review text, or a 422 naming `field` with a code that tells links from phone
/// numbers, so the portal can explain the refusal plainly.
pub(crate) fn parse_text_field(field: &str, text: &str) -> AppResult<String> {
    parse_review_text(text).map_err(|e: ReviewTextError| {
        let code = e.code();
        let error = AppError::invalid(field, e);
        if code == "invalid_field" {
            error
        } else {
            error.with_code(code)
        }
    })
}

/// Whose review the actor is writing, and in what capacity; only the client side may.
async fn reviewer(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    named: Option<ClientId>,
) -> AppResult<(ClientId, ActingFor)> {
    let client = match (named, actor.client_id) {
        (Some(id), _) => id,
        (None, Some(own)) if actor.has(Role::Client) => own,
        (None, _) if actor.has(Role::Proxy) => {
            let clients = access::mandated_clients(conn, actor).await?;
            match clients.as_slice() {
                [only] => *only,
                _ => {
                    return Err(AppError::invalid(
                        "client_id",
                        "is needed: say which client you write this review for",
                    ));
                }
            }
        }
        _ => {
            return Err(AppError::forbidden(
                "only a client, or a proxy for them, may review",
            ));
        }
    };
    let (_, acting) = access::load_client(conn, actor, client)
        .await
        .map_err(|e| {
            if e.status == StatusCode::NOT_FOUND {
                AppError::forbidden("only a client, or a proxy for them, may review")
            } else {
                e
            }
        })?;
    if !acting.is_client_side() {
        return Err(AppError::forbidden(
            "only a client, or a proxy for them, may review",
        ));
    }
    Ok((client, acting))
}

#[utoipa::path(post, path = "/api/v1/offerings/{id}/reviews", operation_id = "reviews_write_create", tag = "reviews", params(("id" = uuid::Uuid, Path, description = "the offering")), request_body = ReviewIn,
    responses((status = 201, body = ReviewOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<OfferingId>,
    ApiJson(input): ApiJson<ReviewIn>,
) -> AppResult<(StatusCode, Json<ReviewOut>)> {
    let conn = &state.db.conn;
    let offering = offering::Entity::find_by_id(uuid::Uuid::from(id))
        .one(conn)
        .await?
        .filter(|o| !o.archived)
        .ok_or_else(|| AppError::not_found("offering"))?;
    let (client, acting) = reviewer(conn, &actor, input.client_id).await?;
    let stars = parse_stars(input.stars)?;
    let text = parse_text_field("text", &input.text)?;
    let created = write::create(
        &state.db,
        &offering,
        client,
        acting,
        NewReview { stars, text },
        &actor,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(ReviewOut::for_author(&created))))
}

/// The review, if the actor is on its client's side (the client or a proxy).
pub(crate) async fn own_review(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    id: ReviewId,
) -> AppResult<(review::Model, ActingFor)> {
    let model = crate::reviews::load(conn, id).await?;
    let acting = match access::load_client(conn, actor, model.client_id.into()).await {
        Ok((_, acting)) if acting.is_client_side() => acting,
        _ => {
            return Err(AppError::forbidden(
                "only the client who wrote a review, or their proxy, may edit it",
            ));
        }
    };
    Ok((model, acting))
}

#[utoipa::path(patch, path = "/api/v1/reviews/{id}", operation_id = "reviews_write_edit", tag = "reviews", params(("id" = uuid::Uuid, Path, description = "the review")), request_body = ReviewPatchIn,
    responses((status = 200, body = ReviewOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn edit(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<ReviewId>,
    ApiJson(input): ApiJson<ReviewPatchIn>,
) -> AppResult<Json<ReviewOut>> {
    let (_, acting) = own_review(&state.db.conn, &actor, id).await?;
    let patch = ReviewPatch {
        stars: input.stars.map(parse_stars).transpose()?,
        text: input
            .text
            .as_deref()
            .map(|t| parse_text_field("text", t))
            .transpose()?,
    };
    if patch.stars.is_none() && patch.text.is_none() {
        return Err(AppError::invalid("stars", "or text must be given"));
    }
    let updated = write::edit(&state.db, id, patch, &actor, acting).await?;
    Ok(Json(ReviewOut::for_author(&updated)))
}
