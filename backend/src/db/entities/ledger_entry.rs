//! Rows of `ledger_entries`.
use sea_orm::entity::prelude::*;

use crate::domain::Money;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "ledger_entries")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub seq: i32,
    pub allocation_id: Uuid,
    pub kind: crate::domain::catalogue::EntryKind,
    #[sea_orm(column_name = "available_delta_cents")]
    pub available_delta: Money,
    #[sea_orm(column_name = "reserved_delta_cents")]
    pub reserved_delta: Money,
    #[sea_orm(column_name = "spent_delta_cents")]
    pub spent_delta: Money,
    #[sea_orm(column_name = "expired_delta_cents")]
    pub expired_delta: Money,
    pub commitment_id: Option<Uuid>,
    pub delivery_id: Option<Uuid>,
    pub actor_user_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
