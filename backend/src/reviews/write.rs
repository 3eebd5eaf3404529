//! Writing and editing a review. Only the client side writes: the client, or a proxy with
//! a live mandate, for that client. Who wrote it is stored but never shown to others.
use chrono::{Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter,
    QuerySelect, Set, sea_query::LockType,
};
use serde_json::json;

use crate::{
    audit::{self, AuditEvent},
    auth::{ActingFor, Actor},
    db::{
        Db,
        entities::{offering, review, review_report, user},
        unique,
    },
    domain::{
        ids::{ClientId, ReviewId, ReviewReportId},
        review::Stars,
    },
    error::{AppError, AppResult},
};

use super::{DAILY_LIMIT, EDIT_WINDOW_DAYS, eligibility, ratings};

pub struct NewReview {
    pub stars: Stars,
    pub text: String,
}

#[derive(Default)]
pub struct ReviewPatch {
    pub stars: Option<Stars>,
    pub text: Option<String>,
}

/// Why a moderator sees a hidden review again after its author edited it.
pub const EDITED_AFTER_HIDING: &str = "edited_after_hiding";

pub async fn create(
    db: &Db,
    offering: &offering::Model,
    client: ClientId,
    acting: ActingFor,
    input: NewReview,
    actor: &Actor,
) -> AppResult<review::Model> {
    let tx = db.begin_write().await?;
    if !eligibility::has_recorded_delivery(&*tx, client, offering.provider_id).await? {
        return Err(AppError::forbidden(
            "only a client with a recorded delivery from this provider may review its services",
        )
        .with_code("no_recorded_delivery"));
    }
    // On PostgreSQL the author's row serializes their concurrent reviews, so the daily
    // limit holds under a burst; SQLite serializes every write anyway.
    if db.is_postgres() {
        user::Entity::find_by_id(actor.user_id)
            .lock(LockType::NoKeyUpdate)
            .one(&*tx)
            .await?;
    }
    let since = Utc::now() - Duration::hours(24);
    let recent = review::Entity::find()
        .filter(review::Column::AuthorUserId.eq(uuid::Uuid::from(actor.user_id)))
        .filter(review::Column::CreatedAt.gt(since))
        .count(&*tx)
        .await?;
    if recent >= DAILY_LIMIT {
        return Err(AppError::too_many(
            "too_many_reviews",
            format!("at most {DAILY_LIMIT} reviews a day; please try again tomorrow"),
        ));
    }
    let existing = review::Entity::find()
        .select_only()
        .column(review::Column::Id)
        .filter(review::Column::ClientId.eq(uuid::Uuid::from(client)))
        .filter(review::Column::OfferingId.eq(offering.id))
        .into_tuple::<uuid::Uuid>()
        .one(&*tx)
        .await?;
    if existing.is_some() {
        return Err(review_exists());
    }
    let model = review::ActiveModel {
        id: Set(ReviewId::new()),
        offering_id: Set(offering.id),
        provider_id: Set(offering.provider_id),
        purchaser_id: Set(offering.purchaser_id),
        client_id: Set(client),
        author_user_id: Set(actor.user_id),
        stars: Set(i16::from(input.stars.get())),
        text: Set(input.text),
        created_at: Set(Utc::now()),
        edited_at: Set(None),
        hidden_at: Set(None),
        hidden_reason: Set(None),
        reply_text: Set(None),
        replied_at: Set(None),
        reply_edited_at: Set(None),
    }
    .insert(&*tx)
    .await
    .map_err(|e| unique::or_else(e, review_exists))?;
    ratings::refresh(&*tx, offering.id).await?;
    audit::record(
        &*tx,
        Some(actor),
        Some(acting),
        AuditEvent {
            action: "review_written",
            subject_type: "review",
            subject_id: model.id.to_string(),
            client: Some(client),
            detail: Some(json!({"offering_id": offering.id, "stars": model.stars})),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(model)
}

fn review_exists() -> AppError {
    AppError::conflict(
        "review_exists",
        "this client has already reviewed this service; edit that review instead",
    )
}

/// Edits a review within its edit window. Editing a hidden review sends it back to the
/// moderators, who may restore it; it stays hidden until they do.
pub async fn edit(
    db: &Db,
    id: ReviewId,
    patch: ReviewPatch,
    actor: &Actor,
    acting: ActingFor,
) -> AppResult<review::Model> {
    let tx = db.begin_write().await?;
    let current = super::load(&*tx, id).await?;
    let now = Utc::now();
    if now > super::editable_until(current.created_at) {
        return Err(AppError::conflict(
            "edit_window_closed",
            format!("a review can be edited for {EDIT_WINDOW_DAYS} days after it was written"),
        ));
    }
    let previous = json!({"stars": current.stars, "text": current.text});
    let hidden = super::is_hidden(&current);
    let offering_id = current.offering_id;
    let client = current.client_id;
    let mut active = current.into_active_model();
    if let Some(stars) = patch.stars {
        active.stars = Set(i16::from(stars.get()));
    }
    if let Some(text) = patch.text {
        active.text = Set(text);
    }
    active.edited_at = Set(Some(now));
    let updated = active.update(&*tx).await?;
    if hidden {
        review_report::ActiveModel {
            id: Set(ReviewReportId::new()),
            review_id: Set(updated.id),
            reason: Set(EDITED_AFTER_HIDING.to_owned()),
            reporter_user_id: Set(Some(actor.user_id)),
            created_at: Set(now),
            resolved_at: Set(None),
            resolution: Set(None),
        }
        .insert(&*tx)
        .await?;
    } else {
        ratings::refresh(&*tx, offering_id).await?;
    }
    audit::record(
        &*tx,
        Some(actor),
        Some(acting),
        AuditEvent {
            action: "review_edited",
            subject_type: "review",
            subject_id: updated.id.to_string(),
            client: Some(client),
            detail: Some(json!({"previous": previous})),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(updated)
}
