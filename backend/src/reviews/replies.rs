//! The provider's reply: one per review, shown under it, editable. A hidden review takes
//! no reply, since nobody would see it.
use chrono::Utc;
use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};
use serde_json::json;

use crate::{
    audit::{self, AuditEvent},
    auth::Actor,
    db::{Db, entities::review},
    domain::ids::ReviewId,
    error::{AppError, AppResult},
};

use super::{authoring::parse_text_field, view::ReviewOut};

/// Whether the reply is the first one or an edit of it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ReplyMode {
    First,
    Edit,
}

pub async fn set_reply(
    db: &Db,
    id: ReviewId,
    text: String,
    mode: ReplyMode,
    actor: &Actor,
) -> AppResult<review::Model> {
    let tx = db.begin_write().await?;
    let current = super::load(&*tx, id).await?;
    actor.require_provider(current.provider_id, "review")?;
    if super::is_hidden(&current) {
        return Err(AppError::conflict(
            "review_hidden",
            "this review is hidden by a moderator and cannot be replied to",
        ));
    }
    let now = Utc::now();
    let mut active = current.clone().into_active_model();
    match (mode, current.reply_text.is_some()) {
        (ReplyMode::First, true) => {
            return Err(AppError::conflict(
                "already_replied",
                "this review already has your reply; edit it instead",
            ));
        }
        (ReplyMode::Edit, false) => {
            return Err(AppError::conflict(
                "no_reply",
                "this review has no reply to edit yet",
            ));
        }
        (ReplyMode::First, false) => active.replied_at = Set(Some(now)),
        (ReplyMode::Edit, true) => active.reply_edited_at = Set(Some(now)),
    }
    active.reply_text = Set(Some(text));
    let updated = active.update(&*tx).await?;
    audit::record(
        &*tx,
        Some(actor),
        None,
        AuditEvent {
            action: match mode {
                ReplyMode::First => "review_replied",
                ReplyMode::Edit => "review_reply_edited",
            },
            subject_type: "review",
            subject_id: updated.id.to_string(),
            client: None,
            detail: Some(json!({"previous": current.reply_text})),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(updated)
}

/// The provider's reply as typed: the same text rules as reviews (no links or contact
/// details); shown under the review for everyone.
pub async fn reply(
    db: &Db,
    actor: &Actor,
    id: ReviewId,
    text: &str,
    mode: ReplyMode,
) -> AppResult<ReviewOut> {
    let text = parse_text_field("text", text)?;
    let updated = set_reply(db, id, text, mode, actor).await?;
    Ok(ReviewOut::public(&updated))
}
