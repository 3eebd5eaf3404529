//! Rows of `review_reports`.
use sea_orm::entity::prelude::*;

use crate::domain::{
    ids::{ReviewId, ReviewReportId, UserId},
    review::ModerationDecision,
};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "review_reports")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: ReviewReportId,
    pub review_id: ReviewId,
    pub reason: String,
    pub reporter_user_id: Option<UserId>,
    pub created_at: DateTimeUtc,
    pub resolved_at: Option<DateTimeUtc>,
    pub resolution: Option<ModerationDecision>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
