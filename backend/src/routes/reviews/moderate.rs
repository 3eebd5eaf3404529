//! Reports (anyone) and moderation (the purchaser's moderators): hide, restore, or keep a
//! reported review, each with a reason; and the queue of what needs a look.
use std::collections::HashMap;

use axum::{Json, extract::State, http::StatusCode};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, sea_query::Query};
use serde::{Deserialize, Serialize};

use crate::{
    accounts::throttle::Anonymous,
    auth::address::ClientAddress,
    auth::{Actor, MaybeActor},
    db::entities::{review, review_report},
    domain::{
        catalogue::Role,
        ids::{PurchaserId, ReviewId},
        text::parse_text,
    },
    error::{AppError, AppResult, field},
    reviews::moderation::{self, Decision},
    routes::{
        common::{ListOut, fetch_page},
        extract::{ApiJson, ApiQuery, PageQuery, PathId},
    },
    state::AppState,
};

use super::{
    ReviewOut,
    read::{ReviewRowOut, rows_for_moderator},
};

#[derive(Deserialize, utoipa::ToSchema)]
pub struct ReasonIn {
    /// Why, in a sentence or two (up to 1,000 characters).
    pub reason: String,
}

fn parse_reason(input: &ReasonIn) -> AppResult<String> {
    field("reason", parse_text(&input.reason, 1000))
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
    let reason = parse_reason(&input)?;
    let report = moderation::report(&state.db, id, reason, actor.as_ref()).await?;
    Ok((
        StatusCode::CREATED,
        Json(ReportOut {
            id: report.id,
            review_id: report.review_id.into(),
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
    // Permission before parsing, so nobody but a moderator learns what a reason needs.
    let model = crate::reviews::load(&state.db.conn, id).await?;
    moderation::require_moderator(actor, &model)?;
    let reason = parse_reason(input)?;
    let updated = moderation::decide(&state.db, id, decision, reason, actor).await?;
    Ok(Json(ReviewOut::for_moderator(&updated)))
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

#[derive(Serialize, utoipa::ToSchema)]
pub struct QueueItemOut {
    #[serde(flatten)]
    pub row: ReviewRowOut,
    /// The open reports' reasons, oldest first. Who reported is not shown.
    pub reports: Vec<ReportReasonOut>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ReportReasonOut {
    pub reason: String,
    pub reported_at: chrono::DateTime<chrono::Utc>,
    /// True when the author edited a hidden review and asks for another look.
    pub edited_after_hiding: bool,
}

#[utoipa::path(get, path = "/api/v1/purchasers/{pid}/review-moderation", tag = "reviews", params(("pid" = uuid::Uuid, Path, description = "the purchaser"), QueueQuery),
    responses((status = 200, body = ListOut<QueueItemOut>), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn queue(
    State(state): State<AppState>,
    actor: Actor,
    PathId(pid): PathId<PurchaserId>,
    ApiQuery(query): ApiQuery<QueueQuery>,
) -> AppResult<Json<ListOut<QueueItemOut>>> {
    actor.require_staff(pid, Role::Moderator)?;
    let page = PageQuery {
        page: query.page.clone(),
        per_page: query.per_page.clone(),
    }
    .parse()?;
    let conn = &state.db.conn;
    let mut select = review::Entity::find()
        .filter(review::Column::PurchaserId.eq(uuid::Uuid::from(pid)))
        .order_by_desc(review::Column::CreatedAt)
        .order_by_desc(review::Column::Id);
    select = match query.status.as_deref().unwrap_or("reported") {
        "reported" => select.filter(
            review::Column::Id.in_subquery(
                Query::select()
                    .column(review_report::Column::ReviewId)
                    .from(review_report::Entity)
                    .and_where(review_report::Column::ResolvedAt.is_null())
                    .to_owned(),
            ),
        ),
        "hidden" => select.filter(review::Column::HiddenAt.is_not_null()),
        _ => {
            return Err(AppError::bad_parameter(
                "status",
                "must be reported or hidden",
            ));
        }
    };
    let (models, total) = fetch_page(conn, select, page).await?;
    let mut reports: HashMap<uuid::Uuid, Vec<ReportReasonOut>> = HashMap::new();
    for r in review_report::Entity::find()
        .filter(review_report::Column::ReviewId.is_in(models.iter().map(|m| m.id)))
        .filter(review_report::Column::ResolvedAt.is_null())
        .order_by_asc(review_report::Column::CreatedAt)
        .all(conn)
        .await?
    {
        reports
            .entry(r.review_id)
            .or_default()
            .push(ReportReasonOut {
                edited_after_hiding: r.reason == crate::reviews::write::EDITED_AFTER_HIDING,
                reason: r.reason,
                reported_at: r.created_at,
            });
    }
    let items = rows_for_moderator(conn, &models)
        .await?
        .into_iter()
        .zip(&models)
        .map(|(row, m)| QueueItemOut {
            row,
            reports: reports.remove(&m.id).unwrap_or_default(),
        })
        .collect();
    Ok(Json(ListOut { items, total }))
}
