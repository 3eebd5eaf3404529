//! The moderators' queue: a purchaser's reviews with open reports (or its hidden ones),
//! newest first, each with the reports' reasons. Who reported is never shown.
use std::collections::HashMap;

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, sea_query::Query};
use serde::Serialize;

use crate::{
    auth::Actor,
    db::{
        Db,
        entities::{review, review_report},
    },
    domain::{
        catalogue::Role,
        ids::{PurchaserId, ReviewId},
    },
    error::{AppError, AppResult},
    paging::{self, Page, Paged},
};

use super::{
    read::{ReviewRowOut, rows_for_moderator},
    write::EDITED_AFTER_HIDING,
};

/// Which reviews the queue shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum QueueKind {
    /// Reviews with open reports.
    #[default]
    Reported,
    /// Hidden reviews.
    Hidden,
}

impl QueueKind {
    /// `reported` or `hidden`; a 400 naming `status` otherwise.
    pub fn parse(raw: Option<&str>) -> AppResult<QueueKind> {
        match raw.unwrap_or("reported") {
            "reported" => Ok(QueueKind::Reported),
            "hidden" => Ok(QueueKind::Hidden),
            _ => Err(AppError::bad_parameter(
                "status",
                "must be reported or hidden",
            )),
        }
    }
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

/// The purchaser's queue for its moderators.
pub async fn queue(
    db: &Db,
    actor: &Actor,
    pid: PurchaserId,
    kind: QueueKind,
    page: Page,
) -> AppResult<Paged<QueueItemOut>> {
    actor.require_staff(pid, Role::Moderator)?;
    let conn = &db.conn;
    let select = review::Entity::find()
        .filter(review::Column::PurchaserId.eq(uuid::Uuid::from(pid)))
        .order_by_desc(review::Column::CreatedAt)
        .order_by_desc(review::Column::Id);
    let select = match kind {
        QueueKind::Reported => select.filter(
            review::Column::Id.in_subquery(
                Query::select()
                    .column(review_report::Column::ReviewId)
                    .from(review_report::Entity)
                    .and_where(review_report::Column::ResolvedAt.is_null())
                    .to_owned(),
            ),
        ),
        QueueKind::Hidden => select.filter(review::Column::HiddenAt.is_not_null()),
    };
    let listed = paging::fetch(conn, select, page).await?;
    let mut reports: HashMap<ReviewId, Vec<ReportReasonOut>> = HashMap::new();
    for r in review_report::Entity::find()
        .filter(review_report::Column::ReviewId.is_in(listed.items.iter().map(|m| m.id)))
        .filter(review_report::Column::ResolvedAt.is_null())
        .order_by_asc(review_report::Column::CreatedAt)
        .all(conn)
        .await?
    {
        reports
            .entry(r.review_id)
            .or_default()
            .push(ReportReasonOut {
                edited_after_hiding: r.reason == EDITED_AFTER_HIDING,
                reason: r.reason,
                reported_at: r.created_at,
            });
    }
    let items = rows_for_moderator(conn, &listed.items)
        .await?
        .into_iter()
        .zip(&listed.items)
        .map(|(row, m)| QueueItemOut {
            row,
            reports: reports.remove(&m.id).unwrap_or_default(),
        })
        .collect();
    Ok(Paged {
        items,
        total: listed.total,
        page: listed.page,
    })
}
