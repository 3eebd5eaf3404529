//! Rows of `ledger_entries`.
use sea_orm::entity::prelude::*;

use crate::domain::{
    Money,
    ids::{AllocationId, CommitmentId, DeliveryId, UserId},
};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "ledger_entries")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub seq: i32,
    pub allocation_id: AllocationId,
    pub kind: crate::domain::catalogue::EntryKind,
    #[sea_orm(column_name = "available_delta_cents")]
    pub available_delta: Money,
    #[sea_orm(column_name = "reserved_delta_cents")]
    pub reserved_delta: Money,
    #[sea_orm(column_name = "spent_delta_cents")]
    pub spent_delta: Money,
    #[sea_orm(column_name = "expired_delta_cents")]
    pub expired_delta: Money,
    pub commitment_id: Option<CommitmentId>,
    pub delivery_id: Option<DeliveryId>,
    pub actor_user_id: Option<UserId>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
