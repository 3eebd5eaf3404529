//! Reviews: the only code that writes reviews, replies, reports and moderation, and keeps the
//! rating aggregates. Each change, its new rating, the search re-index (through the outbox)
//! and its audit entry commit in one transaction, so the public view, the rating and the
//! search order never disagree for long.
pub mod authoring;
pub mod eligibility;
pub mod moderation;
pub mod queue;
pub mod ratings;
pub mod read;
pub mod replies;
pub mod view;
pub mod write;

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ConnectionTrait, EntityTrait};

use crate::{
    db::entities::review,
    domain::ids::ReviewId,
    error::{AppError, AppResult},
};

/// A review may be edited for this long after it was first written.
pub const EDIT_WINDOW_DAYS: i64 = 30;
/// At most this many new reviews per author in any 24 hours; edits do not count.
pub const DAILY_LIMIT: u64 = 5;

/// Until when a review written at `created_at` may be edited.
pub fn editable_until(created_at: DateTime<Utc>) -> DateTime<Utc> {
    created_at + Duration::days(EDIT_WINDOW_DAYS)
}

pub fn is_hidden(model: &review::Model) -> bool {
    model.hidden_at.is_some()
}

pub async fn load(conn: &impl ConnectionTrait, id: ReviewId) -> AppResult<review::Model> {
    review::Entity::find_by_id(uuid::Uuid::from(id))
        .one(conn)
        .await?
        .ok_or_else(|| AppError::not_found("review"))
}
