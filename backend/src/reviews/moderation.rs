//! Reports and moderation. Anyone may report a review; a moderator of the purchaser whose
//! catalogue the offering belongs to hides it, restores it, or keeps it public, always with
//! a reason. Hiding or restoring changes the rating (and so the search order) in the same
//! transaction; every act is audit-logged, and the author sees why their review was hidden.
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, Set,
    sea_query::Expr,
};
use serde_json::json;

use crate::{
    audit::{self, AuditEvent},
    auth::Actor,
    db::{
        Db,
        entities::{review, review_report},
    },
    domain::{
        catalogue::Role,
        ids::{ReviewId, ReviewReportId},
        text::parse_text,
    },
    error::{AppError, AppResult, field},
};

use super::{ratings, view::ReviewOut};

/// The longest reason for a report or a moderator's decision.
const REASON_LIMIT: usize = 1000;

pub async fn report(
    db: &Db,
    id: ReviewId,
    reason: String,
    reporter: Option<&Actor>,
) -> AppResult<review_report::Model> {
    let tx = db.begin_write().await?;
    let current = super::load(&*tx, id).await?;
    if super::is_hidden(&current) {
        // Hidden reviews are not public, so there is nothing for the public to report.
        return Err(AppError::not_found("review"));
    }
    // A signed-in person's repeated report of the same review is the same report.
    if let Some(actor) = reporter {
        let open = review_report::Entity::find()
            .filter(review_report::Column::ReviewId.eq(current.id))
            .filter(review_report::Column::ReporterUserId.eq(uuid::Uuid::from(actor.user_id)))
            .filter(review_report::Column::ResolvedAt.is_null())
            .one(&*tx)
            .await?;
        if let Some(open) = open {
            return Ok(open);
        }
    }
    let model = review_report::ActiveModel {
        id: Set(ReviewReportId::new()),
        review_id: Set(current.id),
        reason: Set(reason),
        reporter_user_id: Set(reporter.map(|a| a.user_id)),
        created_at: Set(Utc::now()),
        resolved_at: Set(None),
        resolution: Set(None),
    }
    .insert(&*tx)
    .await?;
    audit::record(
        &*tx,
        reporter,
        None,
        AuditEvent {
            action: "review_reported",
            subject_type: "review",
            subject_id: current.id.to_string(),
            client: None,
            detail: Some(json!({"report_id": model.id})),
        },
    )
    .await?;
    crate::notify::staff::review_reported(&*tx, &current, &model.reason).await?;
    tx.commit().await?;
    Ok(model)
}

pub use crate::domain::review::ModerationDecision as Decision;

/// The moderator's check: moderator role of the purchaser whose offering was reviewed;
/// other purchasers' staff are told the review does not exist.
pub fn require_moderator(actor: &Actor, review: &review::Model) -> AppResult<()> {
    actor.require_staff_for(review.purchaser_id, Role::Moderator, "review")
}

pub async fn decide(
    db: &Db,
    id: ReviewId,
    decision: Decision,
    reason: String,
    actor: &Actor,
) -> AppResult<review::Model> {
    let tx = db.begin_write().await?;
    let current = super::load(&*tx, id).await?;
    require_moderator(actor, &current)?;
    let now = Utc::now();
    let hidden = super::is_hidden(&current);
    let open_reports = review_report::Entity::find()
        .filter(review_report::Column::ReviewId.eq(current.id))
        .filter(review_report::Column::ResolvedAt.is_null())
        .count(&*tx)
        .await?;
    let mut active = current.clone().into_active_model();
    match decision {
        // A hidden review is hidden again only to answer new reports (its author edited it
        // and asked for another look): the reason may change, the reports close.
        Decision::Hidden if hidden && open_reports == 0 => {
            return Err(AppError::conflict(
                "already_hidden",
                "the review is already hidden",
            ));
        }
        Decision::Restored if !hidden => {
            return Err(AppError::conflict("not_hidden", "the review is not hidden"));
        }
        Decision::Kept if hidden || open_reports == 0 => {
            return Err(AppError::conflict(
                "nothing_to_keep",
                "only a public review with open reports can be kept",
            ));
        }
        Decision::Hidden => {
            if !hidden {
                active.hidden_at = Set(Some(now));
            }
            active.hidden_reason = Set(Some(reason.clone()));
        }
        Decision::Restored => {
            active.hidden_at = Set(None);
            active.hidden_reason = Set(None);
        }
        Decision::Kept => {}
    }
    let updated = active.update(&*tx).await?;
    review_report::Entity::update_many()
        .col_expr(review_report::Column::ResolvedAt, Expr::value(now))
        .col_expr(review_report::Column::Resolution, Expr::value(decision))
        .filter(review_report::Column::ReviewId.eq(current.id))
        .filter(review_report::Column::ResolvedAt.is_null())
        .exec(&*tx)
        .await?;
    // Only a change of visibility changes the rating.
    if (decision == Decision::Hidden) != hidden && decision != Decision::Kept {
        ratings::refresh(&*tx, current.offering_id).await?;
    }
    audit::record(
        &*tx,
        Some(actor),
        None,
        AuditEvent {
            action: match decision {
                Decision::Hidden => "review_hidden",
                Decision::Restored => "review_restored",
                Decision::Kept => "review_kept",
            },
            subject_type: "review",
            subject_id: current.id.to_string(),
            client: None,
            detail: Some(json!({"reason": reason, "open_reports": open_reports})),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(updated)
}

/// A reason as typed: required, up to 1,000 characters.
pub fn parse_reason(raw: &str) -> AppResult<String> {
    field("reason", parse_text(raw, REASON_LIMIT))
}

/// Anyone reports a public review, saying why.
pub async fn report_with_reason(
    db: &Db,
    id: ReviewId,
    reason: &str,
    reporter: Option<&Actor>,
) -> AppResult<review_report::Model> {
    let reason = parse_reason(reason)?;
    report(db, id, reason, reporter).await
}

/// A moderator hides, restores or keeps a review for a reason the author will read.
pub async fn decide_with_reason(
    db: &Db,
    actor: &Actor,
    id: ReviewId,
    decision: Decision,
    reason: &str,
) -> AppResult<ReviewOut> {
    // Permission before parsing, so nobody but a moderator learns what a reason needs.
    let model = super::load(&db.conn, id).await?;
    require_moderator(actor, &model)?;
    let reason = parse_reason(reason)?;
    let updated = decide(db, id, decision, reason, actor).await?;
    Ok(ReviewOut::for_moderator(&updated))
}
