//! Rows of `goal_commitments`: which commitment serves which goal of the plan.
use sea_orm::entity::prelude::*;

use crate::domain::ids::{CommitmentId, GoalCommitmentId, GoalId};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "goal_commitments")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: GoalCommitmentId,
    pub goal_id: GoalId,
    pub commitment_id: CommitmentId,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
