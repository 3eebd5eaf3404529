//! Rows of `plan_answers`: every version of an answer; the latest per question is current.
use sea_orm::entity::prelude::*;

use crate::domain::{
    catalogue::WrittenBy,
    ids::{PlanAnswerId, PlanId, UserId},
};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "plan_answers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: PlanAnswerId,
    pub plan_id: PlanId,
    pub question_key: String,
    pub text: String,
    pub written_by: WrittenBy,
    pub written_by_user: UserId,
    pub written_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
