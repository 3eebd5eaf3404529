//! Reading reviews over HTTP: public lists per offering and per provider, one review, and a
//! client's own reviews. The reads and who may see what are in `crate::reviews::read`.
use axum::{Json, extract::State};
use serde::Deserialize;

use crate::{
    auth::{Actor, MaybeActor},
    domain::ids::{ClientId, OfferingId, ProviderId, ReviewId},
    error::AppResult,
    reviews::read,
    routes::{
        common::ListOut,
        extract::{ApiQuery, PageQuery, PathId},
    },
    state::AppState,
};

pub use crate::reviews::read::{ReviewRowOut, ReviewsOut};

use super::ReviewOut;

#[utoipa::path(get, path = "/api/v1/offerings/{id}/reviews", tag = "reviews", params(("id" = uuid::Uuid, Path, description = "the offering"), PageQuery),
    responses((status = 200, body = ReviewsOut), (status = 404, body = crate::error::ErrorBody)))]
pub async fn list_for_offering(
    State(state): State<AppState>,
    MaybeActor(actor): MaybeActor,
    PathId(id): PathId<OfferingId>,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> AppResult<Json<ReviewsOut>> {
    let page = query.parse()?;
    Ok(Json(
        read::for_offering(&state.db, actor.as_ref(), id, page).await?,
    ))
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
    let unanswered = query.unanswered == Some(true);
    Ok(Json(
        read::for_provider(&state.db, id, unanswered, page).await?,
    ))
}

#[utoipa::path(get, path = "/api/v1/reviews/{id}", operation_id = "reviews_read_get", tag = "reviews", params(("id" = uuid::Uuid, Path, description = "the review")),
    responses((status = 200, body = ReviewOut), (status = 404, body = crate::error::ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    MaybeActor(actor): MaybeActor,
    PathId(id): PathId<ReviewId>,
) -> AppResult<Json<ReviewOut>> {
    Ok(Json(read::find(&state.db, actor.as_ref(), id).await?))
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
    let listed = read::for_client(&state.db, &actor, id, Some(page)).await?;
    Ok(Json(ListOut {
        items: listed.items,
        total: listed.total,
    }))
}
