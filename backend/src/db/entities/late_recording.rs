//! Rows of `late_recordings`: late recording opened on a commitment until a day.
use sea_orm::entity::prelude::*;

use crate::domain::ids::{CommitmentId, LateRecordingId, UserId};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "late_recordings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: LateRecordingId,
    pub commitment_id: CommitmentId,
    pub until: Date,
    pub reason: String,
    pub opened_by: UserId,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
