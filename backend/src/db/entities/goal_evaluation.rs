//! Rows of `goal_evaluations`: how a goal is going (1–5) and a note, by whom and when.
use sea_orm::entity::prelude::*;

use crate::domain::{
    catalogue::WrittenBy,
    ids::{GoalEvaluationId, GoalId, UserId},
};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "goal_evaluations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: GoalEvaluationId,
    pub goal_id: GoalId,
    pub progress: i32,
    pub note: String,
    pub written_by: WrittenBy,
    pub created_by: UserId,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
