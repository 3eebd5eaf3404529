//! Rows of `plans`: a client's personal budget plan from the need to the decision.
use sea_orm::entity::prelude::*;

use crate::domain::{
    catalogue::PlanStatus,
    ids::{AllocationId, ClientId, PlanId, PurchaserId, UserId},
};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "plans")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: PlanId,
    pub client_id: ClientId,
    pub purchaser_id: PurchaserId,
    pub status: PlanStatus,
    /// Why a plan was closed or cancelled.
    pub status_reason: Option<String>,
    pub need_identified_on: Date,
    /// Three calendar months after the need, clamped to the month's end.
    pub decision_due: Date,
    pub allocation_id: Option<AllocationId>,
    pub decision_number: Option<String>,
    /// The plain-language decision text `{fi, sv, en}`.
    pub decision_text: Option<Json>,
    pub decided_at: Option<DateTimeUtc>,
    /// Who closed or cancelled the plan, and when.
    pub status_changed_by: Option<UserId>,
    pub status_changed_at: Option<DateTimeUtc>,
    pub created_by: UserId,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
