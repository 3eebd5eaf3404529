//! Rows of `allocations`.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "allocations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub client_id: Uuid,
    pub purchaser_id: Uuid,
    pub kind: crate::domain::catalogue::FundingKind,
    pub granted_cents: i64,
    pub available_cents: i64,
    pub reserved_cents: i64,
    pub spent_cents: i64,
    pub expired_cents: i64,
    pub grace_days: i32,
    pub valid_from: Date,
    pub valid_to: Date,
    pub service_ids: Json,
    pub voucher_value_cents: Option<i64>,
    pub created_by: Uuid,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
