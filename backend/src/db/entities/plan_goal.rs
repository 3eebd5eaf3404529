//! Rows of `plan_goals`: a plan's goals by life area.
use sea_orm::entity::prelude::*;

use crate::domain::{
    catalogue::{GoalArea, WrittenBy},
    ids::{GoalId, PlanId, UserId},
};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "plan_goals")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: GoalId,
    pub plan_id: PlanId,
    pub area: GoalArea,
    pub text: String,
    pub target_date: Option<Date>,
    pub written_by: WrittenBy,
    pub created_by: UserId,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
