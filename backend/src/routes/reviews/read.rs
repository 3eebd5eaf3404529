//! Reading reviews: public lists per offering and per provider, newest first, with the
//! rating summary; one review; and a client's own reviews (audited, as client data).
use std::collections::HashMap;

use axum::{Json, extract::State};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};

use crate::{
    audit::{self, AuditEvent},
    auth::{Actor, MaybeActor, access},
    db::entities::{offering, provider, review},
    domain::{
        LocalizedText,
        ids::{ClientId, OfferingId, ProviderId, ReviewId},
    },
    error::{AppError, AppResult},
    reviews::{self, moderation, ratings},
    routes::{
        common::{ListOut, fetch_page, from_json},
        extract::{ApiQuery, PageQuery, PathId},
    },
    state::AppState,
};

use super::{RatingOut, ReviewOut};

#[derive(Serialize, utoipa::ToSchema)]
pub struct ReviewsOut {
    pub items: Vec<ReviewRowOut>,
    pub total: u64,
    pub rating: RatingOut,
}

/// A review with the offering it is about, for lists that span offerings.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ReviewRowOut {
    #[serde(flatten)]
    pub review: ReviewOut,
    pub offering_title: LocalizedText,
    pub provider_name: String,
}

/// Rows for these reviews with their offerings' titles and providers' names.
async fn rows(
    conn: &impl ConnectionTrait,
    models: &[review::Model],
    view: fn(&review::Model) -> ReviewOut,
) -> AppResult<Vec<ReviewRowOut>> {
    let offerings: HashMap<uuid::Uuid, offering::Model> = offering::Entity::find()
        .filter(offering::Column::Id.is_in(models.iter().map(|r| r.offering_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|o| (o.id, o))
        .collect();
    let providers: HashMap<uuid::Uuid, String> = provider::Entity::find()
        .filter(provider::Column::Id.is_in(models.iter().map(|r| r.provider_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    models
        .iter()
        .map(|m| {
            let offering = offerings
                .get(&m.offering_id)
                .ok_or_else(|| AppError::internal("review without offering"))?;
            Ok(ReviewRowOut {
                review: view(m),
                offering_title: from_json(&offering.title)?,
                provider_name: providers.get(&m.provider_id).cloned().unwrap_or_default(),
            })
        })
        .collect()
}

#[utoipa::path(get, path = "/api/v1/offerings/{id}/reviews", tag = "reviews", params(("id" = uuid::Uuid, Path, description = "the offering"), PageQuery),
    responses((status = 200, body = ReviewsOut), (status = 404, body = crate::error::ErrorBody)))]
pub async fn list_for_offering(
    State(state): State<AppState>,
    MaybeActor(actor): MaybeActor,
    PathId(id): PathId<OfferingId>,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> AppResult<Json<ReviewsOut>> {
    let page = query.parse()?;
    let conn = &state.db.conn;
    let model = offering::Entity::find_by_id(uuid::Uuid::from(id))
        .one(conn)
        .await?
        .ok_or_else(|| AppError::not_found("offering"))?;
    let own = actor.is_some_and(|a| a.provider_id.map(uuid::Uuid::from) == Some(model.provider_id));
    if model.archived && !own {
        return Err(AppError::not_found("offering"));
    }
    let select = review::Entity::find()
        .filter(review::Column::OfferingId.eq(model.id))
        .filter(review::Column::HiddenAt.is_null())
        .order_by_desc(review::Column::CreatedAt)
        .order_by_desc(review::Column::Id);
    let (models, total) = fetch_page(conn, select, page).await?;
    Ok(Json(ReviewsOut {
        items: rows(conn, &models, ReviewOut::public).await?,
        total,
        rating: RatingOut::of(&ratings::of_offering(conn, model.id).await?),
    }))
}

#[derive(Deserialize, Default, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProviderReviewsQuery {
    pub page: Option<String>,
    pub per_page: Option<String>,
    /// `true`: only reviews the provider has not replied to yet.
    pub unanswered: Option<bool>,
}

#[utoipa::path(get, path = "/api/v1/providers/{id}/reviews", operation_id = "reviews_read_list_for_provider", tag = "reviews", params(("id" = uuid::Uuid, Path, description = "the provider"), ProviderReviewsQuery),
    responses((status = 200, body = ReviewsOut), (status = 404, body = crate::error::ErrorBody)))]
pub async fn list_for_provider(
    State(state): State<AppState>,
    PathId(id): PathId<ProviderId>,
    ApiQuery(query): ApiQuery<ProviderReviewsQuery>,
) -> AppResult<Json<ReviewsOut>> {
    let page = PageQuery {
        page: query.page.clone(),
        per_page: query.per_page.clone(),
    }
    .parse()?;
    let conn = &state.db.conn;
    provider::Entity::find_by_id(uuid::Uuid::from(id))
        .one(conn)
        .await?
        .ok_or_else(|| AppError::not_found("provider"))?;
    let mut select = review::Entity::find()
        .filter(review::Column::ProviderId.eq(uuid::Uuid::from(id)))
        .filter(review::Column::HiddenAt.is_null())
        .order_by_desc(review::Column::CreatedAt)
        .order_by_desc(review::Column::Id);
    if query.unanswered == Some(true) {
        select = select.filter(review::Column::ReplyText.is_null());
    }
    let (models, total) = fetch_page(conn, select, page).await?;
    Ok(Json(ReviewsOut {
        items: rows(conn, &models, ReviewOut::public).await?,
        total,
        rating: RatingOut::of(&ratings::of_provider(conn, id.into()).await?),
    }))
}

#[utoipa::path(get, path = "/api/v1/reviews/{id}", operation_id = "reviews_read_get", tag = "reviews", params(("id" = uuid::Uuid, Path, description = "the review")),
    responses((status = 200, body = ReviewOut), (status = 404, body = crate::error::ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    MaybeActor(actor): MaybeActor,
    PathId(id): PathId<ReviewId>,
) -> AppResult<Json<ReviewOut>> {
    let conn = &state.db.conn;
    let model = reviews::load(conn, id).await?;
    if let Some(actor) = &actor {
        if moderation::require_moderator(actor, &model).is_ok() {
            return Ok(Json(ReviewOut::for_moderator(&model)));
        }
        if let Ok((_, acting)) = access::load_client(conn, actor, model.client_id.into()).await
            && acting.is_client_side()
        {
            return Ok(Json(ReviewOut::for_author(&model)));
        }
    }
    if reviews::is_hidden(&model) {
        return Err(AppError::not_found("review"));
    }
    Ok(Json(ReviewOut::public(&model)))
}

#[utoipa::path(get, path = "/api/v1/clients/{id}/reviews", operation_id = "reviews_read_list_for_client", tag = "reviews", params(("id" = uuid::Uuid, Path, description = "the client"), PageQuery),
    responses((status = 200, body = ListOut<ReviewRowOut>), (status = 404, body = crate::error::ErrorBody)))]
pub async fn list_for_client(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<ClientId>,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> AppResult<Json<ListOut<ReviewRowOut>>> {
    let page = query.parse()?;
    let conn = &state.db.conn;
    let (_, acting) = access::load_client(conn, &actor, id).await?;
    if !acting.is_client_side() {
        // Case workers see a client's money, not which reviews they wrote.
        return Err(AppError::not_found("client"));
    }
    let select = review::Entity::find()
        .filter(review::Column::ClientId.eq(uuid::Uuid::from(id)))
        .order_by_desc(review::Column::CreatedAt)
        .order_by_desc(review::Column::Id);
    let (models, total) = fetch_page(conn, select, page).await?;
    audit::record(
        conn,
        Some(&actor),
        Some(acting),
        AuditEvent {
            action: "reviews_listed",
            subject_type: "client",
            subject_id: id.to_string(),
            client: Some(id),
            detail: None,
        },
    )
    .await?;
    Ok(Json(ListOut {
        items: rows(conn, &models, ReviewOut::for_author).await?,
        total,
    }))
}

/// Rows as a moderator sees them (with status and the reason for hiding).
pub(crate) async fn rows_for_moderator(
    conn: &impl ConnectionTrait,
    models: &[review::Model],
) -> AppResult<Vec<ReviewRowOut>> {
    rows(conn, models, ReviewOut::for_moderator).await
}
