//! The client side writing and editing its reviews, from the text a person typed: whose
//! review it is (the client, or a proxy naming one of her clients), the stars and the text
//! parsed with field-named errors, then [`super::write`] changes the review.
use axum::http::StatusCode;
use sea_orm::{ConnectionTrait, EntityTrait};

use crate::{
    auth::{ActingFor, Actor, access},
    db::{
        Db,
        entities::{offering, review},
    },
    domain::{
        catalogue::Role,
        ids::{ClientId, OfferingId, ReviewId},
        review::{ReviewTextError, Stars, parse_review_text},
    },
    error::{AppError, AppResult},
};

use super::{
    view::ReviewOut,
    write::{self, NewReview, ReviewPatch},
};

/// A new review as typed.
pub struct ReviewText<'a> {
    pub stars: i64,
    pub text: &'a str,
    /// Whose review this is: a client leaves it out; a proxy for several clients names one.
    pub client: Option<ClientId>,
}

fn parse_stars(value: i64) -> AppResult<Stars> {
    Stars::parse(value).map_err(|e| AppError::invalid("stars", e))
}

/// The review (or reply) text, or a 422 naming `field` with a code that tells links from
/// phone numbers, so the portal can explain the refusal plainly.
pub fn parse_text_field(field: &str, text: &str) -> AppResult<String> {
    parse_review_text(text).map_err(|e: ReviewTextError| match e {
        ReviewTextError::Text(_) => AppError::invalid(field, e),
        _ => {
            let code = e.code();
            AppError::invalid(field, e).with_code(code)
        }
    })
}

const ONLY_CLIENT_SIDE: &str = "only a client, or a proxy for them, may review";

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
        _ => return Err(AppError::forbidden(ONLY_CLIENT_SIDE)),
    };
    let (_, acting) = access::load_client(conn, actor, client)
        .await
        .map_err(|e| {
            if e.status == StatusCode::NOT_FOUND {
                AppError::forbidden(ONLY_CLIENT_SIDE)
            } else {
                e
            }
        })?;
    if !acting.is_client_side() {
        return Err(AppError::forbidden(ONLY_CLIENT_SIDE));
    }
    Ok((client, acting))
}

/// Writes a review of a live offering for the client side.
pub async fn create(
    db: &Db,
    actor: &Actor,
    id: OfferingId,
    input: ReviewText<'_>,
) -> AppResult<ReviewOut> {
    let conn = &db.conn;
    let offering = offering::Entity::find_by_id(id)
        .one(conn)
        .await?
        .filter(|o| !o.archived)
        .ok_or_else(|| AppError::not_found("offering"))?;
    let (client, acting) = reviewer(conn, actor, input.client).await?;
    let stars = parse_stars(input.stars)?;
    let text = parse_text_field("text", input.text)?;
    let created = write::create(
        db,
        &offering,
        client,
        acting,
        NewReview { stars, text },
        actor,
    )
    .await?;
    Ok(ReviewOut::for_author(&created))
}

/// The review, if the actor is on its client's side (the client or a proxy).
pub async fn own_review(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    id: ReviewId,
) -> AppResult<(review::Model, ActingFor)> {
    let model = super::load(conn, id).await?;
    let acting = match access::load_client(conn, actor, model.client_id).await {
        Ok((_, acting)) if acting.is_client_side() => acting,
        _ => {
            return Err(AppError::forbidden(
                "only the client who wrote a review, or their proxy, may edit it",
            ));
        }
    };
    Ok((model, acting))
}

/// Edits the stars, the text or both of the client side's own review.
pub async fn edit(
    db: &Db,
    actor: &Actor,
    id: ReviewId,
    stars: Option<i64>,
    text: Option<&str>,
) -> AppResult<ReviewOut> {
    let (_, acting) = own_review(&db.conn, actor, id).await?;
    let patch = ReviewPatch {
        stars: stars.map(parse_stars).transpose()?,
        text: text.map(|t| parse_text_field("text", t)).transpose()?,
    };
    if patch.stars.is_none() && patch.text.is_none() {
        return Err(AppError::invalid("stars", "or text must be given"));
    }
    let updated = write::edit(db, id, patch, actor, acting).await?;
    Ok(ReviewOut::for_author(&updated))
}
