//! Ending a plan with a reason: a decided plan is closed when its follow-up ends, a draft
//! that will not be decided is cancelled. Only the client's case worker may; the plan then
//! keeps its status, the reason, who ended it and when, and takes no more writing
//! (`access::require_open`). No money moves: a decided plan's allocation stays as granted.
use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};

use crate::{
    audit,
    auth::Actor,
    db::{Db, entities::plan},
    domain::{catalogue::PlanStatus, ids::PlanId},
};

use super::{
    PlanError, PlanResult,
    access::{self, require_case_worker},
    invalid,
};

/// The longest reason, in characters.
pub const REASON_LIMIT: usize = 2000;

/// How a plan ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    /// A decided plan whose follow-up ends.
    Close,
    /// A draft that will not be decided.
    Cancel,
}

impl Ending {
    /// The status a plan must have to end this way.
    pub fn from_status(self) -> PlanStatus {
        match self {
            Ending::Close => PlanStatus::Decided,
            Ending::Cancel => PlanStatus::Draft,
        }
    }

    pub fn to_status(self) -> PlanStatus {
        match self {
            Ending::Close => PlanStatus::Closed,
            Ending::Cancel => PlanStatus::Cancelled,
        }
    }

    /// The way a plan of this status may end, if any.
    pub fn allowed_for(status: PlanStatus) -> Option<Ending> {
        match status {
            PlanStatus::Decided => Some(Ending::Close),
            PlanStatus::Draft => Some(Ending::Cancel),
            PlanStatus::Closed | PlanStatus::Cancelled => None,
        }
    }

    fn audit_action(self) -> &'static str {
        match self {
            Ending::Close => "plan_closed",
            Ending::Cancel => "plan_cancelled",
        }
    }
}

/// The reason as typed, trimmed: 1–2000 characters (else a 422 naming `reason`).
pub fn parse_reason(raw: &str) -> PlanResult<String> {
    let reason = raw.trim();
    if reason.is_empty() {
        return Err(invalid("reason", "is required"));
    }
    if reason.chars().count() > REASON_LIMIT {
        return Err(invalid(
            "reason",
            format!("must be at most {REASON_LIMIT} characters"),
        ));
    }
    Ok(reason.to_owned())
}

/// Ends the plan (another status than the ending needs: 409, nothing written).
pub async fn end(
    db: &Db,
    actor: &Actor,
    id: PlanId,
    ending: Ending,
    reason: &str,
) -> PlanResult<plan::Model> {
    let (model, acting) = access::load(&db.conn, actor, id, "plan_read").await?;
    require_case_worker(acting, "close or cancel a plan")?;
    let reason = parse_reason(reason)?;
    if model.status != ending.from_status() {
        return Err(PlanError::WrongStatus {
            status: model.status,
        });
    }
    let now = Utc::now();
    let tx = db.begin_write().await?;
    // Conditional on the status read: of two endings (or an ending and a decision) at once,
    // the second finds the status changed and writes nothing.
    let changed = plan::Entity::update_many()
        .col_expr(
            plan::Column::Status,
            Expr::value(ending.to_status().as_ref()),
        )
        .col_expr(plan::Column::StatusReason, Expr::value(reason))
        .col_expr(plan::Column::StatusChangedBy, Expr::value(actor.user_id.0))
        .col_expr(plan::Column::StatusChangedAt, Expr::value(now))
        .col_expr(plan::Column::UpdatedAt, Expr::value(now))
        .filter(plan::Column::Id.eq(id))
        .filter(plan::Column::Status.eq(ending.from_status().as_ref()))
        .exec(&*tx)
        .await?;
    if changed.rows_affected != 1 {
        return Err(PlanError::WrongStatus {
            status: model.status,
        });
    }
    audit::record_read(
        &*tx,
        actor,
        Some(acting),
        ending.audit_action(),
        "plan",
        id.0,
        model.client_id,
    )
    .await?;
    let ended = plan::Entity::find_by_id(id)
        .one(&*tx)
        .await?
        .ok_or(PlanError::NotFound)?;
    tx.commit().await?;
    Ok(ended)
}
