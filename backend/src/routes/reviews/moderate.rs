//! Reports (anyone) and moderation (the purchaser's moderators) over HTTP: hide, restore, or
//! keep a reported review, each with a reason; and the queue of what needs a look. The
//! rules are in `crate::reviews::moderation` and `crate::reviews::queue`.
use axum::{Json, extract::State, http::StatusCode};
use serde::{Deserialize, Serialize};

use crate::{
    accounts::throttle::Anonymous,
    auth::address::ClientAddress,
    auth::{Actor, MaybeActor},
    domain::ids::{PurchaserId, ReviewId},
    error::AppResult,
    reviews::{
        moderation::{self, Decision},
        queue::{self, QueueKind},
    },
    routes::{
        common::ListOut,
        extract::{ApiJson, ApiQuery, PageQuery, PathId},
    },
    state::AppState,
};

pub use crate::reviews::queue::{QueueItemOut, ReportReasonOut};

use super::ReviewOut;

#[derive(Deserialize, utoipa::ToSchema)]
pub struct ReasonIn {
    /// Why, in a sentence or two (up to 1,000 characters).
    pub reason: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ReportOut {
    pub id: uuid::Uuid,
    pub review_id: ReviewId,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

#[utoipa::path(post, path = "/api/v1/reviews/{id}/report", tag = "reviews", params(("id" = uuid::Uuid, Path, description = "the review")), request_body = ReasonIn,
    responses((status = 201, body = ReportOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn report(
    State(state): State<AppState>,
    MaybeActor(actor): MaybeActor,
    ClientAddress(address): ClientAddress,
    PathId(id): PathId<ReviewId>,
    ApiJson(input): ApiJson<ReasonIn>,
) -> AppResult<(StatusCode, Json<ReportOut>)> {
    // Reporting needs no sign-in, so its rate is limited per address.
    state.limits.check(Anonymous::ReviewReport, address)?;
    let report =
        moderation::report_with_reason(&state.db, id, &input.reason, actor.as_ref()).await?;
    Ok((
        StatusCode::CREATED,
        Json(ReportOut {
            id: report.id.into(),
            review_id: report.review_id,
            created_at: report.created_at,
        }),
    ))
}

async fn decide(
    state: &AppState,
    actor: &Actor,
    id: ReviewId,
    decision: Decision,
    input: &ReasonIn,
) -> AppResult<Json<ReviewOut>> {
    Ok(Json(
        moderation::decide_with_reason(&state.db, actor, id, decision, &input.reason).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/reviews/{id}/hide", tag = "reviews", params(("id" = uuid::Uuid, Path, description = "the review")), request_body = ReasonIn,
    responses((status = 200, body = ReviewOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn hide(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<ReviewId>,
    ApiJson(input): ApiJson<ReasonIn>,
) -> AppResult<Json<ReviewOut>> {
    decide(&state, &actor, id, Decision::Hidden, &input).await
}

#[utoipa::path(post, path = "/api/v1/reviews/{id}/restore", tag = "reviews", params(("id" = uuid::Uuid, Path, description = "the review")), request_body = ReasonIn,
    responses((status = 200, body = ReviewOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn restore(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<ReviewId>,
    ApiJson(input): ApiJson<ReasonIn>,
) -> AppResult<Json<ReviewOut>> {
    decide(&state, &actor, id, Decision::Restored, &input).await
}

/// The reports were looked at and the review stays public.
#[utoipa::path(post, path = "/api/v1/reviews/{id}/keep", tag = "reviews", params(("id" = uuid::Uuid, Path, description = "the review")), request_body = ReasonIn,
    responses((status = 200, body = ReviewOut), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn keep(
    State(state): State<AppState>,
    actor: Actor,
    PathId(id): PathId<ReviewId>,
    ApiJson(input): ApiJson<ReasonIn>,
) -> AppResult<Json<ReviewOut>> {
    decide(&state, &actor, id, Decision::Kept, &input).await
}

#[derive(Deserialize, Default, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QueueQuery {
    /// `reported` (default): reviews with open reports; `hidden`: hidden reviews.
    pub status: Option<String>,
    pub page: Option<String>,
    pub per_page: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/purchasers/{pid}/review-moderation", tag = "reviews", params(("pid" = uuid::Uuid, Path, description = "the purchaser"), QueueQuery),
    responses((status = 200, body = ListOut<QueueItemOut>), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn queue(
    State(state): State<AppState>,
    actor: Actor,
    PathId(pid): PathId<PurchaserId>,
    ApiQuery(query): ApiQuery<QueueQuery>,
) -> AppResult<Json<ListOut<QueueItemOut>>> {
    let page = PageQuery {
        page: query.page.clone(),
        per_page: query.per_page.clone(),
    }
    .parse()?;
    let kind = QueueKind::parse(query.status.as_deref())?;
    let listed = queue::queue(&state.db, &actor, pid, kind, page).await?;
    Ok(Json(ListOut {
        items: listed.items,
        total: listed.total,
    }))
}
