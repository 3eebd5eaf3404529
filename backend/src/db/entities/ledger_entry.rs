//! Rows of `ledger_entries`.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "ledger_entries")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub seq: i32,
    pub allocation_id: Uuid,
    pub kind: crate::domain::catalogue::EntryKind,
    pub available_delta_cents: i64,
    pub reserved_delta_cents: i64,
    pub spent_delta_cents: i64,
    pub expired_delta_cents: i64,
    pub commitment_id: Option<Uuid>,
    pub delivery_id: Option<Uuid>,
    pub actor_user_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
