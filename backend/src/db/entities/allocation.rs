//! Rows of `allocations`.
use sea_orm::entity::prelude::*;

use crate::domain::{
    Money,
    ids::{AllocationId, ClientId, PurchaserId, UserId},
};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "allocations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: AllocationId,
    pub client_id: ClientId,
    pub purchaser_id: PurchaserId,
    pub kind: crate::domain::catalogue::FundingKind,
    #[sea_orm(column_name = "granted_cents")]
    pub granted: Money,
    #[sea_orm(column_name = "available_cents")]
    pub available: Money,
    #[sea_orm(column_name = "reserved_cents")]
    pub reserved: Money,
    #[sea_orm(column_name = "spent_cents")]
    pub spent: Money,
    #[sea_orm(column_name = "expired_cents")]
    pub expired: Money,
    pub grace_days: i32,
    pub valid_from: Date,
    pub valid_to: Date,
    pub service_ids: Json,
    #[sea_orm(column_name = "voucher_value_cents")]
    pub voucher_value: Option<Money>,
    pub created_by: UserId,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
